package dev.baton.core;

/**
 * Internal, not API: one task of a loop, a chain of {@link Frame}s that the loop runs until it parks
 * or finishes. Kept to seven references: a million blocked tasks must fit in little memory.
 *
 * <p>The task's parent (who hears of its end) and its name are not fields: the root frame's link is
 * the {@link Parent}, and a name lives in a parent wrapper ({@link Parent#named}).
 */
public final class Task {
  /** Innermost frame: the one that runs next; null once the task has finished. */
  Frame top;
  /**
   * While parked: the {@link Operation} the task waits on. While runnable: the outcome it resumes
   * with, a value or a {@link Throwable} to throw at the await ({@link Loop#resume} boxes values that
   * would read as either). While running: the value it resumed with. Finished: its root frame if it
   * failed (whose link is then its {@link Parent} again, so that its name and line outlive it),
   * else null.
   */
  Object state;
  /** Run-queue link while runnable; wait-queue links while parked in a {@link WaitQueue}. */
  Task next;
  Task prev;
  /**
   * Innermost cancel status, and the links of this task in that status's task list (both null
   * while not listed: see {@link CancelStatus#list}; the first task's prev is {@link #LIST_HEAD}).
   */
  CancelStatus scope;
  Task scopeNext;
  Task scopePrev;

  /** The prev link of the first task of a status's list: a listed task's prev is never null. */
  static final Task LIST_HEAD = new Task(null);

  Task(Frame root) {
    this.top = root;
  }

  /** Whether the task has finished. */
  public boolean finished() {
    return top == null;
  }

  /** The task's innermost cancel status. */
  public CancelStatus scope() {
    return scope;
  }

  /** Effectively cancelled: a cancel scope from the innermost outwards, up to the first shield, was cancelled. */
  public boolean cancelled() {
    return scope.effectivelyCancelled;
  }

  /** A new {@code Cancelled} from the scope whose cancellation this task sees. */
  public Error newCancelled() {
    return scope.cancelledError();
  }

  /** The operation the task is parked on, or null when it is runnable or running. */
  public Operation waitingOn() {
    return state instanceof Operation ? (Operation) state : null;
  }

  /** Makes {@code s} (a child of the current innermost status) the task's innermost status. */
  public void enterScope(CancelStatus s) {
    s.take(this);
  }

  /**
   * The task's name: the one it was started with, else the description of its root coroutine. A
   * task that failed keeps its name; one that returned is {@code "a finished task"}.
   */
  public String name() {
    Frame root = root();
    if (root == null) {
      if (!(state instanceof Frame)) {
        return "a finished task";
      }
      root = (Frame) state; // failed: see state
    }
    String given = givenName(root);
    return given != null ? given : Frame.describe(root);
  }

  /** The frame the task started with while it runs (its frames link up to it), else null. */
  Frame root() {
    Frame f = top;
    if (f == null) {
      return null;
    }
    while (f.link instanceof Frame) {
      f = (Frame) f.link;
    }
    return f;
  }

  /** The name the task was started with, given its running {@link #root()}, or null. */
  static String givenName(Frame root) {
    return root.link instanceof Parent ? ((Parent) root.link).childName() : null;
  }

  /**
   * The task for dumps: its name, and the innermost frame when that is another coroutine (where the
   * task is waiting, e.g. {@code p.AsyncProto$readLine} inside a task named {@code "handler"}).
   */
  public String describeForDump() {
    String name = name();
    Frame innermost = top;
    if (innermost == null || !(innermost.link instanceof Frame)) {
      return name;
    }
    return name + " (in " + Frame.describe(innermost) + ")";
  }

  /**
   * Where a task that failed was when it failed: its root coroutine's {@link Frame#where} (the
   * user's line of the await in the task's own coroutine that the failure came through), or null.
   */
  public StackTraceElement failedAt() {
    return top == null && state instanceof Frame ? Frame.where((Frame) state) : null;
  }

  /**
   * The frames of a task that is not running, innermost first: the chain of coroutines awaiting
   * each other, from the one parked at an operation to the task's root. Empty once finished. For
   * dumps (it allocates); loop thread only.
   */
  public java.util.List<Frame> frames() {
    java.util.List<Frame> out = new java.util.ArrayList<>();
    for (Object f = top; f instanceof Frame; f = ((Frame) f).link) {
      out.add((Frame) f);
    }
    return out;
  }

  /** The task in its status's list after this one (see {@link CancelStatus#firstTask()}), or null. */
  public Task nextInScope() {
    return scopeNext;
  }

  @Override
  public String toString() {
    return "Task[" + name() + "]";
  }

  /**
   * Who a task reports its end to: a task group, the start() call that owns a starting child, the
   * loop's main task. It is the link of the task's root frame.
   */
  public abstract static class Parent {
    protected Parent() {}

    /** {@code child} has finished with {@code value}, or with {@code error} if that is not null. */
    protected abstract void childFinished(Task child, Object value, Throwable error);

    /** The name the child was started with, or null. */
    protected String childName() {
      return null;
    }

    /** {@code parent}, giving its children the name {@code name}. */
    public static Parent named(Parent parent, String name) {
      return name == null ? parent : new Named(parent, name);
    }
  }

  private static final class Named extends Parent {
    private final Parent parent;
    private final String name;

    Named(Parent parent, String name) {
      this.parent = parent;
      this.name = name;
    }

    @Override
    protected void childFinished(Task child, Object value, Throwable error) {
      parent.childFinished(child, value, error);
    }

    @Override
    protected String childName() {
      return name;
    }
  }
}
