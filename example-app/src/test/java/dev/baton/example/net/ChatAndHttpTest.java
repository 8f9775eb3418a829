package dev.baton.example.net;

import static dev.baton.Baton.createTcpListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.baton.Baton;
import dev.baton.BlockingPortal;
import dev.baton.TcpListener;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat server with plain socket clients and with the chat client command; http-get against a local server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChatAndHttpTest {
  private BlockingPortal portal;
  private TcpListener listener;
  private CompletableFuture<Void> room;

  private void startChatServer() {
    portal = Baton.startBlockingPortal();
    listener = portal.callSync(() -> createTcpListener("127.0.0.1", 0));
    room = portal.startTaskSoon(() -> new AsyncChatServer(new PrintStream(new ByteArrayOutputStream())).serve(listener));
  }

  @AfterEach
  void stop() {
    if (portal != null) {
      room.cancel(true);
      portal.callSync(() -> {
        listener.close();
        return null;
      });
      portal.close();
    }
  }

  /** A plain client: its lines in and out. */
  private final class Client implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final Writer out;

    Client() throws IOException {
      socket = new Socket(InetAddress.getLoopbackAddress(), listener.localPort());
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    }

    void say(String line) throws IOException {
      out.write(line + "\n");
      out.flush();
    }

    String hear() throws IOException {
      return in.readLine();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void everyLineGoesToEveryClientInTheRoom() throws Exception {
    startChatServer();
    try (Client a = new Client()) {
      assertEquals("welcome, you are guest-1", a.hear());
      assertEquals("* guest-1 joined", a.hear());
      try (Client b = new Client()) {
        assertEquals("welcome, you are guest-2", b.hear());
        assertEquals("* guest-2 joined", b.hear());
        assertEquals("* guest-2 joined", a.hear());
        a.say("hello from a");
        for (Client c : List.of(a, b)) {
          assertEquals("guest-1: hello from a", c.hear());
        }
        b.say("héllo from b");              // a multi-byte character
        for (Client c : List.of(a, b)) {
          assertEquals("guest-2: héllo from b", c.hear());
        }
        b.socket.shutdownOutput();
        assertEquals(null, b.hear(), "b half-closed: the server closes its connection");
        assertEquals("* guest-2 left", a.hear());
      }
    }
  }

  @Test
  void aClientThatResetsTheConnectionLeavesTheRoom() throws Exception {
    startChatServer();
    try (Client a = new Client()) {
      a.hear();
      a.hear();
      Client b = new Client();
      b.hear();
      assertEquals("* guest-2 joined", a.hear());
      b.socket.setSoLinger(true, 0);
      b.close();
      assertEquals("* guest-2 left", a.hear());
    }
  }

  @Test
  void aClientThatDoesNotReadIsDisconnectedInsteadOfSlowingTheRoom() throws Exception {
    startChatServer();
    try (Client slow = new Client(); Client a = new Client()) {
      assertEquals("welcome, you are guest-1", slow.hear());
      assertEquals("* guest-1 joined", slow.hear());     // from now on, slow reads nothing
      assertEquals("welcome, you are guest-2", a.hear());
      assertEquals("* guest-2 joined", a.hear());
      String line = "x".repeat(8000);
      boolean slowLeft = false;
      while (!slowLeft) {
        a.say(line);                                      // a keeps up: it hears each line before the next
        for (String heard; !(heard = a.hear()).equals("guest-2: " + line); ) {
          slowLeft |= heard.equals("* guest-1 left");
        }
      }
      slow.socket.setSoTimeout(30_000);
      try {
        while (slow.socket.getInputStream().read(new byte[65536]) >= 0) {
          // what the kernel held for it, then the end: the server closed the connection
        }
      } catch (java.net.SocketException reset) {
        // closed with unread bytes in the server's buffers: a reset
      }
      a.say("still here");
      assertEquals("guest-2: still here", a.hear());
    }
  }

  @Test
  void theChatClientSendsItsInputAndPrintsTheRoomUntilTheServerCloses() {
    startChatServer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = NetCommands.cli(new String[] {"chat-client", "--port", String.valueOf(listener.localPort())},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream("hi\nbye\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("welcome, you are guest-1", "* guest-1 joined", "guest-1: hi", "guest-1: bye"),
        out.toString(StandardCharsets.UTF_8).lines().toList());
  }

  @Test
  void aBadPortIsAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, NetCommands.cli(new String[] {"echo-server", "--port", "x"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), System.in));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("echo-server: --port needs a number: x"));
  }

  @Test
  void httpGetAwaitsTheHttpClientsFutureAndPrintsTheResponse() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hello", exchange -> {
      byte[] body = "hello, world\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hello";
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int status = NetCommands.cli(new String[] {"http-get", url}, new PrintStream(out, true, StandardCharsets.UTF_8),
          System.err, System.in);
      assertEquals(0, status);
      assertEquals(List.of("HTTP 200 " + url, "hello, world"), out.toString(StandardCharsets.UTF_8).lines().toList());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void httpGetOfAClosedPortFailsWithTheConnectError() throws IOException {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = NetCommands.cli(new String[] {"http-get", "http://127.0.0.1:" + port + "/"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), System.in);
    assertEquals(1, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("ConnectException"), err.toString(StandardCharsets.UTF_8));
  }

}
