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
 * What the debugging hooks cost when nobody uses them, in one run: three Baton workloads (the
 * rendezvous hand-off, the deep await chain, the cancellation storm, where every task ends with a
 * {@code Cancelled} leaving its frames: the path async stack traces watch) with the defaults
 * ({@code Default}: async stack traces on, debug mode off, FIFO schedule), with async stack traces
 * off ({@code NoTraces}: {@code -Dbaton.asyncStackTraces=false}), and with debug mode on
 * ({@code Debug}: {@code -Dbaton.debug=true}, every step timed), for what turning it on costs.
 * The step watch and the shuffled schedule have no switch to turn them further off than the
 * default: unused, each is one branch on a final field (per step, per batch).
 *
 * <p>Not part of {@code run-suite.sh}'s table: {@code java -jar benchmarks/target/benchmarks.jar Hooks}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH})
public class HooksBenchmark {
  static final String NO_TRACES = "-Dbaton.asyncStackTraces=false";
  static final String DEBUG = "-Dbaton.debug=true";

  // ---- rendezvous hand-off, 10^6 messages: ns per message

  @Benchmark
  @OperationsPerInvocation(MessagingBenchmark.HANDOFF)
  public long handoffDefault() {
    return BatonWorkloads.handoff(MessagingBenchmark.HANDOFF, 0);
  }

  @Benchmark
  @OperationsPerInvocation(MessagingBenchmark.HANDOFF)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, NO_TRACES})
  public long handoffNoTraces() {
    return BatonWorkloads.handoff(MessagingBenchmark.HANDOFF, 0);
  }

  @Benchmark
  @OperationsPerInvocation(MessagingBenchmark.HANDOFF)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, DEBUG})
  public long handoffDebug() {
    return BatonWorkloads.handoff(MessagingBenchmark.HANDOFF, 0);
  }

  // ---- deep await chain, 1,000 levels x 1,000: ns per call

  @Benchmark
  @OperationsPerInvocation(CallBenchmark.DEPTH * CallBenchmark.REPEATS)
  public long deepDefault() {
    return BatonWorkloads.deepChain(CallBenchmark.DEPTH, CallBenchmark.REPEATS);
  }

  @Benchmark
  @OperationsPerInvocation(CallBenchmark.DEPTH * CallBenchmark.REPEATS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, NO_TRACES})
  public long deepNoTraces() {
    return BatonWorkloads.deepChain(CallBenchmark.DEPTH, CallBenchmark.REPEATS);
  }

  @Benchmark
  @OperationsPerInvocation(CallBenchmark.DEPTH * CallBenchmark.REPEATS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, DEBUG})
  public long deepDebug() {
    return BatonWorkloads.deepChain(CallBenchmark.DEPTH, CallBenchmark.REPEATS);
  }

  // ---- cancellation storm, 10^4 tasks: ns per task

  @Benchmark
  @OperationsPerInvocation(CancelBenchmark.TASKS)
  public void stormDefault() {
    BatonWorkloads.cancelStorm(CancelBenchmark.TASKS, null);
  }

  @Benchmark
  @OperationsPerInvocation(CancelBenchmark.TASKS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, NO_TRACES})
  public void stormNoTraces() {
    BatonWorkloads.cancelStorm(CancelBenchmark.TASKS, null);
  }

  @Benchmark
  @OperationsPerInvocation(CancelBenchmark.TASKS)
  @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx4g", ForkOptions.PRETOUCH, DEBUG})
  public void stormDebug() {
    BatonWorkloads.cancelStorm(CancelBenchmark.TASKS, null);
  }
}
