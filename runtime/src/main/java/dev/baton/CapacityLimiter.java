package dev.baton;

import dev.baton.core.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A pool of tokens that caps how many borrowers do something at once (anyio's and trio's
 * {@code CapacityLimiter}): each borrower holds at most one token. The borrower is the current task
 * ({@link #acquire()}) or any object you name ({@link #acquireOnBehalfOf(Object)}, compared with
 * {@code equals}), so a token can be held across tasks, e.g. by a job a task hands over.
 *
 * <ul>
 *   <li>{@link #acquire()} is always a checkpoint (throws {@link Cancelled} in a cancelled scope even
 *       when a token is free, and yields after taking one).</li>
 *   <li>Fair: tokens go to waiters in the order they asked. A released token is handed to the first
 *       waiter at once, so {@link #acquireNowait()} in between cannot take it.</li>
 *   <li>{@link #setTotalTokens(int)} changes the capacity at run time: raising it hands the new tokens
 *       to waiters at once; lowering it takes no token back (borrowers over the new total keep theirs,
 *       and nobody gets one until enough are released).</li>
 *   <li>Cancellation-safe: a waiter cancelled before the hand-off leaves the queue and takes nothing;
 *       one handed a token keeps it ("rescheduled wins over cancel").</li>
 * </ul>
 */
public final class CapacityLimiter {
  /** A total meaning "no limit" (anyio's {@code math.inf}). */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  private int totalTokens;
  private final Set<Object> borrowers = new LinkedHashSet<>();
  private final Waiters waiters = new Waiters();

  /**
   * A limiter with {@code totalTokens} tokens (0 is allowed: nobody gets one until it is raised).
   *
   * @throws IllegalArgumentException if {@code totalTokens < 0}
   */
  public CapacityLimiter(int totalTokens) {
    this.totalTokens = checkTotal(totalTokens);
  }

  /**
   * Takes a token for the current task, waiting while none is free. Always a checkpoint. Its value
   * gives the token back when closed.
   *
   * @throws IllegalStateException (at the await) if the task already holds a token of this limiter
   */
  public Awaitable<Acquired> acquire() {
    return acquireFor(null);
  }

  /** {@link #acquire()} for {@code borrower} instead of the current task. */
  public Awaitable<Acquired> acquireOnBehalfOf(Object borrower) {
    return acquireFor(java.util.Objects.requireNonNull(borrower, "borrower == null"));
  }

  /** Takes a token for the current task if one is free and nobody waits, else throws {@link WouldBlockException}. Never a checkpoint. */
  public Acquired acquireNowait() {
    return acquireOnBehalfOfNowait(Waiters.currentTask("CapacityLimiter.acquireNowait()"));
  }

  /** {@link #acquireNowait()} for {@code borrower}. */
  public Acquired acquireOnBehalfOfNowait(Object borrower) {
    waiters.checkThread("CapacityLimiter.acquireOnBehalfOfNowait()");
    checkNotHolding(borrower);
    if (!tokenFree()) {
      throw new WouldBlockException("no token of this CapacityLimiter is free");
    }
    borrowers.add(borrower);
    return held(borrower);
  }

  /**
   * Gives back the current task's token, handing it to the first waiter if any. Synchronous, never a
   * checkpoint.
   *
   * @throws IllegalStateException if the task holds no token of this limiter
   */
  public void release() {
    releaseOnBehalfOf(Waiters.currentTask("CapacityLimiter.release()"));
  }

  /** {@link #release()} for {@code borrower}. */
  public void releaseOnBehalfOf(Object borrower) {
    waiters.checkThread("CapacityLimiter.releaseOnBehalfOf()");
    if (!borrowers.remove(borrower)) {
      throw new IllegalStateException("this borrower isn't holding any of this CapacityLimiter's tokens: " + describe(borrower));
    }
    grantWaiters();
  }

  public int totalTokens() {
    return totalTokens;
  }

  /**
   * Sets the number of tokens. Raising it hands the new tokens to waiters at once, oldest first;
   * lowering it takes none back. Synchronous, never a checkpoint.
   *
   * @throws IllegalArgumentException if {@code totalTokens < 0}
   */
  public void setTotalTokens(int totalTokens) {
    waiters.checkThread("CapacityLimiter.setTotalTokens()");
    this.totalTokens = checkTotal(totalTokens);
    grantWaiters();
  }

  public int borrowedTokens() {
    return borrowers.size();
  }

  /** The tokens free now: {@code totalTokens - borrowedTokens}, or 0 while the total is below what is borrowed. */
  public int availableTokens() {
    return Math.max(0, totalTokens - borrowers.size());
  }

  public CapacityLimiterStatistics statistics() {
    List<String> names = new ArrayList<>(borrowers.size());
    for (Object b : borrowers) {
      names.add(describe(b));
    }
    return new CapacityLimiterStatistics(borrowers.size(), totalTokens, names, waiters.size());
  }

  @Override
  public String toString() {
    return "CapacityLimiter[borrowed=" + borrowers.size() + ", total="
        + (totalTokens == UNLIMITED ? "unlimited" : String.valueOf(totalTokens)) + ", tasksWaiting=" + waiters.size() + "]";
  }

  private static int checkTotal(int totalTokens) {
    if (totalTokens < 0) {
      throw new IllegalArgumentException("totalTokens must be >= 0, not " + totalTokens);
    }
    return totalTokens;
  }

  private static String describe(Object borrower) {
    return borrower instanceof Task ? ((Task) borrower).name() : String.valueOf(borrower);
  }

  private boolean tokenFree() {
    return waiters.isEmpty() && (totalTokens == UNLIMITED || borrowers.size() < totalTokens);
  }

  private void checkNotHolding(Object borrower) {
    if (borrowers.contains(borrower)) {
      throw new IllegalStateException("this borrower is already holding one of this CapacityLimiter's tokens: " + describe(borrower));
    }
  }

  /** Hands free tokens to waiters, oldest first. */
  private void grantWaiters() {
    while (!waiters.isEmpty() && (totalTokens == UNLIMITED || borrowers.size() < totalTokens)) {
      Task t = waiters.poll();
      Object tag = ((Waiters.Acquire<?>) t.waitingOn()).tag;
      Object borrower = tag != null ? tag : t;
      if (borrowers.add(borrower)) {
        waiters.resume(t, held(borrower));
      } else { // two tasks waited on behalf of one borrower: the second finds it holding
        waiters.fail(t, new IllegalStateException(
            "this borrower is already holding one of this CapacityLimiter's tokens: " + describe(borrower)));
      }
    }
  }

  /** One acquire for {@code borrower} (null: the task that awaits it), which the acquire carries as its tag. */
  private Awaitable<Acquired> acquireFor(Object borrower) {
    return new Waiters.Acquire<>(waiters, "acquire", this, borrower, task -> {
      Object who = borrower != null ? borrower : task;
      checkNotHolding(who);
      if (tokenFree()) {
        borrowers.add(who);
        return held(who);
      }
      return Waiters.WAIT;
    });
  }

  private Acquired held(Object borrower) {
    return new Held(() -> releaseOnBehalfOf(borrower));
  }
}
