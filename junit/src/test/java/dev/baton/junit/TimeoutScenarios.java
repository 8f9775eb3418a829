package dev.baton.junit;

import static dev.baton.Baton.*;

import dev.baton.Coroutine;
import dev.baton.MemoryObjectStream;
import dev.baton.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Launched by {@link TimeoutTest} (not run by the build directly: two of these tests fail on purpose). */
@BatonTest(timeout = 10)
class TimeoutScenarios {
  static final List<String> log = new ArrayList<>();

  @Async
  Coroutine<Void> sleepFor(double seconds) {
    try {
      await(sleep(seconds));
      log.add("woke at " + currentTime());
    } finally {
      log.add("cleaned up at " + currentTime());
    }
    return done();
  }

  @Async
  Coroutine<String> receiveFromNobody() {
    MemoryObjectStream<String> stream = createMemoryObjectStream(0);
    return done(await(stream.receiveStream().receive()));
  }

  @Test
  void finishesInTime() {
    BatonTests.run(() -> sleepFor(9.5));
  }

  @Test
  void runsPastItsTimeout() {
    BatonTests.run(() -> sleepFor(20));
  }

  @Test
  @BatonTest(timeout = 30)
  void aMethodsTimeoutWins() {
    BatonTests.run(() -> sleepFor(20));
  }

  @Test
  @BatonTest
  void deadlocks() {
    BatonTests.run(this::receiveFromNobody);
  }
}
