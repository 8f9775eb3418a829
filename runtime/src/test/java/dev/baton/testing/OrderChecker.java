package dev.baton.testing;

/**
 * Asserts the order of events across tasks (kotlinx.coroutines' {@code TestBase.expect}): each
 * event calls {@link #expect(int)} with its position, starting at 1; the last one calls
 * {@link #finish(int)}. A test that used the checker must reach {@code finish} ({@link #verify()}).
 *
 * <pre>{@code
 * co(run(() -> order.expect(1)),
 *    run(() -> tg.startSoon(co(run(() -> order.expect(3))))),
 *    run(() -> order.expect(2)),            // startSoon does not run the child
 *    awaiting(Baton::checkpoint),           // the child runs here
 *    run(() -> order.finish(4)));
 * }</pre>
 */
public final class OrderChecker {
  private int actual;
  private boolean finished;

  /** Records the event at position {@code index}; fails unless exactly {@code index - 1} events happened before. */
  public void expect(int index) {
    if (finished) {
      throw new AssertionError("event " + index + " happened after finish(" + actual + ")");
    }
    int was = ++actual;
    if (was != index) {
      throw new AssertionError("expected event " + index + " but this is event " + was);
    }
  }

  /** Records the last event, at position {@code index}. */
  public void finish(int index) {
    expect(index);
    finished = true;
  }

  /** Fails: the code calling it must never run. */
  public void expectUnreached() {
    throw new AssertionError("should not be reached (after event " + actual + ")");
  }

  /** Fails if events were recorded but {@link #finish(int)} was never reached. */
  public void verify() {
    if (actual > 0 && !finished) {
      throw new AssertionError("finish() was not reached; the last event was " + actual);
    }
  }

  /** The number of events recorded so far. */
  public int count() {
    return actual;
  }
}
