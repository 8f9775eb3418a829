package dev.baton.processor.difffuzz.sync;

import dev.baton.Awaitable;
import java.util.ArrayDeque;

/** The plain twin's send half: sends go to the buffer at once. */
public final class MemoryObjectSendStream<T> implements AutoCloseable {
  private final ArrayDeque<T> buffer;

  MemoryObjectSendStream(ArrayDeque<T> buffer) {
    this.buffer = buffer;
  }

  public void sendNowait(T item) {
    buffer.add(item);
  }

  /** Sends when awaited, like the runtime's send. */
  public Awaitable<Void> send(T item) {
    return new SendLater<>(buffer, item);
  }

  @Override
  public void close() {}

  private static final class SendLater<T> extends dev.baton.lowlevel.AsyncFrame<Void>
      implements dev.baton.processor.difffuzz.SyncAwaitable<Void> {
    private final ArrayDeque<T> buffer;
    private final T item;

    SendLater(ArrayDeque<T> buffer, T item) {
      this.buffer = buffer;
      this.item = item;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) {
      throw new IllegalStateException("the plain twin's send runs only synchronously");
    }

    @Override
    public Void runSync() {
      buffer.add(item);
      return null;
    }
  }
}
