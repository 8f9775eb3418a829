package dev.baton;

/**
 * A snapshot of a {@link Condition} (anyio's {@code ConditionStatistics}).
 *
 * @param tasksWaiting the number of tasks waiting to be notified
 * @param lockStatistics the statistics of the condition's lock
 */
public record ConditionStatistics(int tasksWaiting, LockStatistics lockStatistics) {}
