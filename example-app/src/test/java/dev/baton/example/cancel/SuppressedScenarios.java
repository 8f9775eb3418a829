package dev.baton.example.cancel;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleepForever;
import static dev.baton.Baton.waitAllTasksBlocked;

import dev.baton.Cancelled;
import dev.baton.Coroutine;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;

/**
 * Coroutines for {@link CancelledFailuresTest}: a cancellation that passes through frames with no
 * {@code try} around an await (which rethrow it unseen) and through frames whose code handles it.
 */
public class SuppressedScenarios {
  /** No try: its frame cannot see what the loop delivers to it. */
  @Async
  public static Coroutine<Void> blockForever() {
    await(sleepForever());
    return done();
  }

  /** No try either, one level up: the cancellation passes through two frames unseen. */
  @Async
  public static Coroutine<Void> blockForeverTwoDeep() {
    await(blockForever());
    return done();
  }

  /** Catches the cancellation coming out of catch-free frames and adds a failure to it by hand. */
  @Async
  public static Coroutine<Void> addsToTheCancellation(String failure) {
    try {
      await(blockForeverTwoDeep());
    } catch (Cancelled c) {
      c.addSuppressed(new IllegalStateException(failure));
      throw c;
    }
    return done();
  }

  /** A resource whose close() fails while the cancellation from a catch-free callee passes through. */
  @Async
  public static Coroutine<Void> closeFailsAroundACatchFreeCallee(String failure) {
    try (FailingClose r = new FailingClose(failure)) {
      await(blockForever());
    }
    return done();
  }

  /** Calls a coroutine that adds a failure, from a frame with no try (the failure must still count). */
  @Async
  public static Coroutine<Void> catchFreeCallerOf(String failure) {
    await(addsToTheCancellation(failure));
    return done();
  }

  /**
   * A task group, cancelled from outside, in a resource whose close() fails: the group's exit hands
   * the cancellation to this frame as a value, and the frame's own code throws it, into the close.
   */
  @Async
  public static Coroutine<Void> closeFailsAroundACancelledGroup(String failure) {
    try (FailingClose r = new FailingClose(failure)) {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(blockForever());
      }
    }
    return done();
  }

  /** A resource whose close() throws. */
  public record FailingClose(String failure) implements AutoCloseable {
    @Override
    public void close() {
      throw new IllegalStateException(failure);
    }
  }

  /** {@code children} tasks of one of the kinds above, cancelled together once all are blocked. */
  @Async
  public static Coroutine<Void> cancelAll(int kind, int children) {
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int i = 0; i < children; i++) {
        switch (kind) {
          case 0 -> tg.startSoon(blockForeverTwoDeep());
          case 1 -> tg.startSoon(addsToTheCancellation("added " + i));
          case 2 -> tg.startSoon(closeFailsAroundACatchFreeCallee("close " + i));
          case 3 -> tg.startSoon(catchFreeCallerOf("added " + i));
          default -> tg.startSoon(closeFailsAroundACancelledGroup("group " + i));
        }
      }
      await(waitAllTasksBlocked());
      tg.cancelScope().cancel();
    }
    return done();
  }
}
