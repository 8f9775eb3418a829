package dev.baton;

/** The status of one {@code start()} call: links the starter, the child and the target group. */
final class TaskStatusImpl<T> implements TaskStatus<T> {
  static final TaskStatus<Object> IGNORED = value -> {};

  final TaskGroup group;
  final Task starter;
  final CancelScope startScope;
  Task child;
  /** started() was called. */
  boolean started;
  /** The child has moved into the group (started() was called while the starter was not cancelled). */
  boolean moved;
  /** The value given to started(), kept if the move was put off. */
  Object value;

  TaskStatusImpl(TaskGroup group, Task starter, CancelScope startScope) {
    this.group = group;
    this.starter = starter;
    this.startScope = startScope;
  }

  @Override
  public void started(T value) {
    if (started) {
      throw new IllegalStateException("started() was called twice on the same task status");
    }
    started = true;
    group.childStarted(this, value);
  }
}
