package dev.baton;

/**
 * A snapshot of a {@link Semaphore} (anyio's {@code SemaphoreStatistics}).
 *
 * @param tasksWaiting the number of tasks blocked in {@code acquire}
 */
public record SemaphoreStatistics(int tasksWaiting) {}
