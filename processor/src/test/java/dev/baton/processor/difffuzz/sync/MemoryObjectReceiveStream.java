package dev.baton.processor.difffuzz.sync;

import java.util.ArrayDeque;
import java.util.Iterator;

/** The plain twin's receive half: iterating drains the buffer (the send side is closed first). */
public final class MemoryObjectReceiveStream<T> implements AutoCloseable, Iterable<T> {
  private final ArrayDeque<T> buffer;

  MemoryObjectReceiveStream(ArrayDeque<T> buffer) {
    this.buffer = buffer;
  }

  public T receiveNowait() {
    return buffer.remove();
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !buffer.isEmpty();
      }

      @Override
      public T next() {
        return buffer.remove();
      }
    };
  }

  @Override
  public void close() {}
}
