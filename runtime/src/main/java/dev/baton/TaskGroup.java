package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Resource;
import dev.baton.core.Task;
import dev.baton.lowlevel.AsyncCloseable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A task group (trio's nursery): the only way to run tasks concurrently, and a guarantee that they
 * have all finished when the block ends.
 *
 * <pre>{@code
 * try (@Await TaskGroup tg = createTaskGroup()) {
 *   tg.startSoon(fetch("a"));
 *   tg.startSoon(fetch("b"));
 * }   // waits here for both, even if the body returns or throws early
 * }</pre>
 *
 * <p>Rules (trio and anyio 4):
 * <ul>
 *   <li>Entering is not a checkpoint. The exit waits for every child; with no children left it is
 *       a schedule point but not a cancel point.</li>
 *   <li>A child that fails (with anything but {@link Cancelled}) cancels the group's scope, which
 *       cancels the body and every sibling. The body failing does the same at the exit.</li>
 *   <li>The exit throws an {@link ExceptionGroup} with every failure in the order they happened,
 *       even for a single one; cancellations are not included. A cancellation caused by the group's
 *       own scope is caught by it; one from an enclosing scope propagates as one {@link Cancelled}.</li>
 *   <li>Tasks may be started until the exit has finished (also by children, and while the body
 *       waits in the exit); after that {@code startSoon}/{@code start} throw
 *       {@link IllegalStateException}.</li>
 * </ul>
 */
public final class TaskGroup extends Resource implements AutoCloseable, AsyncCloseable {
  private final Runner runner;
  private final Task host;
  private final CancelScope scope;
  /** The parent of every child task: hears of their ends. */
  private final Children children = new Children();
  /** Children not finished yet, including children of pending start() calls. */
  private int live;
  private List<Throwable> errors;
  /** Where each error came from ({@link ExceptionGroup#origins()}). */
  private List<String> origins;
  private boolean sawCancelled;
  private boolean exiting;
  private boolean closed;
  private Task waiter;
  /** Children of start() calls that have not called started() yet (rare: kept off the Task). */
  private java.util.IdentityHashMap<Task, TaskStatusImpl<?>> starting;

  TaskGroup(Runner runner, Task host) {
    this.runner = runner;
    this.host = host;
    this.scope = CancelScope.enter(runner, host, CancelScope.GROUP, Double.POSITIVE_INFINITY, false);
  }

  /** Starts {@code task} as a child: it runs from the next schedule point on. Not a checkpoint. */
  public void startSoon(Coroutine<?> task) {
    startSoon(task, null);
  }

  /** Starts {@code task} as a child named {@code name} (for task dumps and the deadlock report). */
  public void startSoon(Coroutine<?> task, String name) {
    Objects.requireNonNull(task, "task == null");
    runner.checkInLoopThread("TaskGroup.startSoon()");
    checkOpen();
    runner.spawn(task, scope.status, Task.Parent.named(children, name));
    live++;
  }

  /**
   * Starts a child and waits until it calls {@link TaskStatus#started(Object)}; awaiting returns that
   * value. Until then the child belongs to the starter: if it fails, the await throws that very
   * exception and the group is not failed; if it returns without calling {@code started()}, the await
   * throws {@link IllegalStateException}.
   */
  public <T> Awaitable<T> start(Function<TaskStatus<T>, Coroutine<?>> starter) {
    return start(starter, null);
  }

  /** {@link #start(Function)} with a task name. */
  public <T> Awaitable<T> start(Function<TaskStatus<T>, Coroutine<?>> starter, String name) {
    Objects.requireNonNull(starter, "starter == null");
    return new StartOp<>(starter, name);
  }

  /** The group's cancel scope: cancelling it cancels the body and every child. */
  public CancelScope cancelScope() {
    return scope;
  }

  /**
   * Always throws: a task group is exited by compiled async code
   * ({@code try (@Await TaskGroup tg = ...)}), which waits for the children.
   */
  @Override
  public void close() {
    throw new IllegalStateException("a TaskGroup must be used as try (@Await TaskGroup tg = createTaskGroup()) "
        + "in an @Async method: its exit waits for the children, which a synchronous close() cannot do");
  }

  /** {@code try (@Await TaskGroup tg = ...)}: the exit, which waits for the children. */
  @Override
  protected Object exitAsync(Throwable pending) {
    return new ExitOp(pending);
  }

  @Override
  public String toString() {
    return "TaskGroup[" + live + " running" + (closed ? ", closed" : "") + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this task group is not active; no new tasks can be started");
    }
  }

  /** The parent of the group's child tasks. */
  private final class Children extends Task.Parent {
    @Override
    protected void childFinished(Task child, Object value, Throwable error) {
      TaskGroup.this.childFinished(child, error);
    }
  }

  private void childFinished(Task child, Throwable error) {
    live--;
    TaskStatusImpl<?> status = starting == null ? null : starting.remove(child);
    if (status != null) {
      status.childFinished = true;
      status.startScope.detach();
    }
    if (status != null && !status.moved) {
      // Still owned by the start() call: the outcome goes to the starter, not to the group. A child
      // that called started() while the call was cancelled and then returned gives its value (trio).
      Throwable e = error;
      if (e == null && !status.started) {
        e = new IllegalStateException("the child task exited without calling started() on its TaskStatus");
      }
      if (e != null) {
        runner.fail(status.starter, e);
      } else {
        runner.resume(status.starter, status.value);
      }
    } else if (error != null) {
      record(error, child, false);
    }
    if (live == 0 && waiter != null) {
      Task w = waiter;
      waiter = null;
      runner.resume(w, complete());
    }
  }

  /**
   * The child called {@code started()}: it moves into the group and the start() call returns. If the
   * start() call is cancelled, the child stays with it instead (trio): it runs on under the cancelled
   * call, which then raises what the child ends with, or returns the value if the child returns.
   */
  void childStarted(TaskStatusImpl<?> status) {
    if (!tryMove(status)) {
      return;
    }
    runner.resume(status.starter, status.value);
  }

  private boolean tryMove(TaskStatusImpl<?> status) {
    if (status.startScope.status.effectivelyCancelled()) {
      return false;
    }
    status.moved = true;
    status.startScope.reparent(scope);
    return true;
  }

  /**
   * A child or the body ended with {@code e}. Cancellations are not failures: a {@link Cancelled},
   * also one inside an {@link ExceptionGroup}, is only noted (the scopes decide who catches it);
   * whatever else is left fails the group and cancels its scope.
   */
  private void record(Throwable e, Task from, boolean body) {
    Throwable failure = ExceptionGroup.withoutCancelled(e);
    if (failure != e) {
      sawCancelled = true;
    }
    if (failure != null) {
      addError(failure, body ? "the body of the task group in task '" + from.name() + "'" : origin(from));
      scope.cancel();
    }
  }

  /** {@code task 'name' (File.java:line)}: the failed task and the user's line its failure came through. */
  private static String origin(Task failed) {
    StackTraceElement at = failed.failedAt();
    String line = at == null ? "" : at.getFileName() == null ? " (" + at + ")" : " (" + at.getFileName() + ":" + at.getLineNumber() + ")";
    return "task '" + failed.name() + "'" + line;
  }

  private void addError(Throwable e, String origin) {
    if (errors == null) {
      errors = new ArrayList<>(2);
      origins = new ArrayList<>(2);
    }
    errors.add(e);
    origins.add(origin);
  }

  /** All children are done: exit the scope, close the group, decide what propagates. */
  private Throwable complete() {
    closed = true;
    scope.exit(host);
    if (errors != null) {
      return new ExceptionGroup("unhandled errors in a task group", errors, origins);
    }
    if (sawCancelled) {
      // The public constructor, not the runtime's lazy one: this Cancelled reaches the group's
      // frame as the value of its exit, not through the loop, and the frame's own code throws it,
      // into whatever resource closes around the group; it must count as reached from the start
      // (CancelledFailuresTest#aCloseFailureAroundANestedGroupsCancellationFailsTheGroup).
      return scope.filter(new Cancelled("cancelled by " + scope.describe()));
    }
    return null;
  }

  private final class ExitOp extends RuntimeOperation<Throwable> {
    private final Throwable pending;

    ExitOp(Throwable pending) {
      this.pending = pending;
    }

    @Override
    protected Object begin(Task task, Loop r) {
      if (task != host) {
        throw new IllegalStateException("a task group must be exited by the task that opened it");
      }
      if (exiting) {
        throw new IllegalStateException("this task group was already exited");
      }
      exiting = true;
      if (pending != null) {
        record(pending, task, true);
      }
      if (live == 0) {
        return r.yieldWith(task, complete());
      }
      waiter = task;
      return r.park(task, this);
    }

    @Override
    public String toString() {
      return "the exit of a task group (" + live + " child task" + (live == 1 ? "" : "s") + " still running)";
    }
  }

  private final class StartOp<T> extends RuntimeOperation<T> {
    private final Function<TaskStatus<T>, Coroutine<?>> starter;
    private final String name;

    StartOp(Function<TaskStatus<T>, Coroutine<?>> starter, String name) {
      this.starter = starter;
      this.name = name;
    }

    @Override
    protected Object begin(Task task, Loop r) {
      checkOpen();
      // No early cancel check: in a cancelled scope the child still runs until its first
      // checkpoint, and start() raises what it ends with (anyio test_start_cancelled).
      CancelScope startScope = CancelScope.detached(runner, task.scope(), CancelScope.START);
      TaskStatusImpl<T> status = new TaskStatusImpl<>(TaskGroup.this, task, startScope);
      Task child;
      try {
        Coroutine<?> coroutine = Objects.requireNonNull(starter.apply(status), "the starter function returned null");
        child = r.spawn(coroutine, startScope.status, Task.Parent.named(children, name));
      } catch (RuntimeException | Error e) {
        startScope.detach();
        throw e;
      }
      if (starting == null) {
        starting = new java.util.IdentityHashMap<>();
      }
      starting.put(child, status);
      status.child = child;
      live++;
      if (status.started && tryMove(status)) {
        // The starter function itself called started(): a schedule point, then the value.
        return r.yieldWith(task, status.value);
      }
      return r.park(task, this);
    }

    @Override
    public String toString() {
      return "start() of a child task that has not called started() yet";
    }
  }
}
