package dev.baton;

/**
 * One task of a loop: a chain of coroutine frames run by {@link #run}, which trampolines awaits
 * between frames so that await chains use constant Java stack. Kept small: a million suspended
 * tasks must fit in little memory.
 */
final class Task {
  /** Innermost frame: the coroutine that runs next; null once the task has finished. */
  Coroutine<?> top;
  /** Outcome delivered by the last reschedule; while parked, an operation may keep data here. */
  Object resumeValue;
  Throwable resumeError;
  /** Run-queue link while runnable; wait-queue links while parked in a {@link WaitQueue}. */
  Task next;
  Task prev;
  /** Innermost cancel scope, and the links of this task in that scope's task list. */
  CancelScope scope;
  Task scopePrev;
  Task scopeNext;
  /** The group that owns this task (null for the main task). */
  TaskGroup group;
  /** The operation the task is parked on, or null when runnable or running. */
  Operation<?> waitingOn;
  /**
   * Cache of {@link #isEffectivelyCancelled()}: {@code epoch << 1 | cancelled}, valid while the
   * epoch equals the loop's cancel epoch; -1 when invalid.
   */
  int cancelCache = -1;

  /** A task running {@code root}; {@code name} (may be null) is kept on the root frame. */
  Task(Coroutine<?> root, String name) {
    this.top = root;
    root.taskName = name;
  }

  boolean finished() {
    return top == null;
  }

  /** The user's name for the task, else the name of its root coroutine. */
  String name() {
    Coroutine<?> root = top;
    if (root == null) {
      return "a finished task";
    }
    while (root.caller != null) {
      root = root.caller;
    }
    return root.taskName != null ? root.taskName : root.describe();
  }

  /** Effectively cancelled: some scope from the innermost outwards, up to the first shield, was cancelled. */
  boolean isEffectivelyCancelled() {
    int epoch = scope.runner.cancelEpoch & 0x3fffffff;
    int cache = cancelCache;
    if ((cache >> 1) != epoch) {
      boolean cancelled = CancelScope.effectivelyCancelled(scope);
      cancelCache = epoch << 1 | (cancelled ? 1 : 0);
      return cancelled;
    }
    return (cache & 1) != 0;
  }

  /** Moves this task into {@code s}'s task list (its new innermost scope). */
  void enterScope(CancelScope s) {
    scope.removeTask(this);
    s.addTask(this);
  }

  /**
   * The task for dumps: its name, and the innermost frame when that is another coroutine (where the
   * task is waiting, e.g. {@code p.AsyncProto$readLine} inside a task named {@code "handler"}).
   */
  String describeForDump() {
    String name = name();
    Coroutine<?> innermost = top;
    if (innermost == null || innermost.caller == null) {
      return name;
    }
    return name + " (in " + innermost.describe() + ")";
  }

  @Override
  public String toString() {
    return "Task[" + name() + "]";
  }
}
