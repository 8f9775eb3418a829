package dev.baton.example.net;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createTcpListener;
import static dev.baton.Baton.done;

import dev.baton.BrokenResourceException;
import dev.baton.Coroutine;
import dev.baton.SocketStream;
import dev.baton.TcpListener;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.io.PrintStream;

/**
 * A TCP echo server: every byte a client sends comes back, in order; when the client half-closes
 * (or closes), the server sends what is left and closes the connection. One task per connection, no
 * thread per connection: {@code java -jar baton-example-app.jar echo-server --port 7000}.
 */
public class EchoServer {
  final PrintStream out;

  public EchoServer(PrintStream out) {
    this.out = out;
  }

  /** Listens on 127.0.0.1:{@code port} and serves until cancelled. */
  @Async
  public Coroutine<Void> main(int port) {
    try (TcpListener listener = createTcpListener("127.0.0.1", port)) {
      out.println("echo server listening on 127.0.0.1:" + listener.localPort());
      out.flush();
      await(serve(listener));
    }
    return done();
  }

  /** Serves every connection of {@code listener} with {@link #echo}, until cancelled. */
  @Async
  public Coroutine<Void> serve(TcpListener listener) {
    return listener.serve(stream -> echo(stream));
  }

  /** One connection: echo until the client's end of stream; a reset client just ends it. */
  @Async
  public Coroutine<Void> echo(SocketStream stream) {
    try {
      for (@Await byte[] chunk : stream) {  // every chunk until the client half-closes
        await(stream.send(chunk));          // waits while the client reads slowly
      }
    } catch (BrokenResourceException e) {
      // the client reset the connection: nothing is left to echo
    }
    return done();                      // serve() closes the connection
  }
}
