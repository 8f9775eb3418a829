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
 * The deep await chain: a coroutine awaiting itself 1,000 levels deep, 1,000 times per invocation
 * in one task; ns per call (one level = one call and one return). Baton and the floor keep the
 * frames on the heap and trampoline; Kotlin's suspend functions run on the Java stack and allocate
 * a continuation per call; on a virtual thread the "await" is a plain recursive method call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH})
public class CallBenchmark {
  static final int DEPTH = 1_000;
  static final int REPEATS = 1_000;

  @Benchmark
  @OperationsPerInvocation(DEPTH * REPEATS)
  public long deepBaton() {
    return BatonWorkloads.deepChain(DEPTH, REPEATS);
  }

  @Benchmark
  @OperationsPerInvocation(DEPTH * REPEATS)
  public long deepFloor() {
    return FloorWorkloads.deepChain(DEPTH, REPEATS);
  }

  @Benchmark
  @OperationsPerInvocation(DEPTH * REPEATS)
  public long deepKotlin() {
    return KotlinWorkloads.deepChain(DEPTH, REPEATS);
  }

  @Benchmark
  @OperationsPerInvocation(DEPTH * REPEATS)
  public long deepVt() throws InterruptedException {
    return VirtualThreadWorkloads.deepChain(DEPTH, REPEATS);
  }
}
