package dev.baton.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of one workload in a fresh JVM: {@code java -cp benchmarks.jar
 * dev.baton.bench.MemoryProbe <workload>} prints {@code <workload> <seconds> <peak RSS MB>}. The
 * figure includes the JVM itself, like an RSS measured from outside.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    String workload = args[0];
    long t0 = System.nanoTime();
    switch (workload) {
      case "spawnBaton":
        BatonWorkloads.spawn(1_000_000);
        break;
      case "spawnFloor":
        FloorWorkloads.spawn(1_000_000);
        break;
      case "spawnVt":
        VirtualThreadWorkloads.spawn(1_000_000);
        break;
      default:
        throw new IllegalArgumentException("unknown workload " + workload);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%s %.3f %.1f%n", workload, seconds, peakRssMb());
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
