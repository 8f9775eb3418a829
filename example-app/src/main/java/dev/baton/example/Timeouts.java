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
    try (CancelScope scope = moveOnAfter(1.0)) {
      answer = await(slowLookup(5));
    }
    console.log("moveOnAfter(1.0): " + answer + " at t=" + Math.round(currentTime() - start));

    try (CancelScope scope = moveOnAfter(1.0)) {
      answer = await(slowLookup(0.5));
    }
    console.log("moveOnAfter(1.0) with a fast lookup: " + answer);

    try {
      try (CancelScope scope = failAfter(2.0)) {
        answer = await(slowLookup(5));
      }
    } catch (DeadlineExceededException e) {
      console.log("failAfter(2.0): " + e.getClass().getSimpleName() + " at t=" + Math.round(currentTime() - start));
    }
    return done();
  }
}
