package dev.baton;

import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.repeat;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Schedule fuzzing: {@link Schedule#shuffled(long)} permutes each batch, deterministically, and nothing else. */
class ScheduleTest {
  /** Five tasks, each logging its name, checkpointing, and logging again, three times. */
  private static List<String> fiveTasks(Schedule schedule) {
    List<String> log = new ArrayList<>();
    Baton.run(co(taskGroup(tg -> repeat(5, i -> run(() -> tg.startSoon(co(repeat(3, round -> block(
        run(() -> log.add(i + "." + round)),
        awaiting(Baton::checkpoint))))))))), Clock.virtual(), schedule);
    return log;
  }

  @Test
  void fifoRunsTasksInTheOrderTheyBecameRunnable() {
    assertEquals(List.of("0.0", "1.0", "2.0", "3.0", "4.0", "0.1", "1.1", "2.1", "3.1", "4.1",
        "0.2", "1.2", "2.2", "3.2", "4.2"), fiveTasks(Schedule.fifo()));
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    for (long seed = 0; seed < 20; seed++) {
      assertEquals(fiveTasks(Schedule.shuffled(seed)), fiveTasks(Schedule.shuffled(seed)), "seed " + seed);
    }
  }

  @Test
  void seedsPermuteEachBatch() {
    Set<List<String>> runs = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      List<String> log = fiveTasks(Schedule.shuffled(seed));
      runs.add(log);
      // Every round is a batch: a task that yields runs again only after every other task of its
      // batch, so round r of every task comes before round r + 1 of any.
      for (int round = 0; round < 3; round++) {
        Set<String> batch = new HashSet<>();
        for (String entry : log.subList(5 * round, 5 * round + 5)) {
          assertTrue(entry.endsWith("." + round), "seed " + seed + ": " + log);
          batch.add(entry);
        }
        assertEquals(5, batch.size(), "seed " + seed + ": " + log);
      }
    }
    assertTrue(runs.size() > 10, "20 seeds gave only " + runs.size() + " different runs");
    assertNotEquals(Set.of(fiveTasks(Schedule.fifo())), runs);
  }

  @Test
  void waitersGetItemsInTheOrderTheyBlockedUnderEverySeed() {
    for (long seed = 0; seed < 20; seed++) {
      List<String> got = new ArrayList<>();
      MemoryObjectStream<Integer> stream = Baton.createMemoryObjectStream(0);
      Baton.run(co(taskGroup(tg -> block(
          repeat(3, i -> block(
              run(() -> tg.startSoon(co(awaiting(() -> stream.receiveStream().receive(), v -> got.add(i + "<-" + v))))),
              awaiting(Baton::waitAllTasksBlocked))), // receiver i blocks before receiver i + 1 starts
          repeat(3, v -> run(() -> stream.sendStream().sendNowait(v)))))),
          Clock.virtual(), Schedule.shuffled(seed));
      assertEquals(Set.of("0<-0", "1<-1", "2<-2"), Set.copyOf(got), "seed " + seed);
    }
  }

  @Test
  void aScheduleSaysWhatItIs() {
    assertEquals("Schedule.fifo()", Schedule.fifo().toString());
    assertEquals("Schedule.shuffled(42)", Schedule.shuffled(42).toString());
    assertEquals(42, Schedule.shuffled(42).seed());
    assertEquals(Schedule.shuffled(7), Schedule.shuffled(7));
    assertThrows(IllegalStateException.class, () -> Schedule.fifo().seed());
  }
}
