package dev.baton;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strings encoded onto a byte stream (anyio's {@code TextSendStream}). Encoding is strict unless a
 * {@link CodingErrorAction} says otherwise: a string
 * the charset cannot encode (or a lone surrogate) makes {@link #send(String)} throw an
 * {@link UncheckedIOException}, caused by a {@link CharacterCodingException}, before anything is
 * sent. {@link #close()} closes the byte stream.
 */
public final class TextSendStream implements ObjectSendStream<String> {
  private final ByteSendStream sink;
  private final CharsetEncoder encoder;

  /** UTF-8 text onto {@code sink}. */
  public TextSendStream(ByteSendStream sink) {
    this(sink, StandardCharsets.UTF_8);
  }

  /** Text in {@code charset} onto {@code sink}, encoded strictly; the new stream owns it. */
  public TextSendStream(ByteSendStream sink, Charset charset) {
    this(sink, charset, CodingErrorAction.REPORT);
  }

  /**
   * Text in {@code charset} onto {@code sink}; characters the charset cannot encode are handled as
   * {@code onError} says ({@link CodingErrorAction#REPLACE}: the charset's replacement, {@code ?} for
   * ISO-8859-1, anyio's {@code errors="replace"}).
   */
  public TextSendStream(ByteSendStream sink, Charset charset, CodingErrorAction onError) {
    this.sink = Objects.requireNonNull(sink, "sink == null");
    this.encoder = charset.newEncoder().onMalformedInput(onError).onUnmappableCharacter(onError);
  }

  /** The charset the text is encoded in. */
  public Charset charset() {
    return encoder.charset();
  }

  /**
   * Encodes {@code text} (when called) and sends the bytes, as {@link ByteSendStream#send(byte[])}.
   *
   * @throws UncheckedIOException (from the call) if the charset cannot encode {@code text}
   */
  @Override
  public Awaitable<Void> send(String text) {
    return sink.send(encode(text, encoder));
  }

  /** Half-closes the byte stream ({@link ByteSendStream#sendEof()}). */
  public Awaitable<Void> sendEof() {
    return sink.sendEof();
  }

  @Override
  public void close() {
    sink.close();
  }

  @Override
  public String toString() {
    return "TextSendStream[" + encoder.charset() + ", " + sink + "]";
  }

  static byte[] encode(String text, CharsetEncoder encoder) {
    try {
      ByteBuffer bytes = encoder.reset().encode(CharBuffer.wrap(text));
      byte[] out = new byte[bytes.remaining()];
      bytes.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new UncheckedIOException("the text cannot be encoded in " + encoder.charset(), e);
    }
  }
}
