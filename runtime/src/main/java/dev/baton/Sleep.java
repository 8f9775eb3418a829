package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import dev.baton.core.Timer;

/**
 * {@code sleep}, {@code sleepUntil}, {@code sleepForever}: a checkpoint that parks until a deadline.
 * The sleep is its own timer: one object per sleep.
 */
final class Sleep extends Timer implements Awaitable<Void> {
  private final double time;
  private final boolean absolute;
  /** The task parked here, while one is (a second task awaiting the same sleep gets a copy). */
  private Task sleeper;

  Sleep(double time, boolean absolute) {
    this.time = time;
    this.absolute = absolute;
  }

  @Override
  protected Object begin(Task task, Loop loop) {
    double now = loop.now();
    double deadline = absolute ? time : now + time;
    if (deadline <= now) {
      return loop.checkpoint(task);
    }
    if (sleeper != null) {
      return new Sleep(deadline, true).begin(task, loop);
    }
    sleeper = task;
    if (deadline < Double.POSITIVE_INFINITY) {
      loop.addTimer(this, deadline);
    }
    return loop.park(task, this);
  }

  @Override
  protected boolean abort(Task task, Loop loop) {
    loop.removeTimer(this);
    sleeper = null;
    return true;
  }

  @Override
  protected void fire(Loop loop) {
    Task t = sleeper;
    sleeper = null;
    if (t != null && t.waitingOn() == this) {
      loop.wake(t);
    }
  }

  @Override
  public String describe(double now) {
    if (sleeper == null || !armed()) {
      return toString();
    }
    return "sleep until t=" + TaskDump.time(deadline()) + " (in " + TaskDump.seconds(deadline() - now) + ")";
  }

  @Override
  public String toString() {
    return absolute && time == Double.POSITIVE_INFINITY ? "sleepForever()" : "sleep";
  }
}
