package dev.baton.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report over a suite run in rounds: several JMH logs and CSVs, one after another. */
class ReportTest {
  private static final String HEADER =
      "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"";

  /** One round's log of {@code benchmark}: a header, a warm-up iteration, then {@code values}. */
  private static List<String> round(String benchmark, double... values) {
    List<String> log = new ArrayList<>();
    log.add("# Benchmark: dev.baton.bench.MessagingBenchmark." + benchmark);
    log.add("# Fork: 1 of 1");
    log.add("# Warmup Iteration   1: 999.000 ns/op");
    for (int i = 0; i < values.length; i++) {
      log.add("Iteration   " + (i + 1) + ": " + values[i] + " ns/op");
    }
    log.add("");
    return log;
  }

  @Test
  void aBenchmarkRepeatedInLaterRoundsKeepsTheIterationsOfEveryRound() {
    List<String> log = new ArrayList<>();
    log.addAll(round("handoffBaton", 10, 11, 12));
    log.addAll(round("handoffFloor", 5, 5, 5));
    log.add("# Round 2 of 2");
    log.addAll(round("handoffBaton", 30, 31, 32));

    Report.Spread s = Report.iterations(log).get("handoffBaton");

    assertEquals(10, s.min());
    assertEquals(32, s.max());
    assertEquals((12 + 30) / 2.0, s.median()); // six iterations: the middle two
    assertEquals(21, s.mean(), 1e-9);
  }

  @Test
  void warmUpIterationsAreNotMeasured() {
    Report.Spread s = Report.iterations(round("deepBaton", 4, 6)).get("deepBaton");

    assertEquals(4, s.min());
    assertEquals(6, s.max());
  }

  @Test
  void theErrorOverAllRoundsIsNarrowerThanOneRoundsWithTheSameSpread() {
    List<String> one = round("spawnBaton", 10, 12, 14);
    List<String> two = new ArrayList<>(one);
    two.addAll(round("spawnBaton", 10, 12, 14));

    double e1 = Report.iterations(one).get("spawnBaton").error();
    double e2 = Report.iterations(two).get("spawnBaton").error();

    assertTrue(e2 < e1, e2 + " < " + e1);
  }

  @Test
  void csvRowsOfOneBenchmarkFromSeveralRoundsMergeIntoOneRowWithTheirMean() {
    List<String> csv = List.of(HEADER,
        "\"dev.baton.bench.MessagingBenchmark.handoffBaton\",\"avgt\",1,5,20.0,2.0,\"ns/op\"",
        "\"dev.baton.bench.MessagingBenchmark.handoffFloorYield\",\"avgt\",1,5,10.0,1.0,\"ns/op\"",
        "\"dev.baton.bench.MessagingBenchmark.handoffBaton\",\"avgt\",1,5,30.0,4.0,\"ns/op\"");

    List<Report.Row> rows = Report.merge(Report.parse(csv));

    assertEquals(2, rows.size());
    Report.Row baton = rows.get(0);
    assertEquals("handoff", baton.workload());
    assertEquals("Baton", baton.impl());
    assertEquals(25.0, baton.score());
    assertEquals(25.0, baton.mean());
    assertEquals(4.0, baton.error()); // the widest round's, until the log's iterations replace it
    assertEquals("FloorYield", rows.get(1).impl());
  }

  @Test
  void theTableShowsTheMedianOverAllRoundsAndItsRatioToTheFloor() {
    List<String> csv = List.of(HEADER,
        "\"dev.baton.bench.MessagingBenchmark.handoffBaton\",\"avgt\",1,3,0,0,\"ns/op\"",
        "\"dev.baton.bench.MessagingBenchmark.handoffFloorYield\",\"avgt\",1,3,0,0,\"ns/op\"",
        "\"dev.baton.bench.MessagingBenchmark.handoffBaton\",\"avgt\",1,3,0,0,\"ns/op\"",
        "\"dev.baton.bench.MessagingBenchmark.handoffBaton\",\"avgt\",1,3,0,0,\"ns/op\"",
        "\"dev.baton.bench.MessagingBenchmark.handoffFloorYield\",\"avgt\",1,3,0,0,\"ns/op\"");
    List<String> log = new ArrayList<>();
    log.addAll(round("handoffBaton", 20, 20, 20));
    log.addAll(round("handoffFloorYield", 10, 10, 10));
    log.addAll(round("handoffBaton", 40, 40, 40)); // a slow phase took one round of Baton's
    log.addAll(round("handoffBaton", 20, 20, 20));
    log.addAll(round("handoffFloorYield", 10, 10, 10));
    Map<String, Report.Spread> spreads = Report.iterations(log);

    String md = Report.render(Report.withMedians(Report.merge(Report.parse(csv)), spreads), List.of(), List.of(), spreads);

    assertTrue(md.contains("| 20.0 [20.0–40.0] (2.00x) |"), md);
  }
}
