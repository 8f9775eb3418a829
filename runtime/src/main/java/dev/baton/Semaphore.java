package dev.baton;

import dev.baton.core.Task;

/**
 * A counter of permits (anyio's and trio's {@code Semaphore}): {@link #acquire()} takes one, waiting
 * while there is none; {@link #release()} gives one back. Permits are not owned: any task may
 * release. With a maximum ({@link #Semaphore(int, int)}), releasing past it is an error, which
 * catches a release without its acquire.
 *
 * <ul>
 *   <li>{@link #acquire()} is always a checkpoint (throws {@link Cancelled} in a cancelled scope even
 *       when a permit is free, and yields after taking one).</li>
 *   <li>Fair: {@link #release()} hands the permit directly to the task that has waited longest (the
 *       value stays 0, so {@link #acquireNowait()} cannot take it first).</li>
 *   <li>Cancellation-safe: a waiter cancelled before the hand-off leaves the queue and takes nothing;
 *       one handed a permit keeps it ("rescheduled wins over cancel").</li>
 * </ul>
 */
public final class Semaphore {
  /** The maximum of a semaphore that has none. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;

  private int value;
  private final int maxValue;
  private final Waiters waiters = new Waiters();
  private final Runnable releaser = this::release;
  private final Waiters.Acquire<Acquired> acquire = new Waiters.Acquire<>(waiters, "acquire", this, null, task -> {
    if (value > 0 && waiters.isEmpty()) {
      value--;
      return held();
    }
    return Waiters.WAIT;
  });

  /** A semaphore holding {@code initialValue} permits, without a maximum. */
  public Semaphore(int initialValue) {
    this(initialValue, UNBOUNDED);
  }

  /**
   * A semaphore holding {@code initialValue} permits, at most {@code maxValue}.
   *
   * @throws IllegalArgumentException if {@code initialValue < 0} or {@code maxValue < initialValue}
   */
  public Semaphore(int initialValue, int maxValue) {
    if (initialValue < 0) {
      throw new IllegalArgumentException("initialValue must be >= 0, not " + initialValue);
    }
    if (maxValue < initialValue) {
      throw new IllegalArgumentException("maxValue (" + maxValue + ") must be >= initialValue (" + initialValue + ")");
    }
    this.value = initialValue;
    this.maxValue = maxValue;
  }

  /** Takes a permit, waiting while there is none or others wait before. Always a checkpoint. Its value releases the permit when closed. */
  public Awaitable<Acquired> acquire() {
    return acquire;
  }

  /** Takes a permit if one is free, else throws {@link WouldBlockException}. Never a checkpoint. */
  public Acquired acquireNowait() {
    waiters.checkThread("Semaphore.acquireNowait()");
    if (value == 0) {
      throw new WouldBlockException("the semaphore has no permit left");
    }
    value--;
    return held();
  }

  /**
   * Gives a permit back: to the task that has waited longest, if any, else to the count.
   * Synchronous, never a checkpoint.
   *
   * @throws IllegalStateException if the value is already at its maximum
   */
  public void release() {
    waiters.checkThread("Semaphore.release()");
    if (value == maxValue) {
      throw new IllegalStateException("semaphore released too many times (its maximum is " + maxValue + ")");
    }
    Task next = waiters.poll();
    if (next != null) {
      waiters.resume(next, held());
    } else {
      value++;
    }
  }

  /** The number of free permits. */
  public int value() {
    return value;
  }

  /** The maximum number of permits, {@link #UNBOUNDED} if none was given. */
  public int maxValue() {
    return maxValue;
  }

  public SemaphoreStatistics statistics() {
    return new SemaphoreStatistics(waiters.size());
  }

  @Override
  public String toString() {
    return "Semaphore[value=" + value + (maxValue == UNBOUNDED ? "" : ", maxValue=" + maxValue)
        + ", tasksWaiting=" + waiters.size() + "]";
  }

  private Acquired held() {
    return new Held(releaser);
  }
}
