package dev.baton;

/**
 * A snapshot of an {@link Event} (anyio's {@code EventStatistics}).
 *
 * @param tasksWaiting the number of tasks blocked in {@link Event#waitUntilSet()}
 */
public record EventStatistics(int tasksWaiting) {}
