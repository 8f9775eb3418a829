package dev.baton.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Task lifetimes, milliseconds per run: spawning 1,000,000 tasks that each checkpoint once inside
 * one task group; and 100,000 tasks sleeping uniformly in [0, 1) s on the real clock (the report
 * gives the time past one second). Peak RSS comes from {@link MemoryProbe}, in fresh JVMs.
 *
 * <p>Spawn is timed as the average over two-second iterations (dozens of runs each for Baton and
 * the floor), not one run per iteration: a run lasts about 20 ms, and a young collection that
 * finds a million runnable tasks alive takes 150-500 ms whichever runtime holds them, so one-run
 * iterations measured whether a collection happened to land in them (the floor's ranged 6-260 ms,
 * Baton's 8-690 ms). Averaged over many runs, each variant pays for its collections in proportion
 * to the garbage it makes, which is what a program that spawns in bulk pays too.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", ForkOptions.PRETOUCH})
public class SpawnBenchmark {
  static final int TASKS = 1_000_000;
  static final int SLEEPERS = 100_000;
  /** The sleep durations: the same sequence for every variant. */
  static final long SEED = 42;

  // ---- spawn 1,000,000 tasks that checkpoint (yield) once

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public void spawnBaton() {
    BatonWorkloads.spawn(TASKS);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public int spawnFloor() {
    return FloorWorkloads.spawn(TASKS);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public void spawnKotlin() {
    KotlinWorkloads.spawn(TASKS);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 1, time = 2)
  @Measurement(iterations = 3, time = 2)
  public void spawnVt() throws InterruptedException {
    VirtualThreadWorkloads.spawn(TASKS);
  }

  // ---- 100,000 sleepers, real clock: each run lasts at least the longest sleep (just under 1 s)

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public void sleepersBaton() {
    BatonWorkloads.sleepers(SLEEPERS, SEED);
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public int sleepersFloor() {
    return FloorWorkloads.sleepers(SLEEPERS, SEED);
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public void sleepersKotlin() {
    KotlinWorkloads.sleepers(SLEEPERS, SEED);
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public void sleepersVt() throws InterruptedException {
    VirtualThreadWorkloads.sleepers(SLEEPERS, SEED);
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  @Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", ForkOptions.PRETOUCH, MessagingBenchmark.ONE_CARRIER})
  public void sleepersVt1() throws InterruptedException {
    VirtualThreadWorkloads.sleepers(SLEEPERS, SEED);
  }
}
