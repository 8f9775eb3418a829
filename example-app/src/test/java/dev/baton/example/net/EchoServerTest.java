package dev.baton.example.net;

import static dev.baton.Baton.createTcpListener;
import static dev.baton.Baton.networkStatistics;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.BlockingPortal;
import dev.baton.NetworkStatistics;
import dev.baton.TcpListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo server on loopback, driven by plain Java client threads: byte-exact echo for many
 * clients at once, backpressure against a slow reader, and every connection, selector key and file
 * descriptor released on abrupt disconnects and on shutdown by cancellation.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EchoServerTest {
  private BlockingPortal portal;
  private TcpListener listener;
  private CompletableFuture<Void> server;
  private final ExecutorService clients = Executors.newCachedThreadPool();

  @BeforeEach
  void startServer() {
    portal = Baton.startBlockingPortal();
    listener = portal.callSync(() -> createTcpListener("127.0.0.1", 0));
    server = portal.startTaskSoon(() -> new AsyncEchoServer(new PrintStream(new ByteArrayOutputStream())).serve(listener));
  }

  @AfterEach
  void stopServer() {
    server.cancel(true);
    portal.callSync(() -> {
      listener.close();
      return null;
    });
    portal.close();
    clients.shutdownNow();
  }

  @Test
  void twoHundredConcurrentClientsGetTheirBytesBackExactly() throws Exception {
    List<Future<?>> results = new ArrayList<>();
    for (int c = 0; c < 200; c++) {
      Random random = new Random(c);
      byte[] payload = new byte[1 + random.nextInt(256 * 1024)];
      random.nextBytes(payload);
      results.add(clients.submit(() -> {
        assertArrayEquals(payload, echo(payload));
        return null;
      }));
    }
    for (Future<?> r : results) {
      r.get();
    }
  }

  @Test
  void aClientThatSendsNothingAndHalfClosesGetsAnEmptyEchoAndTheEnd() throws Exception {
    assertArrayEquals(new byte[0], echo(new byte[0]));
  }

  @Test
  void aSlowReaderKeepsTheServersBufferedBytesBoundedByOneChunk() throws Exception {
    byte[] payload = new byte[8 * 1024 * 1024];
    new Random(7).nextBytes(payload);
    byte[] back = echo(payload, 1);   // the client reads 16 KiB, then pauses 1 ms
    assertArrayEquals(payload, back);
    NetworkStatistics stats = portal.callSync(Baton::networkStatistics);
    assertTrue(stats.peakBufferedSendBytes() > 0, "the server never had to wait for the client: " + stats);
    assertTrue(stats.peakBufferedSendBytes() <= 65536, "the server buffered more than one receive's chunk: " + stats);
  }

  @Test
  void anAbruptDisconnectClosesTheConnectionAndLeaksNothing() throws Exception {
    waitFor(s -> s.openSockets() == 1); // the listener
    long fds = openFileDescriptors();
    for (int i = 0; i < 10; i++) {
      try (Socket s = connect()) {
        s.getOutputStream().write(new byte[] {1, 2, 3});
        assertEquals(1, s.getInputStream().read());
        s.setSoLinger(true, 0);         // close() now resets the connection
      }
    }
    NetworkStatistics after = waitFor(s -> s.openSockets() == 1);
    assertEquals(1, after.selectorKeys(), "selector keys left: " + after);
    assertEquals(fds, openFileDescriptors(), "file descriptors leaked");
  }

  @Test
  void cancellingTheServerClosesEveryConnectionAndLeaksNothing() throws Exception {
    long fds = openFileDescriptors();
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Socket s = connect();
      s.getOutputStream().write(i);
      assertEquals(i, s.getInputStream().read());
      sockets.add(s);
    }
    waitFor(s -> s.openSockets() == 21);
    server.cancel(true);
    portal.callSync(() -> {
      listener.close();
      return null;
    });
    for (Socket s : sockets) {
      assertEquals(-1, s.getInputStream().read(), "the server closed the connection");
      s.close();
    }
    NetworkStatistics after = portal.callSync(Baton::networkStatistics);
    assertEquals(new NetworkStatistics(0, 0, 0, 0, after.peakBufferedSendBytes()), after);
    assertTrue(openFileDescriptors() <= fds - 1, "the listener's descriptor was released, and no other leaked");
  }

  // ---------------------------------------------------------------------------------------------

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), listener.localPort());
  }

  private byte[] echo(byte[] payload) throws Exception {
    return echo(payload, 0);
  }

  /** Sends {@code payload} from a writer thread, half-closes, and reads everything back until the end. */
  private byte[] echo(byte[] payload, int pauseMillis) throws Exception {
    try (Socket s = connect()) {
      Future<?> writer = clients.submit(() -> {
        OutputStream out = s.getOutputStream();
        Random random = new Random(payload.length);
        for (int i = 0; i < payload.length; ) {
          int n = Math.min(payload.length - i, 1 + random.nextInt(70000));
          out.write(payload, i, n);
          i += n;
        }
        s.shutdownOutput();
        return null;
      });
      ByteArrayOutputStream back = new ByteArrayOutputStream(payload.length);
      InputStream in = s.getInputStream();
      byte[] buf = new byte[16 * 1024];
      for (int n; (n = in.read(buf)) >= 0; ) {
        back.write(buf, 0, n);
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
      }
      writer.get();
      return back.toByteArray();
    }
  }

  /** Polls the server loop's statistics until {@code condition} holds (the test's timeout bounds it). */
  private NetworkStatistics waitFor(Predicate<NetworkStatistics> condition) throws InterruptedException {
    for (;;) {
      NetworkStatistics s = portal.callSync(Baton::networkStatistics);
      if (condition.test(s)) {
        return s;
      }
      Thread.sleep(5);
    }
  }

  private static long openFileDescriptors() {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
