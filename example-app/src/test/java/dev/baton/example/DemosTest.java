package dev.baton.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every demo, run on a virtual clock: exact output and exact (virtual) times, no real waiting. */
class DemosTest {
  @Test
  void taskGroupDemoWaitsForAllFiveSleepersAndPrintsTheTutorialFormat() {
    DemoOutput out = DemoOutput.run("taskgroup", 1);
    List<String> lines = out.lines();
    assertEquals(12, lines.size(), String.join("\n", lines));
    assertEquals("2021-11-29 17:56:17.800793:: main start", lines.get(0));
    for (int num = 0; num < 5; num++) {
      assertEquals("num=" + num + ", second=5 sleep start", DemoOutput.textOf(lines.get(1 + num)));
      assertEquals(0.0, DemoOutput.secondsOf(lines.get(1 + num)));
      assertEquals("num=" + num + ", second=5 sleep end", DemoOutput.textOf(lines.get(6 + num)));
      assertEquals(5.0, DemoOutput.secondsOf(lines.get(6 + num)));
    }
    assertEquals("2021-11-29 17:56:22.800793:: main end", lines.get(11));
    assertNull(out.result());
  }

  @Test
  void pingPongReceivesEveryPingInSleepOrderAndEndsWhenTheLastCloneCloses() {
    long seed = 42;
    DemoOutput out = DemoOutput.run("pingpong", seed);
    List<String> lines = out.lines();
    // The same random draws the pings make, in task start order.
    Random random = new Random(seed);
    double[] sleeps = new double[5];
    for (int num = 0; num < 5; num++) {
      sleeps[num] = random.nextDouble() * 3;
    }
    assertEquals("main start", DemoOutput.textOf(lines.get(0)));
    Pattern ping = Pattern.compile("ping from num=(\\d), sleep_time=(.*)");
    List<Integer> order = new ArrayList<>();
    double total = 0;
    double previous = 0;
    for (int i = 1; i <= 5; i++) {
      Matcher m = ping.matcher(DemoOutput.textOf(lines.get(i)));
      assertTrue(m.matches(), lines.get(i));
      int num = Integer.parseInt(m.group(1));
      double t = Double.parseDouble(m.group(2));
      assertEquals(sleeps[num], t);
      assertEquals(t, DemoOutput.secondsOf(lines.get(i)), 1e-6);
      assertTrue(t >= previous, "pings arrive in the order of their sleeps");
      previous = t;
      order.add(num);
      total += t;
    }
    assertEquals(5, order.stream().distinct().count());
    assertEquals("pong: every ping is done, total sleep_time=" + total, DemoOutput.textOf(lines.get(6)));
    assertEquals("main end", DemoOutput.textOf(lines.get(7)));
    assertEquals(8, lines.size());
    assertNull(out.result());
  }

  @Test
  void pipelineDeliversEveryJobOnceThroughBoundedStreams() {
    DemoOutput out = DemoOutput.run("pipeline", 1);
    assertEquals(9, out.result());
    List<Integer> jobs = new ArrayList<>();
    Pattern result = Pattern.compile("job (\\d+) squared is (\\d+) \\(worker (\\d)\\)");
    for (String line : out.lines()) {
      Matcher m = result.matcher(DemoOutput.textOf(line));
      if (m.matches()) {
        int job = Integer.parseInt(m.group(1));
        assertEquals(job * job, Integer.parseInt(m.group(2)));
        jobs.add(job);
      }
    }
    jobs.sort(null);
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), jobs);
    assertEquals("pipeline done: 9 results", DemoOutput.textOf(out.lines().get(out.lines().size() - 1)));
  }

  @Test
  void timeoutsMoveOnSilentlyOrFailAtTheDeadline() {
    DemoOutput out = DemoOutput.run("timeouts", 1);
    List<String> text = out.lines().stream().map(DemoOutput::textOf).toList();
    assertEquals(List.of(
        "slowLookup(5.0) cleans up",
        "moveOnAfter(1.0): no answer at t=1",
        "slowLookup(0.5) cleans up",
        "moveOnAfter(1.0) with a fast lookup: found after 0.5 s",
        "slowLookup(5.0) cleans up",
        "failAfter(2.0): DeadlineExceededException at t=4"), text);
  }

  @Test
  void failingChildCancelsItsSiblingsAndTheGroupReportsTheFailure() {
    DemoOutput out = DemoOutput.run("failing", 1);
    List<String> text = out.lines().stream().map(DemoOutput::textOf).toList();
    assertEquals(List.of(
        "failing child raises",
        "steady-1 was cancelled",
        "steady-1 cleans up",
        "steady-2 was cancelled",
        "steady-2 cleans up",
        "the group failed with java.lang.IllegalStateException: the disk is full"), text);
    assertEquals(1, out.result());
  }

  @Test
  void startReturnsTheServiceStreamOnceTheServiceIsReady() {
    DemoOutput out = DemoOutput.run("start", 1);
    List<String> text = out.lines().stream().map(DemoOutput::textOf).toList();
    assertEquals(List.of(
        "service: warming up",
        "main: the service is ready",
        "service: echo hello",
        "service: echo world",
        "service: all clients are gone, stopping",
        "main: done"), text);
    assertEquals(0.5, DemoOutput.secondsOf(out.lines().get(1)));
  }
}
