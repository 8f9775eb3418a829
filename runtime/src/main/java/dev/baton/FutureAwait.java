package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * {@link Baton#fromFuture}: awaits a {@link CompletionStage} without blocking the loop. A checkpoint;
 * the stage's completion is posted to the loop's inbox and resumes the task. Cancelling the waiting
 * task cancels the future ({@link CompletableFuture#cancel}, when the stage is one) and throws
 * {@link Cancelled} at once.
 */
final class FutureAwait<T> extends RuntimeOperation<T> {
  private final CompletionStage<T> stage;
  private Runner runner;
  private Task task;

  FutureAwait(CompletionStage<T> stage) {
    this.stage = stage;
  }

  @Override
  protected Object begin(Task t, Loop loop) {
    if (t.cancelled()) {
      throw t.newCancelled();
    }
    if (runner != null) {
      throw new IllegalStateException("the awaitable returned by fromFuture() was already awaited; call fromFuture() again");
    }
    runner = (Runner) loop;
    if (stage instanceof CompletableFuture && ((CompletableFuture<T>) stage).isDone()) {
      CompletableFuture<T> f = (CompletableFuture<T>) stage;
      try {
        return loop.yieldWith(t, f.get());
      } catch (ExecutionException | CompletionException e) {
        throw sneaky(RunInThread.uncheckedOrWrapped(unwrap(e)));
      } catch (InterruptedException e) {
        throw new AssertionError("a completed future does not wait", e);
      }
    }
    task = t;
    runner.beginExternalWork();
    stage.whenComplete((value, error) -> {
      try {
        runner.post(() -> completed(value, error));
      } catch (IllegalStateException loopEnded) {
        // the loop is gone: nobody waits
      }
    });
    return loop.park(t, this);
  }

  private void completed(T value, Throwable error) {
    Task t = task;
    if (t == null) {
      return; // the wait was cancelled, and the future with it
    }
    task = null;
    runner.endExternalWork();
    if (error != null) {
      runner.fail(t, RunInThread.uncheckedOrWrapped(unwrap(error)));
    } else {
      runner.resume(t, value);
    }
  }

  @Override
  protected boolean abort(Task t, Loop loop) {
    task = null;
    runner.endExternalWork();
    try {
      stage.toCompletableFuture().cancel(true);
    } catch (UnsupportedOperationException e) {
      // a stage that cannot be turned into a future cannot be cancelled either
    }
    return true;
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Override
  public String toString() {
    return "the future " + stage;
  }
}
