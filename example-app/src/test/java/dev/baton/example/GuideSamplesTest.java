package dev.baton.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Baton;
import dev.baton.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's samples do what the guide says they do. */
class GuideSamplesTest {
  final AsyncGuideSamples samples = new AsyncGuideSamples();

  @Test
  void greetReturnsAfterHalfASecond() {
    assertEquals("hello world", Baton.run(samples.greet("world"), Clock.virtual()));
    assertEquals(0.5, Baton.run(samples.greetTakes(), Clock.virtual()));
  }

  @Test
  void taskGroupBodyFinishesFirstAndTheGroupWaitsForBothWorkers() {
    Baton.run(samples.runWorkers(), Clock.virtual());
    assertEquals(List.of("body done at 0.0", "a starts at 0.0", "b starts at 0.0", "a ends at 1.0", "b ends at 2.0",
        "group done at 2.0"), samples.log);
  }

  @Test
  void streamSumsWhatTheProducerSent() {
    assertEquals(6, Baton.run(samples.sumThroughAStream(), Clock.virtual()));
  }

  @Test
  void clonesEndTheStreamWhenTheLastOneCloses() {
    assertEquals(18, Baton.run(samples.fanIn(), Clock.virtual()));
  }

  @Test
  void asyncIterationEndsWithTheStream() {
    assertEquals(12, Baton.run(samples.sumByIteration(), Clock.virtual()));
  }

  @Test
  void cancellingTheGroupScopeStopsTheWorker() {
    assertEquals("cancelled at 1.0", Baton.run(samples.cancelAWorker(), Clock.virtual()));
    assertEquals(List.of("slow starts at 0.0"), samples.log);
  }

  @Test
  void cleanUpRunsAndTheCancellationPropagates() {
    // The worker rethrows Cancelled, the group's scope catches it: the group ends at once.
    assertEquals(2.0, Baton.run(samples.cancelTheCleanUp(), Clock.virtual()));
    assertEquals(List.of("cancelled: cleaning up"), samples.log);
  }

  @Test
  void timeoutsKeepTheFirstResultAndFailAfterThrows() {
    assertEquals("hello slowpoke, then gave up, then failAfter threw",
        Baton.run(samples.withTimeouts(), Clock.virtual()));
  }

  @Test
  void busyLoopComputesTheSum() {
    assertEquals(499500L, Baton.run(samples.busyLoop(1000), Clock.virtual()));
  }

  @Test
  void theEchoServerAnswersTheClientWithItsOwnBytes() {
    assertEquals("hello", Baton.run(samples.echoRoundTrip()));
  }

  @Test
  void readConfigReadsTheFileInAWorkerThread() throws java.io.IOException {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("guide", ".conf");
    try {
      java.nio.file.Files.writeString(file, " port = 7000 \n");
      assertEquals("port = 7000", Baton.run(samples.readConfig(file)));
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void fetchStatusAwaitsTheHttpClient() throws java.io.IOException {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    try {
      java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
      assertEquals(204, Baton.run(samples.fetchStatus(java.net.http.HttpClient.newHttpClient(), uri)));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aPlainThreadCallsIntoTheLoopThroughAPortal() throws Exception {
    assertEquals(5, GuideSamples.fromPlainJava());
    try (dev.baton.BlockingPortal portal = Baton.startBlockingPortal()) {
      dev.baton.MemoryObjectStream<String> stream = portal.callSync(() -> Baton.createMemoryObjectStream(1));
      GuideSamples.feed(portal, stream.sendStream(), "item");
      assertEquals("item", portal.call(() -> stream.receiveStream().receive()));
    }
  }
}
