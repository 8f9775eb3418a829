package dev.baton;

/**
 * A snapshot of a {@link Lock} (anyio's {@code LockStatistics}).
 *
 * @param locked whether a task holds the lock
 * @param owner the name of the task holding it, or null
 * @param tasksWaiting the number of tasks blocked in {@code acquire}
 */
public record LockStatistics(boolean locked, String owner, int tasksWaiting) {}
