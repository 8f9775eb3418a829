package dev.baton.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cancellation storm: 10,000 tasks blocked in receive on one rendezvous stream, all cancelled
 * by one scope, joined; ns per task for the whole cycle (start, block, cancel, join). The cancel and
 * join alone are timed by {@link MemoryProbe} ({@code storm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH})
public class CancelBenchmark {
  static final int TASKS = 10_000;

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public void cancelStormBaton() {
    BatonWorkloads.cancelStorm(TASKS, null);
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public void cancelStormFloor() {
    FloorWorkloads.cancelStorm(TASKS, null);
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public void cancelStormKotlin() {
    KotlinWorkloads.cancelStorm(TASKS, null);
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public void cancelStormVt() throws InterruptedException {
    VirtualThreadWorkloads.cancelStorm(TASKS, null);
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, MessagingBenchmark.ONE_CARRIER})
  public void cancelStormVt1() throws InterruptedException {
    VirtualThreadWorkloads.cancelStorm(TASKS, null);
  }
}
