package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;

/**
 * The loop behind {@link Baton#run}: the core's {@link Loop} with a {@link Clock}, a root cancel
 * scope, the main task, and the deadlock report in Baton's words.
 */
final class Runner extends Loop {
  private final Clock clock;
  final CancelScope rootScope;

  Runner(Clock clock, dev.baton.core.StepWatch stepWatch, Schedule schedule) {
    super(stepWatch, schedule.newRandom());
    this.clock = clock;
    this.rootScope = CancelScope.root(this);
  }

  /** The running loop of this thread; throws if there is none. */
  static Runner current() {
    Loop l = Loop.running();
    if (l == null) {
      throw new IllegalStateException(
          "no Baton loop is running on this thread: call this inside an @Async method run by Baton.run(...)");
    }
    return (Runner) l;
  }

  /** The running loop of this thread, or null. */
  static Runner runningOrNull() {
    Loop l = Loop.running();
    return l instanceof Runner ? (Runner) l : null;
  }

  /** The running task; {@code operation} names the caller in the message if there is none. */
  Task currentTask(String operation) {
    Task t = currentTask();
    if (t == null) {
      throw new IllegalStateException(operation + " must be called from a task of the running loop");
    }
    return t;
  }

  @Override
  public double now() {
    return clock.now();
  }

  @Override
  protected void waitUntil(double deadline) {
    clock.waitUntil(deadline);
  }

  @Override
  protected boolean virtualTime() {
    return clock instanceof Clock.VirtualClock;
  }

  /** The worker threads' limiter of this loop, made on first use. */
  private ThreadLimiter threadLimiter;

  ThreadLimiter threadLimiter() {
    if (threadLimiter == null) {
      threadLimiter = new ThreadLimiter(this, ThreadLimiter.DEFAULT_TOKENS);
    }
    return threadLimiter;
  }

  <T> T run(Coroutine<T> main) throws Throwable {
    checkNoLoopRunning();
    MainTask<T> end = new MainTask<>();
    Task mainTask = spawn(main, rootScope.status, Task.Parent.named(end, "main"));
    run(mainTask);
    if (end.error != null) {
      throw end.error;
    }
    return end.value;
  }

  /** Receives the outcome of the main task. */
  private static final class MainTask<T> extends Task.Parent {
    T value;
    Throwable error;

    @Override
    @SuppressWarnings("unchecked")
    protected void childFinished(Task child, Object value, Throwable error) {
      this.value = (T) value;
      this.error = Cancelled.exposed(error); // thrown by run(): user code holds it
    }
  }

  @Override
  protected Throwable errorSeen(Throwable error) {
    return Cancelled.exposed(error);
  }

  @Override
  protected DeadlockException deadlock() {
    return new DeadlockException(DeadlockReport.build(this));
  }
}
