package dev.baton.junit;

import static dev.baton.Baton.*;

import dev.baton.Coroutine;
import dev.baton.annotations.Async;
import org.junit.jupiter.api.Test;

/** Fuzzing asked for but not possible; launched by {@link ScheduleFuzzingTest} (both tests fail on purpose). */
@BatonTest(scheduleSeeds = 3)
class FuzzMisuse {
  @Async
  Coroutine<Void> scenario() {
    await(checkpoint());
    return done();
  }

  @Test
  void runsNoScenario() {}

  @Test
  void passesOneCoroutine() {
    BatonTests.run(scenario());
  }
}
