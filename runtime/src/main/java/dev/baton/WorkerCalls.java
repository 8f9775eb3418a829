package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Calls from a worker thread of {@link Baton#runInThread} back into its loop (anyio's
 * {@code from_thread}): no portal needed, since the worker knows its loop and the task waiting for
 * it. A coroutine called this way runs as a task in the cancel scope of that waiting task, so
 * cancelling the task's scope cancels it too, and its {@link Cancelled} propagates through the
 * worker thread back to the scope.
 */
final class WorkerCalls {
  /** The operation whose worker thread this is, while its callable runs. */
  static final ThreadLocal<RunInThread<?>> CURRENT = new ThreadLocal<>();

  private WorkerCalls() {}

  private static RunInThread<?> worker(String what) {
    RunInThread<?> w = CURRENT.get();
    if (w == null) {
      throw new IllegalStateException(what + " can only be called from a worker thread of Baton.runInThread(...); "
          + "other threads reach a loop through a BlockingPortal");
    }
    return w;
  }

  static <T> T call(Supplier<? extends Awaitable<T>> awaitable) {
    Objects.requireNonNull(awaitable, "awaitable == null");
    RunInThread<?> w = worker("Baton.callFromWorker()");
    CompletableFuture<T> result = new CompletableFuture<>();
    post(w, result, () -> {
      Task waiting = w.waitingTask();
      if (waiting == null) {
        result.completeExceptionally(abandoned());
        return;
      }
      w.runner().spawn(new Relay<>(awaitable), waiting.scope(),
          Task.Parent.named(new Completes<>(result), "call from a worker thread"));
    });
    return join(result);
  }

  static <T> T callSync(Callable<T> function) {
    Objects.requireNonNull(function, "function == null");
    RunInThread<?> w = worker("Baton.callSyncFromWorker()");
    CompletableFuture<T> result = new CompletableFuture<>();
    post(w, result, () -> {
      try {
        result.complete(function.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return join(result);
  }

  static void checkCancelled() {
    RunInThread<?> w = worker("Baton.checkCancelledFromWorker()");
    CompletableFuture<Void> result = new CompletableFuture<>();
    post(w, result, () -> {
      Task waiting = w.waitingTask();
      if (waiting == null) {
        // a worker is abandoned only by a cancelled task
        result.completeExceptionally(new Cancelled("the task waiting for this worker thread was cancelled and abandoned it"));
      } else if (waiting.cancelled()) {
        result.completeExceptionally(Cancelled.exposed(waiting.newCancelled())); // thrown in the worker thread
      } else {
        result.complete(null);
      }
    });
    join(result);
  }

  private static IllegalStateException abandoned() {
    return new IllegalStateException("the task that started this worker thread no longer waits for it (it was "
        + "cancelled and abandoned the thread)");
  }

  private static <T> void post(RunInThread<?> w, CompletableFuture<T> result, Runnable body) {
    try {
      w.runner().post(new Loop.Rejectable() {
        @Override
        public void run() {
          body.run();
        }

        @Override
        public void reject() {
          result.completeExceptionally(new IllegalStateException("the worker thread's loop has finished running"));
        }
      });
    } catch (IllegalStateException loopEnded) {
      result.completeExceptionally(loopEnded);
    }
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw sneaky(RunInThread.uncheckedOrWrapped(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for the loop");
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  /** The root of a call's task: awaits what the supplier makes, in tail position. */
  private static final class Relay<T> extends Coroutine<T> {
    private final Supplier<? extends Awaitable<T>> awaitable;

    Relay(Supplier<? extends Awaitable<T>> awaitable) {
      this.awaitable = awaitable;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) {
      return $tail(Objects.requireNonNull(awaitable.get(), "the supplier returned null"));
    }
  }

  /** Hears of the call task's end: its outcome, Cancelled included, goes to the worker thread. */
  private static final class Completes<T> extends Task.Parent {
    private final CompletableFuture<T> result;

    Completes(CompletableFuture<T> result) {
      this.result = result;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void childFinished(Task child, Object value, Throwable error) {
      if (error != null) {
        result.completeExceptionally(Cancelled.exposed(error)); // read in the worker thread
      } else {
        result.complete((T) value);
      }
    }
  }
}
