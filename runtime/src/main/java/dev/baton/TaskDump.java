package dev.baton;

import dev.baton.core.CancelStatus;
import dev.baton.core.Frame;
import dev.baton.core.Operation;
import dev.baton.core.Task;
import dev.baton.core.Waitable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot of every task of a loop (Python's {@code asyncio pstree}, trio's task tree), taken on
 * the loop's thread between two steps: the tree of cancel scopes and task groups, each task at its
 * innermost scope, with its name, what it waits for and the chain of its awaiting coroutines at the
 * user's file and line. {@link Baton#dumpTasks()} takes one inside the loop,
 * {@link BlockingPortal#dumpTasks()} from another thread.
 *
 * <p>{@link #toString()} renders the tree as text, {@link #toJson()} as JSON. Things tasks wait on
 * are numbered by kind in the order the dump meets them ({@code memory object stream#1}), so that
 * two tasks waiting on the same stream say so, and the text of a scenario is the same on every run.
 */
public final class TaskDump {
  /**
   * A cancel scope or task group and what runs inside it: the tasks whose innermost scope it is and
   * the scopes nested in it, oldest first.
   *
   * @param kind {@code "root"}, {@code "task group"}, {@code "cancel scope"}, {@code "fail scope"} or
   *     {@code "start() call"}
   * @param openedBy the name of the task that entered it, or null (the root, a start() call)
   * @param deadlineIn seconds from the dump to its deadline (negative once passed), or infinity
   * @param cancelCalled whether it was cancelled
   * @param shield whether it shields its inside from enclosing cancellation
   */
  public record ScopeEntry(String kind, String openedBy, double deadlineIn, boolean cancelCalled, boolean shield,
      List<TaskEntry> tasks, List<ScopeEntry> scopes) {
    public ScopeEntry {
      tasks = List.copyOf(tasks);
      scopes = List.copyOf(scopes);
    }
  }

  /**
   * One task.
   *
   * @param name the name it was started with, else its root coroutine's class
   * @param state {@code "running"} (the task that took the dump), {@code "runnable"} or {@code "waiting"}
   * @param waitingFor what a waiting task waits for, e.g. {@code "receive on memory object stream#1
   *     (...)"}; null otherwise
   * @param awaits the awaiting coroutines, innermost first: the user's {@code Class.method(File.java:line)}
   *     of each pending await, or the coroutine's class where the line is unknown
   */
  public record TaskEntry(String name, String state, String waitingFor, List<String> awaits) {
    public TaskEntry {
      awaits = List.copyOf(awaits);
    }
  }

  private final double time;
  private final ScopeEntry root;
  private final int taskCount;

  private TaskDump(double time, ScopeEntry root, int taskCount) {
    this.time = time;
    this.root = root;
    this.taskCount = taskCount;
  }

  /** The loop clock when the dump was taken. */
  public double time() {
    return time;
  }

  /** The root scope, holding everything. */
  public ScopeEntry root() {
    return root;
  }

  /** The number of tasks in the dump. */
  public int taskCount() {
    return taskCount;
  }

  // ---------------------------------------------------------------------------------------------
  // Taking a dump (on the loop's thread)

  static TaskDump take(Runner runner) {
    double now = runner.now();
    Map<CancelStatus, List<Task>> runnableUnlisted = new IdentityHashMap<>();
    Set<Task> listed = Collections.newSetFromMap(new IdentityHashMap<>());
    collectListed(runner.rootScope.status, listed);
    Task running = runner.currentTask();
    List<Task> unlisted = new ArrayList<>();
    if (running != null && !listed.contains(running)) {
      unlisted.add(running);
    }
    runner.forEachRunnable(t -> {
      if (!listed.contains(t)) {
        unlisted.add(t);
      }
    });
    for (Task t : unlisted) {
      runnableUnlisted.computeIfAbsent(t.scope(), s -> new ArrayList<>()).add(t);
    }
    Waits waits = new Waits(now);
    int[] count = {0};
    ScopeEntry root = scope(runner.rootScope.status, running, runnableUnlisted, waits, count);
    return new TaskDump(now, root, count[0]);
  }

  private static void collectListed(CancelStatus s, Set<Task> out) {
    for (Task t = s.firstTask(); t != null; t = t.nextInScope()) {
      out.add(t);
    }
    for (CancelStatus c = s.firstChild(); c != null; c = c.nextSibling()) {
      collectListed(c, out);
    }
  }

  private static ScopeEntry scope(CancelStatus s, Task running, Map<CancelStatus, List<Task>> unlisted, Waits waits,
      int[] count) {
    List<TaskEntry> tasks = new ArrayList<>();
    for (Task t = s.firstTask(); t != null; t = t.nextInScope()) {
      tasks.add(task(t, t == running, waits));
    }
    for (Task t : unlisted.getOrDefault(s, List.of())) {
      tasks.add(task(t, t == running, waits));
    }
    count[0] += tasks.size();
    List<CancelStatus> nested = new ArrayList<>();
    for (CancelStatus c = s.firstChild(); c != null; c = c.nextSibling()) {
      nested.add(c);
    }
    Collections.reverse(nested); // the list is newest first: show them in the order they were entered
    List<ScopeEntry> scopes = new ArrayList<>(nested.size());
    for (CancelStatus c : nested) {
      scopes.add(scope(c, running, unlisted, waits, count));
    }
    CancelScope cs = CancelScope.of(s);
    Task owner = cs.owner();
    return new ScopeEntry(cs.dumpKind(), owner == null ? null : owner.name(), cs.deadline() - waits.now,
        s.cancelCalled(), s.shield(), tasks, scopes);
  }

  private static TaskEntry task(Task t, boolean running, Waits waits) {
    if (running) {
      return new TaskEntry(t.name(), "running", null, List.of());
    }
    Operation op = t.waitingOn();
    return new TaskEntry(t.name(), op == null ? "runnable" : "waiting", op == null ? null : waits.describe(op),
        awaits(t));
  }

  /** The task's awaiting coroutines, innermost first, at the user's lines where known. */
  static List<String> awaits(Task t) {
    List<String> out = new ArrayList<>();
    for (Frame f : t.frames()) {
      if (f.getClass().getName().startsWith("dev.baton.core.")) {
        continue; // the loop's own relay frames
      }
      StackTraceElement where = Frame.where(f);
      out.add(where != null ? where.toString() : Frame.describe(f));
    }
    return out;
  }

  /**
   * Describes waits, numbering the things waited on by kind in the order met: the same stream is
   * {@code memory object stream#1} in every line that names it.
   */
  static final class Waits {
    final double now;
    private final Map<Waitable, String> labels = new IdentityHashMap<>();
    private final Map<String, Integer> perKind = new java.util.HashMap<>();
    /** The state of each thing, read once per dump: a thing's state may walk its queue of waiters. */
    private final Map<Waitable, String> states = new IdentityHashMap<>();

    Waits(double now) {
      this.now = now;
    }

    /** The label of {@code w}: its kind and number. */
    String label(Waitable w) {
      return labels.computeIfAbsent(w, k -> k.kind() + "#" + perKind.merge(k.kind(), 1, Integer::sum));
    }

    /** What a task parked on {@code op} waits for: the action, and the object with its state. */
    String describe(Operation op) {
      String what = op.describe(now);
      Waitable w = op.waitsOn();
      return w == null ? what : what + " on " + label(w) + " (" + states.computeIfAbsent(w, Waitable::state) + ")";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  /** The tree as text: one line per scope and task, each task followed by its awaits. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Baton task dump at t=").append(time(time)).append(" (").append(taskCount)
        .append(taskCount == 1 ? " task)" : " tasks)").append('\n');
    sb.append(scopeLine(root)).append('\n');
    children(sb, root, "");
    return sb.toString();
  }

  private static void children(StringBuilder sb, ScopeEntry s, String indent) {
    int n = s.tasks().size() + s.scopes().size();
    int i = 0;
    for (TaskEntry t : s.tasks()) {
      boolean last = ++i == n;
      sb.append(indent).append(last ? "└── " : "├── ").append(taskLine(t)).append('\n');
      for (String a : t.awaits()) {
        sb.append(indent).append(last ? "      " : "│     ").append("at ").append(a).append('\n');
      }
    }
    for (ScopeEntry c : s.scopes()) {
      boolean last = ++i == n;
      sb.append(indent).append(last ? "└── " : "├── ").append(scopeLine(c)).append('\n');
      children(sb, c, indent + (last ? "    " : "│   "));
    }
  }

  private static String scopeLine(ScopeEntry s) {
    StringBuilder sb = new StringBuilder(s.kind());
    if (s.openedBy() != null) {
      sb.append(" of ").append(s.openedBy());
    }
    if (s.deadlineIn() != Double.POSITIVE_INFINITY) {
      sb.append(", deadline ").append(s.deadlineIn() >= 0 ? "in " + seconds(s.deadlineIn()) : seconds(-s.deadlineIn()) + " ago");
    }
    if (s.cancelCalled()) {
      sb.append(", cancelled");
    }
    if (s.shield()) {
      sb.append(", shielded");
    }
    return sb.toString();
  }

  private static String taskLine(TaskEntry t) {
    switch (t.state()) {
      case "waiting":
        return t.name() + ": waiting for " + t.waitingFor();
      case "running":
        return t.name() + ": running (took this dump)";
      default:
        return t.name() + ": runnable";
    }
  }

  /** A duration or time in seconds, as a dump shows it: {@code 2.5 s}, {@code 250 ms}, {@code 0 s}. */
  static String seconds(double s) {
    if (s == 0) {
      return "0 s";
    }
    double a = Math.abs(s);
    if (a < 1) {
      return trim(String.format(Locale.ROOT, "%.3f", s * 1000)) + " ms";
    }
    return trim(String.format(Locale.ROOT, "%.3f", s)) + " s";
  }

  /** A point on the loop clock, as a dump shows it: {@code 12.5}. */
  static String time(double t) {
    return trim(String.format(Locale.ROOT, "%.3f", t));
  }

  private static String trim(String decimal) {
    String d = decimal.contains(".") ? decimal.replaceAll("0+$", "") : decimal;
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }

  /**
   * The dump as JSON: {@code {"time":..,"taskCount":..,"root":SCOPE}}, a scope being
   * {@code {"kind","openedBy","deadlineIn","cancelCalled","shield","tasks":[..],"scopes":[..]}} (a
   * missing deadline is null) and a task {@code {"name","state","waitingFor","awaits":[..]}}.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"time\":").append(number(time)).append(",\"taskCount\":").append(taskCount).append(",\"root\":");
    json(sb, root);
    return sb.append('}').toString();
  }

  private static void json(StringBuilder sb, ScopeEntry s) {
    sb.append("{\"kind\":").append(string(s.kind()))
        .append(",\"openedBy\":").append(string(s.openedBy()))
        .append(",\"deadlineIn\":").append(s.deadlineIn() == Double.POSITIVE_INFINITY ? "null" : number(s.deadlineIn()))
        .append(",\"cancelCalled\":").append(s.cancelCalled())
        .append(",\"shield\":").append(s.shield())
        .append(",\"tasks\":[");
    for (int i = 0; i < s.tasks().size(); i++) {
      TaskEntry t = s.tasks().get(i);
      sb.append(i == 0 ? "" : ",").append("{\"name\":").append(string(t.name()))
          .append(",\"state\":").append(string(t.state()))
          .append(",\"waitingFor\":").append(string(t.waitingFor()))
          .append(",\"awaits\":[");
      for (int j = 0; j < t.awaits().size(); j++) {
        sb.append(j == 0 ? "" : ",").append(string(t.awaits().get(j)));
      }
      sb.append("]}");
    }
    sb.append("],\"scopes\":[");
    for (int i = 0; i < s.scopes().size(); i++) {
      sb.append(i == 0 ? "" : ",");
      json(sb, s.scopes().get(i));
    }
    sb.append("]}");
  }

  private static String number(double d) {
    return Double.isFinite(d) ? Double.toString(d) : "null";
  }

  /** A JSON string literal (RFC 8259 escapes), or null. */
  static String string(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    return sb.append('"').toString();
  }
}
