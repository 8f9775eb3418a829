package dev.baton.junit;

import org.junit.jupiter.api.Test;

/** {@link PlantedRace} replayed under the seed fuzzing finds first (launched by {@link ScheduleFuzzingTest}). */
@BatonTest(seed = PlantedRaceReplay.SEED)
class PlantedRaceReplay {
  /** The first of seeds 1..100 under which the race shows. */
  static final long SEED = 2;
  /** A seed under which it does not. */
  static final long PASSING = 1;

  @Test
  void theUserSeesTheLoadedSetting() {
    BatonTests.run(new AsyncPlantedRace()::loadThenUse);
  }
}
