package dev.baton;

/**
 * The receiving side of a stream of objects (anyio's {@code ObjectReceiveStream}): each
 * {@link #receive()} returns one item, in order. Implemented by {@link MemoryObjectReceiveStream} and
 * {@link TextReceiveStream}; {@link StapledObjectStream} joins one to an {@link ObjectSendStream}.
 *
 * <p>{@code receive} is always a checkpoint, throws {@link EndOfStreamException} once the sender is
 * done, {@link ClosedResourceException} after {@link #close()}, and consumes nothing when it throws
 * {@link Cancelled}. {@code close} is synchronous, idempotent and never a checkpoint.
 *
 * @param <T> the type of the items
 */
public interface ObjectReceiveStream<T> extends AutoCloseable {
  /** Receives the next item, waiting while there is none. Always a checkpoint. */
  Awaitable<T> receive();

  @Override
  void close();
}
