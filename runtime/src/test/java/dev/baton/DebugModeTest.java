package dev.baton;

import static dev.baton.UserLines.line;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lowlevel.AsyncFrame;
import dev.baton.testing.RuntimeTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Debug mode: a step that holds the loop past the threshold is reported, in the user's lines. */
class DebugModeTest extends RuntimeTest {

  /**
   * <pre>{@code
   * @Async Coroutine<Void> work() {
   *   await(checkpoint());      // Pipeline.java:10
   *   Thread.sleep(20);         // blocks the loop
   *   await(checkpoint());      // Pipeline.java:14
   *   Thread.sleep(20);
   *   return done();
   * }
   * }</pre>
   */
  static final class Work extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if ($error != null) {
        throw $error;
      }
      switch ($state) {
        case 0:
          return $await(1, Baton.checkpoint());
        case 1:
          Thread.sleep(20);
          return $await(2, Baton.checkpoint());
        default:
          Thread.sleep(20);
          return $complete(null);
      }
    }

    @Override
    protected StackTraceElement $where() {
      return $state == 1 ? line("work", 10) : $state == 2 ? line("work", 14) : null;
    }
  }

  private static List<String> reportsOf(RunOptions options) {
    List<String> reports = new ArrayList<>();
    Baton.run(co(taskGroup(tg -> run(() -> tg.startSoon(new Work(), "blocker")))),
        options.withClock(Clock.virtual()).withSlowStepReporter(reports::add));
    return reports;
  }

  @Test
  void slowStepIsReportedWithTheTaskAndTheLinesItRanBetween() {
    List<String> reports = reportsOf(RunOptions.defaults().withSlowStepThreshold(Duration.ofMillis(1)));
    String slow = reports.stream().filter(r -> r.contains("to p.Pipeline.work(Pipeline.java:14)")).findFirst()
        .orElseThrow(() -> new AssertionError(reports));
    assertTrue(slow.startsWith("Baton debug: a step of task 'blocker' held the loop for "), slow);
    assertTrue(slow.contains(" ms (slow-step threshold 1.0 ms), from p.Pipeline.work(Pipeline.java:10) to "
        + "p.Pipeline.work(Pipeline.java:14); a blocking call there stalls every task: run it in a thread "
        + "(Baton.runInThread)"), slow);
  }

  @Test
  void slowLastStepEndsAtTheTaskEnd() {
    List<String> reports = reportsOf(RunOptions.defaults().withSlowStepThreshold(Duration.ofMillis(1)));
    assertTrue(reports.stream().anyMatch(r -> r.contains("from p.Pipeline.work(Pipeline.java:14) to its end")), reports::toString);
  }

  @Test
  void nothingIsReportedWhenDebugModeIsOff() {
    assertEquals(List.of(), reportsOf(RunOptions.defaults().withDebug(false)));
  }

  @Test
  void debugModeDefaultsToAsyncioThreshold() {
    RunOptions debug = RunOptions.defaults().withDebug(true);
    assertEquals(Duration.ofMillis(100), debug.slowStepThreshold());
    assertTrue(debug.debug());
  }

  @Test
  void negativeThresholdIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> RunOptions.defaults().withSlowStepThreshold(Duration.ofMillis(-1)));
  }
}
