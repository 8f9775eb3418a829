package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import dev.baton.core.Timer;

/** {@code sleep}, {@code sleepUntil}, {@code sleepForever}: a checkpoint that parks until a deadline. */
final class Sleep extends RuntimeOperation<Void> {
  private final double time;
  private final boolean absolute;
  /** The task parked here, while one is (a second task awaiting the same sleep gets a copy). */
  private Task sleeper;
  /** The wake-up of a finite sleep, while armed. */
  private Wakeup wakeup;

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
      wakeup = new Wakeup();
      loop.addTimer(wakeup, deadline);
    }
    return loop.park(task, this);
  }

  @Override
  protected boolean abort(Task task, Loop loop) {
    if (wakeup != null) {
      loop.removeTimer(wakeup);
      wakeup = null;
    }
    sleeper = null;
    return true;
  }

  @Override
  public String toString() {
    return absolute && time == Double.POSITIVE_INFINITY ? "sleepForever()" : "sleep";
  }

  private final class Wakeup extends Timer {
    @Override
    protected void fire(Loop loop) {
      Task t = sleeper;
      sleeper = null;
      wakeup = null;
      if (t != null && t.waitingOn() == Sleep.this) {
        loop.wake(t);
      }
    }
  }
}
