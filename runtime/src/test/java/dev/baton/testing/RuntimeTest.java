package dev.baton.testing;

import dev.baton.Coroutine;
import org.junit.jupiter.api.AfterEach;

/** Base of runtime tests: an {@link OrderChecker} verified after each test, and a virtual-time runner. */
public abstract class RuntimeTest {
  protected final OrderChecker order = new OrderChecker();

  @AfterEach
  final void verifyOrder() {
    order.verify();
  }

  /** Runs {@code main} on a fresh loop with a virtual clock (see {@link Co#runVirtual}). */
  protected static <T> T runVirtual(Coroutine<T> main) {
    return Co.runVirtual(main);
  }
}
