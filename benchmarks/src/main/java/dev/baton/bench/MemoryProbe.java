package dev.baton.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Measurements JMH does not make, one per fresh JVM:
 * {@code java -cp benchmarks.jar dev.baton.bench.MemoryProbe <probe> <impl> [tasks]} prints one line
 * {@code <probe> <impl> key=value ...}, which {@link Report} reads. {@code impl} is one of
 * {@code Baton}, {@code Floor}, {@code Kotlin}, {@code Vt} (JDK 21+). Probes:
 * <ul>
 *   <li>{@code spawn} (1,000,000 tasks that checkpoint once): {@code seconds}, {@code rssMB} (peak
 *       RSS, VmHWM, the JVM itself included, like an RSS measured from outside);</li>
 *   <li>{@code sleepers} (100,000 tasks sleeping uniformly in [0, 1) s, real clock):
 *       {@code seconds}, {@code pastOneSecond}, {@code rssMB};</li>
 *   <li>{@code storm} (10,000 tasks blocked in receive, cancelled by one scope): {@code cancelMicros},
 *       the time from the cancel to every task joined, median of 20 runs after 10 warm-up runs;</li>
 *   <li>{@code blocked} (1,000,000 tasks blocked in receive on one stream): {@code bytesPerTask},
 *       the growth of the heap in use after a full GC, divided by the tasks; and {@code rssMB}.</li>
 * </ul>
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    String probe = args[0];
    String impl = args[1];
    String line;
    switch (probe) {
      case "spawn": {
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        long t0 = System.nanoTime();
        spawn(impl, n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        line = fmt("seconds=%.3f rssMB=%.1f", seconds, peakRssMb());
        break;
      }
      case "sleepers": {
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        long t0 = System.nanoTime();
        sleepers(impl, n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        line = fmt("seconds=%.3f pastOneSecond=%.3f rssMB=%.1f", seconds, seconds - 1.0, peakRssMb());
        break;
      }
      case "storm": {
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int warm = 10;
        int runs = 20;
        double[] micros = new double[runs];
        for (int r = -warm; r < runs; r++) {
          long[] cancelAt = new long[1];
          storm(impl, n, () -> cancelAt[0] = System.nanoTime());
          long joined = System.nanoTime();
          if (r >= 0) {
            micros[r] = (joined - cancelAt[0]) / 1e3;
          }
        }
        Arrays.sort(micros);
        line = fmt("cancelMicros=%.1f tasks=%d", micros[runs / 2], n);
        break;
      }
      case "blocked": {
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        storm(impl, 1_000, null); // load and initialize every class involved first
        long before = heapUsedAfterGc();
        storm(impl, n, () -> {
          long during = heapUsedAfterGc();
          try {
            System.out.println(probe + " " + impl + " "
                + fmt("bytesPerTask=%.1f tasks=%d rssMB=%.1f", (during - before) / (double) n, n, peakRssMb()));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          // The teardown is not part of this probe: skip it. (Interrupting 10^6 virtual threads
          // parked on one SynchronousQueue takes minutes: each cancelled waiter is unlinked from
          // the queue by a walk; the cancellation storm probe measures that at 10^4 tasks.)
          System.out.flush();
          Runtime.getRuntime().halt(0);
        });
        throw new IllegalStateException("unreachable: the probe halts while the tasks are blocked");
      }
      default:
        throw new IllegalArgumentException("unknown probe " + probe);
    }
    System.out.println(probe + " " + impl + " " + line);
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static void spawn(String impl, int n) throws InterruptedException {
    switch (impl) {
      case "Baton" -> BatonWorkloads.spawn(n);
      case "Floor" -> FloorWorkloads.spawn(n);
      case "Kotlin" -> KotlinWorkloads.spawn(n);
      case "Vt" -> VirtualThreadWorkloads.spawn(n);
      default -> throw new IllegalArgumentException("unknown implementation " + impl);
    }
  }

  static void sleepers(String impl, int n) throws InterruptedException {
    long seed = SpawnBenchmark.SEED;
    switch (impl) {
      case "Baton" -> BatonWorkloads.sleepers(n, seed);
      case "Floor" -> FloorWorkloads.sleepers(n, seed);
      case "Kotlin" -> KotlinWorkloads.sleepers(n, seed);
      case "Vt" -> VirtualThreadWorkloads.sleepers(n, seed);
      default -> throw new IllegalArgumentException("unknown implementation " + impl);
    }
  }

  static void storm(String impl, int n, Runnable beforeCancel) throws InterruptedException {
    switch (impl) {
      case "Baton" -> BatonWorkloads.cancelStorm(n, beforeCancel);
      case "Floor" -> FloorWorkloads.cancelStorm(n, beforeCancel);
      case "Kotlin" -> KotlinWorkloads.cancelStorm(n, beforeCancel);
      case "Vt" -> VirtualThreadWorkloads.cancelStorm(n, beforeCancel);
      default -> throw new IllegalArgumentException("unknown implementation " + impl);
    }
  }

  /** Bytes of heap in use after full collections. */
  static long heapUsedAfterGc() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** VmHWM from /proc/self/status, in MB; NaN where there is no /proc. */
  static double peakRssMb() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return Double.NaN;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
