package dev.baton;

/**
 * The sending side of a stream of objects (anyio's {@code ObjectSendStream}). Implemented by
 * {@link MemoryObjectSendStream} and {@link TextSendStream}.
 *
 * <p>{@code send} is always a checkpoint; it throws {@link ClosedResourceException} after
 * {@link #close()} and {@link BrokenResourceException} once nothing can receive. {@code close} is
 * synchronous, idempotent and never a checkpoint; the receiver sees the end of the stream after the
 * items sent before.
 *
 * @param <T> the type of the items
 */
public interface ObjectSendStream<T> extends AutoCloseable {
  /** Sends {@code item}, waiting while the stream cannot take it. Always a checkpoint. */
  Awaitable<Void> send(T item);

  @Override
  void close();
}
