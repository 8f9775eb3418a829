package dev.baton;

import dev.baton.core.Resource;

/**
 * A resource whose exit from {@code try (@Await R r = ...)} is its synchronous {@link #close()}: not
 * a checkpoint, like anyio's {@code aclose()} of a socket (sockets and listeners).
 */
abstract class ClosedAtOnce extends Resource implements AutoCloseable {
  ClosedAtOnce() {}

  /** Closes the resource: synchronous, idempotent, never a checkpoint. */
  @Override
  public abstract void close();

  @Override
  protected final Object exitAsync(Throwable pending) {
    close();
    return new Checkpoints.Ready<>(pending);
  }
}
