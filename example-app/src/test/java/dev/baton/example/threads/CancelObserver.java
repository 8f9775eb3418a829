package dev.baton.example.threads;

import static dev.baton.Baton.await;
import static dev.baton.Baton.done;
import static dev.baton.Baton.openCancelScope;
import static dev.baton.Baton.sleep;

import dev.baton.CancelScope;
import dev.baton.Cancelled;
import dev.baton.Coroutine;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.TaskStatus;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.concurrent.CompletableFuture;

/** Small coroutines for {@link PortalTest}. */
public class CancelObserver {
  @Async
  public Coroutine<Void> sleepAndReport(CompletableFuture<String> seen) {
    try {
      await(sleep(3));
      seen.complete("not cancelled");
    } catch (Cancelled c) {
      seen.complete("cancelled");
      throw c;
    }
    return done();
  }

  @Async
  public Coroutine<Integer> fail(String message) {
    await(sleep(0));
    throw new IllegalArgumentException(message);
  }

  @Async
  public Coroutine<Integer> sum(MemoryObjectReceiveStream<Integer> in) {
    int sum = 0;
    for (@Await Integer i : in) {
      sum += i;
    }
    return done(sum);
  }

  @Async
  public Coroutine<CancelScope> scopeOfAFinishedTask() {
    CancelScope scope = openCancelScope();
    try (scope) {
      await(sleep(0));
    }
    return done(scope);
  }

  @Async
  public Coroutine<String> startedWith(TaskStatus<String> status, String value) {
    status.started(value);
    await(sleep(0));
    return done("ended");
  }

  @Async
  public Coroutine<Void> crashBeforeStarted(TaskStatus<Integer> status) {
    await(sleep(0));
    throw new IllegalArgumentException("foo");
  }

  @Async
  public Coroutine<Void> crashAfterStarted(TaskStatus<Integer> status) {
    status.started(2);
    await(sleep(0));
    throw new IllegalArgumentException("foo");
  }

  @Async
  public Coroutine<Void> neverStarted(TaskStatus<Integer> status) {
    await(sleep(0));
    return done();
  }
}
