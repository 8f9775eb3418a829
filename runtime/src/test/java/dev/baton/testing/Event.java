package dev.baton.testing;

import dev.baton.Baton;
import dev.baton.EndOfStreamException;
import dev.baton.MemoryObjectStream;

/**
 * A one-shot event for tests (anyio's {@code Event}), built on a memory stream: {@link #set()}
 * closes the send side, which wakes every waiting receiver at once. Waiting is a checkpoint.
 */
public final class Event {
  private final MemoryObjectStream<Void> stream = Baton.createMemoryObjectStream(0);

  /** Wakes every waiter; later waits pass (after their checkpoint). Synchronous, idempotent. */
  public void set() {
    stream.sendStream().close();
  }

  public boolean isSet() {
    return stream.sendStream().isClosed();
  }

  /** {@code await(event.wait())}: a checkpoint that returns once the event is set. */
  public Co.Step waiting() {
    return Co.tryCatch(Co.awaiting(stream.receiveStream()::receive), EndOfStreamException.class, e -> Co.block());
  }
}
