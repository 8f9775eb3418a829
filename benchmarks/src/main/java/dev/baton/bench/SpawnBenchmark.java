package dev.baton.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Spawning 1,000,000 tasks that each checkpoint once, inside one task group: seconds per run. */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class SpawnBenchmark {
  static final int TASKS = 1_000_000;

  @Benchmark
  public void spawnBaton() {
    BatonWorkloads.spawn(TASKS);
  }

  @Benchmark
  public int spawnFloor() {
    return FloorWorkloads.spawn(TASKS);
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public void spawnVt() throws InterruptedException {
    VirtualThreadWorkloads.spawn(TASKS);
  }
}
