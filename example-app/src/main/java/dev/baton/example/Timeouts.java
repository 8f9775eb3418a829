package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.currentTime;
import static dev.baton.Baton.done;
import static dev.baton.Baton.failAfter;
import static dev.baton.Baton.moveOnAfter;
import static dev.baton.Baton.sleep;

import dev.baton.CancelScope;
import dev.baton.Coroutine;
import dev.baton.DeadlineExceededException;
import dev.baton.annotations.Async;

/**
 * Timeouts are cancel scopes. {@code moveOnAfter} gives up silently (check
 * {@code cancelledCaught()} to know); {@code failAfter} turns the timeout into a
 * {@link DeadlineExceededException}. The cancellation is delivered at the await that was waiting,
 * so {@code finally} blocks run as usual.
 */
public class Timeouts {
  final Console console;

  public Timeouts(Console console) {
    this.console = console;
  }

  @Async
  public Coroutine<String> slowLookup(double seconds) {
    try {
      await(sleep(seconds));
      return done("found after " + seconds + " s");
    } finally {
      console.log("slowLookup(" + seconds + ") cleans up");
    }
  }

  @Async
  public Coroutine<Void> main() {
    double start = currentTime();
    String answer = "no answer";
    CancelScope tooSlow = moveOnAfter(1.0);
    try (tooSlow) {
      answer = await(slowLookup(5));           // cancelled at t=1; the scope catches it
    }
    console.log("moveOnAfter(1.0): " + answer + ", cancelledCaught=" + tooSlow.cancelledCaught()
        + ", t=" + (currentTime() - start));

    CancelScope inTime = moveOnAfter(1.0);
    try (inTime) {
      answer = await(slowLookup(0.5));         // done at t=1.5, before the deadline at t=2
    }
    console.log("moveOnAfter(1.0) with a fast lookup: " + answer + ", cancelledCaught=" + inTime.cancelledCaught()
        + ", t=" + (currentTime() - start));

    try {
      try (CancelScope deadline = failAfter(2.0)) {
        answer = await(slowLookup(5));         // cancelled at t=3.5: the deadline caused it, so it throws
      }
    } catch (DeadlineExceededException e) {
      console.log("failAfter(2.0): " + e.getClass().getSimpleName() + ", t=" + (currentTime() - start));
    }
    return done();
  }
}
