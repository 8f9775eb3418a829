package dev.baton;

import dev.baton.core.CancelStatus;
import dev.baton.core.Loop;
import dev.baton.core.Resource;
import dev.baton.core.Task;
import dev.baton.core.Timer;
import dev.baton.lowlevel.AsyncCloseable;

/**
 * A region of code that can be cancelled as a unit (trio's and anyio's {@code CancelScope}).
 *
 * <pre>{@code
 * try (CancelScope scope = moveOnAfter(1.0)) {
 *   await(sleep(5));          // throws Cancelled after one second...
 * }                           // ...which the scope catches here: execution moves on
 * boolean timedOut = scope.cancelledCaught();
 * }</pre>
 *
 * <p>A scope is entered by the task that creates it ({@link Baton#moveOnAfter},
 * {@link Baton#failAfter}, {@link Baton#openCancelScope}, ...) and exited by {@link #close()} at the
 * end of the {@code try}. While it is cancelled, every checkpoint inside it throws {@link Cancelled}
 * (level-triggered), including in tasks of task groups opened inside it. On exit it catches the
 * cancellation it caused, unless an enclosing visible scope is cancelled too: then the outermost
 * cancelled scope catches it. A {@link #setShield(boolean) shielded} scope hides the cancellation of
 * enclosing scopes from the code inside it.
 *
 * <p>{@link #cancel()} may be called from any task of the loop, before, during or after the block;
 * it is synchronous, idempotent and never a checkpoint.
 */
public final class CancelScope extends Resource implements AutoCloseable, AsyncCloseable {
  static final byte ROOT = 0;
  static final byte PLAIN = 1;
  static final byte FAIL = 2;
  static final byte GROUP = 3;
  static final byte START = 4;

  final Runner runner;
  private final byte kind;
  /** The scope's node in the core's cancellation tree. */
  final Status status;
  /** The task that entered the scope and must exit it (null for root, group-owned and start scopes). */
  private Task owner;
  private boolean cancelledCaught;
  private boolean deadlineCaused;
  private double deadline = Double.POSITIVE_INFINITY;
  /** For a fail scope: the loop clock when it was entered, for the timeout's message. */
  private double entered = Double.NaN;
  /** The timer of a finite deadline (made when first needed). */
  private Deadline timer;

  private CancelScope(Runner runner, byte kind, CancelStatus parent, boolean shield) {
    this.runner = runner;
    this.kind = kind;
    this.status = parent == null ? new Status(runner) : new Status(parent, shield);
  }

  static CancelScope root(Runner runner) {
    return new CancelScope(runner, ROOT, null, false);
  }

  /** Creates a scope under the task's innermost scope and makes it the task's innermost scope. */
  static CancelScope enter(Runner runner, Task task, byte kind, double deadline, boolean shield) {
    if (Double.isNaN(deadline)) {
      throw new IllegalArgumentException("deadline must not be NaN");
    }
    CancelScope s = new CancelScope(runner, kind, task.scope(), shield);
    s.owner = task;
    if (kind == FAIL) {
      s.entered = runner.now(); // one clock read, for the timeout's message; failAfter read it already
    }
    task.enterScope(s.status);
    s.armDeadline(deadline);
    return s;
  }

  /** A scope that owns no task's stack position: the parent of a child started with start(). */
  static CancelScope detached(Runner runner, CancelStatus parent, byte kind) {
    return new CancelScope(runner, kind, parent, false);
  }

  /** The scope a status belongs to. */
  static CancelScope of(CancelStatus status) {
    return ((Status) status).scope();
  }

  // ---------------------------------------------------------------------------------------------
  // Public API

  /**
   * Cancels the scope: every checkpoint inside it now throws {@link Cancelled}, and tasks blocked
   * inside it are woken with it at once. Idempotent; not a checkpoint; never throws. After the scope
   * has exited it has no effect on any task, but {@link #cancelCalled()} becomes true.
   */
  public void cancel() {
    runner.checkInLoopThread("CancelScope.cancel()");
    cancel(false);
  }

  /**
   * Whether {@link #cancel()} was called or the deadline passed while the scope was active. Never
   * goes back to false, also after the scope has exited. A deadline that passes after the exit does
   * not make it true (trio): the scope no longer exists to be cancelled.
   */
  public boolean cancelCalled() {
    if (!status.cancelCalled() && status.attached() && deadline <= runner.now()) {
      cancel(true);
    }
    return status.cancelCalled();
  }

  /** Whether this scope caught (swallowed) a cancellation it was responsible for. */
  public boolean cancelledCaught() {
    return cancelledCaught;
  }

  /** The absolute deadline on the loop clock ({@link Baton#currentTime()}); infinity if none. */
  public double deadline() {
    return deadline;
  }

  /** Moves the deadline; a deadline in the past cancels the scope at once. */
  public void setDeadline(double deadline) {
    runner.checkInLoopThread("CancelScope.setDeadline()");
    if (Double.isNaN(deadline)) {
      throw new IllegalArgumentException("deadline must not be NaN");
    }
    disarm();
    armDeadline(deadline);
  }

  public boolean shield() {
    return status.shield();
  }

  /**
   * Shields the code inside from the cancellation of enclosing scopes (or stops shielding it; then
   * an enclosing cancellation reaches blocked tasks at once).
   */
  public void setShield(boolean shield) {
    runner.checkInLoopThread("CancelScope.setShield()");
    status.setShield(shield);
  }

  /**
   * Exits the scope: called by try-with-resources. Must be called by the task that created the
   * scope, innermost scope first. Idempotent.
   */
  @Override
  public void close() {
    if (kind == GROUP) {
      throw new IllegalStateException("the cancel scope of a task group is exited by the task group itself");
    }
    if (!status.attached()) {
      return;
    }
    Task t = runner.currentTask();
    if (t != owner) {
      throw new IllegalStateException("a cancel scope must be exited by the task that entered it (" + owner + "), not " + t);
    }
    exit(t);
  }

  @Override
  public String toString() {
    return "CancelScope[" + describe() + (status.cancelCalled() ? ", cancelled" : "") + (shield() ? ", shielded" : "")
        + (deadline < Double.POSITIVE_INFINITY ? ", deadline=" + deadline : "") + (status.attached() ? "" : ", exited") + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // The protocol's exits (generated code reaches them through AsyncFrame)

  /** {@code try (@Await CancelScope s = ...)}: the synchronous exit, as a value at once (not a checkpoint). */
  @Override
  protected Object exitAsync(Throwable pending) {
    return new Checkpoints.Ready<>(exitSync(pending));
  }

  /**
   * Exits the scope at the end of {@code try (CancelScope s = ...)} whose body ended with
   * {@code pending} (null if normally), and returns what propagates: null if this scope caught its
   * own cancellation, a {@link DeadlineExceededException} from a fail scope that timed out, else
   * {@code pending}. A failure suppressed on the caught {@link Cancelled} is not lost: it
   * propagates instead of null, or suppressed on the {@code DeadlineExceededException}.
   *
   * <p>A {@link Cancelled} that arrives inside an {@link ExceptionGroup} (at any depth) is caught
   * by the same rule (trio and anyio split cancellations off groups): when this scope catches, the
   * cancellations are removed; if nothing else is left the group is caught entirely, otherwise a
   * group of what is left propagates (with the original's message, cause and stack trace). A group
   * without cancellations propagates unchanged and does not set {@link #cancelledCaught()}.
   */
  @Override
  protected Throwable exitSync(Throwable pending) {
    close();
    if (pending instanceof Cancelled) {
      return filter((Cancelled) pending);
    }
    if (pending instanceof ExceptionGroup) {
      return filterGroup((ExceptionGroup) pending);
    }
    return pending;
  }

  // ---------------------------------------------------------------------------------------------
  // Exit and the catching rule

  void exit(Task t) {
    status.exit(t);
    disarm();
  }

  /** Leaves the tree; the parent link is kept for the catching rule. */
  void detach() {
    status.detach();
    disarm();
  }

  /**
   * The catching rule (trio): on exit with {@code c}, this scope catches it iff it is cancelled and
   * no cancellation of an enclosing scope is visible to it. Returns what propagates: null if caught
   * (or {@link DeadlineExceededException} for a fail scope whose deadline caused it, or the failures
   * suppressed on {@code c}; see {@link #caughtOutcome}), else {@code c}.
   */
  Throwable filter(Cancelled c) {
    if (!status.catchesCancellation()) {
      return c;
    }
    cancelledCaught = true;
    return caughtOutcome(Cancelled.failuresIn(c));
  }

  /** The catching rule applied to the cancellations inside a group; see {@link #exitSync}. */
  Throwable filterGroup(ExceptionGroup g) {
    if (!status.catchesCancellation()) {
      return g;
    }
    Throwable rest = ExceptionGroup.withoutCancelled(g);
    if (rest == g) {
      return g;
    }
    cancelledCaught = true;
    return rest == null ? caughtOutcome(null) : rest;
  }

  /**
   * What propagates once this scope caught a cancellation: for a fail scope whose deadline caused
   * it, {@link DeadlineExceededException} (with {@code failures} suppressed on it); else
   * {@code failures}, what failed while the cancellation propagated (null if nothing did).
   */
  private Throwable caughtOutcome(Throwable failures) {
    if (kind == FAIL && deadlineCaused) {
      DeadlineExceededException e = new DeadlineExceededException(timeoutMessage());
      if (failures != null) {
        e.addSuppressed(failures);
      }
      return e;
    }
    return failures;
  }

  /**
   * The message of a fail scope's timeout, in durations from its entry rather than clock readings:
   * {@code "deadline exceeded: a failAfter/failAt scope ran for 1.5 s, and its deadline was 1.5 s
   * after it was entered"}.
   */
  private String timeoutMessage() {
    double ran = runner.now() - entered;
    return "deadline exceeded: a failAfter/failAt scope ran for " + TaskDump.seconds(ran)
        + ", and its deadline was " + TaskDump.seconds(deadline - entered) + " after it was entered";
  }

  /** Moves this (detached, e.g. start()) scope under a new parent, keeping its subtree. */
  void reparent(CancelScope newParent) {
    status.reparent(newParent.status);
  }

  // ---------------------------------------------------------------------------------------------
  // Cancellation and deadlines

  private void cancel(boolean byDeadline) {
    if (status.cancelCalled()) {
      return;
    }
    deadlineCaused = byDeadline;
    disarm();
    status.cancel();
  }

  private void armDeadline(double d) {
    this.deadline = d;
    if (status.cancelCalled() || !status.attached() || d == Double.POSITIVE_INFINITY) {
      return;
    }
    if (d <= runner.now()) {
      cancel(true);
    } else {
      if (timer == null) {
        timer = new Deadline();
      }
      runner.addTimer(timer, d);
    }
  }

  private void disarm() {
    if (timer != null) {
      runner.removeTimer(timer);
    }
  }

  /** The task that entered the scope (for a task group, the task that opened it), or null. */
  Task owner() {
    return owner;
  }

  /** The scope's kind, as a task dump names it. */
  String dumpKind() {
    switch (kind) {
      case ROOT:
        return "root";
      case GROUP:
        return "task group";
      case START:
        return "start() call";
      case FAIL:
        return "fail scope";
      default:
        return "cancel scope";
    }
  }

  String describe() {
    switch (kind) {
      case ROOT:
        return "the root scope";
      case GROUP:
        return "the scope of a task group";
      case START:
        return "a start() call";
      case FAIL:
        return "a failAfter/failAt scope" + (deadlineCaused ? " (deadline exceeded)" : "");
      default:
        return "a cancel scope" + (deadlineCaused ? " (deadline exceeded)" : "");
    }
  }

  /** The scope's node in the core's cancellation tree: its cancellations are {@link Cancelled} from this scope. */
  final class Status extends CancelStatus {
    Status(Runner runner) {
      super(runner);
    }

    Status(CancelStatus parent, boolean shield) {
      super(parent, shield);
    }

    CancelScope scope() {
      return CancelScope.this;
    }

    /** The cancellation the loop delivers to the tasks this scope cancels, made on first use. */
    private Cancelled delivered;

    @Override
    protected Error newCancelled() {
      // the message (which describes the scope) is built only if someone reads it: a storm of
      // cancellations must not format one string per task
      return new Cancelled(CancelScope.this);
    }

    @Override
    protected Error deliveredCancelled() {
      Cancelled c = delivered;
      if (c == null) {
        delivered = c = Cancelled.shared(CancelScope.this);
      }
      return c;
    }

    @Override
    protected String describe() {
      return CancelScope.this.describe();
    }
  }

  /** The deadline's timer: cancels the scope when it fires. No task awaits it. */
  private final class Deadline extends Timer {
    @Override
    protected void fire(Loop loop) {
      cancel(true);
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      throw new AssertionError("a cancel scope's deadline is not awaited");
    }

    @Override
    public String toString() {
      return "the deadline of " + CancelScope.this;
    }
  }
}
