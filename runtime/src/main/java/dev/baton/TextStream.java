package dev.baton;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A two-way text stream over a {@link ByteStream} (anyio's {@code TextStream}): {@link #receive()} as
 * {@link TextReceiveStream}, {@link #send(String)} as {@link TextSendStream}, in one charset.
 * {@link #sendEof()} half-closes the byte stream; {@link #close()} closes it.
 */
public final class TextStream implements ObjectReceiveStream<String>, ObjectSendStream<String> {
  private final ByteStream stream;
  private final TextReceiveStream receiving;
  private final TextSendStream sending;

  /** UTF-8 text over {@code stream}. */
  public TextStream(ByteStream stream) {
    this(stream, StandardCharsets.UTF_8);
  }

  /** Text in {@code charset} over {@code stream}; the new stream owns it. */
  public TextStream(ByteStream stream, Charset charset) {
    this.stream = stream;
    this.receiving = new TextReceiveStream(stream, charset);
    this.sending = new TextSendStream(stream, charset);
  }

  @Override
  public Awaitable<String> receive() {
    return receiving.receive();
  }

  @Override
  public Awaitable<Void> send(String text) {
    return sending.send(text);
  }

  public Awaitable<Void> sendEof() {
    return stream.sendEof();
  }

  @Override
  public void close() {
    stream.close();
  }

  @Override
  public String toString() {
    return "TextStream[" + receiving.charset() + ", " + stream + "]";
  }
}
