package dev.baton;

import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lowlevel.AsyncFrame;
import dev.baton.testing.RuntimeTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The deadlock report names every blocked task meaningfully: its name if it has one, else the class
 * of its root coroutine (for generated code, the frame class of the user's method), with the
 * innermost coroutine when that is another one. Frames here are hand-written, as the processor would
 * write them.
 */
class DeadlockReportTest extends RuntimeTest {

  /** {@code @Async Coroutine<Void> waitForever() { await(sleepForever()); return done(); }} */
  static final class WaitForever extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, Baton.sleepForever());
        default:
          if ($error != null) {
            throw $error;
          }
          return $complete(null);
      }
    }
  }

  /** {@code @Async Coroutine<Void> outer() { await(new WaitForever()); return done(); }} */
  static final class Outer extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, new WaitForever());
        default:
          if ($error != null) {
            throw $error;
          }
          return $complete(null);
      }
    }
  }

  /** {@code @Async Coroutine<Void> delegate() { return waitForever(); }}: a tail call. */
  static final class Delegate extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) {
      return $tail(new WaitForever());
    }
  }

  private static Coroutine<Void> anonymousWaiter() {
    return new AsyncFrame<Void>() {
      @Override
      protected Object $step(Object $value, Throwable $error) throws Throwable {
        if ($state == 0) {
          return $await(1, Baton.sleepForever());
        }
        throw $error;
      }
    };
  }

  /** The report's lines about blocked tasks, after its first line. */
  private static List<String> blockedTasks(Supplier<Coroutine<?>> child) {
    DeadlockException e = assertThrows(DeadlockException.class, () -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(child.get())),
        awaiting(Baton::sleepForever))))));
    List<String> lines = e.getMessage().lines().toList();
    assertTrue(lines.get(0).contains("2 blocked tasks"), lines.get(0));
    return lines.subList(1, lines.size());
  }

  @Test
  void unnamedTaskIsNamedAfterItsRootCoroutineClass() {
    List<String> lines = blockedTasks(WaitForever::new);
    assertEquals("  - dev.baton.DeadlockReportTest$WaitForever waiting for sleepForever()", lines.get(1));
  }

  @Test
  void innermostCoroutineIsShownWhenItIsNotTheRoot() {
    List<String> lines = blockedTasks(Outer::new);
    assertEquals("  - dev.baton.DeadlockReportTest$Outer (in dev.baton.DeadlockReportTest$WaitForever) waiting for sleepForever()",
        lines.get(1));
  }

  @Test
  void anonymousCoroutineIsDescribedByTheMethodDeclaringIt() {
    List<String> lines = blockedTasks(DeadlockReportTest::anonymousWaiter);
    assertEquals("  - an anonymous coroutine in dev.baton.DeadlockReportTest.anonymousWaiter() waiting for sleepForever()",
        lines.get(1));
  }

  @Test
  void taskNameSurvivesATailCallOfTheRootCoroutine() {
    DeadlockException e = assertThrows(DeadlockException.class, () -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(new Delegate(), "worker")),
        awaiting(Baton::sleepForever))))));
    assertTrue(e.getMessage().contains("\n  - worker waiting for sleepForever()"), e.getMessage());
  }

  @Test
  void unnamedTaskKeepsItsRootDescriptionAfterATailCall() {
    List<String> lines = blockedTasks(Delegate::new);
    // the tail call replaced the root frame: the task is now the callee's
    assertEquals("  - dev.baton.DeadlockReportTest$WaitForever waiting for sleepForever()", lines.get(1));
  }

  @Test
  void mainTaskAndAGroupExitAreNamed() {
    DeadlockException e = assertThrows(DeadlockException.class, () -> runVirtual(co(taskGroup(tg ->
        run(() -> tg.startSoon(new WaitForever(), "sleeper"))))));
    assertTrue(e.getMessage().contains("main (in "), e.getMessage());
    assertTrue(e.getMessage().contains("waiting for the exit of a task group (1 child task still running)"), e.getMessage());
    assertTrue(e.getMessage().contains("\n  - sleeper waiting for sleepForever()"), e.getMessage());
  }
}
