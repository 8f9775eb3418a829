package dev.baton.example.net;

import static dev.baton.Baton.createTcpListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.BlockingPortal;
import dev.baton.Clock;
import dev.baton.TcpListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TCP streams and listeners: the TCP subset of anyio's {@code tests/test_sockets.py}, each case
 * named after its rule. Peers are plain Java sockets on threads (as anyio's tests use plain
 * sockets), or Baton listeners in the same loop.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpTest {
  private final AsyncTcpScenarios scenarios = new AsyncTcpScenarios();
  private final ExecutorService peers = Executors.newCachedThreadPool();
  private final ServerSocket server;

  TcpTest() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** Released after each test: a silent peer holds its connection open, reading nothing, until then. */
  private final java.util.concurrent.CountDownLatch testOver = new java.util.concurrent.CountDownLatch(1);

  @AfterEach
  void close() throws IOException {
    testOver.countDown();
    server.close();
    peers.shutdownNow();
  }

  /** Runs {@code peer} on the next connection to {@link #server}, on a thread. */
  private Future<?> peer(PeerBody peer) {
    return peers.submit(() -> {
      try (Socket s = server.accept()) {
        peer.run(s);
      }
      return null;
    });
  }

  /** A peer that reads nothing and keeps the connection open until the test is over. */
  private Future<?> silentPeer() {
    return peer(s -> testOver.await());
  }

  interface PeerBody {
    void run(Socket s) throws Exception;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  // anyio test_send_receive, test_send_eof, test_iterate
  @Test
  void aListenerAndAClientInOneLoopTalkThroughTheKernel() {
    assertEquals("dlrow ,olleh", Baton.run(scenarios.reverseServerAndClient()));
  }

  @Test
  void sendEofHalfClosesAndTheStreamStillReceives() throws Exception {
    Future<?> p = peer(s -> {
      byte[] request = readAll(s.getInputStream());   // until our sendEof
      s.getOutputStream().write(new StringBuilder(new String(request, StandardCharsets.UTF_8)).reverse()
          .toString().getBytes(StandardCharsets.UTF_8));
    });
    assertEquals("\ndlrow ,olleh", Baton.run(scenarios.request(server.getLocalPort(), "hello, world\n")));
    p.get();
  }

  // anyio test_send_large_buffer
  @Test
  void aLargeBufferArrivesWholeInChunksOfAtMostMaxBytes() throws Exception {
    byte[] big = new byte[1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    Future<?> p = peer(s -> s.getOutputStream().write(big));
    String all = Baton.run(scenarios.receiveAll(server.getLocalPort(), 1000));
    p.get();
    assertEquals(big.length, all.length());
    assertTrue(scenarios.log.stream().filter(l -> l.startsWith("chunk ")).allMatch(
        l -> Integer.parseInt(l.substring(6)) <= 1000), scenarios.log::toString);
  }

  // anyio test_receive_after_peer_closed
  @Test
  void afterThePeerClosesReceiveIsTheEndOfStreamAndStaysSo() throws Exception {
    Future<?> p = peer(s -> s.getOutputStream().write("abc".getBytes(StandardCharsets.UTF_8)));
    assertEquals("abc", Baton.run(scenarios.receiveAll(server.getLocalPort(), 10)));
    p.get();
    assertEquals(List.of("end", "end again"), scenarios.log.subList(scenarios.log.size() - 2, scenarios.log.size()));
  }

  @Test
  void aCancelledReceiveLosesNoBytes() throws Exception {
    Future<?> p = peer(s -> {
      InputStream in = s.getInputStream();
      in.readNBytes(2);                                 // "go": the client's receive was cancelled before
      s.getOutputStream().write("abc".getBytes(StandardCharsets.UTF_8));
      in.read();
    });
    assertEquals("abc", Baton.run(scenarios.cancelledReceiveThenReceive(server.getLocalPort())));
    assertEquals(List.of("receive cancelled"), scenarios.log);
    p.get();
  }

  @Test
  void aSendCancelledAfterWritingPartOfItsBytesBreaksTheSendingSide() throws Exception {
    silentPeer();
    Baton.run(scenarios.cancelledPartialSendBreaksTheStream(server.getLocalPort()));
    assertEquals(2, scenarios.log.size(), scenarios.log::toString);
    assertEquals("send cancelled", scenarios.log.get(0));
    assertTrue(scenarios.log.get(1).startsWith("BrokenResourceException: a send on this socket stream was cancelled after writing"),
        scenarios.log::toString);
  }

  @Test
  void aSendCancelledBeforeItBeginsSentNothingAndTheStreamStaysUsable() throws Exception {
    Future<?> p = peer(s -> s.getOutputStream().write(readAll(s.getInputStream())));
    assertEquals("kept", Baton.run(scenarios.sendCancelledBeforeItBeginsLeavesTheStreamUsable(server.getLocalPort())));
    p.get();
  }

  // anyio test_receive_after_close, test_send_after_close
  @Test
  void everyOperationAfterCloseIsClosedResource() throws Exception {
    Future<?> p = peer(s -> s.getInputStream().read());
    Baton.run(scenarios.useAfterClose(server.getLocalPort()));
    p.get();
    assertEquals(List.of("receive: closed", "send: closed", "sendEof: closed"), scenarios.log);
  }

  // anyio test_close_during_receive
  @Test
  void closingTheStreamWakesABlockedReceiveWithClosedResource() throws Exception {
    Future<?> p = peer(s -> s.getInputStream().read());
    Baton.run(scenarios.closeDuringReceive(server.getLocalPort()));
    p.get();
    assertEquals(List.of("receive: the socket stream was closed while receiving"), scenarios.log);
  }

  // anyio test_concurrent_receive, test_concurrent_send
  @Test
  void aSecondConcurrentReceiveOrSendIsBusyResource() throws Exception {
    silentPeer();
    Baton.run(scenarios.concurrentReceiveAndSend(server.getLocalPort()));
    assertEquals(List.of("receive: another task is already receiving from this socket stream",
        "send: another task is already sending on this socket stream"), scenarios.log);
  }

  // anyio test_send_after_peer_closed
  @Test
  void afterThePeerClosesSendingFailsWithBrokenResource() throws Exception {
    Future<?> p = peer(s -> {});
    Baton.run(scenarios.afterPeerClosed(server.getLocalPort()));
    p.get();
    assertEquals(List.of("receive: end of stream", "send: broken"), scenarios.log);
  }

  @Test
  void aResetByThePeerIsBrokenResourceWithTheIoExceptionAsCause() throws Exception {
    Future<?> p = peer(s -> {
      s.getInputStream().read();
      s.setSoLinger(true, 0);                           // close() sends a reset
    });
    Baton.run(scenarios.receiveAfterReset(server.getLocalPort()));
    p.get();
    assertEquals(List.of("broken, cause SocketException"), scenarios.log);
  }

  // anyio test_connection_refused[single]
  @Test
  void aRefusedConnectionIsAnUncheckedIoExceptionCausedByConnectException() throws IOException {
    int port = server.getLocalPort();
    server.close();
    Baton.run(scenarios.connectRefused(port));
    assertEquals(List.of("ConnectException"), scenarios.log);
  }

  // anyio TestTCPListener test_accept_after_close
  @Test
  void closingAListenerWakesTheAcceptingTaskAndLaterAcceptsFail() {
    Baton.run(scenarios.closeListenerDuringAccept());
    assertEquals(List.of("accept: the listener was closed while accepting", "accept after close: this listener is closed"),
        scenarios.log);
  }

  @Test
  void virtualTimeStandsStillWhileATaskWaitsOnASocket() throws Exception {
    Future<?> p = peer(s -> {
      Thread.sleep(50);                                 // let the loop go idle first
      OutputStream out = s.getOutputStream();
      out.write("hi".getBytes(StandardCharsets.UTF_8));
      s.getInputStream().read();
    });
    Baton.run(scenarios.virtualTimeStandsStillWhileASocketIsAwaited(server.getLocalPort()), Clock.virtual());
    p.get();
    assertEquals(List.of("received hi at 0.0", "slept until 5.0"), scenarios.log);
  }

  // anyio TestTCPListener.test_accept, TestTCPStream.test_extra_attributes
  @Test
  void aListenerAcceptsAPlainClient() throws Exception {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      TcpListener listener = portal.callSync(() -> createTcpListener("127.0.0.1", 0));
      Future<String> client = peers.submit(() -> {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.localPort())) {
          s.getOutputStream().write("blah".getBytes(StandardCharsets.UTF_8));
          return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
      });
      portal.call(() -> scenarios.acceptOne(listener));
      assertEquals("halb", client.get());
      assertEquals(List.of("local " + listener.localPort() + ", remote 127.0.0.1"), scenarios.log);
      portal.callSync(() -> {
        listener.close();
        return null;
      });
    }
  }

  // anyio TestTCPListener.test_send_after_eof, test_eof_after_send
  @Test
  void aHandlerGetsTheBytesThenTheEndAndCanStillAnswerAHalfClosedClient() throws Exception {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      TcpListener listener = portal.callSync(() -> createTcpListener("127.0.0.1", 0));
      Future<String> client = peers.submit(() -> {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), listener.localPort())) {
          s.getOutputStream().write("Hello".getBytes(StandardCharsets.UTF_8));
          s.shutdownOutput();
          return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
      });
      portal.call(() -> scenarios.readToTheEndThenAnswer(listener));
      assertEquals("Hello\n", client.get());
      assertEquals(List.of("received Hello", "end of stream"), scenarios.log);
      portal.callSync(() -> {
        listener.close();
        return null;
      });
    }
  }

  // anyio TestTCPStream.test_receive_timeout
  @Test
  void aTimeoutAroundAReceiveIsRespected() throws Exception {
    silentPeer();
    Baton.run(scenarios.receiveWithATimeout(server.getLocalPort()));
    assertEquals(List.of("timed out"), scenarios.log);
  }

  @Test
  void aHostNameIsResolvedInAWorkerThreadAndConnected() throws Exception {
    Future<String> p = peers.submit(() -> {
      try (Socket s = server.accept()) {
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    });
    assertEquals("loopback", Baton.run(scenarios.connectByName(server.getLocalPort())));
    assertEquals("by name", p.get());
  }
}
