package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createMemoryByteStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.currentTime;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleep;

import dev.baton.Acquired;
import dev.baton.BufferedByteReceiveStream;
import dev.baton.ByteReceiveStream;
import dev.baton.ByteSendStream;
import dev.baton.CapacityLimiter;
import dev.baton.Condition;
import dev.baton.Coroutine;
import dev.baton.EndOfStreamException;
import dev.baton.Event;
import dev.baton.IncompleteReadException;
import dev.baton.Lock;
import dev.baton.MemoryByteStream;
import dev.baton.StapledByteStream;
import dev.baton.TaskGroup;
import dev.baton.TextReceiveStream;
import dev.baton.TextSendStream;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The samples of the guide's chapters on synchronization and byte streams, compiled and tested like
 * {@link GuideSamples}: each sits between {@code // snippet:NAME} and {@code // end:NAME}.
 */
public class GuideStreamSamples {
  final List<String> log = new ArrayList<>();

  // snippet:event
  @Async
  public Coroutine<Void> waitForReady(Event ready, String name) {
    await(ready.waitUntilSet());       // parks until set(); a checkpoint even when already set
    log.add(name + " starts at " + currentTime());
    return done();
  }

  @Async
  public Coroutine<Void> startTogether() {
    Event ready = new Event();
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(waitForReady(ready, "a"));
      tg.startSoon(waitForReady(ready, "b"));
      await(sleep(1));
      ready.set();                     // wakes both; synchronous, not a checkpoint
    }
    return done();
  }
  // end:event

  // snippet:lock
  @Async
  public Coroutine<Void> appendTwice(Lock lock, StringBuilder shared, String text) {
    try (Acquired held = await(lock.acquire())) {
      shared.append(text);
      await(sleep(0.1));               // other tasks run here, but none gets the lock
      shared.append(text);
    }                                  // released here, however the block ends
    return done();
  }

  @Async
  public Coroutine<String> lockedAppends() {
    Lock lock = new Lock();
    StringBuilder shared = new StringBuilder();
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(appendTwice(lock, shared, "a"));
      tg.startSoon(appendTwice(lock, shared, "b"));
    }
    return done(shared.toString());    // "aabb": never "abab"
  }
  // end:lock

  // snippet:limiter
  @Async
  public Coroutine<Void> fetch(CapacityLimiter limiter, int page) {
    try (Acquired token = await(limiter.acquire())) {
      log.add("page " + page + " at " + currentTime());
      await(sleep(1));                 // stands for a download
    }
    return done();
  }

  @Async
  public Coroutine<Void> fetchAll() {
    CapacityLimiter limiter = new CapacityLimiter(2);   // at most two downloads at a time
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int page = 1; page <= 5; page++) {
        tg.startSoon(fetch(limiter, page));
      }
    }
    return done();
  }
  // end:limiter

  // snippet:condition
  @Async
  public Coroutine<String> take(Condition condition, Deque<String> queue) {
    try (Acquired held = await(condition.acquire())) {
      while (queue.isEmpty()) {
        await(condition.waitForSignal());  // releases the lock while waiting
      }
      return done(queue.poll());           // the lock is held again here
    }
  }

  @Async
  public Coroutine<Void> put(Condition condition, Deque<String> queue, String item) {
    try (Acquired held = await(condition.acquire())) {
      queue.add(item);
      condition.signal();                  // wakes the task that has waited longest
    }
    return done();
  }
  // end:condition

  // snippet:byte-stream
  @Async
  public Coroutine<Void> writeSlowly(ByteSendStream out) {
    try (out) {
      for (int i = 0; i < 4; i++) {
        await(out.send("chunk ".getBytes(StandardCharsets.US_ASCII)));  // waits while the buffer is full
      }
    }                                      // closing ends the stream for the reader
    return done();
  }

  @Async
  public Coroutine<Integer> countBytes(ByteReceiveStream in) {
    int total = 0;
    try (in) {
      while (true) {
        try {
          total += await(in.receive(5)).length;   // a chunk of 1 to 5 bytes
        } catch (EndOfStreamException e) {
          return done(total);
        }
      }
    }
  }

  @Async
  public Coroutine<Integer> pumpBytes() {
    MemoryByteStream pipe = createMemoryByteStream(8);  // at most 8 bytes in flight
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(writeSlowly(pipe.sendStream()));
      return done(await(countBytes(pipe.receiveStream())));   // 24
    }
  }
  // end:byte-stream

  // snippet:buffered
  @Async
  public Coroutine<List<String>> readRecords(ByteReceiveStream in) {
    List<String> records = new ArrayList<>();
    try (BufferedByteReceiveStream buffered = new BufferedByteReceiveStream(in)) {
      while (true) {
        byte[] header;
        try {
          header = await(buffered.receiveUntil(new byte[] {'\n'}, 16));  // a line of at most 16 bytes
        } catch (IncompleteReadException e) {
          return done(records);          // the stream ended; buffer() holds what came after the last record
        }
        int length = Integer.parseInt(new String(header, StandardCharsets.US_ASCII));
        byte[] body = await(buffered.receiveExactly(length));             // then exactly that many bytes
        records.add(new String(body, StandardCharsets.US_ASCII));
      }
    }
  }
  // end:buffered

  // snippet:text
  @Async
  public Coroutine<String> roundTripText() {
    MemoryByteStream pipe = createMemoryByteStream(3);   // splits "ö" (2 bytes) across chunks
    StringBuilder text = new StringBuilder();
    try (@Await TaskGroup tg = createTaskGroup()) {
      TextSendStream out = new TextSendStream(pipe.sendStream(), StandardCharsets.UTF_8);
      tg.startSoon(sendText(out, "åäö, ça va"));
      TextReceiveStream in = new TextReceiveStream(pipe.receiveStream(), StandardCharsets.UTF_8);
      try (in) {
        for (@Await String piece : in) {          // never half a character; ends with the stream
          text.append(piece);
        }
      }
    }
    return done(text.toString());
  }

  @Async
  public Coroutine<Void> sendText(TextSendStream out, String text) {
    try (out) {
      await(out.send(text));
    }
    return done();
  }
  // end:text

  // snippet:stapled
  @Async
  public Coroutine<String> pingPong() {
    MemoryByteStream toServer = createMemoryByteStream(64);
    MemoryByteStream toClient = createMemoryByteStream(64);
    StapledByteStream client = new StapledByteStream(toServer.sendStream(), toClient.receiveStream());
    StapledByteStream server = new StapledByteStream(toClient.sendStream(), toServer.receiveStream());
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(echoOnce(server));
      await(client.send("ping".getBytes(StandardCharsets.US_ASCII)));
      await(client.sendEof());                   // half-close: "I am done sending"
      return done(new String(await(client.receive()), StandardCharsets.US_ASCII));
    }
  }

  @Async
  public Coroutine<Void> echoOnce(StapledByteStream stream) {
    try (stream) {
      byte[] request = await(stream.receive());
      await(stream.send(request));
    }
    return done();
  }
  // end:stapled

  // Not quoted in the guide: what the tests run to check that the samples do what the guide says.

  @Async
  public Coroutine<String> producerConsumer() {
    Condition condition = new Condition();
    Deque<String> queue = new ArrayDeque<>();
    String first;
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(put(condition, queue, "x"));
      first = await(take(condition, queue));
    }
    return done(first);
  }

  @Async
  public Coroutine<List<String>> recordsFromChunks() {
    MemoryByteStream pipe = createMemoryByteStream(4);
    List<String> records;
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(sendAll(pipe.sendStream(), "5\nhello3\nabc11\nhello world"));
      records = await(readRecords(pipe.receiveStream()));
    }
    return done(records);
  }

  @Async
  public Coroutine<Void> sendAll(ByteSendStream out, String text) {
    try (out) {
      await(out.send(text.getBytes(StandardCharsets.US_ASCII)));
    }
    return done();
  }
}
