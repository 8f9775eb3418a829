package dev.baton;

import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.raise;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static dev.baton.testing.Co.tryCatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.testing.Co;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The loop delivers one cancellation to every task a scope cancels (one object for a storm of
 * them), and user code never holds it: a frame that can catch gets a {@link Cancelled} of its own,
 * so "every cancelled checkpoint throws a new {@code Cancelled}" holds, and what one task adds to
 * its cancellation (a suppressed failure) is not seen by another.
 */
class CancellationDeliveryTest extends RuntimeTest {
  private static final int TASKS = 3;
  private final List<Cancelled> caught = new ArrayList<>();

  /**
   * A child that waits in {@code wait}, catches the cancellation, adds a suppressed failure naming
   * itself to it, and rethrows it.
   */
  private Coroutine<Void> child(int k, Co.Step wait) {
    return co(tryCatch(wait, Cancelled.class, c -> block(
        run(() -> {
          caught.add(c);
          c.addSuppressed(new IllegalStateException("child " + k));
        }),
        raise(() -> c))));
  }

  /** Starts {@link #TASKS} children that wait in {@code wait}, lets them run up to it, cancels the group. */
  private Coroutine<Void> cancelledGroup(java.util.function.Supplier<Co.Step> wait) {
    return co(taskGroup(tg -> block(
        run(() -> {
          for (int k = 0; k < TASKS; k++) {
            tg.startSoon(child(k, wait.get()));
          }
        }),
        checkpointStep(), // every child runs up to its wait
        run(() -> tg.cancelScope().cancel()))));
  }

  /** Each child, caught in a different way, has one Cancelled, with its own suppressed failure only. */
  private void assertEachChildCaughtItsOwn(ExceptionGroup group) {
    assertEquals(TASKS, caught.size());
    for (int i = 0; i < TASKS; i++) {
      for (int j = i + 1; j < TASKS; j++) {
        assertNotSame(caught.get(i), caught.get(j));
      }
      Throwable[] suppressed = caught.get(i).getSuppressed();
      assertEquals(1, suppressed.length);
      assertEquals("child " + i, suppressed[0].getMessage());
    }
    // The failures suppressed while the cancellations propagated are not lost: one per child.
    List<String> failures = new ArrayList<>();
    for (Throwable t : group.exceptions()) {
      failures.add(t.getMessage());
    }
    assertEquals(List.of("child 0", "child 1", "child 2"), failures);
  }

  @Test
  void tasksParkedWhenTheirScopeIsCancelledEachCatchACancelledOfTheirOwn() {
    MemoryObjectStream<Integer> stream = Baton.createMemoryObjectStream(0);
    ExceptionGroup group = assertThrows(ExceptionGroup.class,
        () -> runVirtual(cancelledGroup(() -> awaiting(() -> stream.receiveStream().receive()))));
    assertEachChildCaughtItsOwn(group);
  }

  @Test
  void tasksResumingFromACheckpointInACancelledScopeEachCatchACancelledOfTheirOwn() {
    // Each child checkpoints, so it is in the run queue when the group is cancelled: it sees the
    // cancellation as it resumes.
    ExceptionGroup group = assertThrows(ExceptionGroup.class,
        () -> runVirtual(cancelledGroup(RuntimeTest::checkpointStep)));
    assertEachChildCaughtItsOwn(group);
  }

  @Test
  void aCancellationCaughtByUserCodeStillNamesTheScopeThatCausedIt() {
    MemoryObjectStream<Integer> stream = Baton.createMemoryObjectStream(0);
    CancelScope[] scope = new CancelScope[1];
    runVirtual(co(taskGroup(tg -> block(
        run(() -> {
          scope[0] = tg.cancelScope();
          tg.startSoon(co(tryCatch(awaiting(() -> stream.receiveStream().receive()), Cancelled.class,
              c -> run(() -> caught.add(c)))));
          tg.startSoon(co(tryCatch(awaiting(() -> stream.receiveStream().receive()), Cancelled.class,
              c -> run(() -> caught.add(c)))));
        }),
        checkpointStep(),
        run(() -> tg.cancelScope().cancel())))));
    assertEquals(2, caught.size());
    assertNotSame(caught.get(0), caught.get(1));
    for (Cancelled c : caught) {
      assertEquals("cancelled by " + scope[0].describe(), c.getMessage());
      assertArrayEquals(new Throwable[0], c.getSuppressed());
    }
  }
}
