package dev.baton.core;

/**
 * Internal, not API: the plumbing of cancellation (trio's {@code CancelStatus}), as opposed to
 * {@code dev.baton.CancelScope}, which originates it. The statuses form a tree mirroring the nesting
 * of cancel scopes across tasks; each task belongs to exactly one status, its innermost scope's.
 *
 * <p>Whether a status is <em>effectively cancelled</em> (it or an enclosing one up to the first
 * shield was cancelled) is kept up to date eagerly: {@link #cancel}, {@link #setShield} and
 * {@link #reparent} recompute it for the subtree they affect, and wake the tasks blocked in the
 * part that has just become cancelled. Asking whether a task is cancelled is then one field read,
 * which matters: every send, receive and checkpoint asks.
 *
 * <p>Invariant: {@code effectivelyCancelled == cancelCalled || (!shield && parent != null &&
 * parent.effectivelyCancelled)} for every status in the tree.
 */
public abstract class CancelStatus {
  private final Loop loop;
  private CancelStatus parent;
  private CancelStatus firstChild;
  private CancelStatus prevSibling;
  private CancelStatus nextSibling;
  private Task firstTask;
  private Task lastTask;
  private boolean cancelCalled;
  private boolean shield;
  private boolean attached = true;
  /** See the class comment. */
  boolean effectivelyCancelled;

  /** The root status of {@code loop}. */
  protected CancelStatus(Loop loop) {
    this.loop = loop;
  }

  /** A status nested in {@code parent}, optionally shielded from its cancellation. */
  protected CancelStatus(CancelStatus parent, boolean shield) {
    this.loop = parent.loop;
    this.shield = shield;
    parent.addChild(this);
    this.effectivelyCancelled = !shield && parent.effectivelyCancelled;
  }

  /** A new {@code Cancelled} caused by this status's scope. */
  protected abstract Error newCancelled();

  /**
   * A {@code Cancelled} caused by this status's scope for the loop to deliver to a task it cancels
   * (a parked task whose wait it aborts, a task resuming from a checkpoint in a cancelled scope).
   * It may be one instance shared by every task the scope cancels (a storm of 10,000 cancelled
   * tasks then allocates one), provided {@link Loop#errorSeen} hands user code a copy of its own
   * before any can reach it. By default a new one, {@link #newCancelled()}.
   */
  protected Error deliveredCancelled() {
    return newCancelled();
  }

  /** The scope this status belongs to, for messages ("a cancel scope", "the scope of a task group"). */
  protected abstract String describe();

  public final Loop loop() {
    return loop;
  }

  /** The enclosing status; null for the root. Kept after {@link #detach} (for the catching rule). */
  public final CancelStatus parent() {
    return parent;
  }

  public final boolean cancelCalled() {
    return cancelCalled;
  }

  public final boolean shield() {
    return shield;
  }

  /** It or an enclosing status, up to the first shield, was cancelled. */
  public final boolean effectivelyCancelled() {
    return effectivelyCancelled;
  }

  /** Still in the tree (its scope has not exited). */
  public final boolean attached() {
    return attached;
  }

  /**
   * Marks this status cancelled and wakes the tasks blocked in its subtree (below shields) with
   * {@code Cancelled}. Returns false if it already was.
   */
  public final boolean cancel() {
    if (cancelCalled) {
      return false;
    }
    cancelCalled = true;
    if (attached) {
      update();
    }
    return true;
  }

  /** Shields the subtree from enclosing cancellation, or stops shielding it (waking blocked tasks if now cancelled). */
  public final void setShield(boolean shield) {
    if (this.shield == shield) {
      return;
    }
    this.shield = shield;
    if (attached) {
      update();
    }
  }

  /**
   * Trio's catching rule, for the exit of this status's scope: it is cancelled, and no cancellation
   * of an enclosing status is visible to it.
   */
  public final boolean catchesCancellation() {
    boolean outerVisible = !shield && parent != null && parent.effectivelyCancelled;
    return cancelCalled && !outerVisible;
  }

  /** {@code task} exits this status (its innermost): the task moves to the parent, and this status leaves the tree. */
  public final void exit(Task task) {
    if (task.scope != this) {
      throw new IllegalStateException("cancel scope stack corrupted: attempted to exit " + describe()
          + " while " + task.scope.describe() + " inside it is still open; exit scopes innermost first");
    }
    parent.take(task);
    detach();
  }

  /** Leaves the tree; the parent link is kept for the catching rule. */
  public final void detach() {
    attached = false;
    parent.removeChild(this);
  }

  /** Moves this status, with its subtree, under {@code newParent} (a start() call's child joining its group). */
  public final void reparent(CancelStatus newParent) {
    parent.removeChild(this);
    newParent.addChild(this);
    update();
  }

  /** Recomputes {@link #effectivelyCancelled} here and below; wakes blocked tasks where it became true. */
  private void update() {
    boolean eff = cancelCalled || (!shield && parent != null && parent.effectivelyCancelled);
    if (eff == effectivelyCancelled) {
      return;
    }
    effectivelyCancelled = eff;
    if (eff) {
      for (Task t = firstTask; t != null; ) {
        Task next = t.scopeNext;
        loop.tryCancel(t);
        t = next;
      }
    }
    for (CancelStatus c = firstChild; c != null; c = c.nextSibling) {
      c.update();
    }
  }

  /** A new {@code Cancelled} from the status whose cancellation is visible here. */
  final Error cancelledError() {
    return cause().newCancelled();
  }

  /** {@link #deliveredCancelled()} of the status whose cancellation is visible here. */
  final Error deliveredCancelledError() {
    return cause().deliveredCancelled();
  }

  /** The status whose cancellation is visible here: the innermost cancelled one up to a shield (else this). */
  private CancelStatus cause() {
    for (CancelStatus s = this; s != null; s = s.parent) {
      if (s.cancelCalled) {
        return s;
      }
      if (s.shield) {
        break;
      }
    }
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Intrusive lists: tasks whose innermost status this is, and child statuses
  //
  // A task joins its status's list the first time it parks (Loop.park), not when it starts: only
  // parked tasks need finding when a cancellation is delivered, and a task that never parks (one
  // that checkpoints and ends, say) then costs the list nothing. Once listed, a task stays listed
  // (moving with its scope changes) until it finishes.

  /**
   * The first task whose innermost status this is and that has parked at least once (see above);
   * the others follow through {@link Task#nextInScope()}. For dumps.
   */
  public final Task firstTask() {
    return firstTask;
  }

  /** The nested statuses, newest first; the others follow through {@link #nextSibling()}. For dumps. */
  public final CancelStatus firstChild() {
    return firstChild;
  }

  /** The next older status nested in the same parent, or null. */
  public final CancelStatus nextSibling() {
    return nextSibling;
  }

  /** Whether {@code t} is in its status's list. */
  static boolean listed(Task t) {
    return t.scopePrev != null;
  }

  /** Appends {@code t}, whose innermost status this is, to the list. */
  final void list(Task t) {
    t.scopeNext = null;
    t.scopePrev = lastTask == null ? Task.LIST_HEAD : lastTask;
    if (lastTask == null) {
      firstTask = t;
    } else {
      lastTask.scopeNext = t;
    }
    lastTask = t;
  }

  /** Removes {@code t} from the list. */
  final void unlist(Task t) {
    if (t.scopePrev == Task.LIST_HEAD) {
      firstTask = t.scopeNext;
    } else {
      t.scopePrev.scopeNext = t.scopeNext;
    }
    if (t.scopeNext == null) {
      lastTask = t.scopePrev == Task.LIST_HEAD ? null : t.scopePrev;
    } else {
      t.scopeNext.scopePrev = t.scopePrev;
    }
    t.scopePrev = null;
    t.scopeNext = null;
  }

  /** Makes this status the innermost of {@code t}, which leaves its current one (listed if it was). */
  final void take(Task t) {
    if (listed(t)) {
      t.scope.unlist(t);
      t.scope = this;
      list(t);
    } else {
      t.scope = this;
    }
  }

  private void addChild(CancelStatus c) {
    c.parent = this;
    c.prevSibling = null;
    c.nextSibling = firstChild;
    if (firstChild != null) {
      firstChild.prevSibling = c;
    }
    firstChild = c;
  }

  private void removeChild(CancelStatus c) {
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
}
