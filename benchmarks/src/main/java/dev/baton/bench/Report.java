package dev.baton.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Turns a JMH CSV result (the rows of one or more rounds: JMH runs one after another, see
 * {@code run-suite.sh}), the probes' lines ({@link MemoryProbe}) and a few environment lines into
 * {@code docs/performance.md}:
 * {@code java -cp benchmarks.jar dev.baton.bench.Report jmh.csv probes.txt env.txt [jmh.log [notes.md]] > docs/performance.md}.
 * Benchmarks are grouped by workload (the method name up to the implementation suffix). With the
 * JMH log, the main table shows the median of the measured iterations with their range (robust on
 * a small, shared machine) and JMH's mean ± error in a second table; ratios (to the floor — the
 * yielding floor where the workload has one — and
 * Baton's to Kotlin and to virtual threads) are of medians.
 */
public final class Report {
  /** Implementation suffixes of benchmark method names ("Vt1" before "Vt"). */
  private static final String[] IMPLS = {"Baton", "FloorYield", "Floor", "Kotlin", "Vt1", "Vt"};

  /** What each workload is and how its score reads; {@code offset} is subtracted from the score. */
  record Workload(String title, String unit, double offset) {}

  private static final Map<String, Workload> WORKLOADS = new LinkedHashMap<>();

  static {
    WORKLOADS.put("handoff", new Workload("(1) rendezvous hand-off, 1 producer → 1 consumer, 10⁶ msgs", "ns/msg", 0));
    WORKLOADS.put("roundTrip", new Workload("(2) round trip over two rendezvous streams, 5·10⁵ trips", "ns/trip", 0));
    WORKLOADS.put("fanIn", new Workload("(3) fan-in, 1,000 producers × 1,000 msgs, buffer 16", "ns/msg", 0));
    WORKLOADS.put("spawn", new Workload("(4) spawn 10⁶ tasks that checkpoint once", "ms", 0));
    WORKLOADS.put("sleepers", new Workload("(5) 10⁵ tasks sleep U[0,1) s, real clock: time past 1 s", "ms past 1 s", 1000));
    WORKLOADS.put("deep", new Workload("(6) deep await chain, 1,000 levels (×1,000)", "ns/call", 0));
    WORKLOADS.put("cancelStorm", new Workload("(7) cancellation storm: 10⁴ tasks start, block in receive, one cancel, join", "ns/task", 0));
  }

  /** Rows of the probe table: probe, metric, title. */
  private static final String[][] PROBES = {
      {"spawn", "seconds", "(4) spawn 10⁶ tasks: seconds"},
      {"spawn", "rssMB", "(4) spawn 10⁶ tasks: peak RSS, MB"},
      {"sleepers", "pastOneSecond", "(5) 10⁵ sleepers: seconds past 1 s"},
      {"sleepers", "rssMB", "(5) 10⁵ sleepers: peak RSS, MB"},
      {"storm", "cancelMicros", "(7) cancellation storm, 10⁴ tasks: cancel → all joined, µs (median of 20)"},
      {"blocked", "bytesPerTask", "(8) heap per task blocked in receive, bytes (10⁶ tasks)"},
      {"blocked", "rssMB", "(8) 10⁶ blocked tasks: peak RSS, MB"},
  };

  private Report() {}

  /** {@code score} is what the tables show (the median when the log is given); {@code mean} is JMH's. */
  record Row(String workload, String impl, double score, double error, String unit, double mean) {
    Row(String workload, String impl, double score, double error, String unit) {
      this(workload, impl, score, error, unit, score);
    }
  }

  /**
   * The measured iterations of one benchmark, over all forks and rounds: median and range, and the
   * mean with its 99.9% confidence half-width (JMH's own statistics over the same iterations).
   */
  record Spread(double median, double min, double max, double mean, double error) {}

  public static void main(String[] args) throws IOException {
    List<Row> rows = merge(parse(Files.readAllLines(Path.of(args[0]))));
    List<String> probes = lines(args, 1);
    List<String> env = lines(args, 2);
    Map<String, Spread> spreads = iterations(lines(args, 3));
    if (!spreads.isEmpty()) {
      rows = withMedians(rows, spreads);
    }
    System.out.print(render(rows, probes, env, spreads.isEmpty() ? null : spreads));
    // The closing notes (what stays above the goal, the profile, what was tried): written by hand,
    // kept in benchmarks/performance-notes.md, appended as they are.
    List<String> notes = lines(args, 4);
    if (!notes.isEmpty()) {
      System.out.println();
      notes.forEach(System.out::println);
    }
  }

  private static List<String> lines(String[] args, int i) throws IOException {
    return args.length > i && Files.exists(Path.of(args[i])) ? Files.readAllLines(Path.of(args[i])) : List.of();
  }

  static List<Row> parse(List<String> csv) {
    List<Row> rows = new ArrayList<>();
    for (String line : csv.subList(1, csv.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      String name = unquote(f[0]);
      String method = name.substring(name.lastIndexOf('.') + 1);
      String impl = "";
      for (String candidate : IMPLS) {
        if (method.endsWith(candidate)) {
          impl = candidate;
          break;
        }
      }
      String workload = method.substring(0, method.length() - impl.length());
      rows.add(new Row(workload, impl, Double.parseDouble(f[4]), parseOrNaN(f[5]), unquote(f[6])));
    }
    return rows;
  }

  /**
   * One row per benchmark: the suite runs JMH in rounds, and its CSV holds a row per round. The
   * merged score is the rounds' mean (rounds have the same iteration count; {@link #parse} gives
   * each row its score as its mean); the error is the largest round's, until {@link #withMedians}
   * replaces both with figures over all the iterations in the log.
   */
  static List<Row> merge(List<Row> rows) {
    Map<String, List<Row>> byName = new LinkedHashMap<>();
    for (Row r : rows) {
      byName.computeIfAbsent(r.workload() + r.impl(), k -> new ArrayList<>()).add(r);
    }
    List<Row> out = new ArrayList<>();
    for (List<Row> same : byName.values()) {
      double score = 0;
      double error = 0;
      for (Row r : same) {
        score += r.score();
        error = Math.max(error, r.error());
      }
      Row first = same.get(0);
      out.add(new Row(first.workload(), first.impl(), score / same.size(), error, first.unit()));
    }
    return out;
  }

  private static double parseOrNaN(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * Benchmark method name → median and range of its measured iterations, from JMH's log: all of
   * them, from every fork and every round (the log of several JMH runs one after another).
   */
  static Map<String, Spread> iterations(List<String> log) {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    String current = null;
    for (String line : log) {
      if (line.startsWith("# Benchmark: ")) {
        String name = line.substring("# Benchmark: ".length()).trim();
        current = name.substring(name.lastIndexOf('.') + 1);
        values.computeIfAbsent(current, k -> new ArrayList<>());
      } else if (current != null && line.startsWith("Iteration ")) {
        String[] f = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        values.get(current).add(parseOrNaN(f[0]));
      }
    }
    Map<String, Spread> out = new LinkedHashMap<>();
    values.forEach((name, v) -> {
      if (!v.isEmpty()) {
        List<Double> sorted = new ArrayList<>(v);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        ListStatistics stats = new ListStatistics();
        v.forEach(stats::addValue);
        double error = n > 1 ? stats.getMeanErrorAt(0.999) : Double.NaN;
        out.put(name, new Spread(median, sorted.get(0), sorted.get(n - 1), stats.getMean(), error));
      }
    });
    return out;
  }

  /** The rows with the median as their score, and the mean and error over the same iterations. */
  static List<Row> withMedians(List<Row> rows, Map<String, Spread> spreads) {
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      Spread s = spreads.get(r.workload() + r.impl());
      out.add(s == null ? r : new Row(r.workload(), r.impl(), s.median(), s.error(), r.unit(), s.mean()));
    }
    return out;
  }

  private static String unquote(String s) {
    return s.replace("\"", "");
  }

  static String render(List<Row> rows, List<String> probes, List<String> env) {
    return render(rows, probes, env, null);
  }

  /** {@code spreads}: when not null, the rows' scores are medians and cells show the range. */
  static String render(List<Row> rows, List<String> probes, List<String> env, Map<String, Spread> spreads) {
    Map<String, Map<String, Row>> byWorkload = new LinkedHashMap<>();
    for (String w : WORKLOADS.keySet()) {
      byWorkload.put(w, new LinkedHashMap<>());
    }
    for (Row r : rows) {
      Workload w = WORKLOADS.get(r.workload());
      Row shown = w == null || w.offset() == 0
          ? r
          : new Row(r.workload(), r.impl(), r.score() - w.offset(), r.error(), r.unit(), r.mean() - w.offset());
      byWorkload.computeIfAbsent(r.workload(), k -> new LinkedHashMap<>()).put(r.impl(), shown);
    }
    byWorkload.values().removeIf(Map::isEmpty);

    StringBuilder sb = new StringBuilder();
    sb.append("# Performance\n\n");
    sb.append("Generated by `benchmarks/run-suite.sh`: JMH in rounds, each running every variant side by side\n")
        .append("(one fork each), then one fresh JVM per probe for memory and cancel timings. Lower is better\n")
        .append("everywhere.\n\n")
        .append("- **Baton**: the workloads written as users write them, `@Async` methods (`Workloads.java`)\n")
        .append("  compiled by the Baton processor into `AsyncWorkloads`, with full trio semantics (every\n")
        .append("  `send`/`receive` is a checkpoint: a schedule point and a cancel point).\n")
        .append("- **floor**: the same workloads hand-written as minimal single-thread state machines on a minimal\n")
        .append("  FIFO scheduler (`Floor`), with none of Baton's semantics: what one thread can do at best.\n")
        .append("- **yielding floor**: for the messaging workloads, the floor with a schedule point after every\n")
        .append("  send and receive that completes at once (trio's rule, which Baton keeps): the reference for\n")
        .append("  what the runtime adds beyond its semantics. Where a workload has it, **Baton / floor** and the\n")
        .append("  bracketed ratios are to it; the goal is Baton ≤ 1.5x that floor on every row.\n")
        .append("- **Kotlin**: kotlinx.coroutines on one thread: `runBlocking` + `launch`, `Channel(RENDEZVOUS)` /\n")
        .append("  `Channel(16)`, `yield`, `delay` (`KotlinWorkloads.kt`).\n")
        .append("- **VT**: virtual threads (JDK 21+) with `SynchronousQueue` / `ArrayBlockingQueue`, default\n")
        .append("  scheduler; **VT 1** the same on one carrier thread (`-Djdk.virtualThreadScheduler.parallelism=1`).\n")
        .append("  Baton / VT uses the faster of the two.\n\n");
    if (!env.isEmpty()) {
      sb.append("## Machine and JDK\n\n");
      for (String e : env) {
        if (!e.isBlank()) {
          sb.append("- ").append(e).append('\n');
        }
      }
      sb.append('\n');
    }

    if (spreads != null) {
      sb.append("## JMH: median of the measured iterations [min–max]; in brackets: ratio to the floor\n\n");
    } else {
      sb.append("## JMH: score ± 99.9% error; in brackets: ratio to the floor\n\n");
    }
    sb.append("| workload | unit | Baton | floor | yielding floor | Kotlin | VT | VT 1 | Baton / floor | Baton / Kotlin | Baton / VT |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, Row>> e : byWorkload.entrySet()) {
      Map<String, Row> m = e.getValue();
      Workload w = WORKLOADS.get(e.getKey());
      Row baton = m.get("Baton");
      Row floor = m.getOrDefault("FloorYield", m.get("Floor"));
      Row vt = best(m.get("Vt"), m.get("Vt1"));
      sb.append("| ").append(w == null ? e.getKey() : w.title())
          .append(" | ").append(w == null ? m.values().iterator().next().unit() : w.unit())
          .append(" | ").append(cell(baton, floor, spreads, w))
          .append(" | ").append(cell(m.get("Floor"), floor == m.get("Floor") ? null : floor, spreads, w))
          .append(" | ").append(cell(m.get("FloorYield"), null, spreads, w))
          .append(" | ").append(cell(m.get("Kotlin"), floor, spreads, w))
          .append(" | ").append(cell(m.get("Vt"), floor, spreads, w))
          .append(" | ").append(cell(m.get("Vt1"), floor, spreads, w))
          .append(" | ").append(ratio(baton, floor))
          .append(" | ").append(ratio(baton, m.get("Kotlin")))
          .append(" | ").append(ratio(baton, vt))
          .append(" |\n");
    }

    if (spreads != null) {
      sb.append("\nMean ± 99.9% confidence half-width (JMH's statistics) over the same iterations, all forks and\n")
          .append("rounds; wide intervals mean the iterations disagreed, which the medians above ride out:\n\n");
      sb.append("| workload | unit | Baton | floor | yielding floor | Kotlin | VT | VT 1 |\n|---|---|---|---|---|---|---|---|\n");
      for (Map.Entry<String, Map<String, Row>> e : byWorkload.entrySet()) {
        Workload w = WORKLOADS.get(e.getKey());
        sb.append("| ").append(w == null ? e.getKey() : w.title())
            .append(" | ").append(w == null ? e.getValue().values().iterator().next().unit() : w.unit());
        for (String impl : new String[] {"Baton", "Floor", "FloorYield", "Kotlin", "Vt", "Vt1"}) {
          Row r = e.getValue().get(impl);
          sb.append(" | ").append(r == null ? "—" : cell(
              new Row(r.workload(), r.impl(), r.mean(), r.error(), r.unit()), null, null, w));
        }
        sb.append(" |\n");
      }
    }

    Map<String, Map<String, Map<String, Double>>> probe = parseProbes(probes);
    if (!probe.isEmpty()) {
      sb.append("\n## Probes (one fresh JVM each, `MemoryProbe`)\n\n");
      sb.append("Peak RSS is VmHWM, the JVM itself included. Heap per blocked task is the growth of the heap in\n")
          .append("use after a full GC while 10⁶ tasks are blocked in receive on one stream (task, frame, wait\n")
          .append("node, a virtual thread's stack), divided by 10⁶.\n\n");
      sb.append("| probe | Baton | floor | Kotlin | VT | Baton / floor | Baton / Kotlin | Baton / VT |\n");
      sb.append("|---|---|---|---|---|---|---|---|\n");
      for (String[] p : PROBES) {
        Map<String, Map<String, Double>> byImpl = probe.get(p[0]);
        if (byImpl == null) {
          continue;
        }
        Double baton = value(byImpl, "Baton", p[1]);
        Double floor = value(byImpl, "Floor", p[1]);
        Double kotlin = value(byImpl, "Kotlin", p[1]);
        Double vt = value(byImpl, "Vt", p[1]);
        sb.append("| ").append(p[2])
            .append(" | ").append(num(baton))
            .append(" | ").append(num(floor))
            .append(" | ").append(num(kotlin))
            .append(" | ").append(num(vt))
            .append(" | ").append(ratio(baton, floor))
            .append(" | ").append(ratio(baton, kotlin))
            .append(" | ").append(ratio(baton, vt))
            .append(" |\n");
      }
    }

    Map<String, Map<String, Double>> compile = probe.get("compile");
    if (compile != null && compile.get("Baton") != null) {
      Map<String, Double> c = compile.get("Baton");
      sb.append("\n## Processor compile time\n\n")
          .append(String.format(Locale.ROOT, "javac (in process, warmed up, median of several runs) on one file with %.0f "
              + "`@Async` methods\n(loops, try/finally, awaited operands, switch): **%.0f ms without the processor** "
              + "(`-proc:none`,\nthe bodies compile as plain Java), **%.0f ms with it**: %.0f ms more, %.2f ms per "
              + "method\n(`CompileTimeProbe`).\n", c.getOrDefault("methods", 0.0), c.getOrDefault("withoutMs", 0.0),
              c.getOrDefault("withMs", 0.0), c.getOrDefault("overheadMs", 0.0), c.getOrDefault("msPerMethod", 0.0)));
    }

    sb.append("\n## How the variants are kept honest\n\n")
        .append("- Every variant moves the same boxed `Integer` items through a stream of the same capacity and\n")
        .append("  ends the same way (the consumer iterates until the last sender closes), from one seeded\n")
        .append("  `java.util.Random` for the sleep durations.\n")
        .append("- Spawn: Baton's tasks `await(checkpoint())`, Kotlin's `yield()`, virtual threads `Thread.yield()`,\n")
        .append("  the floor's tasks reschedule themselves once. Spawn is the average over 2 s iterations (dozens of\n")
        .append("  runs for Baton and the floor), young collections included, not one run per iteration.\n")
        .append("- Deep chain: Baton and the floor keep frames on the heap and trampoline (any depth in constant\n")
        .append("  stack); a Kotlin `suspend fun` calls itself on the Java stack, allocating a continuation per\n")
        .append("  call; on a virtual thread the nested \"await\" is a plain recursive method call.\n")
        .append("- Cancellation storm: Baton cancels its task group's scope; Kotlin cancels the parent `Job`;\n")
        .append("  virtual threads are interrupted one by one and joined (what a structured task scope's\n")
        .append("  shutdown does; the JMH figure also includes polling `Thread.getState()` until all are parked,\n")
        .append("  as threads have no \"wait all blocked\"); the floor takes each task off the wait queue and\n")
        .append("  resumes it once. The JMH row times the whole cycle; the probe row only cancel → joined.\n")
        .append("- No variant uses more than one thread except VT (default scheduler).\n")
        .append("- Every JMH fork pre-touches its heap (`-XX:+AlwaysPreTouch`): on a VM that maps memory lazily,\n")
        .append("  the first touch of a heap page can cost microseconds, which would land on whichever iteration\n")
        .append("  first grows into new memory. What each variant's memory costs is in the probe table (fresh\n")
        .append("  JVMs, no pre-touching).\n");

    sb.append("\n## Reproduce\n\n")
        .append("```\nbenchmarks/run-suite.sh                 # the whole suite, a few minutes; writes docs/performance.md\n")
        .append("benchmarks/run-suite.sh -wi 1 -i 2      # extra arguments go to JMH\n")
        .append("JAVA=/path/to/bin/java benchmarks/run-suite.sh   # another JDK (VT needs 21+)\n")
        .append("REPORT=docs/performance-jdk17.md JAVA=/usr/lib/jvm/java-17-openjdk-amd64/bin/java benchmarks/run-suite.sh\n```\n\n")
        .append("The suite uses `/usr/lib/jvm/temurin-25-jdk-amd64` when it exists (for the VT columns), else\n")
        .append("`java` from the PATH. One probe by hand: `java -cp benchmarks/target/benchmarks.jar\n")
        .append("dev.baton.bench.MemoryProbe blocked Kotlin` (probes: spawn, sleepers, storm, blocked;\n")
        .append("variants: Baton, Floor, Kotlin, Vt). Baton against the floors in one JVM, alternating, for\n")
        .append("working on a busy machine: `java -Xms2g -Xmx4g -XX:+AlwaysPreTouch -cp benchmarks/target/benchmarks.jar\n")
        .append("dev.baton.bench.Compare handoff` (also roundTrip, fanIn, spawn, sleepers, deep, storm).\n");
    return sb.toString();
  }

  /** {@code probe -> impl -> metric -> value} from lines {@code <probe> <impl> key=value ...}. */
  static Map<String, Map<String, Map<String, Double>>> parseProbes(List<String> lines) {
    Map<String, Map<String, Map<String, Double>>> out = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 3) {
        continue;
      }
      Map<String, Double> metrics = out.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
          .computeIfAbsent(f[1], k -> new LinkedHashMap<>());
      for (int i = 2; i < f.length; i++) {
        int eq = f[i].indexOf('=');
        if (eq > 0) {
          metrics.put(f[i].substring(0, eq), parseOrNaN(f[i].substring(eq + 1)));
        }
      }
    }
    return out;
  }

  private static Double value(Map<String, Map<String, Double>> byImpl, String impl, String metric) {
    Map<String, Double> m = byImpl.get(impl);
    return m == null ? null : m.get(metric);
  }

  private static Row best(Row a, Row b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.score() <= b.score() ? a : b;
  }

  private static String cell(Row r, Row floor, Map<String, Spread> spreads, Workload w) {
    if (r == null) {
      return "—";
    }
    String rel = floor == null ? "" : " (" + ratio(r, floor) + ")";
    Spread s = spreads == null ? null : spreads.get(r.workload() + r.impl());
    if (s != null) {
      double off = w == null ? 0 : w.offset();
      String range = s.min() == s.max() ? "" : " [" + fmt(s.min() - off) + "–" + fmt(s.max() - off) + "]";
      return fmt(r.score()) + range + rel;
    }
    String err = Double.isNaN(r.error()) ? "" : " ± " + fmt(r.error());
    return fmt(r.score()) + err + rel;
  }

  private static String num(Double v) {
    return v == null || v.isNaN() ? "—" : fmt(v);
  }

  private static String ratio(Row a, Row b) {
    return a == null || b == null ? "—" : ratio(a.score(), b.score());
  }

  private static String ratio(Double a, Double b) {
    if (a == null || b == null || a.isNaN() || b.isNaN() || b <= 0 || a < 0) {
      return "—";
    }
    double r = a / b;
    return String.format(Locale.ROOT, r >= 10 ? "%.0fx" : "%.2fx", r);
  }

  private static String fmt(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (Math.abs(v) >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
