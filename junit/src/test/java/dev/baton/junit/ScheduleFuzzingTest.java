package dev.baton.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.ExceptionGroup;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Schedule fuzzing finds the planted race of {@link PlantedRace}, names the seed, and replays it. */
class ScheduleFuzzingTest {
  private static final Pattern SEED = Pattern.compile("under schedule seed (-?\\d+) \\(run (\\d+) of 100, ");

  /** Launches {@link PlantedRace}; returns its one failure. */
  private static Throwable fuzz(Map<String, String> configuration) {
    PlantedRace.runs.clear();
    List<Throwable> failures = Launch.failures(PlantedRace.class, configuration);
    assertEquals(1, failures.size(), () -> "failures: " + failures + ", runs: " + PlantedRace.runs);
    return failures.get(0);
  }

  @Test
  void theRacePassesInFifoOrder() {
    PlantedRace.runs.clear();
    BatonTests.run(new AsyncPlantedRace()::loadThenUse); // no @BatonTest here: one FIFO run
    assertEquals(List.of("loader user"), PlantedRace.runs);
  }

  @Test
  void fuzzingFindsTheRaceAndNamesTheSeed() {
    Throwable failure = fuzz(Map.of());
    assertInstanceOf(AssertionFailedError.class, failure);
    Matcher m = SEED.matcher(failure.getMessage());
    assertTrue(m.find(), failure.getMessage());
    long seed = Long.parseLong(m.group(1));
    assertTrue(failure.getMessage().contains("Replay exactly this run with @BatonTest(seed = " + seed + ") or -Dbaton.seed=" + seed),
        failure.getMessage());
    // the runs before the failing one passed, in FIFO's order or not; the failing one ran the user first
    assertEquals(Integer.parseInt(m.group(2)), PlantedRace.runs.size());
    assertEquals("user loader", PlantedRace.runs.get(PlantedRace.runs.size() - 1));
    // the scenario's own failure is the cause: the user's assertion, from the task group
    ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, failure.getCause());
    assertEquals("the user read the setting before it was loaded ==> expected: <loaded> but was: <default>",
        group.exceptions().get(0).getMessage());
  }

  @Test
  void theSeedsAreTheSameOnEveryRunAndEveryJdk() {
    Matcher m = SEED.matcher(fuzz(Map.of()).getMessage());
    assertTrue(m.find());
    assertEquals(PlantedRaceReplay.SEED, Long.parseLong(m.group(1)));
  }

  @Test
  void theNamedSeedReplaysTheFailingRunExactly() {
    Matcher m = SEED.matcher(fuzz(Map.of()).getMessage());
    assertTrue(m.find());
    String seed = m.group(1);
    Throwable replay = fuzz(Map.of("baton.seed", seed));
    assertTrue(replay.getMessage().contains("under schedule seed " + seed + " (run 1 of 1, from baton.seed=" + seed + ")"),
        replay.getMessage());
    assertEquals(List.of("user loader"), PlantedRace.runs);
  }

  @Test
  void theAnnotationReplaysTheFailingRunToo() {
    PlantedRace.runs.clear();
    List<Throwable> failures = Launch.failures(PlantedRaceReplay.class, Map.of());
    assertEquals(1, failures.size());
    assertTrue(failures.get(0).getMessage().contains("under schedule seed " + PlantedRaceReplay.SEED
        + " (run 1 of 1, from @BatonTest(seed = ...))"), failures.get(0).getMessage());
    assertEquals(List.of("user loader"), PlantedRace.runs);
  }

  @Test
  void anotherSeedMayPass() {
    PlantedRace.runs.clear();
    assertEquals(List.of(), Launch.failures(PlantedRace.class, Map.of("baton.seed", String.valueOf(PlantedRaceReplay.PASSING))));
    assertNotEquals(List.of("user loader"), PlantedRace.runs);
  }

  @Test
  void fuzzingATestThatCannotBeFuzzedFailsIt() {
    var summary = Launch.run(FuzzMisuse.class, Map.of());
    assertEquals(2, summary.getTestsFailedCount());
    assertEquals("@BatonTest(scheduleSeeds = 3) asks for schedule fuzzing, but the test ran no scenario through "
        + "BatonTests.run(...)", TimeoutTest.failure(summary, "runsNoScenario").getMessage());
    Throwable once = TimeoutTest.failure(summary, "passesOneCoroutine");
    assertInstanceOf(IllegalStateException.class, once);
    assertTrue(once.getMessage().startsWith("Schedule fuzzing runs the scenario once per seed"), once.getMessage());
  }

  @Test
  void theNumberOfSeedsCanBeChangedForTheWholeRun() {
    PlantedRace.runs.clear();
    assertEquals(List.of(), Launch.failures(PlantedRace.class, Map.of("baton.scheduleSeeds", "1"))); // seed 1 passes
    assertEquals(1, PlantedRace.runs.size());
    Throwable failure = fuzz(Map.of("baton.scheduleSeeds", "7"));
    assertTrue(failure.getMessage().contains("under schedule seed 2 (run 2 of 7, from baton.scheduleSeeds=7)"),
        failure.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Settings.of(PlantedRace.class.getAnnotation(BatonTest.class),
        java.util.Optional.of("none"), java.util.Optional.empty()));
  }

  @Test
  void aSeedThatIsNotANumberIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Settings.DEFAULT.withProperty(java.util.Optional.of("twelve")));
    assertEquals(List.of(3L, 5L), Settings.DEFAULT.withProperty(java.util.Optional.of("3, 5")).seeds());
  }
}
