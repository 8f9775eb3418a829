package dev.baton.core;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Internal, not API: debug mode's watch on the loop (asyncio's {@code slow_callback_duration}). A
 * loop made with one times every step of every task, and a step that held the loop for at least
 * the threshold is reported with the task's name and the user's lines it ran between: the await it
 * resumed at and the one it stopped at ({@link Frame#where}). A loop without one (the default) pays
 * one branch per step on a final field.
 */
public final class StepWatch {
  private final long thresholdNanos;
  private final Consumer<String> sink;

  /** Reports to {@code sink} every step that takes {@code thresholdNanos} or more. */
  public StepWatch(long thresholdNanos, Consumer<String> sink) {
    if (thresholdNanos < 0) {
      throw new IllegalArgumentException("threshold must not be negative: " + thresholdNanos + " ns");
    }
    this.thresholdNanos = thresholdNanos;
    this.sink = java.util.Objects.requireNonNull(sink, "sink == null");
  }

  /** The threshold in nanoseconds. */
  public long thresholdNanos() {
    return thresholdNanos;
  }

  /** Runs one step of {@code task} through {@code step}, timing it. */
  void step(Task task, Loop loop) {
    Frame before = task.top;
    // where the step starts: the await the task resumes at (null for a task's first step)
    StackTraceElement from = before == null ? null : Frame.where(before);
    // the task's name is read before the step (a task that returns loses it), but only its parts:
    // describing a frame's class is reflection, paid only when a step is reported
    Frame root = task.root();
    String name = root == null ? task.name() : Task.givenName(root); // null: the root frame describes it
    long start = System.nanoTime();
    loop.runStep(task);
    long took = System.nanoTime() - start;
    if (took >= thresholdNanos) {
      sink.accept(message(task, name != null ? name : Frame.describe(root), from, before, took));
    }
  }

  private String message(Task task, String name, StackTraceElement from, Frame before, long took) {
    StringBuilder sb = new StringBuilder("Baton debug: a step of task '").append(name).append("' held the loop for ")
        .append(millis(took)).append(" (slow-step threshold ").append(millis(thresholdNanos)).append("), from ");
    sb.append(from != null ? from.toString() : "the start of " + (before == null ? "the task" : Frame.describe(before)));
    sb.append(" to ");
    Frame after = task.top;
    StackTraceElement to = after == null ? null : Frame.where(after);
    sb.append(task.finished() ? "its end" : to != null ? to.toString() : "an await in " + Frame.describe(after));
    return sb.append("; a blocking call there stalls every task: run it in a thread (Baton.runInThread)").toString();
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
  }
}
