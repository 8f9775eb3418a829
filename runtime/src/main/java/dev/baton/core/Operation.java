package dev.baton.core;

/**
 * Internal, not API: an awaitable implemented by the runtime itself (sleep, checkpoint, stream
 * operations, a task group's exit, ...). Awaiting one calls {@link #begin}, which either produces
 * the value at once or parks the task; a parked task is woken by {@link Loop#resume} /
 * {@link Loop#fail}, or by cancellation through {@link #abort}.
 *
 * <p>Trio's rule holds for every subclass: an operation is either always or never a checkpoint.
 */
public abstract class Operation {
  /** Returned by {@link #begin} when the task was parked or rescheduled. */
  public static final Object PARKED = new Frame.Marker("PARKED");

  /** {@link #site}: operations that are not among the frequent kinds below. */
  public static final int SITE_OTHER = 0;
  /** {@link #site}: sending a message. */
  public static final int SITE_SEND = 1;
  /** {@link #site}: receiving a message. */
  public static final int SITE_RECEIVE = 2;
  /** {@link #site}: a bare schedule or cancel point. */
  public static final int SITE_CHECKPOINT = 3;

  /**
   * Which call site the loop begins this operation from. The loop has one {@code begin} call per
   * site, so the JIT profiles each separately: a site that sees one or two operation classes gets
   * them inlined, where one call for all operations would be megamorphic (a virtual call on the
   * hottest path of the runtime). Purely a matter of speed; every site does the same.
   */
  final byte site;

  protected Operation() {
    this(SITE_OTHER);
  }

  /** An operation begun from call site {@code site} (one of the {@code SITE_} constants). */
  protected Operation(int site) {
    if (site < SITE_OTHER || site > SITE_CHECKPOINT) {
      throw new IllegalArgumentException("no such call site: " + site);
    }
    this.site = (byte) site;
  }

  /**
   * Starts the operation on behalf of {@code task} (the running task). Returns the operation's value
   * to continue at once, or {@link #PARKED} after {@link Loop#park} or a schedule point
   * ({@link Loop#yieldWith}, {@link Loop#checkpoint}). May throw: the exception is delivered at the
   * await.
   */
  protected abstract Object begin(Task task, Loop loop);

  /**
   * The task, parked on this operation, has become effectively cancelled. Undo the wait (leave every
   * queue) and return true to have the task rescheduled with {@code Cancelled}; return false to keep
   * it parked (the cancellation is then seen at its next checkpoint). Called at most once per wait
   * (trio): after a refusal, further cancellations leave the task alone, and the operation must
   * eventually reschedule it itself.
   */
  protected boolean abort(Task task, Loop loop) {
    return false;
  }

  /**
   * What a task parked here waits for, in a few words, for task dumps and the deadlock report:
   * the action ({@code "receive"}, {@code "acquire"}, {@code "sleep until 12.5 (in 2.5 s)"}). When
   * {@link #waitsOn()} is not null the dump adds the object and its state after these words
   * ({@code "receive on memory object stream#1 (...)"}). {@code now} is the loop clock. Called on
   * the loop's thread only, never on a hot path; by default {@link #toString()}.
   */
  public String describe(double now) {
    return toString();
  }

  /**
   * The object this operation waits on, shared by every task waiting on the same thing (a stream,
   * a lock, an event), or null: dumps number it and the deadlock report groups its waiters by it.
   */
  public Waitable waitsOn() {
    return null;
  }

  /** What a task parked here waits for, for the deadlock report. */
  @Override
  public abstract String toString();
}
