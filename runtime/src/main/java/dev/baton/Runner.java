package dev.baton;

import java.util.ArrayList;
import java.util.List;

/**
 * The single-threaded loop behind {@link Baton#run}: a FIFO run queue of tasks, a timer heap, and the
 * trampoline that drives each task's chain of coroutine frames.
 *
 * <p>Scheduling is deterministic: tasks run in the order they became runnable, in batches; timers
 * with equal deadlines fire in the order they were armed. All state is confined to the thread that
 * called {@code run}.
 */
final class Runner {
  private static final ThreadLocal<Runner> CURRENT = new ThreadLocal<>();

  /** Resume marker: the task yielded at a full checkpoint and must check cancellation on resume. */
  static final Object CHECK_CANCEL = new Object();

  final Clock clock;
  final Thread thread;
  private final TimerHeap timers = new TimerHeap();
  private Task runHead;
  private Task runTail;
  /** Tasks waiting in {@code waitAllTasksBlocked()}. */
  private final WaitQueue idleWaiters = new WaitQueue();
  /**
   * Bumped whenever the effective cancellation of some task may have changed (a scope cancelled,
   * a shield changed, a scope moved); tasks cache their status against it.
   */
  int cancelEpoch;
  /** The task whose frames are running now. */
  Task current;
  CancelScope rootScope;

  Runner(Clock clock) {
    this.clock = clock;
    this.thread = Thread.currentThread();
  }

  static Runner current() {
    Runner r = CURRENT.get();
    if (r == null) {
      throw new IllegalStateException(
          "no Baton loop is running on this thread: call this inside an @Async method run by Baton.run(...)");
    }
    return r;
  }

  static Runner currentOrNull() {
    return CURRENT.get();
  }

  Task currentTask(String operation) {
    Task t = current;
    if (t == null) {
      throw new IllegalStateException(operation + " must be called from a task of the running loop");
    }
    return t;
  }

  double now() {
    return clock.now();
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  <T> T run(Coroutine<T> main) throws Throwable {
    if (CURRENT.get() != null) {
      throw new IllegalStateException("Baton.run() cannot be called from inside a running loop; await the coroutine instead");
    }
    if (main.status != Coroutine.NEW) {
      throw new IllegalStateException("this coroutine was already awaited or started: " + main.describe());
    }
    CURRENT.set(this);
    try {
      rootScope = CancelScope.root(this);
      Task mainTask = new Task(main, "main");
      main.status = Coroutine.RUNNING;
      rootScope.addTask(mainTask);
      enqueue(mainTask);
      while (!mainTask.finished()) {
        if (runHead == null) {
          if (!idleWaiters.isEmpty()) {
            wakeIdleWaiters();
          } else if (timers.isEmpty()) {
            throw deadlock();
          } else {
            clock.waitUntil(timers.peek().deadline);
          }
        }
        if (!timers.isEmpty()) {
          fireTimers();
        }
        runBatch();
      }
      if (mainTask.resumeError != null) {
        throw mainTask.resumeError;
      }
      @SuppressWarnings("unchecked")
      T value = (T) mainTask.resumeValue;
      return value;
    } finally {
      CURRENT.remove();
      current = null;
    }
  }

  /**
   * Runs the tasks that are runnable now. With timers pending, only this batch (tasks made runnable
   * meanwhile wait for the next one, after the timers are checked); with none, until the queue is
   * empty, which saves a clock read per batch.
   */
  private void runBatch() {
    Task last = timers.isEmpty() ? null : runTail;
    while (runHead != null) {
      Task t = runHead;
      runHead = t.next;
      if (runHead == null) {
        runTail = null;
      }
      t.next = null;
      runTask(t);
      if (t == last || (last == null && !timers.isEmpty())) {
        break;
      }
    }
  }

  private void fireTimers() {
    double now = clock.now();
    while (!timers.isEmpty() && timers.peek().deadline <= now) {
      timers.poll().fire(this);
    }
  }

  private void wakeIdleWaiters() {
    Task t;
    while ((t = idleWaiters.poll()) != null) {
      t.waitingOn = null;
      reschedule(t, null, null);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The trampoline: runs one task until it parks or finishes

  private void runTask(Task task) {
    current = task;
    Coroutine<?> frame = task.top;
    Object value = task.resumeValue;
    Throwable error = task.resumeError;
    task.resumeValue = null;
    task.resumeError = null;
    if (value == CHECK_CANCEL) {
      value = null;
      if (task.isEffectivelyCancelled()) {
        error = newCancelled(task);
      }
    }
    for (;;) {
      Object r;
      Throwable failure = null;
      if (frame.status == Coroutine.TAIL_WAITING) {
        r = Coroutine.DONE;
        if (error != null) {
          failure = error;
        } else {
          frame.result = value;
        }
      } else {
        try {
          r = frame.$step(value, error);
        } catch (Throwable t) {
          failure = t;
          r = Coroutine.DONE;
        }
      }
      if (r == Coroutine.DONE) {
        // The frame finished: return its outcome to the caller, without recursion.
        Object result = frame.result;
        frame.result = null;
        frame.status = Coroutine.FINISHED;
        Coroutine<?> caller = frame.caller;
        frame.caller = null;
        if (caller == null) {
          current = null;
          finishTask(task, failure == null ? result : null, failure);
          return;
        }
        frame = caller;
        value = failure == null ? result : null;
        error = failure;
        continue;
      }
      Object awaited = r;
      if (r == Coroutine.TAIL) {
        awaited = frame.result;
        frame.result = null;
        if (awaited instanceof Coroutine<?>) {
          Coroutine<?> next = (Coroutine<?>) awaited;
          if (next.status != Coroutine.NEW) {
            value = null;
            error = alreadyAwaited(next);
            frame.status = Coroutine.TAIL_WAITING;
            continue;
          }
          // A tail call: the callee replaces the frame (and keeps the task's name if it was the root).
          next.caller = frame.caller;
          next.taskName = frame.taskName;
          frame.caller = null;
          frame.status = Coroutine.FINISHED;
          next.status = Coroutine.RUNNING;
          frame = next;
          value = null;
          error = null;
          continue;
        }
        frame.status = Coroutine.TAIL_WAITING;
      }
      if (awaited instanceof Operation<?>) {
        Object v;
        try {
          v = ((Operation<?>) awaited).begin(task, this);
        } catch (Throwable t) {
          value = null;
          error = t;
          continue;
        }
        if (v == Operation.PARKED) {
          task.top = frame;
          current = null;
          return;
        }
        value = v;
        error = null;
        continue;
      }
      if (awaited instanceof Coroutine<?>) {
        Coroutine<?> callee = (Coroutine<?>) awaited;
        if (callee.status != Coroutine.NEW) {
          value = null;
          error = alreadyAwaited(callee);
          continue;
        }
        callee.status = Coroutine.RUNNING;
        callee.caller = frame;
        frame = callee;
        value = null;
        error = null;
        continue;
      }
      value = null;
      error = awaited == null
          ? new NullPointerException("await(null): the awaited expression was null")
          : new IllegalArgumentException("not an awaitable of the Baton runtime: " + awaited.getClass().getName());
    }
  }

  private static IllegalStateException alreadyAwaited(Coroutine<?> c) {
    return new IllegalStateException(
        "a coroutine can be awaited or started only once, and this one already was: " + c.describe());
  }

  private void finishTask(Task task, Object value, Throwable error) {
    task.top = null;
    task.scope.removeTask(task);
    if (task.group == null) {
      task.resumeValue = value;
      task.resumeError = error;
      return;
    }
    task.group.childFinished(task, error);
  }

  // ---------------------------------------------------------------------------------------------
  // Parking and waking

  void enqueue(Task t) {
    t.next = null;
    if (runTail == null) {
      runHead = t;
    } else {
      runTail.next = t;
    }
    runTail = t;
  }

  /** Makes a parked task runnable with the given outcome. The abort hook is gone: the result wins. */
  void reschedule(Task t, Object value, Throwable error) {
    t.waitingOn = null;
    t.resumeValue = value;
    t.resumeError = error;
    enqueue(t);
  }

  /**
   * Parks the running task on {@code op}. If the task is already effectively cancelled the wait is
   * aborted at once (trio delivers pending cancellation when a task blocks).
   */
  Object park(Task t, Operation<?> op) {
    t.waitingOn = op;
    if (t.isEffectivelyCancelled()) {
      tryCancel(t);
    }
    return Operation.PARKED;
  }

  /** A schedule point without a cancel point: the task runs again after the others, with {@code value}. */
  Object yieldWith(Task t, Object value) {
    t.waitingOn = null;
    t.resumeValue = value;
    enqueue(t);
    return Operation.PARKED;
  }

  /** A full checkpoint: yield, then check cancellation when the task resumes. */
  Object checkpoint(Task t) {
    return yieldWith(t, CHECK_CANCEL);
  }

  /**
   * The task is parked and effectively cancelled: try to abort its wait, once per wait (trio). If the
   * operation refuses, the task stays parked until the operation reschedules it, and later
   * cancellations do not ask again.
   */
  void tryCancel(Task t) {
    Operation<?> op = t.waitingOn;
    if (op == null || op instanceof AbortRefused) {
      return;
    }
    if (op.abort(t, this)) {
      reschedule(t, null, newCancelled(t));
    } else if (t.waitingOn == op) { // still parked: the operation did not reschedule it from abort()
      t.waitingOn = new AbortRefused(op);
    }
  }

  /** Stands for the operation of a parked task whose abort was refused: it is not asked again. */
  private static final class AbortRefused extends Operation<Object> {
    private final Operation<?> op;

    AbortRefused(Operation<?> op) {
      this.op = op;
    }

    @Override
    Object begin(Task task, Runner runner) {
      throw new AssertionError("never awaited");
    }

    @Override
    public String toString() {
      return op.toString();
    }
  }

  Cancelled newCancelled(Task t) {
    // the message (which describes the scope) is built only if someone reads it: a storm of
    // cancellations must not format one string per task
    return new Cancelled(CancelScope.cancelledScope(t.scope));
  }

  void addTimer(TimerEntry e) {
    timers.add(e);
  }

  void removeTimer(TimerEntry e) {
    timers.remove(e);
  }

  Object waitAllTasksBlocked(Task t, Operation<?> op) {
    idleWaiters.add(t);
    return park(t, op);
  }

  void removeIdleWaiter(Task t) {
    idleWaiters.remove(t);
  }

  // ---------------------------------------------------------------------------------------------
  // Never hang silently

  private DeadlockException deadlock() {
    List<String> lines = new ArrayList<>();
    rootScope.collectBlocked(lines);
    StringBuilder sb = new StringBuilder(
        "Baton.run: no task can ever run again (nothing is runnable and no timer is pending); "
            + lines.size() + " blocked task" + (lines.size() == 1 ? "" : "s") + ":");
    for (String line : lines) {
      sb.append("\n  - ").append(line);
    }
    return new DeadlockException(sb.toString());
  }
}
