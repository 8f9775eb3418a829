package dev.baton.example.threads;

import static dev.baton.Baton.await;
import static dev.baton.Baton.callFromWorker;
import static dev.baton.Baton.callSyncFromWorker;
import static dev.baton.Baton.checkCancelledFromWorker;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.failAfter;
import static dev.baton.Baton.openCancelScope;
import static dev.baton.Baton.runInThread;
import static dev.baton.Baton.sleep;
import static dev.baton.Baton.waitAllTasksBlocked;

import dev.baton.CancelScope;
import dev.baton.Coroutine;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The coroutines of {@link FromWorkerTest}: worker threads calling back into their loop. */
public class WorkerScenarios {
  String loopThread;

  @Async
  public Coroutine<Integer> add(int a, int b) {
    await(sleep(0));
    if (!Thread.currentThread().getName().equals(loopThread)) {
      throw new AssertionError("not on the loop thread: " + Thread.currentThread().getName());
    }
    return done(a + b);
  }

  /** anyio test_run_corofunc_from_thread. */
  @Async
  public Coroutine<Integer> coroutineFromAWorker() {
    loopThread = Thread.currentThread().getName();
    return done(await(runInThread(() -> callFromWorker(() -> add(1, 2)))));
  }

  /** anyio test_run_sync_from_thread. */
  @Async
  public Coroutine<Boolean> functionFromAWorker() {
    String loop = Thread.currentThread().getName();
    String ran = await(runInThread(() -> callSyncFromWorker(() -> Thread.currentThread().getName())));
    return done(ran.equals(loop));
  }

  /** anyio test_run_async_from_thread_exception, test_run_sync_from_thread_exception. */
  @Async
  public Coroutine<String> failuresComeBackToTheWorker() {
    String a = await(runInThread(() -> {
      try {
        callFromWorker(() -> fail("async"));
        return "none";
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }));
    String b = await(runInThread(() -> {
      try {
        callSyncFromWorker(() -> {
          throw new IllegalArgumentException("sync");
        });
        return "none";
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    }));
    return done(a + " " + b);
  }

  @Async
  public Coroutine<Integer> fail(String message) {
    await(sleep(0));
    throw new IllegalArgumentException(message);
  }

  /** anyio test_run_anyio_async_func_from_thread: a runtime operation, not only a coroutine. */
  @Async
  public Coroutine<Boolean> sleepFromAWorker() {
    return done(await(runInThread(() -> {
      callFromWorker(() -> sleep(0.01));
      return true;
    })));
  }

  /** anyio test_cancelscope_propagation: the call runs in the scope of the task waiting for the thread. */
  @Async
  public Coroutine<Boolean> theCallRunsInTheWaitingTasksScope() {
    CancelScope scope = openCancelScope();
    try (scope) {
      await(runInThread(() -> callFromWorker(() -> timeBomb(scope))));
    }
    return done(scope.cancelledCaught());
  }

  @Async
  public Coroutine<Void> timeBomb(CancelScope scope) {
    scope.cancel();
    try (CancelScope limit = failAfter(1)) {
      await(sleep(3));
    }
    return done();
  }

  /** anyio test_thread_cancelled: the worker asks whether its task was cancelled. */
  @Async
  public Coroutine<String> threadAsksIfCancelled(boolean cancel) {
    CountDownLatch event = new CountDownLatch(1);
    CompletableFuture<String> seen = new CompletableFuture<>();
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(awaitThread(askIfCancelled(event, seen)));
      await(waitAllTasksBlocked());
      if (cancel) {
        tg.cancelScope().cancel();
      }
      event.countDown();
    }
    return done(seen.getNow("nothing"));
  }

  /** anyio test_thread_cancelled_and_abandoned: an abandoned worker learns that its task was cancelled. */
  @Async
  public Coroutine<String> abandonedThreadAsksIfCancelled() {
    CountDownLatch event = new CountDownLatch(1);
    CompletableFuture<String> seen = new CompletableFuture<>();
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(abandonThread(askIfCancelled(event, seen)));
      await(waitAllTasksBlocked());
      tg.cancelScope().cancel();
    }
    event.countDown();
    return done(await(dev.baton.Baton.fromFuture(seen)));
  }

  /** A worker's body: once {@code event} is released, asks whether its task is cancelled. */
  static java.util.concurrent.Callable<Object> askIfCancelled(CountDownLatch event, CompletableFuture<String> seen) {
    return () -> {
      event.await(5, TimeUnit.SECONDS);
      try {
        checkCancelledFromWorker();
        seen.complete("not cancelled");
      } catch (Throwable t) {
        seen.complete(t.getClass().getSimpleName());
      }
      return null;
    };
  }

  @Async
  public Coroutine<Void> abandonThread(java.util.concurrent.Callable<?> body) {
    await(runInThread(body, true));
    return done();
  }

  @Async
  public Coroutine<Void> awaitThread(java.util.concurrent.Callable<?> body) {
    await(runInThread(body));
    return done();
  }
}
