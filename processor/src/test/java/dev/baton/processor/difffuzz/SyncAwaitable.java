package dev.baton.processor.difffuzz;

/**
 * An awaitable that the plain twin of a generated program can also await synchronously: the plain
 * twin's {@code await(x)} ({@link dev.baton.processor.difffuzz.sync.SyncBaton#await}) calls
 * {@link #runSync()}, which has exactly the side effects of awaiting {@code x} on the loop.
 */
public interface SyncAwaitable<T> {
  T runSync();
}
