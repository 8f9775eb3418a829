package dev.baton.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Baton;
import dev.baton.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The synchronization and byte-stream samples of the guide do what the guide says they do. */
class GuideStreamSamplesTest {
  final AsyncGuideStreamSamples samples = new AsyncGuideStreamSamples();

  @Test
  void anEventStartsBothWaitersAtOnce() {
    Baton.run(samples.startTogether(), Clock.virtual());
    assertEquals(List.of("a starts at 1.0", "b starts at 1.0"), samples.log);
  }

  @Test
  void theLockKeepsEachTasksAppendsTogether() {
    assertEquals("aabb", Baton.run(samples.lockedAppends(), Clock.virtual()));
  }

  @Test
  void theLimiterLetsTwoDownloadsRunAtATime() {
    Baton.run(samples.fetchAll(), Clock.virtual());
    assertEquals(List.of("page 1 at 0.0", "page 2 at 0.0", "page 3 at 1.0", "page 4 at 1.0", "page 5 at 2.0"), samples.log);
  }

  @Test
  void aConditionHandsTheItemToTheWaitingTaker() {
    assertEquals("x", Baton.run(samples.producerConsumer(), Clock.virtual()));
  }

  @Test
  void everyByteArrivesThroughTheSmallBuffer() {
    assertEquals(24, Baton.run(samples.pumpBytes(), Clock.virtual()));
  }

  @Test
  void recordsAreReadWhateverTheChunking() {
    assertEquals(List.of("hello", "abc", "hello world"), Baton.run(samples.recordsFromChunks(), Clock.virtual()));
  }

  @Test
  void textSurvivesCharactersSplitAcrossChunks() {
    assertEquals("åäö, ça va", Baton.run(samples.roundTripText(), Clock.virtual()));
  }

  @Test
  void theServerEchoesThePing() {
    assertEquals("ping", Baton.run(samples.pingPong(), Clock.virtual()));
  }
}
