package dev.baton.example.cancel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.Baton;
import dev.baton.ExceptionGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No failure is lost while a cancellation propagates (issue 13, item 3), also when the
 * cancellation passes through generated frames that have no {@code try} around an await: those
 * frames say so ({@code $catches()} is false), so the runtime skips looking for suppressed
 * failures on a {@code Cancelled} no user code could reach, and must still look at one that a
 * frame with a handler did reach.
 */
class CancelledFailuresTest {
  private static List<String> messages(ExceptionGroup g) {
    return g.exceptions().stream().map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).toList();
  }

  @Test
  void cancellingChildrenWhoseFramesCannotCatchEndsTheGroupQuietly() {
    Baton.run(AsyncSuppressedScenarios.cancelAll(0, 3));
  }

  @Test
  void aFailureAddedByACatchingCallerOfCatchFreeFramesFailsTheGroup() {
    ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> Baton.run(AsyncSuppressedScenarios.cancelAll(1, 2)));
    assertEquals(List.of("IllegalStateException: added 0", "IllegalStateException: added 1"), messages(g));
  }

  @Test
  void aCloseFailureAroundACatchFreeCalleeFailsTheGroup() {
    ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> Baton.run(AsyncSuppressedScenarios.cancelAll(2, 2)));
    assertEquals(List.of("IllegalStateException: close 0", "IllegalStateException: close 1"), messages(g));
  }

  @Test
  void aFailureAddedBelowACatchFreeRootFrameFailsTheGroup() {
    ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> Baton.run(AsyncSuppressedScenarios.cancelAll(3, 1)));
    assertEquals(List.of("IllegalStateException: added 0"), messages(g));
  }

  @Test
  void aCloseFailureAroundANestedGroupsCancellationFailsTheGroup() {
    ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> Baton.run(AsyncSuppressedScenarios.cancelAll(4, 2)));
    // both failures, in the order the loop delivers them (deterministic under the FIFO schedule)
    assertEquals(List.of("IllegalStateException: group 1", "IllegalStateException: group 0"), messages(g));
  }
}
