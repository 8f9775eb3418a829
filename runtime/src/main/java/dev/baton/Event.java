package dev.baton;

import dev.baton.core.Task;

/**
 * A one-shot flag that tasks can wait for (anyio's and trio's {@code Event}): {@link #set()} wakes
 * every waiter at once and it stays set; there is no {@code clear}. Make a new event instead.
 *
 * <ul>
 *   <li>{@link #waitUntilSet()} (anyio's {@code wait()}: Java's {@code Object.wait()} takes the name)
 *       is always a checkpoint: on a set event it still yields and throws {@link Cancelled} in a
 *       cancelled scope.</li>
 *   <li>A waiter woken by {@code set()} returns normally even if it is cancelled before it runs
 *       again (trio's "rescheduled wins over cancel"); the cancellation is seen at its next
 *       checkpoint. A waiter cancelled before {@code set()} leaves at once.</li>
 *   <li>{@link #set()} is synchronous, idempotent and never a checkpoint.</li>
 * </ul>
 *
 * An event may be created and set anywhere; it is waited for by the tasks of one loop.
 */
public final class Event {
  private boolean set;
  private final Waiters waiters = new Waiters();
  private final Waiters.Acquire<Void> wait =
      new Waiters.Acquire<>(waiters, "waitUntilSet", this, null, task -> set ? null : Waiters.WAIT);

  public Event() {}

  /** Sets the event and wakes every waiting task, oldest first. Idempotent; never a checkpoint. */
  public void set() {
    waiters.checkThread("Event.set()");
    if (set) {
      return;
    }
    set = true;
    Task t;
    while ((t = waiters.poll()) != null) {
      waiters.resume(t, null);
    }
  }

  public boolean isSet() {
    return set;
  }

  /** Waits until the event is set; returns at once (after a checkpoint) if it is. Always a checkpoint. */
  public Awaitable<Void> waitUntilSet() {
    return wait;
  }

  public EventStatistics statistics() {
    return new EventStatistics(waiters.size());
  }

  @Override
  public String toString() {
    return "Event[" + (set ? "set" : "not set") + ", tasksWaiting=" + waiters.size() + "]";
  }
}
