package dev.baton;

/**
 * One task of a loop: a chain of coroutine frames run by {@link #run}, which trampolines awaits
 * between frames so that await chains use constant Java stack. Kept small: a million suspended
 * tasks must fit in little memory.
 */
final class Task {
  /** Innermost frame: the coroutine that runs next. */
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
  /** Non-null while a child started with {@code start()} has not called {@code started()}. */
  TaskStatusImpl<?> startStatus;
  /** The operation the task is parked on, or null when runnable or running. */
  Operation<?> waitingOn;
  /** The user's name for the task, or null to derive it from the root coroutine. */
  String name;
  final Coroutine<?> root;
  boolean finished;
  /** Cache of {@link #isEffectivelyCancelled()}: valid while it equals the loop's cancel epoch. */
  int cancelEpoch = -1;
  boolean cancelledCache;

  Task(Coroutine<?> root, String name) {
    this.root = root;
    this.top = root;
    this.name = name;
  }

  String name() {
    return name != null ? name : root.describe();
  }

  /** Effectively cancelled: some scope from the innermost outwards, up to the first shield, was cancelled. */
  boolean isEffectivelyCancelled() {
    int epoch = scope.runner.cancelEpoch;
    if (cancelEpoch != epoch) {
      cancelledCache = CancelScope.effectivelyCancelled(scope);
      cancelEpoch = epoch;
    }
    return cancelledCache;
  }

  /** Moves this task into {@code s}'s task list (its new innermost scope). */
  void enterScope(CancelScope s) {
    scope.removeTask(this);
    s.addTask(this);
  }

  @Override
  public String toString() {
    return "Task[" + name() + "]";
  }
}
