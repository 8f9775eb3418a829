package dev.baton;

import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Strings decoded from a byte stream (anyio's {@code TextReceiveStream}). One decoder lives as long as
 * the stream, so a character whose bytes arrive in two chunks is decoded whole: its first bytes wait
 * for the rest and are never returned half. {@link #receive()} returns a non-empty string, receiving
 * as many chunks as it takes.
 *
 * <p>Decoding is strict unless a {@link CodingErrorAction} says otherwise: bytes that are not valid in the charset throw an
 * {@link UncheckedIOException} caused by a {@link CharacterCodingException}, as do the incomplete
 * bytes of a character at the end of the stream. A cancelled receive loses nothing: bytes received
 * before the cancellation are decoded by the next one. {@link #close()} closes the byte stream.
 *
 * <p>{@code for (@Await String text : stream)} in an {@code @Async} method receives until the end of
 * the byte stream; {@code try (@Await var s = ...)} closes it on exit (synchronously).
 * {@link #iterator()} itself throws: it exists so that the form type-checks.
 */
public final class TextReceiveStream extends ReceiveResource<String> implements ObjectReceiveStream<String> {
  private final ByteReceiveStream source;
  private final CharsetDecoder decoder;
  /** The bytes of an incomplete character, kept for the next chunk. */
  private ByteBuffer leftover = ByteBuffer.allocate(0);

  /** UTF-8 text from {@code source}. */
  public TextReceiveStream(ByteReceiveStream source) {
    this(source, StandardCharsets.UTF_8);
  }

  /** Text in {@code charset} from {@code source}, decoded strictly; the new stream owns it. */
  public TextReceiveStream(ByteReceiveStream source, Charset charset) {
    this(source, charset, CodingErrorAction.REPORT);
  }

  /**
   * Text in {@code charset} from {@code source}; invalid bytes are handled as {@code onError} says
   * ({@link CodingErrorAction#REPLACE}: U+FFFD, anyio's {@code errors="replace"}).
   */
  public TextReceiveStream(ByteReceiveStream source, Charset charset, CodingErrorAction onError) {
    super("String text");
    this.source = Objects.requireNonNull(source, "source == null");
    this.decoder = charset.newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
  }

  /** The charset the bytes are decoded from. */
  public Charset charset() {
    return decoder.charset();
  }

  /**
   * The next piece of text, at least one character. Throws {@link EndOfStreamException} at the end of
   * the byte stream. Always a checkpoint.
   */
  @Override
  @SuppressWarnings("unchecked")
  public Awaitable<String> receive() {
    return (Awaitable<String>) (Awaitable<?>) new Receive(false);
  }

  /** One step of async iteration: the next text, or the end marker. */
  @Override
  protected Object next() {
    return new Receive(true);
  }

  @Override
  public void close() {
    source.close();
  }

  @Override
  public String toString() {
    return "TextReceiveStream[" + decoder.charset() + ", " + source + "]";
  }

  /** Decodes {@code chunk} after the leftover bytes; what cannot be decoded yet becomes the leftover. */
  private String decode(byte[] chunk, boolean endOfInput) {
    ByteBuffer in;
    if (leftover.hasRemaining()) {
      in = ByteBuffer.allocate(leftover.remaining() + chunk.length);
      in.put(leftover).put(chunk).flip();
    } else {
      in = ByteBuffer.wrap(chunk);
    }
    CharBuffer out = CharBuffer.allocate((int) (in.remaining() * (double) decoder.maxCharsPerByte()) + 2);
    for (;;) {
      CoderResult r = decoder.decode(in, out, endOfInput);
      if (r.isUnderflow() && endOfInput) {
        r = decoder.flush(out);
      }
      if (r.isOverflow()) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
        out.flip();
        out = bigger.put(out);
        continue;
      }
      if (r.isError()) {
        try {
          r.throwException();
        } catch (CharacterCodingException e) {
          throw new UncheckedIOException("the byte stream is not valid " + decoder.charset() + " text", e);
        }
      }
      break;
    }
    leftover = in.hasRemaining() ? ByteBuffer.allocate(in.remaining()).put(in).flip() : ByteBuffer.allocate(0);
    return out.flip().toString();
  }

  /** One receive; a step of async iteration ends with the end marker instead of EndOfStream. */
  private final class Receive extends Coroutine<Object> {
    private final boolean iterating;

    Receive(boolean iterating) {
      this.iterating = iterating;
    }

    @Override
    protected Object $step(Object value, Throwable error) throws Throwable {
      if (error instanceof EndOfStreamException) {
        if (leftover.hasRemaining()) {
          String tail = decode(new byte[0], true);
          if (!tail.isEmpty()) {
            return $complete(tail);
          }
        }
        if (iterating) {
          return $complete(StreamState.END);
        }
        throw error;
      }
      if (error != null) {
        throw error;
      }
      if (value != null) {
        String text = decode((byte[]) value, false);
        if (!text.isEmpty()) {
          return $complete(text);
        }
      }
      return source.receive();
    }
  }
}
