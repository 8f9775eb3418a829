package dev.baton.core;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Internal, not API: the single-threaded loop behind {@code Baton.run}: a FIFO run queue of tasks,
 * a timer queue, and the trampoline that drives each task's chain of frames. The API's runner
 * extends it with the clock and the deadlock report.
 *
 * <p>Scheduling is deterministic: tasks run in the order they became runnable, in batches; timers
 * with equal deadlines fire in the order they were armed. All state is confined to the thread that
 * called {@link #run}.
 *
 * <h2>Waking tasks</h2>
 * A parked task's {@link Task#state} is the operation it waits on; {@link #resume}, {@link #fail}
 * and {@link #wake} replace it with the outcome and append the task to the run queue, allocating
 * nothing (a value that could be mistaken for an operation or a failure is boxed, which only
 * happens for such values).
 *
 * <h2>The outside world</h2>
 * Other threads reach the loop only through {@link #post}: a thread-safe inbox the loop drains at
 * the start of every batch. Work the loop waits for outside itself (a worker thread, a future, an
 * open portal) is counted with {@link #beginExternalWork}/{@link #endExternalWork}, and tasks parked
 * on sockets are counted by the {@link IoPoller}: while either count is positive, an idle loop waits
 * for the outside (the selector, or a park) instead of reporting a deadlock. The selector is made
 * on first use ({@link #io()}), so a loop without sockets never opens one.
 */
public abstract class Loop {
  private static final ThreadLocal<Loop> CURRENT = new ThreadLocal<>();
  /** Resume marker: the task yielded at a full checkpoint and checks cancellation when it resumes. */
  private static final Object CHECK_CANCEL = new Frame.Marker("CHECK_CANCEL");
  /** In the trampoline: the frame has finished with the outcome in (value, error). */
  private static final Object RETURN = new Frame.Marker("RETURN");

  private final TimerQueue timers = new TimerQueue();
  private Task runHead;
  private Task runTail;
  /**
   * Every {@link #MARK_EVERY}th task appended to the run queue, oldest first: see {@link #enqueue}.
   * {@link #nextMark} is the oldest (the deque's first), or null when there is none.
   */
  private final java.util.ArrayDeque<Task> marks = new java.util.ArrayDeque<>();
  private Task nextMark;
  /** Appends left before the next mark. */
  private int untilMark = MARK_EVERY;
  /** Tasks waiting in {@code waitAllTasksBlocked()}. */
  private final WaitQueue idleWaiters = new WaitQueue();
  /**
   * The task whose frames are running now. Cleared after each batch rather than after each task:
   * nothing runs between two tasks of a batch, and timers fire between batches, with no task current.
   */
  private Task current;
  /** The exception {@link AsyncStackTraces} last saw leave a frame (each is traced once). */
  private Throwable traced;

  /** Runnables posted by other threads (and by the loop itself), run at the start of each batch. */
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  /** The loop is blocked in its idle wait: {@link #post} must wake it. */
  private volatile boolean idle;
  /** The run has ended: {@link #post} is refused. */
  private volatile boolean ended;
  /** The selector, made on first use. Volatile: {@link #post} reads it to wake the loop. */
  private volatile IoPoller io;
  /** The thread running the loop, while it runs. */
  private volatile Thread thread;
  /** Pieces of outside work (threads, futures, portals) that will post back: wake-up sources. */
  private int externalWork;
  /** Debug mode: times every step (null, the default: one branch per step). */
  private final StepWatch stepWatch;
  /**
   * Schedule fuzzing: the random order of each batch, or null for FIFO (the default). Final, so
   * that the FIFO loop pays one branch per batch for it.
   */
  private final java.util.Random shuffle;
  /** Schedule fuzzing: the batch being run, reused from batch to batch. */
  private Task[] batch;
  /**
   * Set when a task arms a timer, starts outside work or uses the selector: an unbounded batch (see
   * {@link #runUntilFinished}) must then end, so that timers fire and the outside is heard from.
   */
  private boolean batchBreak;

  /** A loop that runs tasks in FIFO order, not in debug mode. */
  protected Loop() {
    this(null, null);
  }

  /** A loop in debug mode when {@code stepWatch} is not null: slow steps are reported. */
  protected Loop(StepWatch stepWatch) {
    this(stepWatch, null);
  }

  /**
   * A loop that runs the tasks of each batch in an order drawn from {@code shuffle} (schedule
   * fuzzing, for tests), or in FIFO order if it is null. See {@link #runShuffledBatch}.
   */
  protected Loop(java.util.Random shuffle) {
    this(null, shuffle);
  }

  /** Both: debug mode when {@code stepWatch} is not null, schedule fuzzing when {@code shuffle} is not null. */
  protected Loop(StepWatch stepWatch, java.util.Random shuffle) {
    this.stepWatch = stepWatch;
    this.shuffle = shuffle;
  }

  /** The loop clock in seconds. */
  public abstract double now();

  /** Waits until {@link #now()} reaches {@code deadline}: the loop has nothing else to do. */
  protected abstract void waitUntil(double deadline);

  /**
   * Whether the clock is virtual: then, while outside work is pending, the idle loop waits for the
   * outside without moving the clock (virtual time stands still while the loop waits for the world).
   */
  protected boolean virtualTime() {
    return false;
  }

  /**
   * {@code error} is being delivered to a frame whose code may see it ({@link Frame#$catches}):
   * from now on user code may hold it (and add suppressed failures to it). Returns what the frame
   * gets: {@code error}, or a copy of its own for a cancellation shared by several tasks
   * ({@link CancelStatus#deliveredCancelled}). Called on error paths only; the API's loop marks
   * cancellations so.
   */
  protected Throwable errorSeen(Throwable error) {
    return error;
  }

  /** The exception {@link #run} throws when no task can ever run again (nothing runnable, no timer). */
  protected abstract RuntimeException deadlock();

  /** The loop running on this thread, or null. */
  public static Loop running() {
    return CURRENT.get();
  }

  /** The task whose frames are running now; null outside tasks. */
  public final Task currentTask() {
    return current;
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  /**
   * Starts a task running {@code root} (which must be new) in {@code scope}; {@code parent} hears
   * of its end. It runs from the next schedule point on.
   */
  public final Task spawn(Frame root, CancelStatus scope, Task.Parent parent) {
    checkNew(root);
    root.link = parent;
    Task t = new Task(root);
    t.scope = scope;
    enqueue(t);
    return t;
  }

  /** Throws {@link IllegalStateException} if {@code frame} was already awaited or started. */
  public static void checkNew(Frame frame) {
    if (!frame.isNew()) {
      throw alreadyAwaited(frame);
    }
  }

  /** Runs the loop on the calling thread until {@code main} has finished. */
  public final void run(Task main) {
    checkNoLoopRunning();
    CURRENT.set(this);
    thread = Thread.currentThread();
    try {
      runUntilFinished(main);
    } finally {
      CURRENT.remove();
      current = null;
      shutDown();
    }
  }

  /** The run is over: refuse further posts, reject what is left in the inbox, close the selector. */
  private void shutDown() {
    ended = true;
    Runnable r;
    while ((r = inbox.poll()) != null) {
      if (r instanceof Rejectable) {
        ((Rejectable) r).reject();
      }
    }
    IoPoller p = io;
    if (p != null) {
      p.close();
    }
    thread = null;
  }

  /** Throws if a loop is running on this thread ({@code Baton.run} inside a task). */
  public static void checkNoLoopRunning() {
    if (CURRENT.get() != null) {
      throw new IllegalStateException("Baton.run() cannot be called from inside a running loop; await the coroutine instead");
    }
  }

  /**
   * The loop: runs batches of tasks until {@code main} has finished, firing timers between batches
   * and waiting for the next deadline when nothing is runnable.
   *
   * <p>A batch is the tasks runnable when it starts, in FIFO order; tasks made runnable meanwhile
   * wait for the next batch, after the timers are checked. With no timer pending, a batch goes on
   * until the queue is empty (or a timer is armed), which saves a clock read per batch.
   */
  private void runUntilFinished(Task main) {
    while (!main.finished()) {
      if (!inbox.isEmpty()) {
        drainInbox();
      }
      boolean polled = false;
      if (runHead == null) {
        if (!idleWaiters.isEmpty()) {
          wakeIdleWaiters();
        } else if (outsidePending()) {
          waitForOutside();
          polled = true;
        } else if (timers.isEmpty()) {
          throw deadlock();
        } else {
          waitUntil(timers.peek().deadline);
        }
      }
      IoPoller p = io;
      if (!polled && p != null && p.waiting() > 0) {
        p.poll(0); // sockets get their turn even when tasks keep the loop busy
      }
      if (!timers.isEmpty()) {
        fireTimers();
      }
      if (runHead == null) {
        continue; // the timers woke no task (a deadline whose scope has nothing parked, say)
      }
      if (shuffle != null) {
        runShuffledBatch();
        continue;
      }
      // A batch is the tasks runnable now; with no timer and nothing outside to hear from, it goes
      // on until the queue is empty, which saves a clock read per batch.
      // An unbounded batch ends early when a task arms a timer or starts waiting for the outside
      // (addTimer, beginExternalWork and io() raise batchBreak): one field read per task.
      boolean bounded = !timers.isEmpty() || outsidePending();
      Task last = bounded ? runTail : null;
      batchBreak = false;
      Task task;
      do {
        task = runHead;
        runHead = task.next;
        if (runHead == null) {
          runTail = null;
        }
        task.next = null;
        if (task == nextMark) {
          dropMark();
        }
        if (stepWatch == null) {
          runTask(task);
        } else {
          stepWatch.step(task, this);
        }
      } while (task != last && runHead != null && (last != null || !batchBreak));
      current = null;
    }
  }

  /**
   * Schedule fuzzing (trio's scheduler shuffles each batch too): the batch is the tasks runnable
   * now, run in a random permutation of their FIFO order; tasks made runnable meanwhile wait for
   * the next batch. Everything else is as in FIFO mode: who a primitive hands a value, an item or a
   * lock to, the order timers fire in, "rescheduled wins", and that a task that yields runs again
   * only after every other task of its batch has run. Only the order in which the tasks of one
   * batch run is drawn, so the same seed and the same program give the same run.
   */
  private void runShuffledBatch() {
    int n = 0;
    Task[] b = batch;
    for (Task t = runHead; t != null; t = t.next) {
      n++;
    }
    if (b == null || b.length < n) {
      b = batch = new Task[Math.max(n, b == null ? 16 : 2 * b.length)];
    }
    int i = 0;
    for (Task t = runHead; t != null; ) {
      Task next = t.next;
      t.next = null;
      b[i++] = t;
      t = next;
    }
    runHead = runTail = null;
    clearMarks();
    for (int k = n - 1; k > 0; k--) { // Fisher-Yates
      int j = shuffle.nextInt(k + 1);
      Task t = b[k];
      b[k] = b[j];
      b[j] = t;
    }
    for (int k = 0; k < n; k++) {
      Task t = b[k];
      b[k] = null;
      if (stepWatch == null) {
        runTask(t);
      } else {
        stepWatch.step(t, this);
      }
    }
    current = null;
  }

  /** Something outside the loop may still wake a task: outside work, or a task parked on a socket. */
  private boolean outsidePending() {
    if (externalWork > 0) {
      return true;
    }
    IoPoller p = io;
    return p != null && p.waiting() > 0;
  }

  /**
   * The idle wait while something outside is pending: the selector (or a park) until the next
   * deadline, or until the outside posts. With a virtual clock, time stands still: the wait lasts
   * until the outside answers, unless a deadline is already due.
   */
  private void waitForOutside() {
    double timeout;
    if (timers.isEmpty()) {
      timeout = Double.POSITIVE_INFINITY;
    } else {
      double wait = timers.peek().deadline - now();
      timeout = wait <= 0 ? 0 : virtualTime() ? Double.POSITIVE_INFINITY : wait;
    }
    if (timeout == 0) {
      return;
    }
    idle = true;
    try {
      if (!inbox.isEmpty()) {
        return;
      }
      IoPoller p = io;
      if (p != null) {
        p.poll(timeout);
      } else if (timeout == Double.POSITIVE_INFINITY) {
        LockSupport.park(this);
      } else {
        LockSupport.parkNanos(this, (long) Math.ceil(timeout * 1e9));
      }
    } finally {
      idle = false;
    }
  }

  private void drainInbox() {
    Runnable r;
    while ((r = inbox.poll()) != null) {
      r.run();
    }
  }

  /** {@link #runTask} for the {@link StepWatch}. */
  final void runStep(Task task) {
    runTask(task);
  }

  /**
   * The trampoline: runs {@code task}'s frames until it parks or finishes. Awaiting a coroutine
   * pushes it (it becomes {@code frame}, its caller the previous one); a finishing frame returns its
   * outcome to its caller without recursion; a task's state between runs is only its innermost frame.
   */
  private void runTask(Task task) {
    current = task;
    // The task's state keeps the outcome while it runs: never an operation, so the task does not
    // read as parked.
    Object value = task.state;
    Throwable error = null;
    if (value == CHECK_CANCEL) {
      value = null;
      if (task.scope.effectivelyCancelled) {
        error = task.scope.deliveredCancelledError();
      }
    } else if (value instanceof Throwable) {
      error = (Throwable) value;
      value = null;
    } else if (value instanceof Boxed) {
      value = ((Boxed) value).value;
    }
    Frame frame = task.top;
    // The frame's caller (a Frame, or the task's Parent for the root): read before each step,
    // since finishing a step overwrites the link with the result.
    Object caller = frame.link;
    for (;;) {
      Object r;
      Throwable thrown = null;
      if (error != null && !frame.$catches()) {
        // The frame would rethrow the error first thing (its step has no handler): it ends with
        // the error unrun, and the error is not thrown again.
        thrown = error;
        r = null;
      } else {
        if (error != null) {
          error = errorSeen(error); // user code may hold it from now on
        }
        try {
          r = frame.$step(value, error);
        } catch (Throwable t) {
          thrown = t;
          r = null;
        }
      }
      if (thrown != null) {
        if (thrown != traced) {
          traced = thrown; // once per exception as it leaves frame after frame
          AsyncStackTraces.attach(frame, caller, thrown);
        }
        frame.link = Frame.FINISHED;
        r = RETURN;
        value = null;
        error = thrown;
      }
      if (r == Frame.DONE) {
        // The result stays in the finished frame's link (so that it is never new again); only a
        // null result needs the marker.
        r = RETURN;
        value = frame.link;
        error = null;
        if (value == null) {
          frame.link = Frame.FINISHED;
        }
      } else if (r == Frame.TAIL) {
        // The frame has finished; what it awaits in tail position takes its place.
        r = frame.link;
        frame.link = Frame.FINISHED;
        if (r instanceof Frame && ((Frame) r).isNew()) {
          frame = (Frame) r; // a tail call: the callee takes the finished frame's place
          frame.link = caller;
          value = error = null;
          continue;
        }
        if (r instanceof Operation) {
          // The caller awaits the operation in the frame's place (for a task's root, a relay does).
          if (caller instanceof Frame) {
            frame = (Frame) caller;
            caller = frame.link;
          } else {
            frame = new Relay(caller);
          }
        } else {
          value = null;
          error = notAwaitable(r);
          r = RETURN;
        }
      }
      if (r == RETURN) {
        // The frame has finished with (value, error): back to its caller, without recursion.
        if (caller instanceof Frame) {
          frame = (Frame) caller;
          caller = frame.link;
          continue;
        }
        finish(task, frame, (Task.Parent) caller, value, error);
        return;
      }
      if (r instanceof Operation) {
        Operation op = (Operation) r;
        Object v;
        try {
          // One begin() call per site, so that the JIT sees each site's few operation classes
          // apart and inlines them (see Operation#site).
          int site = op.site;
          if (site == Operation.SITE_RECEIVE) {
            v = op.begin(task, this);
          } else if (site == Operation.SITE_SEND) {
            v = op.begin(task, this);
          } else if (site == Operation.SITE_CHECKPOINT) {
            v = op.begin(task, this);
          } else {
            v = op.begin(task, this);
          }
        } catch (Throwable t) {
          value = null;
          error = t;
          continue;
        }
        if (v == Operation.PARKED) {
          if (task.top != frame) {
            task.top = frame;
          }
          relink(frame, caller);
          return;
        }
        value = v;
        error = null;
        continue;
      }
      if (r instanceof Frame && ((Frame) r).isNew()) {
        // A call: the callee runs at once, on this task.
        Frame callee = (Frame) r;
        callee.link = frame;
        relink(frame, caller);
        caller = frame;
        frame = callee;
        value = null;
        error = null;
        continue;
      }
      value = null;
      error = notAwaitable(r);
    }
  }

  /**
   * {@code frame}, which awaits something (it parks, or calls a coroutine), gets its caller back in
   * its link: its step may have set the link to a result and gone on (a {@code return done(v)} that a
   * {@code finally} or a failing {@code close()} abandoned, in code with no await that the processor
   * copies as it is; see {@link Frame}). A load and a compare when nothing happened.
   */
  private static void relink(Frame frame, Object caller) {
    if (frame.link != caller) {
      frame.link = caller;
    }
  }

  private void fireTimers() {
    double now = now();
    while (!timers.isEmpty() && timers.peek().deadline <= now) {
      timers.poll().fire(this);
    }
  }

  private void wakeIdleWaiters() {
    Task t;
    while ((t = idleWaiters.poll()) != null) {
      wake(t);
    }
  }

  /** Hands each runnable task to {@code action}, in run-queue order (for dumps). Loop thread only. */
  public final void forEachRunnable(java.util.function.Consumer<Task> action) {
    for (Task t = runHead; t != null; t = t.next) {
      action.accept(t);
    }
  }

  /** The exception for awaiting {@code r}, which is not something that can be awaited now. */
  private static RuntimeException notAwaitable(Object r) {
    if (r instanceof Frame) {
      return alreadyAwaited((Frame) r);
    }
    return r == null
        ? new NullPointerException("await(null): the awaited expression was null")
        : new IllegalArgumentException("not an awaitable of the Baton runtime: " + r.getClass().getName());
  }

  private static IllegalStateException alreadyAwaited(Frame f) {
    return new IllegalStateException(
        "a coroutine can be awaited or started only once, and this one already was: " + Frame.describe(f));
  }

  private void finish(Task task, Frame root, Task.Parent parent, Object value, Throwable error) {
    task.top = null;
    if (error != null) {
      // its name and line, for the failure's note: the task keeps its root frame, which keeps its parent
      root.link = parent;
      task.state = root;
    } else {
      task.state = null;
    }
    if (CancelStatus.listed(task)) {
      task.scope.unlist(task);
    }
    parent.childFinished(task, value, error);
  }

  /** Takes the outcome of an operation awaited in tail position by a task's root frame to the task's parent. */
  private static final class Relay extends Frame {
    Relay(Object parent) {
      this.link = parent;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if ($error != null) {
        throw $error;
      }
      return $finish($value);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Parking and waking

  /** One task in this many appended to the run queue is also held in {@link #marks}. */
  private static final int MARK_EVERY = 64;

  /**
   * Appends {@code t}, which is in no queue (so {@code t.next} is null), to the run queue.
   *
   * <p>The queue is a chain through {@link Task#next}, which costs nothing per task beyond the
   * link. Every {@link #MARK_EVERY}th task is also kept in {@link #marks}, for the collector: a
   * young collection that finds a long chain alive (a million tasks just spawned) would otherwise
   * copy it one link at a time, with its threads taking the one runnable link from each other, and
   * pauses of 150-500 ms for a million tasks resulted. From the marks, its threads start on
   * segments of the chain of their own. A decrement per append and a compare per removal.
   */
  private void enqueue(Task t) {
    if (runTail == null) {
      runHead = t;
    } else {
      runTail.next = t;
    }
    runTail = t;
    if (--untilMark == 0) {
      addMark(t);
    }
  }

  private void addMark(Task t) {
    untilMark = MARK_EVERY;
    marks.addLast(t);
    if (nextMark == null) {
      nextMark = t;
    }
  }

  /** The oldest mark has left the run queue. */
  private void dropMark() {
    marks.pollFirst();
    nextMark = marks.peekFirst();
  }

  /** How many tasks the marks hold (for tests: none once the run queue is empty). */
  final int marksHeld() {
    return marks.size();
  }

  /** The run queue was emptied at once (a shuffled batch). */
  private void clearMarks() {
    marks.clear();
    nextMark = null;
  }

  /** Makes a parked task runnable; it resumes with {@code value}. The abort hook is gone: the result wins. */
  public final void resume(Task t, Object value) {
    t.state = box(value);
    enqueue(t);
  }

  /** Makes a parked task runnable; {@code error} is thrown at its await. */
  public final void fail(Task t, Throwable error) {
    t.state = java.util.Objects.requireNonNull(error, "error == null");
    enqueue(t);
  }

  /** Makes a parked task runnable; it resumes with null. */
  public final void wake(Task t) {
    t.state = null;
    enqueue(t);
  }

  /**
   * Parks the running task on {@code op}. If the task is already effectively cancelled the wait is
   * aborted at once (trio delivers pending cancellation when a task blocks).
   */
  public final Object park(Task t, Operation op) {
    parkUncancelled(t, op);
    if (t.scope.effectivelyCancelled) {
      tryCancel(t);
    }
    return Operation.PARKED;
  }

  /**
   * {@link #park} for an operation that has just found {@code t} not cancelled, with nothing since
   * that could cancel it (only its own queue work): the cancellation check is not repeated.
   */
  public final Object parkUncancelled(Task t, Operation op) {
    t.state = op;
    if (!CancelStatus.listed(t)) {
      t.scope.list(t); // found by cancellation from now on
    }
    return Operation.PARKED;
  }

  /** A schedule point without a cancel point: the task runs again after the others, with {@code value}. */
  public final Object yieldWith(Task t, Object value) {
    t.state = box(value);
    enqueue(t);
    return Operation.PARKED;
  }

  /** A full checkpoint: yield, then check cancellation when the task resumes. */
  public final Object checkpoint(Task t) {
    t.state = CHECK_CANCEL;
    enqueue(t);
    return Operation.PARKED;
  }

  /** A new {@code Cancelled} for {@code t}, from the scope whose cancellation it sees. */
  public final Error newCancelled(Task t) {
    return t.scope.cancelledError();
  }

  /**
   * The task is parked and effectively cancelled: try to abort its wait, once per wait (trio). If the
   * operation refuses, the task stays parked until the operation reschedules it, and later
   * cancellations do not ask again.
   */
  final void tryCancel(Task t) {
    if (!(t.state instanceof Operation) || t.state instanceof AbortRefused) {
      return;
    }
    Operation op = (Operation) t.state;
    if (op.abort(t, this)) {
      fail(t, t.scope.deliveredCancelledError());
    } else if (t.state == op) { // still parked: the operation did not reschedule it from abort()
      t.state = new AbortRefused(op);
    }
  }

  /** Stands for the operation of a parked task whose abort was refused: it is not asked again. */
  private static final class AbortRefused extends Operation {
    private final Operation op;

    AbortRefused(Operation op) {
      this.op = op;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      throw new AssertionError("never awaited");
    }

    @Override
    public String toString() {
      return op.toString();
    }
  }

  /** A resume value that would otherwise read as an operation (parked) or a failure. */
  private static final class Boxed {
    final Object value;

    Boxed(Object value) {
      this.value = value;
    }
  }

  private static Object box(Object value) {
    return value instanceof Operation || value instanceof Throwable || value instanceof Boxed ? new Boxed(value) : value;
  }

  // ---------------------------------------------------------------------------------------------
  // The outside world: other threads, sockets

  /** The thread running the loop, or null when it does not run. */
  public final Thread thread() {
    return thread;
  }

  /** Whether the calling thread is the loop's (true as well before and after the run). */
  public final boolean inLoopThread() {
    Thread t = thread;
    return t == null || t == Thread.currentThread();
  }

  /**
   * Throws {@link IllegalStateException} unless called on the loop's thread: {@code what} is a
   * loop-only operation (a nowait call, a close, a cancel) that another thread must not perform.
   */
  public final void checkInLoopThread(String what) {
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      throw new IllegalStateException(what + " was called from thread \"" + Thread.currentThread().getName()
          + "\", but it belongs to the Baton loop running on thread \"" + t.getName()
          + "\"; loop objects are not thread-safe. From another thread, go through a BlockingPortal "
          + "(portal.call(...) / portal.callSync(...)), or run the work in the loop with Baton.runInThread(...)");
    }
  }

  /**
   * Runs {@code r} on the loop's thread at the start of its next batch, waking the loop if it is
   * idle. Thread-safe. Throws {@link IllegalStateException} once the run has ended; a
   * {@link Rejectable} that the ending run finds in the inbox is rejected instead.
   */
  public final void post(Runnable r) {
    if (ended) {
      throw finishedLoop();
    }
    inbox.add(r);
    if (ended && inbox.remove(r)) {
      throw finishedLoop();
    }
    if (idle) {
      IoPoller p = io;
      if (p != null) {
        p.wakeup();
      } else {
        LockSupport.unpark(thread);
      }
    }
  }

  private static IllegalStateException finishedLoop() {
    return new IllegalStateException("the Baton loop has finished running");
  }

  /** Whether the run has ended (posts are refused). */
  public final boolean hasEnded() {
    return ended;
  }

  /** A posted runnable that must hear if the loop ends before running it. */
  public interface Rejectable extends Runnable {
    /** The loop ended without running this; called on the loop's thread as it ends. */
    void reject();
  }

  /** Outside work has started that will {@link #post} back: the loop waits for it when idle. Loop thread only. */
  public final void beginExternalWork() {
    batchBreak = true;
    externalWork++;
  }

  /** Outside work counted by {@link #beginExternalWork} is over. Loop thread only. */
  public final void endExternalWork() {
    if (externalWork <= 0) {
      throw new IllegalStateException("endExternalWork without beginExternalWork");
    }
    externalWork--;
  }

  /** The number of pieces of outside work pending. */
  public final int externalWork() {
    return externalWork;
  }

  /** The loop's selector, opened on first use. Loop thread only. */
  public final IoPoller io() {
    batchBreak = true; // a task may park on a socket: the selector must be polled
    IoPoller p = io;
    if (p == null) {
      p = new IoPoller();
      io = p;
    }
    return p;
  }

  /** The selector if one was opened, else null. */
  public final IoPoller ioIfOpen() {
    return io;
  }

  // ---------------------------------------------------------------------------------------------
  // Timers and idle waiters

  /** Arms {@code timer} (which must not be armed) to fire once the clock reaches {@code deadline}. */
  public final void addTimer(Timer timer, double deadline) {
    batchBreak = true;
    timer.deadline = deadline;
    timers.add(timer);
  }

  /** Disarms {@code timer} if it is armed. */
  public final void removeTimer(Timer timer) {
    timers.remove(timer);
  }

  /** Parks {@code t} on {@code op} until no other task is runnable (trio's {@code wait_all_tasks_blocked}). */
  public final Object waitAllTasksBlocked(Task t, Operation op) {
    idleWaiters.add(t);
    return park(t, op);
  }

  public final void removeIdleWaiter(Task t) {
    idleWaiters.remove(t);
  }
}
