package dev.baton.example;

import static dev.baton.example.DemoOutput.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every demo, run on a virtual clock: exact output lines, in order, at exact (virtual) times; no real waiting. */
class DemosTest {
  @Test
  void taskGroupWaitsForAllFiveSleepersAndPrintsTheTutorialFormat() {
    DemoOutput out = DemoOutput.run("taskgroup", 1);
    assertEquals(List.of(
        "2021-11-29 17:56:17.800793:: main start",
        "2021-11-29 17:56:17.800793:: num=0, second=5 sleep start",
        "2021-11-29 17:56:17.800793:: num=1, second=5 sleep start",
        "2021-11-29 17:56:17.800793:: num=2, second=5 sleep start",
        "2021-11-29 17:56:17.800793:: num=3, second=5 sleep start",
        "2021-11-29 17:56:17.800793:: num=4, second=5 sleep start",
        "2021-11-29 17:56:22.800793:: num=0, second=5 sleep end",
        "2021-11-29 17:56:22.800793:: num=1, second=5 sleep end",
        "2021-11-29 17:56:22.800793:: num=2, second=5 sleep end",
        "2021-11-29 17:56:22.800793:: num=3, second=5 sleep end",
        "2021-11-29 17:56:22.800793:: num=4, second=5 sleep end",
        "2021-11-29 17:56:22.800793:: main end"), out.lines());
    assertNull(out.result());
  }

  /** What the five pings draw from a {@code Random(seed)}, in the order the tasks start (num 0 to 4). */
  static double[] sleepTimes(long seed) {
    Random random = new Random(seed);
    return IntStream.range(0, 5).mapToDouble(num -> random.nextDouble() * 3).toArray();
  }

  @Test
  void pingPongReceivesEveryPingWhenItsSleepEndsAndEndsWhenTheLastCloneCloses() {
    for (long seed : new long[] {1, 42, 2021}) {
      double[] sleeps = sleepTimes(seed);
      List<Integer> byWakeUp = IntStream.range(0, 5).boxed()
          .sorted(Comparator.comparingDouble(num -> sleeps[num])).toList();
      List<String> expected = new ArrayList<>();
      expected.add(at(0, "main start"));
      double total = 0;
      for (int num : byWakeUp) {
        expected.add(at(sleeps[num], "ping from num=" + num + ", sleep_time=" + sleeps[num]));
        total += sleeps[num];
      }
      double last = sleeps[byWakeUp.get(4)];
      expected.add(at(last, "pong: every ping is done, total sleep_time=" + total));
      expected.add(at(last, "main end"));

      DemoOutput out = DemoOutput.run("pingpong", seed);
      assertEquals(expected, out.lines(), "seed " + seed);
      assertNull(out.result());
    }
  }

  @Test
  void pingPongOrderReallyDependsOnTheSleeps() {
    // Guards the test above: with these seeds the pings do not arrive in the order they started.
    for (long seed : new long[] {1, 42, 2021}) {
      double[] sleeps = sleepTimes(seed);
      boolean sorted = true;
      for (int num = 1; num < 5; num++) {
        sorted &= sleeps[num - 1] <= sleeps[num];
      }
      assertEquals(false, sorted, "seed " + seed);
    }
  }

  @Test
  void pipelineProducerWaitsForTheWorkersAndEveryJobArrivesOnce() {
    DemoOutput out = DemoOutput.run("pipeline", 1);
    assertEquals(List.of(
        // Three workers take jobs 1-3, the buffer of two holds 4 and 5; sending job 6 waits (back-pressure).
        at(0.0, "produced job 1"),
        at(0.0, "produced job 2"),
        at(0.0, "produced job 3"),
        at(0.0, "produced job 4"),
        at(0.0, "produced job 5"),
        // A job takes 0.1 * (1 + job % 3) s: job 3 is done first.
        at(0.1, "job 3 squared is 9 (worker 3)"),
        at(0.1, "produced job 6"),
        at(0.2, "job 1 squared is 1 (worker 1)"),
        at(0.2, "produced job 7"),
        at(0.3, "job 2 squared is 4 (worker 2)"),
        at(0.3, "job 4 squared is 16 (worker 3)"),
        at(0.3, "produced job 8"),
        at(0.3, "produced job 9"),
        at(0.4, "job 6 squared is 36 (worker 2)"),
        at(0.5, "job 5 squared is 25 (worker 1)"),
        at(0.5, "job 7 squared is 49 (worker 3)"),
        at(0.6, "job 9 squared is 81 (worker 1)"),
        at(0.7, "job 8 squared is 64 (worker 2)"),
        at(0.7, "pipeline done: 9 results")), out.lines());
    assertEquals(9, out.result());
  }

  @Test
  void timeoutsMoveOnSilentlyOrFailAtTheDeadline() {
    DemoOutput out = DemoOutput.run("timeouts", 1);
    assertEquals(List.of(
        at(1.0, "slowLookup(5.0) cleans up"),
        at(1.0, "moveOnAfter(1.0): no answer, cancelledCaught=true, t=1.0"),
        at(1.5, "slowLookup(0.5) cleans up"),
        at(1.5, "moveOnAfter(1.0) with a fast lookup: found after 0.5 s, cancelledCaught=false, t=1.5"),
        at(3.5, "slowLookup(5.0) cleans up"),
        at(3.5, "failAfter(2.0): DeadlineExceededException, t=3.5")), out.lines());
    assertNull(out.result());
  }

  @Test
  void failingChildCancelsItsSiblingsAndTheGroupReportsTheFailure() {
    DemoOutput out = DemoOutput.run("failing", 1);
    assertEquals(List.of(
        at(1.0, "failing child raises"),
        at(1.0, "steady-1 was cancelled"),
        at(1.0, "steady-1 cleans up"),
        at(1.0, "steady-2 was cancelled"),
        at(1.0, "steady-2 cleans up"),
        at(1.0, "the group failed with java.lang.IllegalStateException: the disk is full")), out.lines());
    assertEquals(1, out.result());
  }

  @Test
  void startReturnsTheServiceStreamOnceTheServiceIsReady() {
    DemoOutput out = DemoOutput.run("start", 1);
    assertEquals(List.of(
        at(0.0, "service: warming up"),
        at(0.5, "main: the service is ready"),
        at(0.5, "service: echo hello"),
        at(0.5, "service: echo world"),
        at(0.5, "service: all clients are gone, stopping"),
        at(0.5, "main: done")), out.lines());
    assertNull(out.result());
  }
}
