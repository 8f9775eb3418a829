package dev.baton.example.net;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.createTcpListener;
import static dev.baton.Baton.done;

import dev.baton.BrokenResourceException;
import dev.baton.ClosedResourceException;
import dev.baton.Coroutine;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectSendStream;
import dev.baton.MemoryObjectStream;
import dev.baton.SocketStream;
import dev.baton.TaskGroup;
import dev.baton.TcpListener;
import dev.baton.WouldBlockException;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A line-based TCP chat room: {@code java -jar baton-example-app.jar chat-server --port 7001}.
 * Every line a client sends goes to every client in the room (the sender too) as
 * {@code "guest-N: line"}; joins and leaves are announced as {@code "* guest-N joined"} /
 * {@code "* guest-N left"}. A client that half-closes gets what is still queued for it, then the
 * server closes the connection.
 *
 * <p>Fan-out is done with memory object streams: connections send their lines into one stream that
 * a single broadcaster task drains; the broadcaster puts each message into every client's own
 * bounded outbox stream with {@code sendNowait}, and a writer task per client drains its outbox to
 * the socket. A client whose outbox is full (it does not read) is disconnected rather than slowing
 * the room down.
 */
public class ChatServer {
  /** How many messages a client may fall behind before it is dropped. */
  static final int OUTBOX = 64;

  final PrintStream out;
  /** Every client's outbox, with its connection. */
  final Map<MemoryObjectSendStream<String>, SocketStream> outboxes = new LinkedHashMap<>();
  int guests;

  public ChatServer(PrintStream out) {
    this.out = out;
  }

  /** Listens on 127.0.0.1:{@code port} and runs the room until cancelled. */
  @Async
  public Coroutine<Void> main(int port) {
    try (TcpListener listener = createTcpListener("127.0.0.1", port)) {
      out.println("chat server listening on 127.0.0.1:" + listener.localPort());
      out.flush();
      await(serve(listener));
    }
    return done();
  }

  /** The broadcaster and the connections of {@code listener}, until cancelled. */
  @Async
  public Coroutine<Void> serve(TcpListener listener) {
    MemoryObjectStream<String> room = createMemoryObjectStream(OUTBOX);
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(broadcast(room.receiveStream()), "broadcaster");
      try (MemoryObjectSendStream<String> toRoom = room.sendStream()) {
        await(listener.serve(stream -> client(stream, toRoom.clone())));
      }
    }
    return done();
  }

  /** Puts every message of the room into every outbox; drops clients that cannot keep up. */
  @Async
  public Coroutine<Void> broadcast(MemoryObjectReceiveStream<String> room) {
    try (room) {
      for (@Await String message : room) {
        for (MemoryObjectSendStream<String> outbox : new ArrayList<>(outboxes.keySet())) {
          try {
            outbox.sendNowait(message);
          } catch (WouldBlockException e) {
            outboxes.remove(outbox).close(); // too slow: disconnected (its reader and writer end)
            outbox.close();
          } catch (BrokenResourceException e) {
            outboxes.remove(outbox);         // its writer is gone already (the connection broke)
          }
        }
      }
    }
    return done();
  }

  /** One client: a writer task drains its outbox; this task reads its lines into the room. */
  @Async
  public Coroutine<Void> client(SocketStream stream, MemoryObjectSendStream<String> toRoom) {
    String name = "guest-" + ++guests;
    MemoryObjectStream<String> outbox = createMemoryObjectStream(OUTBOX);
    try (toRoom) {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(writer(stream, outbox.receiveStream()), name + " writer");
        await(stream.send(("welcome, you are " + name + "\n").getBytes(StandardCharsets.UTF_8)));
        outboxes.put(outbox.sendStream(), stream);
        await(toRoom.send("* " + name + " joined"));
        try {
          await(readLines(stream, name, toRoom));
        } catch (BrokenResourceException | ClosedResourceException e) {
          // the client reset the connection, or it was too slow and the broadcaster closed it
        }
        outboxes.remove(outbox.sendStream());
        outbox.sendStream().close();     // the writer sends what is queued, then ends
        await(toRoom.send("* " + name + " left"));
      }
    }
    return done();
  }

  /** Sends each line of the outbox to the client; a broken connection just ends it. */
  @Async
  public Coroutine<Void> writer(SocketStream stream, MemoryObjectReceiveStream<String> outbox) {
    try (outbox) {
      for (@Await String line : outbox) {
        await(stream.send((line + "\n").getBytes(StandardCharsets.UTF_8)));
      }
    } catch (BrokenResourceException | ClosedResourceException e) {
      // the client is gone
    }
    return done();
  }

  /** Reads lines until the client's end of stream, sending each to the room as "name: line". */
  @Async
  public Coroutine<Void> readLines(SocketStream stream, String name, MemoryObjectSendStream<String> toRoom) {
    LineSplitter lines = new LineSplitter();
    for (@Await byte[] chunk : stream) {
      for (String line : lines.feed(chunk)) {
        await(toRoom.send(name + ": " + line));
      }
    }
    String last = lines.rest();
    if (!last.isEmpty()) {
      await(toRoom.send(name + ": " + last));
    }
    return done();
  }
}
