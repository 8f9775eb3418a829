package dev.baton;

/**
 * The two halves of a memory object stream made by {@link Baton#createMemoryObjectStream(int)}:
 * items sent into {@link #sendStream()} come out of {@link #receiveStream()} in order.
 *
 * @param sendStream the sending half
 * @param receiveStream the receiving half
 * @param <T> the type of the items
 */
public record MemoryObjectStream<T>(MemoryObjectSendStream<T> sendStream, MemoryObjectReceiveStream<T> receiveStream) {
  /** A buffer size meaning "no limit": sends never block. */
  public static final int UNBOUNDED = Integer.MAX_VALUE;
}
