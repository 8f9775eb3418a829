package dev.baton;

import dev.baton.annotations.Await;
import dev.baton.core.CancelStatus;
import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * Baton's entry points: run a loop, await, sleep, open task groups and cancel scopes, create
 * streams. Meant for {@code import static dev.baton.Baton.*;}.
 *
 * <p>Every operation here that can suspend is always a checkpoint (a schedule point, then a cancel
 * point): {@link #sleep}, {@link #checkpoint()}. Every synchronous one never is.
 */
public final class Baton {
  private Baton() {}

  // ---------------------------------------------------------------------------------------------
  // Running

  /**
   * Runs a fresh single-threaded loop on the calling thread until {@code main} finishes; returns its
   * value or throws its exception (anyio's {@code run}). Uses the system clock.
   */
  public static <T> T run(Coroutine<T> main) {
    return run(main, RunOptions.defaults());
  }

  /** {@link #run(Coroutine)} with the given clock; {@link Clock#virtual()} makes time exact and instant. */
  public static <T> T run(Coroutine<T> main, Clock clock) {
    Objects.requireNonNull(clock, "clock == null");
    return run(main, RunOptions.defaults().withClock(clock));
  }

  /**
   * {@link #run(Coroutine)} with the given options: the clock, and debug mode, which reports steps
   * that hold the loop too long (see {@link RunOptions}).
   */
  public static <T> T run(Coroutine<T> main, RunOptions options) {
    Objects.requireNonNull(main, "main == null");
    Objects.requireNonNull(options, "options == null");
    try {
      return new Runner(options.clock(), options.stepWatch(), Schedule.fifo()).run(main);
    } catch (Throwable t) {
      throw Baton.<RuntimeException>sneakyThrow(t);
    }
  }

  /**
   * {@link #run(Coroutine, Clock)} with the given schedule: {@link Schedule#shuffled(long)} runs the
   * tasks of each batch in an order drawn from a seed (schedule fuzzing, for tests).
   */
  public static <T> T run(Coroutine<T> main, Clock clock, Schedule schedule) {
    Objects.requireNonNull(main, "main == null");
    Objects.requireNonNull(clock, "clock == null");
    Objects.requireNonNull(schedule, "schedule == null");
    try {
      return new Runner(clock, null, schedule).run(main);
    } catch (Throwable t) {
      throw Baton.<RuntimeException>sneakyThrow(t);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneakyThrow(Throwable t) throws E {
    throw (E) t;
  }

  /**
   * Awaits {@code awaitable}: the switch point of the Baton language. Only meaningful inside an
   * {@code @Async} method, where the processor compiles it into a suspension; called anywhere else
   * it throws {@link IllegalStateException}.
   */
  @Await
  public static <T> T await(Awaitable<T> awaitable) {
    throw new IllegalStateException("await() was called outside compiled code: it only works inside an @Async method "
        + "compiled by the Baton processor (is the processor on the annotation processor path?). "
        + "To run a coroutine from ordinary code, use Baton.run(...)");
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  /** Sleeps {@code seconds} (0 is a plain checkpoint). Negative or NaN: {@link IllegalArgumentException}. */
  public static Awaitable<Void> sleep(double seconds) {
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("seconds must be non-negative: " + seconds);
    }
    if (seconds == 0) {
      return Checkpoints.CHECKPOINT;
    }
    return new Sleep(seconds, false);
  }

  /** Sleeps for {@code duration}. */
  public static Awaitable<Void> sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must be non-negative: " + duration);
    }
    return sleep(duration.getSeconds() + duration.getNano() / 1e9);
  }

  /** Sleeps until the loop clock reaches {@code deadline} (a checkpoint even if it already has). */
  public static Awaitable<Void> sleepUntil(double deadline) {
    if (Double.isNaN(deadline)) {
      throw new IllegalArgumentException("deadline must not be NaN");
    }
    return new Sleep(deadline, true);
  }

  /** Sleeps until cancelled. */
  public static Awaitable<Void> sleepForever() {
    return new Sleep(Double.POSITIVE_INFINITY, true);
  }

  /** A full checkpoint: let other tasks run, then throw {@link Cancelled} if this task is cancelled. */
  public static Awaitable<Void> checkpoint() {
    return Checkpoints.CHECKPOINT;
  }

  /** Low level: a schedule point that never throws {@link Cancelled}. */
  public static Awaitable<Void> cancelShieldedCheckpoint() {
    return Checkpoints.SHIELDED_CHECKPOINT;
  }

  /** Low level: throw {@link Cancelled} if this task is cancelled, without yielding. */
  public static Awaitable<Void> checkpointIfCancelled() {
    return Checkpoints.IF_CANCELLED;
  }

  /**
   * Test helper (trio's {@code wait_all_tasks_blocked}): resumes once no other task is runnable
   * (every other task is blocked or sleeping). A checkpoint.
   */
  public static Awaitable<Void> waitAllTasksBlocked() {
    return Checkpoints.WAIT_ALL_BLOCKED;
  }

  /** The loop clock in seconds. Only inside a running loop. */
  public static double currentTime() {
    return Runner.current().now();
  }

  /**
   * A snapshot of every task of the running loop: the tree of task groups and cancel scopes, each
   * task's name, what it waits for and where (see {@link TaskDump}). Synchronous, not a
   * checkpoint; the calling task shows as running. From another thread, use
   * {@link BlockingPortal#dumpTasks()}.
   */
  public static TaskDump dumpTasks() {
    return TaskDump.take(Runner.current());
  }

  /**
   * The earliest deadline among the cancel scopes visible from the current task (up to the first
   * shield); negative infinity if it is already cancelled, positive infinity if there is none.
   */
  public static double currentEffectiveDeadline() {
    Task t = Runner.current().currentTask("currentEffectiveDeadline()");
    double d = Double.POSITIVE_INFINITY;
    for (CancelStatus status = t.scope(); status != null; status = status.parent()) {
      CancelScope s = CancelScope.of(status);
      if (s.cancelCalled()) {
        return Double.NEGATIVE_INFINITY;
      }
      d = Math.min(d, s.deadline());
      if (s.shield()) {
        break;
      }
    }
    return d;
  }

  // ---------------------------------------------------------------------------------------------
  // Coroutines that are done already

  /** A coroutine that finishes at once with no value: {@code return done();}. Not a checkpoint. */
  public static Coroutine<Void> done() {
    return new Done<>(null);
  }

  /** A coroutine that finishes at once with {@code value}: {@code return done(value);}. Not a checkpoint. */
  public static <T> Coroutine<T> done(T value) {
    return new Done<>(value);
  }

  // ---------------------------------------------------------------------------------------------
  // Structure

  /**
   * A new task group, entered by the current task: use as
   * {@code try (@Await TaskGroup tg = createTaskGroup())}. Entering is not a checkpoint.
   */
  public static TaskGroup createTaskGroup() {
    Runner r = Runner.current();
    return new TaskGroup(r, r.currentTask("createTaskGroup()"));
  }

  /** A cancel scope with no deadline, entered by the current task: {@code try (CancelScope s = openCancelScope())}. */
  public static CancelScope openCancelScope() {
    return scope(CancelScope.PLAIN, Double.POSITIVE_INFINITY, false);
  }

  /** A cancel scope with no deadline, optionally shielded from enclosing cancellation. */
  public static CancelScope openCancelScope(boolean shield) {
    return scope(CancelScope.PLAIN, Double.POSITIVE_INFINITY, shield);
  }

  /** A cancel scope whose deadline is {@code seconds} from now; on timeout the block is left silently. */
  public static CancelScope moveOnAfter(double seconds) {
    return moveOnAfter(seconds, false);
  }

  /** {@link #moveOnAfter(double)}, optionally shielded. */
  public static CancelScope moveOnAfter(double seconds, boolean shield) {
    Runner r = Runner.current();
    return scope(r, CancelScope.PLAIN, r.now() + relative(seconds), shield);
  }

  /** A cancel scope with an absolute deadline on the loop clock; on timeout the block is left silently. */
  public static CancelScope moveOnAt(double deadline) {
    return scope(CancelScope.PLAIN, deadline, false);
  }

  /**
   * A cancel scope whose deadline is {@code seconds} from now; if the deadline cancels the block, its
   * exit throws {@link DeadlineExceededException}.
   */
  public static CancelScope failAfter(double seconds) {
    return failAfter(seconds, false);
  }

  /** {@link #failAfter(double)}, optionally shielded. */
  public static CancelScope failAfter(double seconds, boolean shield) {
    Runner r = Runner.current();
    return scope(r, CancelScope.FAIL, r.now() + relative(seconds), shield);
  }

  /** {@link #failAfter(double)} with an absolute deadline. */
  public static CancelScope failAt(double deadline) {
    return scope(CancelScope.FAIL, deadline, false);
  }

  private static double relative(double seconds) {
    if (Double.isNaN(seconds)) {
      throw new IllegalArgumentException("seconds must not be NaN");
    }
    return seconds;
  }

  private static CancelScope scope(byte kind, double deadline, boolean shield) {
    return scope(Runner.current(), kind, deadline, shield);
  }

  private static CancelScope scope(Runner r, byte kind, double deadline, boolean shield) {
    return CancelScope.enter(r, r.currentTask("opening a cancel scope"), kind, deadline, shield);
  }

  // ---------------------------------------------------------------------------------------------
  // Streams

  /**
   * A memory object stream with room for {@code maxBufferSize} items: 0 is a rendezvous (a send
   * waits for a receiver), {@link MemoryObjectStream#UNBOUNDED} never blocks senders.
   */
  public static <T> MemoryObjectStream<T> createMemoryObjectStream(int maxBufferSize) {
    if (maxBufferSize < 0) {
      throw new IllegalArgumentException("maxBufferSize cannot be negative: " + maxBufferSize);
    }
    StreamState<T> state = new StreamState<>(maxBufferSize);
    Runner running = Runner.runningOrNull();
    if (running != null) {
      state.bind(running); // from now on only this loop's thread may use it
    }
    return new MemoryObjectStream<>(new MemoryObjectSendStream<>(state), new MemoryObjectReceiveStream<>(state));
  }

  /** A rendezvous stream (buffer 0), anyio's default. */
  public static <T> MemoryObjectStream<T> createMemoryObjectStream() {
    return createMemoryObjectStream(0);
  }

  /**
   * An in-memory byte stream whose buffer holds at most {@code maxBufferSize} bytes: sends wait while
   * it is full (backpressure), receives return what is buffered, in chunks of any size. The halves
   * keep the {@link ByteSendStream} and {@link ByteReceiveStream} contracts.
   *
   * @throws IllegalArgumentException if {@code maxBufferSize < 1}
   */
  public static MemoryByteStream createMemoryByteStream(int maxBufferSize) {
    if (maxBufferSize < 1) {
      throw new IllegalArgumentException("maxBufferSize must be at least 1: " + maxBufferSize);
    }
    ByteStreamState state = new ByteStreamState(maxBufferSize);
    return new MemoryByteStream(new MemoryByteSendStream(state), new MemoryByteReceiveStream(state));
  }

  // ---------------------------------------------------------------------------------------------
  // Networking

  /**
   * Connects to {@code host}:{@code port} over TCP and returns the connection. A literal address is
   * used as is; a name is resolved in a worker thread ({@link #runInThread}), and its addresses are
   * tried in order until one accepts. Always a checkpoint; cancelling it closes the half-open socket.
   *
   * <p>A refused or failed connection throws {@link UncheckedIOException} whose cause is the JDK's
   * {@link java.net.ConnectException} (or {@link java.net.UnknownHostException}, ...): await cannot
   * throw a checked exception, so it is wrapped, and {@code e.getCause()} says what happened.
   */
  public static Awaitable<SocketStream> connectTcp(String host, int port) {
    Objects.requireNonNull(host, "host == null");
    checkPort(port);
    return new Connect(host, port);
  }

  /**
   * Listens on {@code host}:{@code port} ({@code port} 0: an ephemeral port, read it with
   * {@link TcpListener#localPort()}). Synchronous. A port in use throws {@link UncheckedIOException}
   * (cause {@link java.net.BindException}).
   */
  public static TcpListener createTcpListener(String host, int port) {
    Objects.requireNonNull(host, "host == null");
    checkPort(port);
    return TcpListener.bind(Runner.current(), new InetSocketAddress(host, port), 65535);
  }

  /** {@link #createTcpListener(String, int)} on every local interface (the wildcard address). */
  public static TcpListener createTcpListener(int port) {
    checkPort(port);
    return TcpListener.bind(Runner.current(), new InetSocketAddress(port), 65535);
  }

  private static void checkPort(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range 0..65535: " + port);
    }
  }

  /** Sockets of the current loop: open ones, selector keys, bytes accepted by sends and not yet written. */
  public static NetworkStatistics networkStatistics() {
    return NetworkStatistics.of(Runner.current());
  }

  // ---------------------------------------------------------------------------------------------
  // Threads and futures

  /**
   * Runs {@code callable} in a worker thread; the task waits (parked; the loop runs the others) and
   * gets its value or exception (a checked one wrapped in {@link java.util.concurrent.CompletionException}).
   * A checkpoint first: a task cancelled before the thread starts never runs it. At most 40
   * threads run for one loop at once ({@link #setWorkerThreadLimit}); more calls wait their turn,
   * in order. A cancelled task keeps waiting for its thread (Java cannot stop it) and sees the
   * cancellation at its next checkpoint: {@link #runInThread(Callable, boolean)} can abandon it.
   */
  public static <T> Awaitable<T> runInThread(Callable<T> callable) {
    return runInThread(callable, false);
  }

  /**
   * {@link #runInThread(Callable)}; with {@code abandonOnCancel}, a cancelled task gets
   * {@link Cancelled} at once and the thread's eventual result is dropped (anyio's
   * {@code abandon_on_cancel=True}). The abandoned thread keeps its token until it ends.
   */
  public static <T> Awaitable<T> runInThread(Callable<T> callable, boolean abandonOnCancel) {
    Objects.requireNonNull(callable, "callable == null");
    return new RunInThread<>(callable, abandonOnCancel);
  }

  /**
   * {@link #runInThread(Callable)} bounded by {@code limiter} instead of the loop's worker-thread
   * limit (anyio's {@code to_thread.run_sync(..., limiter=...)}): the call first borrows one of the
   * limiter's tokens, on behalf of itself (waiting in FIFO order, a checkpoint, cancellable like any
   * {@link CapacityLimiter#acquire()}), and the token goes back when the thread ends.
   */
  public static <T> Awaitable<T> runInThread(Callable<T> callable, CapacityLimiter limiter) {
    return runInThread(callable, limiter, false);
  }

  /** {@link #runInThread(Callable, CapacityLimiter)}, abandoning the thread on cancellation if asked. */
  public static <T> Awaitable<T> runInThread(Callable<T> callable, CapacityLimiter limiter, boolean abandonOnCancel) {
    Objects.requireNonNull(callable, "callable == null");
    Objects.requireNonNull(limiter, "limiter == null");
    return new RunInThread.Limited<>(callable, limiter, abandonOnCancel);
  }

  /**
   * From a worker thread of {@link #runInThread}: awaits what {@code awaitable} makes (a coroutine or
   * any awaitable, made on the loop's thread) as a task of the worker's loop, and blocks this thread
   * for its result (anyio's {@code from_thread.run}). The task runs in the cancel scope of the task
   * waiting for this thread: cancelling that scope cancels it, and its {@link Cancelled} is thrown
   * here, to propagate back. Any other thread: {@link IllegalStateException} (use a
   * {@link BlockingPortal}).
   */
  public static <T> T callFromWorker(java.util.function.Supplier<? extends Awaitable<T>> awaitable) {
    return WorkerCalls.call(awaitable);
  }

  /** From a worker thread of {@link #runInThread}: runs {@code function} on the loop's thread and blocks for its result. */
  public static <T> T callSyncFromWorker(Callable<T> function) {
    return WorkerCalls.callSync(function);
  }

  /**
   * From a worker thread of {@link #runInThread}: throws {@link Cancelled} if the task waiting for
   * this thread is cancelled (anyio's {@code from_thread.check_cancelled}), so that long work in a
   * thread can stop early. Blocks briefly for the loop to answer.
   */
  public static void checkCancelledFromWorker() {
    WorkerCalls.checkCancelled();
  }

  /** The number of worker threads the current loop may use at once (default 40); more wake waiting calls. */
  public static void setWorkerThreadLimit(int threads) {
    Runner.current().threadLimiter().setTotal(threads);
  }

  /**
   * Awaits a {@link CompletionStage} (a {@code CompletableFuture}, {@code HttpClient.sendAsync}, ...)
   * without blocking the loop: the value, or the stage's failure (unwrapped from
   * {@code CompletionException}; a checked one wrapped in it again, since await declares nothing).
   * A checkpoint. Cancelling the waiting task cancels the future and throws {@link Cancelled}.
   */
  public static <T> Awaitable<T> fromFuture(CompletionStage<T> stage) {
    Objects.requireNonNull(stage, "stage == null");
    return new FutureAwait<>(stage);
  }

  /**
   * A portal into the current loop for other threads, whose calls run as tasks of a task group of
   * the current task: {@code try (@Await BlockingPortal portal = openBlockingPortal()) {...}}.
   */
  public static BlockingPortal openBlockingPortal() {
    return new BlockingPortal(Runner.current(), createTaskGroup());
  }

  /**
   * Starts a loop on a new thread and returns a portal into it (anyio's
   * {@code start_blocking_portal}): for calling Baton code from ordinary threaded code.
   * {@link BlockingPortal#close()} stops the loop and waits for its thread.
   */
  public static BlockingPortal startBlockingPortal() {
    return startBlockingPortal("baton-portal");
  }

  /** {@link #startBlockingPortal()} on a thread named {@code threadName}. */
  public static BlockingPortal startBlockingPortal(String threadName) {
    Objects.requireNonNull(threadName, "threadName == null");
    Loop.checkNoLoopRunning();
    return BlockingPortal.startInThread(threadName);
  }
}
