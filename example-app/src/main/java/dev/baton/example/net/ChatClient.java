package dev.baton.example.net;

import static dev.baton.Baton.await;
import static dev.baton.Baton.connectTcp;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.runInThread;

import dev.baton.Awaitable;
import dev.baton.CancelScope;
import dev.baton.Coroutine;
import dev.baton.SocketStream;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The chat client: {@code java -jar baton-example-app.jar chat-client --port 7001}. Prints what
 * the room says; sends each line typed on standard input. At the end of the input it half-closes
 * and prints what is left until the server closes. Reading the console blocks, so it runs in a
 * worker thread ({@code runInThread}) while the loop keeps printing.
 */
public class ChatClient {
  final BufferedReader in;
  final PrintStream out;

  public ChatClient(BufferedReader in, PrintStream out) {
    this.in = in;
    this.out = out;
  }

  @Async
  public Coroutine<Void> main(String host, int port) {
    try (SocketStream stream = await(connectTcp(host, port))) {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(printRoom(stream, tg.cancelScope()), "printer");
        while (true) {
          String line = await(readLine());
          if (line == null) {
            break;                       // end of input
          }
          await(stream.send((line + "\n").getBytes(StandardCharsets.UTF_8)));
        }
        await(stream.sendEof());         // the printer goes on until the server closes
      }
    }
    return done();
  }

  /**
   * The next line of input, read in a worker thread; null at the end. If the server closes first,
   * the read is abandoned (a thread blocked on the console cannot be stopped).
   */
  Awaitable<String> readLine() {
    return runInThread(in::readLine, true);
  }

  /** Prints the room until the server closes the connection; then stops reading input too. */
  @Async
  public Coroutine<Void> printRoom(SocketStream stream, CancelScope session) {
    LineSplitter lines = new LineSplitter();
    for (@Await byte[] chunk : stream) {
      for (String line : lines.feed(chunk)) {
        out.println(line);
      }
      out.flush();
    }
    session.cancel();
    return done();
  }
}
