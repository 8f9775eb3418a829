package dev.baton.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A quick side-by-side for working on the runtime on a busy machine: one workload, Baton and the
 * floors run alternately in one JVM, many rounds; prints the minimum and the median time per
 * operation of each, the minimum of the thread's CPU time (which leaves out the time the thread
 * waited for a core), the ratios of the minima (load only ever adds time, so minima of
 * alternating runs compare well), and the bytes each allocates per operation (exact, load-free),
 * after a warm-up of a third of the rounds and at least three seconds:
 * {@code java -cp benchmarks.jar dev.baton.bench.Compare <workload> [rounds]}, workloads
 * {@code handoff roundTrip fanIn spawn sleepers deep storm}. Run one workload per JVM, so the
 * runtime's code is profiled by that workload alone, as in a JMH fork. Not a substitute for
 * {@code run-suite.sh}, whose numbers go into docs/performance.md.
 *
 * <p>Give the JVM a pre-touched heap ({@code -Xms2g -Xmx4g -XX:+AlwaysPreTouch}): on a VM whose
 * memory is mapped lazily, the first touch of each heap page can cost microseconds, which would
 * otherwise be charged to whichever variant allocates first. {@code -Draw=1} prints every round.
 */
public final class Compare {
  private Compare() {}

  /** One variant of a workload: runs it once. */
  private interface Run {
    void run() throws Exception;
  }

  /** A workload: how many operations one run is, and its variants by name (Baton first). */
  private record Workload(long ops, Map<String, Run> variants) {}

  public static void main(String[] args) throws Exception {
    String name = args[0];
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Workload w = workload(name);
    Map<String, double[]> nanosPerOp = new LinkedHashMap<>();
    Map<String, double[]> cpuNanosPerOp = new LinkedHashMap<>();
    Map<String, Double> bytesPerOp = new LinkedHashMap<>();
    w.variants().keySet().forEach(v -> nanosPerOp.put(v, new double[rounds]));
    w.variants().keySet().forEach(v -> cpuNanosPerOp.put(v, new double[rounds]));
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    // Warm-up: a third of the rounds, and at least three seconds (a round of a small workload, the
    // storm's 10^4 tasks, ends in milliseconds, before C2 has compiled the loop).
    int warmup = Math.max(3, rounds / 3);
    long warmUntil = System.nanoTime() + 3_000_000_000L;
    for (int r = -warmup; r < rounds; r++) {
      if (r == -1 && System.nanoTime() < warmUntil) {
        r = -2; // one more warm-up round
      }
      for (Map.Entry<String, Run> v : w.variants().entrySet()) {
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        v.getValue().run();
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        long bytes1 = threads.getCurrentThreadAllocatedBytes();
        if (r >= 0) {
          nanosPerOp.get(v.getKey())[r] = (t1 - t0) / (double) w.ops();
          cpuNanosPerOp.get(v.getKey())[r] = (cpu1 - cpu0) / (double) w.ops();
          bytesPerOp.put(v.getKey(), (bytes1 - bytes0) / (double) w.ops());
        }
      }
    }
    double batonMin = Double.NaN;
    double batonCpuMin = Double.NaN;
    for (Map.Entry<String, double[]> e : nanosPerOp.entrySet()) {
      double[] t = e.getValue();
      double[] cpu = cpuNanosPerOp.get(e.getKey());
      if (System.getProperty("raw") != null) {
        System.out.println(e.getKey() + " " + Arrays.toString(t));
      }
      Arrays.sort(t);
      Arrays.sort(cpu);
      if (e.getKey().equals("Baton")) {
        batonMin = t[0];
        batonCpuMin = cpu[0];
      }
      System.out.println(String.format(Locale.ROOT,
          "%-9s %-10s min %8.2f  median %8.2f ns/op  thread CPU min %8.2f  %6.1f B/op  Baton/this: %.2fx (CPU %.2fx)",
          name, e.getKey(), t[0], t[rounds / 2], cpu[0], bytesPerOp.get(e.getKey()), batonMin / t[0], batonCpuMin / cpu[0]));
    }
  }

  private static Workload workload(String name) {
    Map<String, Run> v = new LinkedHashMap<>();
    switch (name) {
      case "handoff" -> {
        int n = MessagingBenchmark.HANDOFF;
        v.put("Baton", () -> BatonWorkloads.handoff(n, 0));
        v.put("FloorYield", () -> FloorWorkloads.handoff(n, 0, true));
        v.put("Floor", () -> FloorWorkloads.handoff(n, 0, false));
        return new Workload(n, v);
      }
      case "roundTrip" -> {
        int n = MessagingBenchmark.ROUND_TRIPS;
        v.put("Baton", () -> BatonWorkloads.roundTrip(n));
        v.put("FloorYield", () -> FloorWorkloads.roundTrip(n, true));
        v.put("Floor", () -> FloorWorkloads.roundTrip(n, false));
        return new Workload(n, v);
      }
      case "fanIn" -> {
        int p = MessagingBenchmark.PRODUCERS;
        int each = MessagingBenchmark.EACH;
        int b = MessagingBenchmark.FAN_IN_BUFFER;
        v.put("Baton", () -> BatonWorkloads.fanIn(p, each, b));
        v.put("FloorYield", () -> FloorWorkloads.fanIn(p, each, b, true));
        v.put("Floor", () -> FloorWorkloads.fanIn(p, each, b, false));
        return new Workload((long) p * each, v);
      }
      case "spawn" -> {
        int n = SpawnBenchmark.TASKS;
        v.put("Baton", () -> BatonWorkloads.spawn(n));
        v.put("Floor", () -> FloorWorkloads.spawn(n));
        return new Workload(n, v);
      }
      case "sleepers" -> {
        int n = SpawnBenchmark.SLEEPERS;
        v.put("Baton", () -> BatonWorkloads.sleepers(n, SpawnBenchmark.SEED));
        v.put("Floor", () -> FloorWorkloads.sleepers(n, SpawnBenchmark.SEED));
        return new Workload(n, v);
      }
      case "deep" -> {
        int d = CallBenchmark.DEPTH;
        int r = CallBenchmark.REPEATS;
        v.put("Baton", () -> BatonWorkloads.deepChain(d, r));
        v.put("Floor", () -> FloorWorkloads.deepChain(d, r));
        return new Workload((long) d * r, v);
      }
      case "storm" -> {
        int n = CancelBenchmark.TASKS;
        v.put("Baton", () -> BatonWorkloads.cancelStorm(n, null));
        v.put("Floor", () -> FloorWorkloads.cancelStorm(n, null));
        return new Workload(n, v);
      }
      default -> throw new IllegalArgumentException("unknown workload " + name
          + "; one of handoff roundTrip fanIn spawn sleepers deep storm");
    }
  }
}
