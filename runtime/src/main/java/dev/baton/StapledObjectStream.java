package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;
import java.util.Objects;

/**
 * A two-way object stream made of a sending half and a receiving half (anyio's
 * {@code StapledObjectStream}), e.g. the send half of one memory object stream and the receive half
 * of another. {@link #sendEof()} closes the sending half (the peer's iteration ends);
 * {@link #close()} closes both, the sending half first.
 *
 * @param sendStream where sends go
 * @param receiveStream where receives come from
 * @param <T> the type of the items
 */
public record StapledObjectStream<T>(ObjectSendStream<T> sendStream, ObjectReceiveStream<T> receiveStream)
    implements ObjectSendStream<T>, ObjectReceiveStream<T> {
  public StapledObjectStream {
    Objects.requireNonNull(sendStream, "sendStream == null");
    Objects.requireNonNull(receiveStream, "receiveStream == null");
  }

  @Override
  public Awaitable<Void> send(T item) {
    return sendStream.send(item);
  }

  @Override
  public Awaitable<T> receive() {
    return receiveStream.receive();
  }

  /**
   * Closes the sending half: the receiver on the other side sees the end of the stream. Always a
   * checkpoint: in a cancelled scope it throws {@link Cancelled} and closes nothing.
   */
  public Awaitable<Void> sendEof() {
    return new SendEof(sendStream);
  }

  @Override
  public void close() {
    StapledByteStream.closeBoth(sendStream::close, receiveStream::close);
  }

  /** Cancel point, close, schedule point. */
  private static final class SendEof extends RuntimeOperation<Void> {
    private final ObjectSendStream<?> half;

    SendEof(ObjectSendStream<?> half) {
      this.half = half;
    }

    @Override
    protected Object begin(Task task, Loop loop) {
      if (task.cancelled()) {
        throw task.newCancelled();
      }
      half.close();
      return loop.yieldWith(task, null);
    }

    @Override
    public String toString() {
      return "sendEof";
    }
  }
}
