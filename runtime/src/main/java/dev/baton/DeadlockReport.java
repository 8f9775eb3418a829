package dev.baton;

import dev.baton.core.CancelStatus;
import dev.baton.core.Frame;
import dev.baton.core.Operation;
import dev.baton.core.Task;
import dev.baton.core.Waitable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The message of a {@link DeadlockException}: every blocked task, grouped by what it waits for, with
 * the wait-for graph (who could wake whom) in the user's lines.
 *
 * <p>Tasks waiting on the same thing (the same stream, lock or event with the same action, or the
 * same kind of wait such as {@code sleepForever()}) are one entry: its count and its first few
 * tasks. For a held thing (a lock) the entry follows the holder: the task that holds it and what
 * that task waits for, and so on, until the chain ends or closes into a cycle. For a stream, it
 * says what could wake the waiters and that no task is waiting to do it. At most
 * {@link #MAX_GROUPS} entries are listed, so 100,000 blocked tasks give a short message.
 */
final class DeadlockReport {
  /** Entries listed at most; the rest are counted. */
  static final int MAX_GROUPS = 20;
  /** Tasks named per entry. */
  static final int NAMED_PER_GROUP = 3;
  /** Holders followed at most along a chain. */
  private static final int MAX_CHAIN = 8;

  private DeadlockReport() {}

  static String build(Runner runner) {
    List<Task> blocked = new ArrayList<>();
    collect(runner.rootScope.status, blocked);
    TaskDump.Waits waits = new TaskDump.Waits(runner.now());
    // one entry per thing waited on and action; waits on nothing shared are grouped by their text
    // an entry per description: the same action on the same numbered thing, or the same kind of wait
    Map<String, List<Task>> groups = new LinkedHashMap<>();
    for (Task t : blocked) {
      Operation op = t.waitingOn();
      groups.computeIfAbsent(op == null ? "nothing (runnable)" : waits.describe(op), k -> new ArrayList<>()).add(t);
    }
    StringBuilder sb = new StringBuilder(
        "Baton.run: no task can ever run again (nothing is runnable, no timer is pending, no socket, "
            + "thread or future is awaited); " + blocked.size() + " blocked task" + (blocked.size() == 1 ? "" : "s") + ":");
    int listed = 0;
    int tasksLeft = 0;
    for (Map.Entry<String, List<Task>> g : groups.entrySet()) {
      if (listed == MAX_GROUPS) {
        tasksLeft += g.getValue().size();
        continue;
      }
      listed++;
      entry(sb, g.getValue(), g.getKey(), waits);
    }
    int groupsLeft = groups.size() - listed;
    if (groupsLeft > 0) {
      sb.append("\n  - and ").append(tasksLeft).append(" more task").append(tasksLeft == 1 ? "" : "s")
          .append(" waiting on ").append(groupsLeft).append(" other thing").append(groupsLeft == 1 ? "" : "s")
          .append(" (Baton.dumpTasks() lists them all)");
    }
    return sb.toString();
  }

  private static void collect(CancelStatus s, List<Task> out) {
    for (Task t = s.firstTask(); t != null; t = t.nextInScope()) {
      out.add(t);
    }
    List<CancelStatus> nested = new ArrayList<>();
    for (CancelStatus c = s.firstChild(); c != null; c = c.nextSibling()) {
      nested.add(c);
    }
    Collections.reverse(nested); // in the order the scopes were entered
    for (CancelStatus c : nested) {
      collect(c, out);
    }
  }

  private static void entry(StringBuilder sb, List<Task> tasks, String what, TaskDump.Waits waits) {
    if (tasks.size() <= NAMED_PER_GROUP) {
      for (Task t : tasks) { // a few: each on its own line, in full
        String at = at(t);
        sb.append("\n  - ").append(at.isEmpty() ? t.describeForDump() : t.name()).append(" waiting for ").append(what).append(at);
        graph(sb, List.of(t), waits);
      }
      return;
    }
    // many: one line, the first few named
    sb.append("\n  - ").append(tasks.size()).append(" tasks waiting for ").append(what).append(": ");
    for (int i = 0; i < NAMED_PER_GROUP; i++) {
      sb.append(i == 0 ? "" : ", ").append(tasks.get(i).name()).append(at(tasks.get(i)));
    }
    sb.append(" and ").append(tasks.size() - NAMED_PER_GROUP).append(" more");
    graph(sb, tasks, waits);
  }

  /** Who could wake {@code tasks}, which wait for the same thing: the holders' chain, or the wakers. */
  private static void graph(StringBuilder sb, List<Task> tasks, TaskDump.Waits waits) {
    Operation op = tasks.get(0).waitingOn();
    Waitable w = op == null ? null : op.waitsOn();
    if (w == null) {
      return;
    }
    if (w.holder() != null) {
      sb.append("\n      ").append(chain(tasks, w, waits));
    } else if (w.wakers() != null) {
      sb.append("\n      could be woken only by ").append(w.wakers());
    }
  }

  /** The wait-for chain from {@code w}: holder, what it waits for, its holder, ..., or the cycle it closes. */
  private static String chain(List<Task> waiters, Waitable w, TaskDump.Waits waits) {
    StringBuilder sb = new StringBuilder();
    Set<Task> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(waiters);
    String sep = "";
    for (int hops = 0; w != null && w.holder() != null; hops++) {
      Task holder = w.holder();
      sb.append(sep).append(waits.label(w)).append(" is held by ").append(holder.name()).append(at(holder));
      if (seen.contains(holder)) {
        return sb.append(": a cycle, none of them can ever run").toString();
      }
      if (hops == MAX_CHAIN) {
        return sb.append(", ...").toString();
      }
      seen.add(holder);
      Operation op = holder.waitingOn();
      if (op == null) {
        return sb.toString();
      }
      sb.append(", which waits for ").append(waits.describe(op));
      w = op.waitsOn();
      sep = "; ";
    }
    return sb.toString();
  }

  /** {@code " at "} the task's awaiting user lines, innermost first (three at most), or nothing. */
  private static String at(Task t) {
    List<String> lines = new ArrayList<>();
    for (Frame f : t.frames()) {
      StackTraceElement where = Frame.where(f);
      if (where != null) {
        lines.add(where.toString());
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    String shown = String.join(" <- ", lines.subList(0, Math.min(3, lines.size())));
    return " at " + shown + (lines.size() > 3 ? " <- ..." : "");
  }
}
