package dev.baton.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.BlockingPortal;
import dev.baton.Clock;
import dev.baton.DeadlockException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples of the guide's chapter "Debugging" do what the guide says. */
class GuideDebugSamplesTest {
  final AsyncGuideDebugSamples samples = new AsyncGuideDebugSamples();

  @Test
  void dumpShowsTheTreeOfTheGuide() {
    String dump = Baton.run(samples.dumpAPipeline(), Clock.virtual());
    // exactly the dump docs/guide.md shows: each "at" line is the pending await in the user's source
    assertEquals("""
        Baton task dump at t=1 (3 tasks)
        root
        └── task group of main
            ├── main: running (took this dump)
            ├── consumer: waiting for receive on memory object stream#1 (0/0 buffered, 1 send handle and 1 receive handle open, 0 waiting to send, 1 to receive)
            │     at dev.baton.example.GuideDebugSamples.consume(GuideDebugSamples.java:36)
            └── cancel scope of napper, deadline in 4 s
                └── napper: waiting for sleep until t=10 (in 9 s)
                      at dev.baton.example.GuideDebugSamples.napInAScope(GuideDebugSamples.java:42)""",
        dump.stripTrailing());
  }

  @Test
  void portalDumpIsJson() {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      String json = GuideDebugSamples.dumpAsJson(portal);
      assertTrue(json.startsWith("{\"time\":"), json);
      assertTrue(json.contains("\"kind\":\"root\""), json);
    }
  }

  @Test
  void lockOrderDeadlockIsReportedAsACycle() {
    DeadlockException e = assertThrows(DeadlockException.class, () -> Baton.run(samples.transferBothWays(), Clock.virtual()));
    assertTrue(e.getMessage().contains("Lock#1 is held by b-to-a"), e.getMessage());
    assertTrue(e.getMessage().contains("which waits for acquire on Lock#2 (Lock[held by a-to-b, tasksWaiting=1]); "
        + "Lock#2 is held by a-to-b"), e.getMessage());
    assertTrue(e.getMessage().contains(": a cycle, none of them can ever run"), e.getMessage());
    assertTrue(e.getMessage().contains("a-to-b waiting for acquire on Lock#1 (Lock[held by b-to-a, tasksWaiting=1]) at "
        + "dev.baton.example.GuideDebugSamples.transfer(GuideDebugSamples.java:72)"), e.getMessage());
  }

  @Test
  void debugModeReportsTheBlockingStep() {
    List<String> reports = new ArrayList<>();
    GuideDebugSamples.runInDebugMode(samples.stallTheLoop(), reports);
    assertTrue(reports.stream().anyMatch(r -> r.startsWith("Baton debug: a step of task 'main' held the loop for ")),
        reports::toString);
  }
}
