package dev.baton.processor.difffuzz.sync;

import dev.baton.Coroutine;

/**
 * The plain twin's task group. In the plain twin a child's body already ran when its coroutine was
 * created (plain {@code @Async} methods run at the call), so starting it does nothing; children of
 * generated programs write only to {@code FuzzHost.kid}, which is compared as a multiset.
 */
public final class TaskGroup implements AutoCloseable {
  TaskGroup() {}

  public void startSoon(Coroutine<?> task) {
    java.util.Objects.requireNonNull(task, "task == null");
  }

  @Override
  public void close() {}
}
