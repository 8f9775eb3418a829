package dev.baton;

import java.util.List;

/**
 * A snapshot of a {@link CapacityLimiter} (anyio's {@code CapacityLimiterStatistics}).
 *
 * @param borrowedTokens the number of tokens held
 * @param totalTokens the number of tokens the limiter has ({@link CapacityLimiter#UNLIMITED} for no limit)
 * @param borrowers who holds them, in the order they got them: a task's name, or
 *     {@code String.valueOf} of an explicit borrower object
 * @param tasksWaiting the number of tasks blocked in {@code acquire}
 */
public record CapacityLimiterStatistics(int borrowedTokens, int totalTokens, List<String> borrowers, int tasksWaiting) {
  public CapacityLimiterStatistics {
    borrowers = List.copyOf(borrowers);
  }
}
