package dev.baton;

import dev.baton.core.Task;

/** The status of one {@code start()} call: links the starter, the child and the target group. */
final class TaskStatusImpl<T> implements TaskStatus<T> {
  static final TaskStatus<Object> IGNORED = value -> {};

  final TaskGroup group;
  final Task starter;
  final CancelScope startScope;
  /** Null while the starter function runs (it may call {@code started()} before the child exists). */
  Task child;
  /** {@code started()} was called, with {@link #value}. */
  boolean started;
  T value;
  /** The child was moved into the group: the start() call has returned. */
  boolean moved;
  /** The child has finished: the start() call has its outcome and started() can no longer be called. */
  boolean childFinished;

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
    if (childFinished) {
      // The start() call already ended (the child returned or failed without started()): there is
      // nothing to report to and no task to move.
      throw new IllegalStateException("started() was called after the task started with start() had exited");
    }
    started = true;
    this.value = value;
    if (child != null) {
      group.childStarted(this);
    }
  }
}
