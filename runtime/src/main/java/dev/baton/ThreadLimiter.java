package dev.baton;

import dev.baton.core.Task;
import dev.baton.core.WaitQueue;

/**
 * The bound on the worker threads one loop uses at once ({@link Baton#runInThread}): a counter of
 * tokens with a FIFO of tasks waiting for one (anyio's default thread limiter, 40 tokens).
 *
 * <p>Kept apart from the public {@link CapacityLimiter}: its tokens are handed to parked
 * {@link RunInThread} operations directly (one operation per call, no coroutine). A caller who
 * wants a limiter of their own passes a {@code CapacityLimiter} to
 * {@link Baton#runInThread(java.util.concurrent.Callable, CapacityLimiter)}.
 */
final class ThreadLimiter {
  static final int DEFAULT_TOKENS = 40;

  private final Runner runner;
  private int total;
  private int borrowed;
  private final WaitQueue waiting = new WaitQueue();

  ThreadLimiter(Runner runner, int total) {
    this.runner = runner;
    this.total = total;
  }

  /** Takes a token if one is free and nobody waits for one (FIFO). */
  boolean tryAcquire() {
    if (borrowed < total && waiting.isEmpty()) {
      borrowed++;
      return true;
    }
    return false;
  }

  /** Queues {@code t}, parked on a {@link Baton#runInThread} operation, for the next token. */
  void enqueue(Task t) {
    waiting.add(t);
  }

  /** {@code t} gave up waiting (cancelled). */
  void dequeue(Task t) {
    waiting.remove(t);
  }

  /** A token comes back: it goes to the task that has waited longest, which starts its thread. */
  void release() {
    borrowed--;
    handOut();
  }

  private void handOut() {
    Task next;
    while (borrowed < total && (next = waiting.poll()) != null) {
      borrowed++;
      ((RunInThread<?>) next.waitingOn()).tokenGranted(next);
    }
  }

  int total() {
    return total;
  }

  int borrowed() {
    return borrowed;
  }

  int waiting() {
    return waiting.size();
  }

  /** Changes the number of tokens; more tokens wake waiters at once. */
  void setTotal(int tokens) {
    if (tokens < 1) {
      throw new IllegalArgumentException("a thread limiter needs at least one token: " + tokens);
    }
    total = tokens;
    handOut();
  }

  Runner runner() {
    return runner;
  }
}
