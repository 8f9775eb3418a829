package dev.baton;

import dev.baton.lowlevel.AsyncCloseable;
import java.util.List;

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
public final class CancelScope extends TimerEntry implements AutoCloseable, AsyncCloseable {
  static final byte ROOT = 0;
  static final byte PLAIN = 1;
  static final byte FAIL = 2;
  static final byte GROUP = 3;
  static final byte START = 4;

  final Runner runner;
  private final byte kind;
  CancelScope parent;
  private CancelScope firstChild;
  private CancelScope prevSibling;
  private CancelScope nextSibling;
  private Task firstTask;
  private Task lastTask;
  /** The task that entered the scope and must exit it (null for root, group-owned and start scopes). */
  private Task owner;
  private boolean cancelCalled;
  private boolean cancelledCaught;
  private boolean shield;
  private boolean active;
  private boolean deadlineCaused;

  private CancelScope(Runner runner, byte kind) {
    this.runner = runner;
    this.kind = kind;
  }

  static CancelScope root(Runner runner) {
    CancelScope s = new CancelScope(runner, ROOT);
    s.active = true;
    return s;
  }

  /** Creates a scope under the task's innermost scope and makes it the task's innermost scope. */
  static CancelScope enter(Runner runner, Task task, byte kind, double deadline, boolean shield) {
    if (Double.isNaN(deadline)) {
      throw new IllegalArgumentException("deadline must not be NaN");
    }
    CancelScope s = new CancelScope(runner, kind);
    s.shield = shield;
    s.owner = task;
    s.active = true;
    task.scope.addChild(s);
    task.enterScope(s);
    s.armDeadline(deadline);
    return s;
  }

  /** A scope that owns no task's stack position: the parent of a child started with start(). */
  static CancelScope detached(Runner runner, CancelScope parent, byte kind) {
    CancelScope s = new CancelScope(runner, kind);
    s.active = true;
    parent.addChild(s);
    return s;
  }

  // ---------------------------------------------------------------------------------------------
  // Public API

  /**
   * Cancels the scope: every checkpoint inside it now throws {@link Cancelled}, and tasks blocked
   * inside it are woken with it at once. Idempotent; not a checkpoint; never throws. After the scope
   * has exited it has no effect on any task, but {@link #cancelCalled()} becomes true.
   */
  public void cancel() {
    cancel(false);
  }

  /**
   * Whether {@link #cancel()} was called or the deadline passed while the scope was active. Never
   * goes back to false, also after the scope has exited. A deadline that passes after the exit does
   * not make it true (trio): the scope no longer exists to be cancelled.
   */
  public boolean cancelCalled() {
    if (!cancelCalled && active && deadline <= runner.now()) {
      cancel(true);
    }
    return cancelCalled;
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
    if (Double.isNaN(deadline)) {
      throw new IllegalArgumentException("deadline must not be NaN");
    }
    runner.removeTimer(this);
    armDeadline(deadline);
  }

  public boolean shield() {
    return shield;
  }

  /**
   * Shields the code inside from the cancellation of enclosing scopes (or stops shielding it; then
   * an enclosing cancellation reaches blocked tasks at once).
   */
  public void setShield(boolean shield) {
    if (this.shield == shield) {
      return;
    }
    this.shield = shield;
    runner.cancelEpoch++;
    if (!shield && active && effectivelyCancelled(this)) {
      deliver();
    }
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
    if (!active) {
      return;
    }
    Task t = runner.current;
    if (t != owner) {
      throw new IllegalStateException("a cancel scope must be exited by the task that entered it (" + owner + "), not " + t);
    }
    exit(t);
  }

  @Override
  public Awaitable<Throwable> $aexit(Throwable pending) {
    return new Baton.Ready<>($exit(pending));
  }

  /**
   * Low level, for generated code: exits the scope at the end of {@code try (CancelScope s = ...)}
   * whose body ended with {@code pending} (null if normally), and returns what propagates: null if
   * this scope caught its own cancellation, a {@link DeadlineExceededException} from a fail scope
   * that timed out, else {@code pending}.
   *
   * <p>A {@link Cancelled} that arrives inside an {@link ExceptionGroup} (at any depth) is caught
   * by the same rule (trio and anyio split cancellations off groups): when this scope catches, the
   * cancellations are removed; if nothing else is left the group is caught entirely, otherwise a
   * group of what is left propagates (with the original's message, cause and stack trace). A group
   * without cancellations propagates unchanged and does not set {@link #cancelledCaught()}.
   */
  public Throwable $exit(Throwable pending) {
    close();
    if (pending instanceof Cancelled) {
      return filter((Cancelled) pending);
    }
    if (pending instanceof ExceptionGroup) {
      return filterGroup((ExceptionGroup) pending);
    }
    return pending;
  }

  @Override
  public String toString() {
    return "CancelScope[" + describe() + (cancelCalled ? ", cancelled" : "") + (shield ? ", shielded" : "")
        + (deadline < Double.POSITIVE_INFINITY ? ", deadline=" + deadline : "") + (active ? "" : ", exited") + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Exit and the catching rule

  void exit(Task t) {
    if (t.scope != this) {
      throw new IllegalStateException("cancel scope stack corrupted: attempted to exit " + describe()
          + " while " + t.scope.describe() + " inside it is still open; exit scopes innermost first");
    }
    removeTask(t);
    parent.addTask(t);
    detach();
  }

  /** Leaves the tree; the parent link is kept for the catching rule. */
  void detach() {
    active = false;
    runner.removeTimer(this);
    parent.removeChild(this);
  }

  /**
   * The catching rule (trio): on exit with {@code c}, this scope catches it iff it is cancelled and
   * no cancellation of an enclosing scope is visible to it. Returns what propagates: null if caught
   * (or {@link DeadlineExceededException} for a fail scope whose deadline caused it), else {@code c}.
   */
  Throwable filter(Cancelled c) {
    if (!catchesCancellation()) {
      return c;
    }
    cancelledCaught = true;
    return caughtOutcome();
  }

  /** The catching rule applied to the cancellations inside a group; see {@link #$exit}. */
  Throwable filterGroup(ExceptionGroup g) {
    if (!catchesCancellation()) {
      return g;
    }
    Throwable rest = ExceptionGroup.withoutCancelled(g);
    if (rest == g) {
      return g;
    }
    cancelledCaught = true;
    return rest == null ? caughtOutcome() : rest;
  }

  /** This scope is cancelled and no cancellation of an enclosing scope is visible to it. */
  private boolean catchesCancellation() {
    boolean outerVisible = !shield && parent != null && effectivelyCancelled(parent);
    return cancelCalled && !outerVisible;
  }

  /** What propagates once this scope caught a cancellation and nothing else is left. */
  private Throwable caughtOutcome() {
    if (kind == FAIL && deadlineCaused) {
      return new DeadlineExceededException("deadline exceeded: the failAfter/failAt scope timed out at " + deadline);
    }
    return null;
  }

  /** Moves this (detached, e.g. start()) scope under a new parent, keeping its subtree. */
  void reparent(CancelScope newParent) {
    parent.removeChild(this);
    newParent.addChild(this);
    runner.cancelEpoch++;
    if (effectivelyCancelled(this)) {
      deliver();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Cancellation plumbing

  static boolean effectivelyCancelled(CancelScope s) {
    for (; s != null; s = s.parent) {
      if (s.cancelCalled) {
        return true;
      }
      if (s.shield) {
        return false;
      }
    }
    return false;
  }

  /** The scope whose cancellation is visible from {@code s}, for messages. */
  static CancelScope cancelledScope(CancelScope s) {
    for (; s != null; s = s.parent) {
      if (s.cancelCalled) {
        return s;
      }
      if (s.shield) {
        return null;
      }
    }
    return null;
  }

  private void cancel(boolean byDeadline) {
    if (cancelCalled) {
      return;
    }
    cancelCalled = true;
    deadlineCaused = byDeadline;
    runner.cancelEpoch++;
    runner.removeTimer(this);
    if (active) {
      deliver();
    }
  }

  /** Aborts the waits of every task blocked in this scope's subtree, stopping at shields. */
  private void deliver() {
    for (Task t = firstTask; t != null; ) {
      Task next = t.scopeNext;
      runner.tryCancel(t);
      t = next;
    }
    for (CancelScope c = firstChild; c != null; c = c.nextSibling) {
      if (!c.shield) {
        c.deliver();
      }
    }
  }

  private void armDeadline(double d) {
    this.deadline = d;
    if (cancelCalled || !active || d == Double.POSITIVE_INFINITY) {
      return;
    }
    if (d <= runner.now()) {
      cancel(true);
    } else {
      runner.addTimer(this);
    }
  }

  @Override
  void fire(Runner r) {
    cancel(true);
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

  // ---------------------------------------------------------------------------------------------
  // Intrusive lists: tasks whose innermost scope this is, and child scopes

  void addTask(Task t) {
    t.scope = this;
    t.cancelCache = -1;
    t.scopeNext = null;
    t.scopePrev = lastTask;
    if (lastTask == null) {
      firstTask = t;
    } else {
      lastTask.scopeNext = t;
    }
    lastTask = t;
  }

  void removeTask(Task t) {
    if (t.scopePrev == null) {
      firstTask = t.scopeNext;
    } else {
      t.scopePrev.scopeNext = t.scopeNext;
    }
    if (t.scopeNext == null) {
      lastTask = t.scopePrev;
    } else {
      t.scopeNext.scopePrev = t.scopePrev;
    }
    t.scopePrev = null;
    t.scopeNext = null;
  }

  private void addChild(CancelScope c) {
    c.parent = this;
    c.prevSibling = null;
    c.nextSibling = firstChild;
    if (firstChild != null) {
      firstChild.prevSibling = c;
    }
    firstChild = c;
  }

  private void removeChild(CancelScope c) {
    if (c.prevSibling == null) {
      if (firstChild == c) {
        firstChild = c.nextSibling;
      }
    } else {
      c.prevSibling.nextSibling = c.nextSibling;
    }
    if (c.nextSibling != null) {
      c.nextSibling.prevSibling = c.prevSibling;
    }
    c.prevSibling = null;
    c.nextSibling = null;
  }

  void collectBlocked(List<String> out) {
    for (Task t = firstTask; t != null; t = t.scopeNext) {
      out.add(t.describeForDump() + " waiting for " + (t.waitingOn == null ? "nothing (runnable)" : t.waitingOn));
    }
    for (CancelScope c = firstChild; c != null; c = c.nextSibling) {
      c.collectBlocked(out);
    }
  }
}
