package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Resource;
import dev.baton.core.Task;
import dev.baton.lowlevel.AsyncCloseable;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A door into a running loop for other threads (anyio's {@code BlockingPortal}): a thread that is
 * not the loop's runs a coroutine in the loop and blocks for its result ({@link #call}), starts one
 * as a task and gets a future ({@link #startTaskSoon}), or runs a plain function on the loop's
 * thread ({@link #callSync}). Loop objects are not thread-safe; this is how other threads use them
 * (a memory stream fed from a plain thread: {@code portal.callSync(() -> { send.sendNowait(x); return
 * null; })}, or {@code portal.call(() -> send.send(x))}).
 *
 * <p>Two ways to get one:
 * <ul>
 *   <li>inside a loop, {@code try (@Await BlockingPortal portal = openBlockingPortal()) {...}}: calls
 *       run as tasks of a task group of the opening task; leaving the block stops accepting calls and
 *       waits for the running ones;</li>
 *   <li>from ordinary code, {@link Baton#startBlockingPortal()}: a new loop on a thread of its own,
 *       which {@link #close()} stops (after the running calls end) and joins.</li>
 * </ul>
 *
 * <p>Calls run in the order they were made. While the portal is open the loop counts it as a
 * source of wake-ups: it waits for calls instead of reporting a deadlock. Calling {@code call} or
 * {@code callSync} from the loop's own thread is an {@link IllegalStateException} (it would wait
 * for itself); inside the loop, await the coroutine instead. A call after the portal has stopped
 * throws {@link IllegalStateException}.
 */
public final class BlockingPortal extends Resource implements AutoCloseable, AsyncCloseable {
  private final Runner runner;
  private final TaskGroup group;
  /** Calls are accepted (read by other threads). */
  private volatile boolean accepting = true;
  /** Loop thread: the portal's block has not been left. */
  private boolean open = true;
  /** For a portal of {@link Baton#startBlockingPortal()}: its thread, its main task's stop. */
  private Thread ownThread;
  private Stop stop;
  private CompletableFuture<Void> ownLoopEnd;

  BlockingPortal(Runner runner, TaskGroup group) {
    this.runner = runner;
    this.group = group;
    runner.beginExternalWork();
  }

  // ---------------------------------------------------------------------------------------------
  // Calls from other threads

  /**
   * Awaits what {@code coroutine} makes (a coroutine or any awaitable, made on the loop's thread) as a task in the loop
   * and blocks the calling thread until it ends; returns its value or throws its exception. If the
   * calling thread is interrupted while waiting, the task is cancelled and the call throws
   * {@link CancellationException} after it has ended.
   */
  public <T> T call(Supplier<? extends Awaitable<T>> coroutine) {
    checkForeignThread("BlockingPortal.call()");
    return join(startTaskSoon(coroutine));
  }

  /**
   * Starts the coroutine {@code coroutine} makes (on the loop's thread) as a task in the loop and
   * returns at once; the future completes with the task's outcome. Cancelling the future cancels
   * the task. Thread-safe; from the loop's own thread too.
   */
  public <T> CompletableFuture<T> startTaskSoon(Supplier<? extends Awaitable<T>> coroutine) {
    return startTaskSoon(coroutine, "portal call");
  }

  /** {@link #startTaskSoon(Supplier)}, naming the task {@code name} (for dumps and the deadlock report). */
  public <T> CompletableFuture<T> startTaskSoon(Supplier<? extends Awaitable<T>> coroutine, String name) {
    Objects.requireNonNull(coroutine, "coroutine == null");
    CompletableFuture<T> result = new CompletableFuture<>();
    post(new Call<>(result) {
      @Override
      public void run() {
        if (!open) {
          reject();
          return;
        }
        group.startSoon(new CallTask<>(result, coroutine), name);
      }
    });
    return result;
  }

  /**
   * Starts a task that reports when it is ready (anyio's {@code start_task}, the portal's
   * {@link TaskGroup#start}): blocks until the task calls {@code status.started(value)}, and returns
   * that value with a future of the task's end (its value, or its failure; cancelling the future
   * cancels the task). A task that fails before {@code started()} makes this call throw that
   * exception; one that returns without calling it, {@link IllegalStateException}. Either way the
   * portal goes on.
   */
  public <T> Started<T> startTask(Function<TaskStatus<T>, ? extends Coroutine<?>> starter) {
    Objects.requireNonNull(starter, "starter == null");
    checkForeignThread("BlockingPortal.startTask()");
    CompletableFuture<Object> end = new CompletableFuture<>();
    T value = join(startTaskSoon(() -> group.start(status -> new Watched<>(status, starter, end))));
    return new Started<>(value, end);
  }

  /**
   * What {@link #startTask} returns: the value the task reported with {@code started(value)}, and
   * the future of its end.
   */
  public record Started<T>(T value, CompletableFuture<Object> task) {}

  /**
   * Runs {@code function} on the loop's thread, outside any task, and blocks for its result (anyio's
   * {@code from_thread.run_sync}). For loop-only synchronous operations: a nowait send, a cancel, a
   * statistics read. A checked exception of {@code function} is wrapped in
   * {@link CompletionException}.
   */
  public <T> T callSync(Callable<T> function) {
    Objects.requireNonNull(function, "function == null");
    checkForeignThread("BlockingPortal.callSync()");
    CompletableFuture<T> result = new CompletableFuture<>();
    post(new Call<>(result) {
      @Override
      public void run() {
        try {
          result.complete(function.call());
        } catch (Throwable t) {
          result.completeExceptionally(t);
        }
      }
    });
    return join(result);
  }

  /**
   * A snapshot of every task of the portal's loop ({@link Baton#dumpTasks()}), taken on the loop's
   * thread between two steps, so it is consistent; blocks the calling thread until it is taken.
   * For watchdogs and debugging endpoints; throws {@link IllegalStateException} once the portal
   * has stopped.
   */
  public TaskDump dumpTasks() {
    return callSync(() -> TaskDump.take(runner));
  }

  /**
   * Stops a portal of {@link Baton#startBlockingPortal()}: no new calls; the running ones finish (or,
   * with {@code cancelRemaining}, are cancelled); the loop ends. Returns at once; {@link #close()}
   * also waits for the loop's thread.
   */
  public void stop(boolean cancelRemaining) {
    if (stop == null) {
      throw new IllegalStateException("this portal belongs to the task that opened it: it stops when that task leaves "
          + "its block; only a portal of Baton.startBlockingPortal() is stopped by stop() or close()");
    }
    accepting = false;
    try {
      runner.post(() -> stop.request(cancelRemaining));
    } catch (IllegalStateException loopEnded) {
      // already stopped
    }
  }

  /**
   * For a portal of {@link Baton#startBlockingPortal()}: stops it, letting the running calls finish,
   * and waits for its loop's thread to end. Idempotent. Inside the loop, a portal of
   * {@code openBlockingPortal()} is closed by leaving its {@code try (@Await ...)} block instead.
   */
  @Override
  public void close() {
    if (stop == null) {
      throw new IllegalStateException("a portal of openBlockingPortal() is closed by leaving its try (@Await ...) block");
    }
    if (Thread.currentThread() == ownThread) {
      throw new IllegalStateException("a portal's loop cannot close its own portal; call stop(false)");
    }
    stop(false);
    join(ownLoopEnd);
    try {
      ownThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the portal accepts calls. */
  public boolean isRunning() {
    return accepting;
  }

  private void post(Call<?> call) {
    if (!accepting) {
      throw notRunning();
    }
    try {
      runner.post(call);
    } catch (IllegalStateException loopEnded) {
      throw notRunning();
    }
  }

  private static IllegalStateException notRunning() {
    return new IllegalStateException("this blocking portal is not running (it was stopped, or its loop has ended)");
  }

  private void checkForeignThread(String what) {
    if (runner.thread() == Thread.currentThread()) {
      throw new IllegalStateException(what + " was called from the portal's own loop thread, where it would wait for "
          + "itself forever; inside the loop, await the coroutine instead");
    }
  }

  /** The result of {@code f}, blocking; its failure rethrown as is (a checked one in CompletionException). */
  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw sneaky(RunInThread.uncheckedOrWrapped(e.getCause()));
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for a portal call");
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  // ---------------------------------------------------------------------------------------------
  // The loop side

  /** {@code try (@Await BlockingPortal p = openBlockingPortal())}: stops accepting, then exits the group. */
  @Override
  protected Object exitAsync(Throwable pending) {
    if (open) {
      open = false;
      accepting = false;
      runner.endExternalWork();
    }
    return group.exitAsync(pending);
  }

  /** A posted call: rejected if the loop ends (or the portal closes) before running it. */
  private abstract static class Call<T> implements Loop.Rejectable {
    final CompletableFuture<T> result;

    Call(CompletableFuture<T> result) {
      this.result = result;
    }

    @Override
    public void reject() {
      result.completeExceptionally(notRunning());
    }
  }

  /**
   * One call's task: a cancel scope that the future's cancellation cancels, around the caller's
   * coroutine; the outcome goes to the future, never to the portal's task group (a failing call
   * fails its caller, not the portal).
   */
  private static final class CallTask<T> extends Coroutine<Void> {
    private final CompletableFuture<T> result;
    private final Supplier<? extends Awaitable<T>> coroutine;
    private CancelScope scope;

    CallTask(CompletableFuture<T> result, Supplier<? extends Awaitable<T>> coroutine) {
      this.result = result;
      this.coroutine = coroutine;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if (scope == null) {
        scope = Baton.openCancelScope();
        Runner runner = Runner.current();
        if (result.isCancelled()) {
          scope.cancel(); // cancelled before it started: it starts cancelled, and sees it at its first checkpoint
        }
        result.whenComplete((v, e) -> {
          if (result.isCancelled()) {
            try {
              runner.post(scope::cancel);
            } catch (IllegalStateException loopEnded) {
              // nothing left to cancel
            }
          }
        });
        try {
          return Objects.requireNonNull(coroutine.get(), "the portal call's supplier returned null");
        } catch (Throwable t) {
          $error = t;
        }
      }
      Throwable outcome = scope.exitSync($error);
      if (outcome instanceof Cancelled) {
        result.completeExceptionally(new CancellationException("the portal call was cancelled"));
        throw outcome;
      }
      if (outcome != null) {
        result.completeExceptionally(outcome);
      } else if ($error != null) {
        result.cancel(false); // our own scope caught its cancellation: the future was cancelled
      } else {
        result.complete((T) $value);
      }
      return $complete(null);
    }
  }

  /**
   * The task of {@link #startTask}: the caller's coroutine, made with a status that records the
   * {@code started()} call. Before it, a failure is the start's (it propagates to the
   * {@code start()} call); after it, the outcome goes to the future, never to the portal's group.
   */
  private static final class Watched<T> extends Coroutine<Void> implements TaskStatus<T> {
    private final TaskStatus<T> status;
    private final Function<TaskStatus<T>, ? extends Coroutine<?>> starter;
    private final CompletableFuture<Object> end;
    private boolean started;
    private boolean running;

    Watched(TaskStatus<T> status, Function<TaskStatus<T>, ? extends Coroutine<?>> starter, CompletableFuture<Object> end) {
      this.status = status;
      this.starter = starter;
      this.end = end;
    }

    @Override
    public void started(T value) {
      status.started(value);
      started = true;
      Runner runner = Runner.current();
      end.whenComplete((v, e) -> {
        if (end.isCancelled()) {
          try {
            runner.post(this::cancelTask);
          } catch (IllegalStateException loopEnded) {
            // nothing left to cancel
          }
        }
      });
    }

    private CancelScope scope;

    private void cancelTask() {
      if (scope != null) {
        scope.cancel();
      }
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if (!running) {
        running = true;
        scope = Baton.openCancelScope();
        return Objects.requireNonNull(starter.apply(this), "the starter returned null");
      }
      Throwable outcome = scope.exitSync($error);
      if (!started) {
        end.completeExceptionally(outcome != null ? outcome : new IllegalStateException("the task never started"));
        if (outcome != null) {
          throw outcome;
        }
        return $complete(null);
      }
      if (outcome instanceof Cancelled) {
        end.completeExceptionally(new CancellationException("the portal task was cancelled"));
        throw outcome;
      }
      if (outcome != null) {
        end.completeExceptionally(outcome);
      } else if ($error != null) {
        end.cancel(false);
      } else {
        end.complete($value);
      }
      return $complete(null);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // A portal with a loop of its own

  /** {@link Baton#startBlockingPortal()}. */
  static BlockingPortal startInThread(String threadName) {
    CompletableFuture<BlockingPortal> ready = new CompletableFuture<>();
    CompletableFuture<Void> ended = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        Baton.run(new PortalMain(ready));
        ended.complete(null);
      } catch (Throwable e) {
        ready.completeExceptionally(e);
        ended.completeExceptionally(e);
      }
    }, threadName);
    t.setDaemon(true);
    t.start();
    BlockingPortal portal = join(ready);
    portal.ownThread = t;
    portal.ownLoopEnd = ended;
    return portal;
  }

  /** The main task of a portal's own loop: opens the portal, waits for stop(), leaves the portal's block. */
  private static final class PortalMain extends Coroutine<Void> {
    private final CompletableFuture<BlockingPortal> ready;
    private BlockingPortal portal;
    private int state;

    PortalMain(CompletableFuture<BlockingPortal> ready) {
      this.ready = ready;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch (state) {
        case 0:
          portal = Baton.openBlockingPortal();
          portal.stop = new Stop(portal);
          ready.complete(portal);
          state = 1;
          return portal.stop;
        case 1:
          state = 2;
          return portal.exitAsync($error);
        default:
          Checkpoints.rethrowExit($value, $error);
          return $complete(null);
      }
    }
  }

  /** What a portal's own main task waits on: a stop request. */
  private static final class Stop extends RuntimeOperation<Void> {
    private final BlockingPortal portal;
    private boolean requested;
    private Task waiter;

    Stop(BlockingPortal portal) {
      this.portal = portal;
    }

    void request(boolean cancelRemaining) {
      portal.accepting = false;
      if (cancelRemaining) {
        portal.group.cancelScope().cancel();
      }
      requested = true;
      Task t = waiter;
      waiter = null;
      if (t != null && t.waitingOn() == this) {
        portal.runner.wake(t);
      }
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (requested) {
        return null;
      }
      waiter = task;
      return loop.park(task, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      waiter = null;
      return true;
    }

    @Override
    public String toString() {
      return "the blocking portal's stop()";
    }
  }
}
