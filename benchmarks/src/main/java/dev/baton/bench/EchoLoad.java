package dev.baton.bench;

import static dev.baton.Baton.createTcpListener;

import dev.baton.Baton;
import dev.baton.BlockingPortal;
import dev.baton.TcpListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The echo server load test: the same echo server written three ways, on one thread each, loaded
 * by the same client in one run:
 * <ul>
 *   <li>Baton: {@link BatonEchoServer} (an {@code @Async} loop over the stream) served by
 *       {@code TcpListener.serve} on one loop;</li>
 *   <li>Netty 4.2: an echo handler on one NIO event loop (accepting and serving);</li>
 *   <li>virtual threads (JDK 21+): a blocking {@code ServerSocket}, one virtual thread per
 *       connection, an 8 KiB buffer each; run with {@code -Djdk.virtualThreadScheduler.parallelism=1}
 *       (one carrier) by {@code run-suite.sh}.</li>
 * </ul>
 * The client is one NIO thread keeping one 64-byte request in flight per connection (a closed
 * loop): round trips per second and latency percentiles with 1 and with 100 connections. Then the
 * memory of idle connections: heap and direct memory in use after a full GC, before and after
 * opening 2,000 connections that have each echoed one byte, divided by the connections; the
 * client's own socket objects are in the same JVM and counted too (the same for all three).
 *
 * <p>{@code java -cp benchmarks.jar dev.baton.bench.EchoLoad [--smoke]} prints a Markdown section.
 */
public final class EchoLoad {
  private static final int MESSAGE = 64;

  private EchoLoad() {}

  /** A running echo server. */
  interface Server extends AutoCloseable {
    int port();

    @Override
    void close() throws Exception;
  }

  // ---------------------------------------------------------------------------------------------
  // The three servers

  static Server baton() {
    BlockingPortal portal = Baton.startBlockingPortal("baton-echo");
    TcpListener listener = portal.callSync(() -> createTcpListener("127.0.0.1", 0));
    CompletableFuture<Void> serving = portal.startTaskSoon(() -> listener.serve(s -> new AsyncBatonEchoServer().echo(s)));
    return new Server() {
      @Override
      public int port() {
        return listener.localPort();
      }

      @Override
      public void close() {
        serving.cancel(true);
        portal.callSync(() -> {
          listener.close();
          return null;
        });
        portal.close();
      }
    };
  }

  @ChannelHandler.Sharable
  static final class NettyEcho extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  static Server netty() throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    NettyEcho echo = new NettyEcho();
    Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 4096)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(echo);
          }
        })
        .bind("127.0.0.1", 0).sync().channel();
    return new Server() {
      @Override
      public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
      }

      @Override
      public void close() throws InterruptedException {
        channel.close().sync();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
      }
    };
  }

  static Server virtualThreads() throws IOException {
    ServerSocket server = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
    ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
    VirtualThreadWorkloads.start(() -> {
      while (!server.isClosed()) {
        Socket s;
        try {
          s = server.accept();
          s.setTcpNoDelay(true);
        } catch (IOException e) {
          return;
        }
        open.add(s);
        VirtualThreadWorkloads.start(() -> {
          byte[] buf = new byte[8192];
          try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) {
              out.write(buf, 0, n);
            }
          } catch (IOException e) {
            // the client went away
          }
          open.remove(s);
        });
      }
    });
    return new Server() {
      @Override
      public int port() {
        return server.getLocalPort();
      }

      @Override
      public void close() throws IOException {
        server.close();
        for (Socket s : open) {
          s.close();
        }
      }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // The client

  /** Round trips per second and latency percentiles (microseconds) of one run. */
  record Load(double roundTripsPerSecond, double p50Micros, double p99Micros) {}

  /** One connection of the client: a 64-byte request in flight, the bytes of its answer so far. */
  private static final class Conn {
    final java.nio.channels.SocketChannel channel;
    final ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE);
    final ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE);
    long sentAt;

    Conn(java.nio.channels.SocketChannel channel) {
      this.channel = channel;
      while (out.hasRemaining()) {
        out.put((byte) 'x');
      }
    }

    void send() throws IOException {
      out.clear();
      sentAt = System.nanoTime();
      while (out.hasRemaining()) {
        channel.write(out);
      }
    }
  }

  static Load load(int port, int connections, double warmupSeconds, double seconds) throws IOException {
    try (Selector selector = Selector.open()) {
      List<Conn> conns = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ch.configureBlocking(false);
        Conn c = new Conn(ch);
        ch.register(selector, SelectionKey.OP_READ, c);
        conns.add(c);
      }
      for (Conn c : conns) {
        c.send();
      }
      long start = System.nanoTime();
      long measureFrom = start + (long) (warmupSeconds * 1e9);
      long end = measureFrom + (long) (seconds * 1e9);
      long[] latencies = new long[1 << 21];
      int samples = 0;
      long count = 0;
      for (long now = start; now < end; now = System.nanoTime()) {
        selector.select(100);
        Iterator<SelectionKey> it = selector.selectedKeys().iterator();
        while (it.hasNext()) {
          SelectionKey k = it.next();
          it.remove();
          Conn c = (Conn) k.attachment();
          if (c.channel.read(c.in) < 0) {
            throw new IOException("the server closed a connection");
          }
          if (!c.in.hasRemaining()) {
            long t = System.nanoTime();
            if (t >= measureFrom && t < end) {
              count++;
              if (samples < latencies.length) {
                latencies[samples++] = t - c.sentAt;
              }
            }
            c.in.clear();
            c.send();
          }
        }
      }
      for (Conn c : conns) {
        c.channel.close();
      }
      long[] sorted = Arrays.copyOf(latencies, samples);
      Arrays.sort(sorted);
      return new Load(count / seconds, percentile(sorted, 0.50) / 1e3, percentile(sorted, 0.99) / 1e3);
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))];
  }

  /** Heap and direct memory per idle connection, in bytes, over {@code connections} connections. */
  static double idleBytesPerConnection(int port, int connections) throws IOException, InterruptedException {
    long before = usedMemory();
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
      s.getOutputStream().write(1);
      if (s.getInputStream().read() != 1) {
        throw new IOException("no echo");
      }
      sockets.add(s);
    }
    long after = usedMemory();
    for (Socket s : sockets) {
      s.close();
    }
    return (double) (after - before) / connections;
  }

  private static long usedMemory() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    long direct = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        direct = pool.getMemoryUsed();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + direct;
  }

  // ---------------------------------------------------------------------------------------------

  interface ServerFactory {
    Server start() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    double warmup = smoke ? 0.1 : 2;
    double seconds = smoke ? 0.2 : 3;
    int idle = smoke ? 50 : 2000;
    int rounds = smoke ? 1 : 5;
    List<String> names = new ArrayList<>(List.of("Baton", "Netty"));
    List<ServerFactory> factories = new ArrayList<>(List.of(EchoLoad::baton, EchoLoad::netty));
    if (VirtualThreadWorkloads.available()) {
      names.add("Virtual threads");
      factories.add(EchoLoad::virtualThreads);
    }
    int[] connectionCounts = {1, 100};
    Load[][][] runs = new Load[names.size()][connectionCounts.length][rounds];
    double[] idleBytes = new double[names.size()];
    // Rounds interleave the servers, so that a slow patch of a shared machine hits all of them.
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < names.size(); i++) {
        for (int j = 0; j < connectionCounts.length; j++) {
          try (Server s = factories.get(i).start()) {
            load(s.port(), connectionCounts[j], warmup, warmup); // a warm-up run on a fresh server
            runs[i][j][round] = load(s.port(), connectionCounts[j], warmup, seconds);
          }
        }
      }
    }
    Load[][] loads = new Load[names.size()][connectionCounts.length];
    for (int i = 0; i < names.size(); i++) {
      for (int j = 0; j < connectionCounts.length; j++) {
        loads[i][j] = median(runs[i][j]);
      }
    }
    for (int i = 0; i < names.size(); i++) {
      try (Server s = factories.get(i).start()) {
        idleBytesPerConnection(s.port(), Math.min(idle, 50)); // warm up the accept path
        idleBytes[i] = idleBytesPerConnection(s.port(), idle);
      }
    }
    print(names, connectionCounts, loads, idleBytes, seconds, idle, rounds);
  }

  /** The round of median throughput (its latencies with it). */
  private static Load median(Load[] rounds) {
    Load[] sorted = rounds.clone();
    Arrays.sort(sorted, (a, b) -> Double.compare(a.roundTripsPerSecond(), b.roundTripsPerSecond()));
    return sorted[sorted.length / 2];
  }

  private static String cpu() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  private static void print(List<String> names, int[] counts, Load[][] loads, double[] idleBytes, double seconds, int idle,
      int rounds) {
    StringBuilder sb = new StringBuilder();
    sb.append("| server | connections | round trips/s | vs Netty | p50 latency (µs) | p99 latency (µs) |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    int netty = names.indexOf("Netty");
    for (int j = 0; j < counts.length; j++) {
      for (int i = 0; i < names.size(); i++) {
        Load l = loads[i][j];
        sb.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2fx | %.1f | %.1f |%n", names.get(i), counts[j],
            l.roundTripsPerSecond(), l.roundTripsPerSecond() / loads[netty][j].roundTripsPerSecond(), l.p50Micros(),
            l.p99Micros()));
      }
    }
    sb.append('\n');
    sb.append("| server | memory per idle connection (heap + direct, bytes) | vs Netty |\n");
    sb.append("|---|---:|---:|\n");
    for (int i = 0; i < names.size(); i++) {
      sb.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2fx |%n", names.get(i), idleBytes[i], idleBytes[i] / idleBytes[netty]));
    }
    sb.append(String.format(Locale.ROOT, "%n64-byte messages, one in flight per connection; each row the median of %d "
        + "rounds (servers interleaved) of %.1f s measured after a warm-up; idle memory over %d connections. JDK %s, %s, "
        + "%d processors.%n", rounds, seconds, idle, Runtime.version(), cpu(), Runtime.getRuntime().availableProcessors()));
    System.out.print(sb);
  }
}
