package dev.baton.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.DeadlockException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opentest4j.AssertionFailedError;

/** Timeouts in virtual time, and deadlocks, as a build sees them. */
class TimeoutTest {
  @Test
  void aScenarioPastItsTimeoutIsCancelledAndFailsTheTest() {
    TimeoutScenarios.log.clear();
    TestExecutionSummary summary = Launch.run(TimeoutScenarios.class, Map.of());
    assertEquals(4, summary.getTestsStartedCount());
    assertEquals(2, summary.getTestsFailedCount());
    // finishesInTime and aMethodsTimeoutWins ran to their ends; runsPastItsTimeout was cancelled at 10 s,
    // and its finally block ran (JUnit runs the methods in a deterministic order, not a known one)
    assertEquals(List.of("cleaned up at 10.0", "cleaned up at 20.0", "cleaned up at 9.5", "woke at 20.0", "woke at 9.5"),
        TimeoutScenarios.log.stream().sorted().toList());
    Throwable timeout = failure(summary, "runsPastItsTimeout");
    assertInstanceOf(AssertionFailedError.class, timeout);
    String message = timeout.getMessage();
    assertTrue(message.startsWith("The scenario did not finish within 10.0 s of virtual time (@BatonTest(timeout = 10.0)); "
        + "it was cancelled. The tasks at the deadline:"), message);
    // the runtime's task dump, taken at the deadline, shows the sleeping scenario
    assertTrue(message.contains("at dev.baton.junit.TimeoutScenarios.sleepFor(TimeoutScenarios.java:"), message);
  }

  @Test
  void aDeadlockFailsTheTestWithTheRuntimesReport() {
    Throwable deadlock = failure(Launch.run(TimeoutScenarios.class, Map.of()), "deadlocks");
    assertInstanceOf(DeadlockException.class, deadlock);
    assertTrue(deadlock.getMessage().contains("1 blocked task"), deadlock.getMessage());
  }

  static Throwable failure(TestExecutionSummary summary, String method) {
    return summary.getFailures().stream()
        .filter(f -> f.getTestIdentifier().getDisplayName().startsWith(method + "("))
        .map(TestExecutionSummary.Failure::getException)
        .findFirst().orElseThrow(() -> new AssertionError(method + " did not fail"));
  }
}
