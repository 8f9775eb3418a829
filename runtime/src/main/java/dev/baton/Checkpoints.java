package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;

/** The runtime's schedule and cancel points, and the ready value of synchronous exits. */
final class Checkpoints {
  static final Awaitable<Void> CHECKPOINT = new Checkpoint();
  static final Awaitable<Void> SHIELDED_CHECKPOINT = new ShieldedCheckpoint();
  static final Awaitable<Void> IF_CANCELLED = new IfCancelled();
  static final Awaitable<Void> WAIT_ALL_BLOCKED = new WaitAllBlocked();

  private Checkpoints() {}

  /** A full checkpoint: let other tasks run, then throw {@link Cancelled} if the task is cancelled. */
  private static final class Checkpoint extends RuntimeOperation<Void> {
    Checkpoint() {
      super(SITE_CHECKPOINT);
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      return loop.checkpoint(task);
    }

    @Override
    public String toString() {
      return "checkpoint()";
    }
  }

  /** A schedule point that never throws {@link Cancelled}. */
  private static final class ShieldedCheckpoint extends RuntimeOperation<Void> {
    ShieldedCheckpoint() {
      super(SITE_CHECKPOINT);
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      return loop.yieldWith(task, null);
    }

    @Override
    public String toString() {
      return "cancelShieldedCheckpoint()";
    }
  }

  /** A cancel point that never yields. */
  private static final class IfCancelled extends RuntimeOperation<Void> {
    IfCancelled() {
      super(SITE_CHECKPOINT);
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      return null;
    }

    @Override
    public String toString() {
      return "checkpointIfCancelled()";
    }
  }

  /** Trio's {@code wait_all_tasks_blocked}: resumes once no other task is runnable. */
  private static final class WaitAllBlocked extends RuntimeOperation<Void> {
    @Override
    protected Object begin(Task task, Loop loop) {
      return loop.waitAllTasksBlocked(task, this);
    }

    @Override
    protected boolean abort(Task task, Loop loop) {
      loop.removeIdleWaiter(task);
      return true;
    }

    @Override
    public String toString() {
      return "waitAllTasksBlocked()";
    }
  }

  /**
   * In a hand-written coroutine, after awaiting a resource's async exit: throws what the exit says
   * propagates ({@code value}, a Throwable or null), or the exit's own failure ({@code error}).
   */
  static void rethrowExit(Object value, Throwable error) throws Throwable {
    if (error != null) {
      throw error;
    }
    if (value != null) {
      throw (Throwable) value;
    }
  }

  /** A value available at once, not a checkpoint (the value of a synchronous resource exit). */
  static final class Ready<T> extends RuntimeOperation<T> {
    private final T value;

    Ready(T value) {
      this.value = value;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      return value;
    }

    @Override
    public String toString() {
      return "a ready value";
    }
  }
}
