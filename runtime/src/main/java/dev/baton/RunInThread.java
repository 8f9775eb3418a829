package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Baton#runInThread}: runs a callable in a worker thread while the task waits, parked, and
 * the loop runs the others. A checkpoint first (a task cancelled before the thread starts never runs
 * the callable); then a token of the loop's {@link ThreadLimiter}, waited for in FIFO order; then
 * the thread. The token comes back when the thread has finished, even an abandoned one, so at most
 * the limiter's tokens of threads run for a loop at once.
 *
 * <p>Cancelled while the thread runs: by default the task keeps waiting for it (the wait is
 * shielded; the cancellation is seen at the task's next checkpoint, and the callable's result is
 * returned); with {@code abandonOnCancel} the task gets {@link Cancelled} at once and the thread's
 * result is dropped when it comes.
 */
final class RunInThread<T> extends RuntimeOperation<T> {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Daemon worker threads shared by every loop, reused while busy, gone after 10 s idle. */
  private static final ThreadPoolExecutor WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "baton-worker-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });

  private final Callable<T> callable;
  private final boolean abandonOnCancel;
  /** A token of a caller's {@link CapacityLimiter}, held already (else the loop's limiter is used). */
  private final Acquired held;
  private Runner runner;
  /** The waiting task, until the result is handed over or the wait is abandoned. */
  private Task task;
  private boolean threadStarted;

  RunInThread(Callable<T> callable, boolean abandonOnCancel) {
    this(callable, abandonOnCancel, null);
  }

  /** With {@code held}, a token of the caller's limiter: the thread starts at once, the token goes back when it ends. */
  RunInThread(Callable<T> callable, boolean abandonOnCancel, Acquired held) {
    this.callable = callable;
    this.abandonOnCancel = abandonOnCancel;
    this.held = held;
  }

  @Override
  protected Object begin(Task t, Loop loop) {
    if (t.cancelled()) {
      if (held != null) {
        held.close();
      }
      throw t.newCancelled();
    }
    if (runner != null) {
      throw new IllegalStateException("the awaitable returned by runInThread() was already awaited; call runInThread() again");
    }
    runner = (Runner) loop;
    task = t;
    ThreadLimiter limiter = runner.threadLimiter();
    if (held != null) {
      startThread();
    } else if (limiter.tryAcquire()) {
      startThread();
    } else {
      limiter.enqueue(t);
    }
    return loop.park(t, this);
  }

  /** The limiter hands this waiting operation a token. */
  void tokenGranted(Task t) {
    startThread();
  }

  private void startThread() {
    threadStarted = true;
    runner.beginExternalWork();
    WORKERS.execute(() -> {
      Object value = null;
      Throwable error = null;
      WorkerCalls.CURRENT.set(this);
      try {
        value = callable.call();
      } catch (Throwable e) {
        error = e;
      } finally {
        WorkerCalls.CURRENT.remove();
      }
      Object v = value;
      Throwable err = error;
      try {
        runner.post(() -> finished(v, err));
      } catch (IllegalStateException loopEnded) {
        // an abandoned thread outlived its loop: nobody waits for its result
      }
    });
  }

  Runner runner() {
    return runner;
  }

  /** On the loop's thread: the task waiting for this thread, or null once it has stopped waiting (abandoned). */
  Task waitingTask() {
    return task;
  }

  /** On the loop's thread: the callable has returned or thrown. */
  private void finished(Object value, Throwable error) {
    runner.endExternalWork();
    if (held != null) {
      held.close();
    } else {
      runner.threadLimiter().release();
    }
    Task t = task;
    task = null;
    if (t == null) {
      return; // abandoned
    }
    if (error != null) {
      runner.fail(t, uncheckedOrWrapped(error));
    } else {
      runner.resume(t, value);
    }
  }

  @Override
  protected boolean abort(Task t, Loop loop) {
    if (!threadStarted) {
      runner.threadLimiter().dequeue(t);
      task = null;
      return true;
    }
    if (abandonOnCancel) {
      task = null;
      return true;
    }
    return false; // the task waits for the thread; it sees the cancellation at its next checkpoint
  }

  /** An unchecked failure as is; a checked one wrapped in {@link CompletionException} (await declares nothing). */
  static Throwable uncheckedOrWrapped(Throwable e) {
    if (e instanceof RuntimeException || e instanceof Error) {
      return e;
    }
    return new CompletionException(e);
  }

  /**
   * {@link Baton#runInThread(Callable, CapacityLimiter, boolean)}: a token of the caller's limiter
   * (borrowed on behalf of this call, waited for as any acquire: a checkpoint, cancellable), then
   * the thread, which gives the token back when it ends.
   */
  static final class Limited<T> extends Coroutine<T> {
    private final Callable<T> callable;
    private final CapacityLimiter limiter;
    private final boolean abandonOnCancel;
    private int state;

    Limited(Callable<T> callable, CapacityLimiter limiter, boolean abandonOnCancel) {
      this.callable = callable;
      this.limiter = limiter;
      this.abandonOnCancel = abandonOnCancel;
    }

    @Override
    protected Object $step(Object value, Throwable error) throws Throwable {
      if (error != null) {
        throw error;
      }
      switch (state) {
        case 0:
          state = 1;
          return limiter.acquireOnBehalfOf(this);
        case 1:
          state = 2;
          return new RunInThread<>(callable, abandonOnCancel, (Acquired) value);
        default:
          @SuppressWarnings("unchecked") T result = (T) value;
          return $complete(result);
      }
    }
  }

  @Override
  public String describe(double now) {
    if (threadStarted) {
      return "runInThread: its worker thread to finish" + (abandonOnCancel ? " (abandoned if cancelled)" : "");
    }
    ThreadLimiter limiter = runner.threadLimiter();
    return "runInThread: a worker thread token (" + limiter.borrowed() + " of " + limiter.total() + " in use, "
        + limiter.waiting() + " waiting)";
  }

  @Override
  public String toString() {
    return threadStarted ? "runInThread(" + callable + ") to finish" : "a worker thread token for runInThread(" + callable + ")";
  }
}
