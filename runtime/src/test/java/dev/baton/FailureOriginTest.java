package dev.baton;

import static dev.baton.UserLines.failingAfter;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.raise;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.cancelScope;
import static dev.baton.testing.Co.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.RuntimeTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failures name the task they came from; timeouts say how long their scope ran. */
class FailureOriginTest extends RuntimeTest {

  private static ExceptionGroup groupOfAFailingWorker(String name) {
    return assertThrows(ExceptionGroup.class, () -> runVirtual(co(taskGroup(tg -> run(() ->
        tg.startSoon(failingAfter("work", 42, Baton::checkpoint, () -> new IllegalStateException("boom")), name))))));
  }

  @Test
  void groupMessageNamesTheFailingTaskAndItsLine() {
    ExceptionGroup g = groupOfAFailingWorker("worker-3");
    assertEquals("unhandled errors in a task group (1 sub-exception): in task 'worker-3' (Pipeline.java:42): "
        + "java.lang.IllegalStateException: boom", g.getMessage());
  }

  @Test
  void originsListWhereEachFailureCameFrom() {
    assertEquals(List.of("task 'worker-3' (Pipeline.java:42)"), groupOfAFailingWorker("worker-3").origins());
  }

  @Test
  void unnamedTaskIsNamedAfterItsCoroutine() {
    assertEquals(List.of("task 'dev.baton.UserLines$At' (Pipeline.java:42)"), groupOfAFailingWorker(null).origins());
  }

  @Test
  void printedTraceNamesTheTask() {
    StringWriter out = new StringWriter();
    groupOfAFailingWorker("worker-3").printStackTrace(new PrintWriter(out));
    assertTrue(out.toString().contains("in task 'worker-3' (Pipeline.java:42)"), out.toString());
  }

  @Test
  void failureOfTheBodyNamesTheTaskRunningIt() {
    ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> runVirtual(co(taskGroup(tg ->
        raise(() -> new IllegalArgumentException("bad"))))));
    assertEquals(List.of("the body of the task group in task 'main'"), g.origins());
  }

  @Test
  void originsSurviveTheRemovalOfCancellations() {
    RuntimeException boom = new RuntimeException("boom");
    ExceptionGroup g = new ExceptionGroup("m", List.of(new Cancelled("x"), boom), Arrays.asList("task 'a'", "task 'b'"));
    ExceptionGroup rest = (ExceptionGroup) ExceptionGroup.withoutCancelled(g);
    assertEquals(List.of("task 'b'"), rest.origins());
    assertEquals("m (1 sub-exception): in task 'b': java.lang.RuntimeException: boom", rest.getMessage());
  }

  @Test
  void groupMadeByUsersHasNoOrigins() {
    ExceptionGroup g = new ExceptionGroup("mine", List.of(new RuntimeException()));
    assertEquals("mine (1 sub-exception)", g.getMessage());
    assertEquals(Arrays.asList((String) null), g.origins());
  }

  @Test
  void timeoutSaysHowLongTheScopeRanAndItsDeadlineFromItsEntry() {
    DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> runVirtual(co(
        awaiting(() -> Baton.sleep(100)),
        cancelScope(() -> Baton.failAfter(1.5), s -> awaiting(() -> Baton.sleep(10))))));
    assertEquals("deadline exceeded: a failAfter/failAt scope ran for 1.5 s, and its deadline was 1.5 s after it "
        + "was entered", e.getMessage());
  }

  @Test
  void timeoutAfterAMovedDeadlineSaysTheDeadlineItHad() {
    DeadlineExceededException e = assertThrows(DeadlineExceededException.class, () -> runVirtual(co(
        cancelScope(() -> Baton.failAfter(1), s -> block(
            run(() -> s.setDeadline(s.deadline() + 0.25)),
            awaiting(() -> Baton.sleep(10)))))));
    assertEquals("deadline exceeded: a failAfter/failAt scope ran for 1.25 s, and its deadline was 1.25 s after it "
        + "was entered", e.getMessage());
  }
}
