package dev.baton.processor.difffuzz.sync;

/** The plain twin's memory object stream: an unbounded buffer, filled before it is iterated. */
public record MemoryObjectStream<T>(MemoryObjectSendStream<T> sendStream, MemoryObjectReceiveStream<T> receiveStream) {
  public static final int UNBOUNDED = Integer.MAX_VALUE;
}
