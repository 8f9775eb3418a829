package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.checkpoint;
import static dev.baton.Baton.connectTcp;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.currentTime;
import static dev.baton.Baton.done;
import static dev.baton.Baton.failAfter;
import static dev.baton.Baton.fromFuture;
import static dev.baton.Baton.moveOnAfter;
import static dev.baton.Baton.runInThread;
import static dev.baton.Baton.sleep;
import static dev.baton.Baton.createTcpListener;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.baton.Baton;

import dev.baton.BlockingPortal;
import dev.baton.BrokenResourceException;
import dev.baton.CancelScope;
import dev.baton.Cancelled;
import dev.baton.Coroutine;
import dev.baton.DeadlineExceededException;
import dev.baton.EndOfStreamException;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectSendStream;
import dev.baton.MemoryObjectStream;
import dev.baton.SocketStream;
import dev.baton.TaskGroup;
import dev.baton.TcpListener;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code samples of {@code docs/guide.md}, compiled and tested: each sample sits between
 * {@code // snippet:NAME} and {@code // end:NAME}, and {@code GuideSnippetsTest} checks that the
 * guide quotes them verbatim.
 */
public class GuideSamples {
  final List<String> log = new ArrayList<>();

  // snippet:first-task
  @Async
  public Coroutine<String> greet(String name) {
    await(sleep(0.5));               // the task may switch here, and only here
    return done("hello " + name);
  }
  // end:first-task

  // snippet:run
  public static String hello() {
    return Baton.run(new AsyncGuideSamples().greet("world"));   // "hello world" after 0.5 s
  }
  // end:run

  // snippet:task-group
  @Async
  public Coroutine<Void> worker(String name, double seconds) {
    log.add(name + " starts at " + currentTime());
    await(sleep(seconds));
    log.add(name + " ends at " + currentTime());
    return done();
  }

  @Async
  public Coroutine<Void> runWorkers() {
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(worker("a", 1));
      tg.startSoon(worker("b", 2));
      log.add("body done at " + currentTime());
    }                                  // waits here until both workers are done
    log.add("group done at " + currentTime());
    return done();
  }
  // end:task-group

  // snippet:streams
  @Async
  public Coroutine<Void> producer(MemoryObjectSendStream<Integer> out) {
    try (out) {                        // closing the send half ends the stream
      for (int i = 1; i <= 3; i++) {
        await(out.send(i));
      }
    }
    return done();
  }

  @Async
  public Coroutine<Integer> consumer(MemoryObjectReceiveStream<Integer> in) {
    int sum = 0;
    try (in) {
      while (true) {
        try {
          sum += await(in.receive());
        } catch (EndOfStreamException e) {
          break;                       // every send handle is closed and the buffer is empty
        }
      }
    }
    return done(sum);
  }

  @Async
  public Coroutine<Integer> sumThroughAStream() {
    MemoryObjectStream<Integer> stream = createMemoryObjectStream(0);
    int sum;
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(producer(stream.sendStream()));
      sum = await(consumer(stream.receiveStream()));
    }
    return done(sum);
  }
  // end:streams

  // snippet:clones
  @Async
  public Coroutine<Integer> fanIn() {
    MemoryObjectStream<Integer> stream = createMemoryObjectStream(4);
    int sum;
    try (@Await TaskGroup tg = createTaskGroup()) {
      try (MemoryObjectSendStream<Integer> out = stream.sendStream()) {
        for (int p = 0; p < 3; p++) {
          tg.startSoon(producer(out.clone()));   // each producer owns a clone...
        }
      }                                          // ...and the original is closed here
      sum = await(consumer(stream.receiveStream()));
    }
    return done(sum);                            // 3 * (1 + 2 + 3) = 18
  }
  // end:clones

  // snippet:iteration
  @Async
  public Coroutine<Integer> iteratingConsumer(MemoryObjectReceiveStream<Integer> in) {
    int sum = 0;
    try (in) {
      for (@Await Integer item : in) { // awaits each item; ends with the stream
        sum += item;
      }
    }
    return done(sum);
  }
  // end:iteration

  // snippet:cancellation
  @Async
  public Coroutine<String> cancelAWorker() {
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(worker("slow", 10));
      await(sleep(1));
      tg.cancelScope().cancel();        // the worker gets Cancelled at its sleep
    }
    return done("cancelled at " + currentTime());
  }

  @Async
  public Coroutine<Void> cleanUpOnCancel() {
    try {
      await(sleep(10));
    } catch (Cancelled c) {
      log.add("cancelled: cleaning up");
      throw c;                          // always rethrow Cancelled
    }
    return done();
  }
  // end:cancellation

  // snippet:timeouts
  @Async
  public Coroutine<String> withTimeouts() {
    String result = "timed out";
    try (CancelScope scope = moveOnAfter(1)) {
      result = await(greet("slowpoke"));  // finishes in 0.5 s: in time
    }
    CancelScope tooSlow = moveOnAfter(0.1);
    try (tooSlow) {
      result = await(greet("too slow"));  // cancelled after 0.1 s; execution moves on
    }
    if (tooSlow.cancelledCaught()) {
      result = result + ", then gave up";
    }
    try {
      try (CancelScope scope = failAfter(0.1)) {
        await(sleep(1));
      }
    } catch (DeadlineExceededException e) {
      result = result + ", then failAfter threw";
    }
    return done(result);
  }
  // end:timeouts

  // snippet:checkpoint
  @Async
  public Coroutine<Long> busyLoop(long n) {
    long total = 0;
    for (long i = 0; i < n; i++) {
      total += i;
      if (i % 1000 == 0) {
        await(checkpoint());            // let other tasks run, and notice cancellation
      }
    }
    return done(total);
  }
  // end:checkpoint

  // Not quoted in the guide: what the tests run to check that the samples do what the guide says.

  @Async
  public Coroutine<Double> greetTakes() {
    await(greet("world"));
    return done(currentTime());
  }

  @Async
  public Coroutine<Integer> sumByIteration() {
    MemoryObjectStream<Integer> stream = createMemoryObjectStream(4);
    int sum;
    try (@Await TaskGroup tg = createTaskGroup()) {
      try (MemoryObjectSendStream<Integer> out = stream.sendStream()) {
        for (int p = 0; p < 2; p++) {
          tg.startSoon(producer(out.clone()));
        }
      }
      sum = await(iteratingConsumer(stream.receiveStream()));
    }
    return done(sum);
  }

  @Async
  public Coroutine<Double> cancelTheCleanUp() {
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(cleanUpOnCancel());
      await(sleep(2));
      tg.cancelScope().cancel();
    }
    return done(currentTime());
  }

  // snippet:echo-server
  @Async
  public Coroutine<Void> echo(SocketStream stream) {
    try {
      for (@Await byte[] chunk : stream) { // chunks of any size, until the client half-closes
        await(stream.send(chunk));         // waits while the client reads slowly
      }
    } catch (BrokenResourceException e) {
      // the client reset the connection: nothing left to echo
    }
    return done();                         // serve() closes the connection
  }

  @Async
  public Coroutine<Void> echoServer(int port) {
    try (TcpListener listener = createTcpListener("127.0.0.1", port)) {
      await(listener.serve(stream -> echo(stream)));  // a task per connection, until cancelled
    }
    return done();
  }
  // end:echo-server

  // snippet:tcp-client
  @Async
  public Coroutine<String> ask(int port, String question) {
    try (SocketStream stream = await(connectTcp("127.0.0.1", port))) {
      await(stream.send(question.getBytes(UTF_8)));
      await(stream.sendEof());             // half-close: "that is all I will send"
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      for (@Await byte[] chunk : stream) { // until the server closes
        answer.writeBytes(chunk);
      }
      return done(answer.toString(UTF_8));
    }
  }
  // end:tcp-client

  /** The guide's echo server and client in one loop: the answer to "hello". */
  @Async
  public Coroutine<String> echoRoundTrip() {
    try (TcpListener listener = createTcpListener("127.0.0.1", 0)) {
      String answer;
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(listener.serve(stream -> echo(stream)));
        answer = await(ask(listener.localPort(), "hello"));
        tg.cancelScope().cancel();
      }
      return done(answer);
    }
  }

  // snippet:run-in-thread
  @Async
  public Coroutine<String> readConfig(Path file) {
    // Files.readString blocks: in a worker thread, the loop runs the other tasks meanwhile
    String text = await(runInThread(() -> Files.readString(file)));
    return done(text.strip());
  }
  // end:run-in-thread

  // snippet:from-future
  @Async
  public Coroutine<Integer> fetchStatus(HttpClient client, URI uri) {
    HttpRequest request = HttpRequest.newBuilder(uri).build();
    HttpResponse<String> response =
        await(fromFuture(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())));
    return done(response.statusCode());
  }
  // end:from-future

  @Async
  public Coroutine<Integer> addSlowly(int a, int b) {
    await(sleep(0.1));
    return done(a + b);
  }

  // snippet:portal
  public static int fromPlainJava() {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {      // a loop on a thread of its own
      return portal.call(() -> new AsyncGuideSamples().addSlowly(2, 3));  // blocks this thread only
    }
  }

  public static void feed(BlockingPortal portal, MemoryObjectSendStream<String> out, String item) {
    portal.call(() -> out.send(item));     // the send runs on the loop's thread
  }
  // end:portal
}
