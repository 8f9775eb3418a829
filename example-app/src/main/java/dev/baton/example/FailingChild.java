package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleep;

import dev.baton.Cancelled;
import dev.baton.Coroutine;
import dev.baton.ExceptionGroup;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;

/**
 * Why structured concurrency matters: when one child fails, its siblings are cancelled (their
 * {@code finally} blocks run), the group waits for them, and the failure reaches the code that
 * opened the group as an {@link ExceptionGroup}. Nothing keeps running in the background, and no
 * error is lost.
 */
public class FailingChild {
  final Console console;

  public FailingChild(Console console) {
    this.console = console;
  }

  @Async
  public Coroutine<Void> steady(String name) {
    try {
      await(sleep(10));
      console.log(name + " finished (should not happen)");
    } catch (Cancelled c) {
      console.log(name + " was cancelled");
      throw c;
    } finally {
      console.log(name + " cleans up");
    }
    return done();
  }

  @Async
  public Coroutine<Void> failing() {
    await(sleep(1));
    console.log("failing child raises");
    throw new IllegalStateException("the disk is full");
  }

  @Async
  public Coroutine<Integer> main() {
    try {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(steady("steady-1"));
        tg.startSoon(steady("steady-2"));
        tg.startSoon(failing());
      }
    } catch (ExceptionGroup group) {
      for (Throwable failure : group.exceptions()) {
        console.log("the group failed with " + failure);
      }
      return done(group.exceptions().size());
    }
    return done(0);
  }
}
