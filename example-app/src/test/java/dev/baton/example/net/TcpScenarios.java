package dev.baton.example.net;

import static dev.baton.Baton.await;
import static dev.baton.Baton.connectTcp;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.createTcpListener;
import static dev.baton.Baton.currentTime;
import static dev.baton.Baton.done;
import static dev.baton.Baton.moveOnAfter;
import static dev.baton.Baton.openCancelScope;
import static dev.baton.Baton.sleep;
import static dev.baton.Baton.waitAllTasksBlocked;

import dev.baton.BrokenResourceException;
import dev.baton.BusyResourceException;
import dev.baton.CancelScope;
import dev.baton.ClosedResourceException;
import dev.baton.Coroutine;
import dev.baton.EndOfStreamException;
import dev.baton.SocketStream;
import dev.baton.TaskGroup;
import dev.baton.TcpListener;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The coroutines of {@link TcpTest}: each one scenario, written as users write Baton code. */
public class TcpScenarios {
  final List<String> log = new ArrayList<>();
  /** The cancel scope of the task in {@link #receiveInAScope}, once it has entered it. */
  CancelScope receiveScope;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Sends {@code request}, half-closes, and returns everything received until the end. */
  @Async
  public Coroutine<String> request(int port, String request) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      await(s.send(bytes(request)));
      await(s.sendEof());
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (@Await byte[] chunk : s) {
        all.writeBytes(chunk);
      }
      return done(all.toString(StandardCharsets.UTF_8));
    }
  }

  /** A listener and a client in one loop: the handler reverses the request it reads to the end. */
  @Async
  public Coroutine<String> reverseServerAndClient() {
    try (TcpListener listener = createTcpListener("127.0.0.1", 0)) {
      String answer;
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(listener.serve(stream -> reverse(stream)));
        answer = await(request(listener.localPort(), "hello, world"));
        tg.cancelScope().cancel();
      }
      return done(answer);
    }
  }

  @Async
  public Coroutine<Void> reverse(SocketStream stream) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (@Await byte[] chunk : stream) {
      all.writeBytes(chunk);
    }
    await(stream.send(bytes(new StringBuilder(all.toString(StandardCharsets.UTF_8)).reverse().toString())));
    return done();
  }

  /** Receives chunks of at most {@code max} bytes until the end; logs each chunk's size. */
  @Async
  public Coroutine<String> receiveAll(int port, int max) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      StringBuilder all = new StringBuilder();
      while (true) {
        try {
          byte[] chunk = await(s.receive(max));
          log.add("chunk " + chunk.length);
          all.append(text(chunk));
        } catch (EndOfStreamException e) {
          log.add("end");
          break;
        }
      }
      try {
        await(s.receive());
      } catch (EndOfStreamException e) {
        log.add("end again");
      }
      return done(all.toString());
    }
  }

  /** A receive cancelled while waiting, then a receive that gets every byte the peer sent. */
  @Async
  public Coroutine<String> cancelledReceiveThenReceive(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(receiveInAScope(s));
        await(waitAllTasksBlocked());
        receiveScope.cancel();
      }
      await(s.send(bytes("go")));          // the peer sends "abc" once it reads this
      byte[] chunk = await(s.receive(3));
      return done(text(chunk));
    }
  }

  @Async
  public Coroutine<Void> receiveInAScope(SocketStream s) {
    CancelScope scope = openCancelScope();
    receiveScope = scope;
    try (scope) {
      await(s.receive());
      log.add("received");
    }
    log.add(scope.cancelledCaught() ? "receive cancelled" : "receive not cancelled");
    return done();
  }

  /** A send that cannot finish (the peer does not read), cancelled: the next send is refused. */
  @Async
  public Coroutine<Void> cancelledPartialSendBreaksTheStream(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      try (CancelScope scope = moveOnAfter(0.5)) {
        await(s.send(new byte[64 * 1024 * 1024]));
      }
      log.add("send cancelled");
      try {
        await(s.send(bytes("more")));
      } catch (BrokenResourceException e) {
        log.add("BrokenResourceException: " + e.getMessage());
      }
    }
    return done();
  }

  /** A send cancelled before it begins sent nothing: the stream stays usable. */
  @Async
  public Coroutine<String> sendCancelledBeforeItBeginsLeavesTheStreamUsable(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      try (CancelScope scope = openCancelScope()) {
        scope.cancel();
        await(s.send(bytes("lost")));
      }
      await(s.send(bytes("kept")));
      await(s.sendEof());
      byte[] back = await(s.receive());
      return done(text(back));
    }
  }

  /** Every operation after close: ClosedResourceException. */
  @Async
  public Coroutine<Void> useAfterClose(int port) {
    SocketStream s = await(connectTcp("127.0.0.1", port));
    s.close();
    s.close(); // idempotent
    try {
      await(s.receive());
    } catch (ClosedResourceException e) {
      log.add("receive: closed");
    }
    try {
      await(s.send(bytes("x")));
    } catch (ClosedResourceException e) {
      log.add("send: closed");
    }
    try {
      await(s.sendEof());
    } catch (ClosedResourceException e) {
      log.add("sendEof: closed");
    }
    return done();
  }

  /** Closing the stream wakes a task blocked in receive with ClosedResourceException. */
  @Async
  public Coroutine<Void> closeDuringReceive(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(closeWhenBlocked(s));
        try {
          await(s.receive());
        } catch (ClosedResourceException e) {
          log.add("receive: " + e.getMessage());
        }
      }
    }
    return done();
  }

  @Async
  public Coroutine<Void> closeWhenBlocked(SocketStream s) {
    await(waitAllTasksBlocked());
    s.close();
    return done();
  }

  /** A second concurrent receive (or send) is BusyResourceException. */
  @Async
  public Coroutine<Void> concurrentReceiveAndSend(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(receiveInAScope(s));
        tg.startSoon(sendForever(s));
        await(waitAllTasksBlocked());
        try {
          await(s.receive());
        } catch (BusyResourceException e) {
          log.add("receive: " + e.getMessage());
        }
        try {
          await(s.send(bytes("foo")));
        } catch (BusyResourceException e) {
          log.add("send: " + e.getMessage());
        }
        tg.cancelScope().cancel();
      }
    }
    return done();
  }

  @Async
  public Coroutine<Void> sendForever(SocketStream s) {
    while (true) {
      await(s.send(new byte[64 * 1024]));
    }
  }

  /** The peer closed: receive is the end of the stream; sending soon fails with BrokenResourceException. */
  @Async
  public Coroutine<Void> afterPeerClosed(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      try {
        await(s.receive(1));
      } catch (EndOfStreamException e) {
        log.add("receive: end of stream");
      }
      try {
        for (int i = 0; i < 1000; i++) {
          await(s.send(bytes("foo")));
          await(sleep(0.001));
        }
        log.add("sends did not fail");
      } catch (BrokenResourceException e) {
        log.add("send: broken");
      }
    }
    return done();
  }

  /** The peer reset the connection: receive is BrokenResourceException with the IOException as cause. */
  @Async
  public Coroutine<Void> receiveAfterReset(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      await(s.send(bytes("x")));
      try {
        await(s.receive());
        log.add("received");
      } catch (BrokenResourceException e) {
        log.add("broken, cause " + e.getCause().getClass().getSimpleName());
      }
    }
    return done();
  }

  /** Connecting to a port nobody listens on. */
  @Async
  public Coroutine<Void> connectRefused(int port) {
    try {
      await(connectTcp("127.0.0.1", port));
    } catch (java.io.UncheckedIOException e) {
      log.add(e.getCause().getClass().getSimpleName());
    }
    return done();
  }

  /** Closing a listener wakes its accepting task with ClosedResourceException; accept then fails the same. */
  @Async
  public Coroutine<Void> closeListenerDuringAccept() {
    TcpListener listener = createTcpListener("127.0.0.1", 0);
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(closeListenerWhenBlocked(listener));
      try {
        await(listener.accept());
      } catch (ClosedResourceException e) {
        log.add("accept: " + e.getMessage());
      }
    }
    try {
      await(listener.accept());
    } catch (ClosedResourceException e) {
      log.add("accept after close: " + e.getMessage());
    }
    return done();
  }

  @Async
  public Coroutine<Void> closeListenerWhenBlocked(TcpListener listener) {
    await(waitAllTasksBlocked());
    listener.close();
    return done();
  }

  /** A receive on a socket and a sleep of 5 s, on the virtual clock: the socket wins at time 0. */
  @Async
  public Coroutine<Void> virtualTimeStandsStillWhileASocketIsAwaited(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(sleeper());
        byte[] chunk = await(s.receive());
        log.add("received " + text(chunk) + " at " + currentTime());
      }
    }
    return done();
  }

  @Async
  public Coroutine<Void> sleeper() {
    await(sleep(5));
    log.add("slept until " + currentTime());
    return done();
  }

  /** anyio TestTCPListener.test_accept: accept a plain client, answer its request reversed. */
  @Async
  public Coroutine<Void> acceptOne(TcpListener listener) {
    try (SocketStream s = await(listener.accept())) {
      byte[] request = await(s.receive());
      await(s.send(bytes(new StringBuilder(text(request)).reverse().toString())));
      log.add("local " + s.localAddress().getPort() + ", remote " + s.remoteAddress().getAddress().getHostAddress());
    }
    return done();
  }

  /** anyio test_send_after_eof and test_eof_after_send: the handler reads to the end, then answers. */
  @Async
  public Coroutine<Void> readToTheEndThenAnswer(TcpListener listener) {
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(listener.serve(stream -> answerAfterEnd(stream, tg)));
    }
    return done();
  }

  @Async
  public Coroutine<Void> answerAfterEnd(SocketStream stream, TaskGroup tg) {
    byte[] got = await(stream.receive());
    log.add("received " + text(got));
    try {
      await(stream.receive());
    } catch (EndOfStreamException e) {
      log.add("end of stream");
    }
    await(stream.send(bytes("Hello\n")));   // the client only half-closed: it still reads
    tg.cancelScope().cancel();
    return done();
  }

  /** anyio test_receive_timeout: a timeout around a receive from a silent peer, on the real clock. */
  @Async
  public Coroutine<Void> receiveWithATimeout(int port) {
    try (SocketStream s = await(connectTcp("127.0.0.1", port))) {
      CancelScope timeout = moveOnAfter(0.1);
      try (timeout) {
        await(s.receive(1));
        log.add("received");
      }
      log.add(timeout.cancelledCaught() ? "timed out" : "not timed out");
    }
    return done();
  }

  /** Connects by name: "localhost" is resolved in a worker thread, then its addresses are tried in order. */
  @Async
  public Coroutine<String> connectByName(int port) {
    try (SocketStream s = await(connectTcp("localhost", port))) {
      await(s.send(bytes("by name")));
      await(s.sendEof());
      return done(s.remoteAddress().getAddress().isLoopbackAddress() ? "loopback" : "elsewhere");
    }
  }
}
