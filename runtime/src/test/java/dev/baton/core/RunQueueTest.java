package dev.baton.core;

import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.repeat;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run queue with thousands of tasks in it, so that its ring of marks for the collector fills,
 * grows and wraps: FIFO order is kept, a shuffled batch is still one batch, and once a task has
 * left the queue the ring no longer holds it.
 */
class RunQueueTest {
  /** More tasks than the ring starts with room for (an ArrayDeque of 16 marks: 1,024 tasks). */
  private static final int TASKS = 5_000;
  private static final int ROUNDS = 3;

  /** {@link #TASKS} tasks each log "task.round" and checkpoint, {@link #ROUNDS} times; returns the loop. */
  private static Loop tasks(Schedule schedule, List<String> log) {
    Loop[] loop = new Loop[1];
    Baton.run(co(
        run(() -> loop[0] = Loop.running()),
        taskGroup(tg -> repeat(TASKS, i -> run(() -> tg.startSoon(co(repeat(ROUNDS, round -> block(
            run(() -> log.add(i + "." + round)),
            awaiting(Baton::checkpoint))))))))), Clock.virtual(), schedule);
    return loop[0];
  }

  @Test
  void fifoOrderHoldsAcrossThousandsOfTasks() {
    List<String> log = new ArrayList<>();
    tasks(Schedule.fifo(), log);
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < TASKS; i++) {
        expected.add(i + "." + round);
      }
    }
    assertEquals(expected, log);
  }

  @Test
  void aShuffledRunStillRunsEveryTaskOncePerBatch() {
    List<String> log = new ArrayList<>();
    tasks(Schedule.shuffled(7), log);
    assertEquals(TASKS * ROUNDS, log.size());
    for (int k = 0; k < log.size(); k++) {
      assertEquals(k / TASKS, Integer.parseInt(log.get(k).substring(log.get(k).indexOf('.') + 1)), "entry " + k);
    }
  }

  @Test
  void theRingOfMarksHoldsNoTaskOnceTheQueueIsEmpty() {
    assertEquals(0, tasks(Schedule.fifo(), new ArrayList<>()).marksHeld());
    assertEquals(0, tasks(Schedule.shuffled(3), new ArrayList<>()).marksHeld());
  }
}
