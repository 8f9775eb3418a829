package dev.baton.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.Baton;
import dev.baton.Coroutine;
import dev.baton.ExceptionGroup;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.function.Executable;

/** Base of runtime tests: an {@link OrderChecker} verified after each test, and small shared steps. */
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

  /** {@code await(waitAllTasksBlocked())}: trio's {@code wait_all_tasks_blocked}. */
  protected static Co.Step untilAllBlocked() {
    return Co.awaiting(Baton::waitAllTasksBlocked);
  }

  /** {@code await(checkpoint())}. */
  protected static Co.Step checkpointStep() {
    return Co.awaiting(Baton::checkpoint);
  }

  /** {@code await(sleep(seconds))}. */
  protected static Co.Step sleepStep(double seconds) {
    return Co.awaiting(() -> Baton.sleep(seconds));
  }

  /** A coroutine that awaits one awaitable (anyio's {@code tg.start_soon(stream.send, x)}). */
  protected static Coroutine<Void> awaitingTask(Supplier<? extends dev.baton.Awaitable<?>> awaitable) {
    return Co.co(Co.awaiting(awaitable));
  }

  /**
   * Asserts that {@code run} throws an {@link ExceptionGroup} whose members have exactly the given
   * types, in order; returns the group.
   */
  @SafeVarargs
  protected static ExceptionGroup assertGroupOf(Executable run, Class<? extends Throwable>... types) {
    ExceptionGroup g = assertThrows(ExceptionGroup.class, run);
    assertEquals(List.of(types), g.exceptions().stream().map(Object::getClass).toList(), () -> "members of " + g);
    return g;
  }
}
