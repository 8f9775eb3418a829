package dev.baton.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-message cost of stream hand-offs, in ns/msg: Baton, the hand-written floor (plain, and
 * {@code FloorYield}: with a schedule point after every send and receive, trio's rule that Baton
 * keeps), Kotlin coroutines on one thread and virtual threads in one run. Methods suffixed {@code Vt} need JDK 21+;
 * {@code Vt1} runs on one carrier thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH})
public class MessagingBenchmark {
  static final int HANDOFF = 1_000_000;
  static final int ROUND_TRIPS = 500_000;
  static final int PRODUCERS = 1_000;
  static final int EACH = 1_000;
  static final int FAN_IN_BUFFER = 16;
  static final String ONE_CARRIER = "-Djdk.virtualThreadScheduler.parallelism=1";

  // ---- rendezvous hand-off: one producer, one consumer, buffer 0

  @Benchmark
  @OperationsPerInvocation(HANDOFF)
  public long handoffBaton() {
    return BatonWorkloads.handoff(HANDOFF, 0);
  }

  @Benchmark
  @OperationsPerInvocation(HANDOFF)
  public long handoffFloor() {
    return FloorWorkloads.handoff(HANDOFF, 0, false);
  }

  @Benchmark
  @OperationsPerInvocation(HANDOFF)
  public long handoffFloorYield() {
    return FloorWorkloads.handoff(HANDOFF, 0, true);
  }

  @Benchmark
  @OperationsPerInvocation(HANDOFF)
  public long handoffKotlin() {
    return KotlinWorkloads.handoff(HANDOFF, 0);
  }

  @Benchmark
  @OperationsPerInvocation(HANDOFF)
  public long handoffVt() throws InterruptedException {
    return VirtualThreadWorkloads.handoff(HANDOFF, 0);
  }

  @Benchmark
  @OperationsPerInvocation(HANDOFF)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, ONE_CARRIER})
  public long handoffVt1() throws InterruptedException {
    return VirtualThreadWorkloads.handoff(HANDOFF, 0);
  }

  // ---- round trip over two rendezvous streams

  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public long roundTripBaton() {
    return BatonWorkloads.roundTrip(ROUND_TRIPS);
  }

  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public long roundTripFloor() {
    return FloorWorkloads.roundTrip(ROUND_TRIPS, false);
  }

  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public long roundTripFloorYield() {
    return FloorWorkloads.roundTrip(ROUND_TRIPS, true);
  }

  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public long roundTripKotlin() {
    return KotlinWorkloads.roundTrip(ROUND_TRIPS);
  }

  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public long roundTripVt() throws InterruptedException {
    return VirtualThreadWorkloads.roundTrip(ROUND_TRIPS);
  }

  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, ONE_CARRIER})
  public long roundTripVt1() throws InterruptedException {
    return VirtualThreadWorkloads.roundTrip(ROUND_TRIPS);
  }

  // ---- fan-in: 1,000 producers x 1,000 messages into one consumer, buffer 16

  @Benchmark
  @OperationsPerInvocation(PRODUCERS * EACH)
  public long fanInBaton() {
    return BatonWorkloads.fanIn(PRODUCERS, EACH, FAN_IN_BUFFER);
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCERS * EACH)
  public long fanInFloor() {
    return FloorWorkloads.fanIn(PRODUCERS, EACH, FAN_IN_BUFFER, false);
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCERS * EACH)
  public long fanInFloorYield() {
    return FloorWorkloads.fanIn(PRODUCERS, EACH, FAN_IN_BUFFER, true);
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCERS * EACH)
  public long fanInKotlin() {
    return KotlinWorkloads.fanIn(PRODUCERS, EACH, FAN_IN_BUFFER);
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCERS * EACH)
  public long fanInVt() throws InterruptedException {
    return VirtualThreadWorkloads.fanIn(PRODUCERS, EACH, FAN_IN_BUFFER);
  }

  @Benchmark
  @OperationsPerInvocation(PRODUCERS * EACH)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, ONE_CARRIER})
  public long fanInVt1() throws InterruptedException {
    return VirtualThreadWorkloads.fanIn(PRODUCERS, EACH, FAN_IN_BUFFER);
  }
}
