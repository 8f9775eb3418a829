package dev.baton;

import dev.baton.core.Loop;
import dev.baton.core.Task;

/**
 * The state shared by the two halves of a memory byte stream: a ring of at most {@code capacity}
 * bytes, at most one blocked sender (with the bytes of its data not yet in the ring) and at most one
 * blocked receiver. A receiver waits only while the ring is empty; a sender only while it is full.
 */
final class ByteStreamState implements dev.baton.core.Waitable {
  final byte[] ring;
  private int head;
  int count;
  /** No more bytes will come: the send half was half-closed or closed. */
  boolean eof;
  boolean sendClosed;
  boolean receiveClosed;
  /** A send was cancelled after part of its data was accepted. */
  boolean broken;
  /** The blocked sender and what is left of its data, from {@link #pendingOffset}. */
  Task sender;
  byte[] pending;
  int pendingOffset;
  /** The blocked receiver and the most it takes. */
  Task receiver;
  int receiverMax;
  /** The blocked receive is a step of async iteration: the end of the stream is a value, not an exception. */
  boolean receiverIterating;
  private Loop loop;

  ByteStreamState(int capacity) {
    this.ring = new byte[capacity];
  }

  @Override
  public String kind() {
    return "memory byte stream";
  }

  @Override
  public String state() {
    return count + "/" + ring.length + " bytes buffered" + (eof ? ", end of stream sent" : "")
        + (sendClosed ? ", send half closed" : "") + (receiveClosed ? ", receive half closed" : "")
        + (broken ? ", broken" : "") + (sender != null ? ", a sender waits" : "") + (receiver != null ? ", a receiver waits" : "");
  }

  @Override
  public String wakers() {
    if (receiver != null && sender == null && !sendClosed && !eof) {
      return "a send or sendEof on its send half; no task waits to send";
    }
    if (sender != null && receiver == null && !receiveClosed) {
      return "a receive on its receive half; no task waits to receive";
    }
    return null;
  }

  void bind(Loop l) {
    if (loop == null) {
      loop = l;
    } else if (loop != l) {
      throw new IllegalStateException("a memory byte stream can be used by one loop only");
    }
  }

  /** Throws if a task is blocked on the stream and the calling thread does not run its loop. */
  void checkThread(String operation) {
    if ((sender != null || receiver != null) && Loop.running() != loop) {
      throw new IllegalStateException(operation + " was called from a thread that does not run the loop this "
          + "byte stream belongs to: only that loop's tasks may use it");
    }
  }

  /** Copies as much of {@code data} from {@code offset} as fits; returns the new offset. */
  int fill(byte[] data, int offset) {
    int n = Math.min(data.length - offset, ring.length - count);
    int tail = (head + count) % ring.length;
    int first = Math.min(n, ring.length - tail);
    System.arraycopy(data, offset, ring, tail, first);
    System.arraycopy(data, offset + first, ring, 0, n - first);
    count += n;
    return offset + n;
  }

  /** Takes up to {@code max} bytes (the ring is not empty), then refills from the blocked sender. */
  byte[] take(int max) {
    int n = Math.min(max, count);
    byte[] chunk = new byte[n];
    int first = Math.min(n, ring.length - head);
    System.arraycopy(ring, head, chunk, 0, first);
    System.arraycopy(ring, 0, chunk, first, n - first);
    head = (head + n) % ring.length;
    count -= n;
    if (sender != null) {
      pendingOffset = fill(pending, pendingOffset);
      if (pendingOffset == pending.length) {
        Task s = sender;
        clearSender();
        loop.wake(s);
      }
    }
    return chunk;
  }

  /** Bytes arrived: hands a chunk to the blocked receiver, if any. */
  void feedReceiver() {
    if (receiver != null && count > 0) {
      Task r = receiver;
      receiver = null;
      loop.resume(r, take(receiverMax));
    }
  }

  /** No more bytes will come: a blocked receiver (the ring is empty) gets the end of the stream. */
  void endReceiver() {
    if (receiver != null) {
      Task r = receiver;
      receiver = null;
      if (receiverIterating) {
        loop.resume(r, StreamState.END);
      } else {
        loop.fail(r, new EndOfStreamException("the sending side of the byte stream was closed"));
      }
    }
  }

  void failSender(RuntimeException error) {
    if (sender != null) {
      Task s = sender;
      clearSender();
      loop.fail(s, error);
    }
  }

  void failReceiver(RuntimeException error) {
    if (receiver != null) {
      Task r = receiver;
      receiver = null;
      loop.fail(r, error);
    }
  }

  void clearSender() {
    sender = null;
    pending = null;
    pendingOffset = 0;
  }

  /** The receive half closed: nothing will read the buffered bytes. */
  void discard() {
    head = 0;
    count = 0;
  }
}
