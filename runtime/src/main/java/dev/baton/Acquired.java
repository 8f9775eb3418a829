package dev.baton;

/**
 * What awaiting an acquire returns: a hold on a {@link Lock}, a {@link Semaphore} permit, a
 * {@link CapacityLimiter} token or a {@link Condition}'s lock. Closing it releases what was acquired,
 * so a plain try-with-resources holds it for a block:
 *
 * <pre>{@code
 * try (Acquired held = await(lock.acquire())) {
 *   ... // the lock is held here, and released however the block ends
 * }
 * }</pre>
 *
 * <p>{@link #close()} is synchronous, never a checkpoint, and idempotent: the second close does
 * nothing. Releasing a lock is owner-checked, so closing a lock's hold from another task throws
 * {@link IllegalStateException} (and leaves the hold open).
 */
public interface Acquired extends AutoCloseable {
  /** Releases what was acquired, once; later calls do nothing. */
  @Override
  void close();
}
