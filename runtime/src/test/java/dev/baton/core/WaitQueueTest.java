package dev.baton.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The wait queue: FIFO through the tasks' own links, O(1) removal from any place, the head's prev
 * link left stale. Every way out leaves the task with null links, as a task in no queue must be.
 */
class WaitQueueTest {
  private static List<Task> tasks(int n) {
    List<Task> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Task(null));
    }
    return out;
  }

  private static List<Task> drain(WaitQueue q) {
    List<Task> out = new ArrayList<>();
    for (Task t; (t = q.poll()) != null; ) {
      assertFree(t);
      out.add(t);
    }
    return out;
  }

  private static void assertFree(Task t) {
    assertNull(t.next, "a task that left the queue keeps a next link");
    assertNull(t.prev, "a task that left the queue keeps a prev link");
  }

  @Test
  void tasksLeaveInTheOrderTheyCame() {
    for (int n = 0; n <= 5; n++) {
      WaitQueue q = new WaitQueue();
      List<Task> in = tasks(n);
      in.forEach(q::add);
      assertEquals(n, q.size());
      assertEquals(in, drain(q));
      assertTrue(q.isEmpty());
      assertNull(q.poll());
    }
  }

  @Test
  void removingATaskFromAnyPlaceKeepsTheOthersInOrder() {
    for (int n = 1; n <= 5; n++) {
      for (int k = 0; k < n; k++) {
        WaitQueue q = new WaitQueue();
        List<Task> in = tasks(n);
        in.forEach(q::add);
        q.remove(in.get(k));
        assertFree(in.get(k));
        List<Task> expected = new ArrayList<>(in);
        expected.remove(k);
        assertEquals(n - 1, q.size());
        assertEquals(expected, drain(q), "removing task " + k + " of " + n);
      }
    }
  }

  @Test
  void aQueueThatShrankToOneTaskGrowsAgainBehindIt() {
    // The head left by poll keeps a stale prev link; removals around it must not follow it.
    WaitQueue q = new WaitQueue();
    List<Task> in = tasks(4);
    q.add(in.get(0));
    q.add(in.get(1));
    q.add(in.get(2));
    assertSame(in.get(0), q.poll());
    q.remove(in.get(2)); // one left: the head, whose prev link is stale
    q.add(in.get(3));
    q.remove(in.get(3)); // the second of two leaves: one left again
    q.add(in.get(2));
    assertEquals(List.of(in.get(1), in.get(2)), drain(q));
  }

  @Test
  void aRandomRunOfAddsPollsAndRemovesMatchesAList() {
    Random random = new Random(13);
    List<Task> pool = tasks(8);
    List<Task> model = new ArrayList<>();
    WaitQueue q = new WaitQueue();
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(3);
      if (op == 0) {
        List<Task> out = new ArrayList<>(pool);
        out.removeAll(model);
        if (!out.isEmpty()) {
          Task t = out.get(random.nextInt(out.size()));
          q.add(t);
          model.add(t);
        }
      } else if (op == 1) {
        Task t = q.poll();
        assertSame(model.isEmpty() ? null : model.remove(0), t, "poll at step " + step);
        if (t != null) {
          assertFree(t);
        }
      } else if (!model.isEmpty()) {
        Task t = model.remove(random.nextInt(model.size()));
        q.remove(t);
        assertFree(t);
      }
      assertEquals(model.size(), q.size(), "size at step " + step);
      assertEquals(model.isEmpty(), q.isEmpty());
    }
    assertEquals(model, drain(q));
  }
}
