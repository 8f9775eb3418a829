package dev.baton;

import java.util.concurrent.locks.LockSupport;

/**
 * The loop's clock: {@link Baton#currentTime()}, deadlines and sleeps are read from it.
 *
 * <p>{@link #system()} is real monotonic time. {@link #virtual()} is trio's auto-jump
 * {@code MockClock}: time stands still while tasks run and jumps to the next deadline as soon as
 * every task is blocked, so tests of timeouts and sleeps are exact and take no real time.
 */
public interface Clock {
  /** The current time in seconds; only differences are meaningful. */
  double now();

  /** Waits until {@link #now()} reaches {@code deadline}: the loop has nothing else to do. */
  void waitUntil(double deadline);

  /** Real time, from {@link System#nanoTime()}. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }

  /** A virtual clock starting at 0 that jumps to the next deadline whenever the loop is idle. */
  static Clock virtual() {
    return new VirtualClock(0.0);
  }

  /** Real time. */
  final class SystemClock implements Clock {
    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {}

    @Override
    public double now() {
      return System.nanoTime() / 1e9;
    }

    @Override
    public void waitUntil(double deadline) {
      for (;;) {
        double wait = deadline - now();
        if (wait <= 0) {
          return;
        }
        LockSupport.parkNanos((long) Math.ceil(wait * 1e9));
      }
    }

    @Override
    public String toString() {
      return "Clock.system()";
    }
  }

  /** Auto-jumping virtual time (trio's {@code MockClock(autojump_threshold=0)}). */
  final class VirtualClock implements Clock {
    private double now;

    VirtualClock(double start) {
      this.now = start;
    }

    @Override
    public double now() {
      return now;
    }

    @Override
    public void waitUntil(double deadline) {
      if (deadline > now) {
        now = deadline;
      }
    }

    /** Moves time forward by hand (for tests that step the clock). */
    public void advance(double seconds) {
      if (!(seconds >= 0)) {
        throw new IllegalArgumentException("seconds must be non-negative: " + seconds);
      }
      now += seconds;
    }

    @Override
    public String toString() {
      return "Clock.virtual() at " + now;
    }
  }
}
