package dev.baton;

import static dev.baton.UserLines.at;
import static dev.baton.UserLines.inScope;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.RuntimeTest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The task dump: the tree of scopes and tasks, what each waits for, at the user's lines. */
class TaskDumpTest extends RuntimeTest {

  /**
   * main starts a consumer blocked on a stream (two coroutines deep) and a sleeper in a
   * moveOnAfter(5) scope, sleeps 1 s, and dumps.
   */
  private static TaskDump pipelineDump() {
    TaskDump[] dump = new TaskDump[1];
    MemoryObjectStream<String> stream = Baton.createMemoryObjectStream(0);
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(at("runConsumer", 30, () -> at("consume", 20, stream.receiveStream()::receive)), "consumer")),
        run(() -> tg.startSoon(inScope("sleeper", 40, 5, () -> Baton.sleep(10)), "sleeper")),
        awaiting(() -> Baton.sleep(1)),
        run(() -> dump[0] = Baton.dumpTasks()),
        run(() -> tg.cancelScope().cancel())))));
    return dump[0];
  }

  @Test
  void textShowsTheTreeWhatEachTaskWaitsForAndWhere() {
    assertEquals("""
        Baton task dump at t=1 (3 tasks)
        root
        └── task group of main
            ├── main: running (took this dump)
            ├── consumer: waiting for receive on memory object stream#1 (0/0 buffered, 1 send handle and 1 receive handle open, 0 waiting to send, 1 to receive)
            │     at p.Pipeline.consume(Pipeline.java:20)
            │     at p.Pipeline.runConsumer(Pipeline.java:30)
            └── cancel scope of sleeper, deadline in 4 s
                └── sleeper: waiting for sleep until t=10 (in 9 s)
                      at p.Pipeline.sleeper(Pipeline.java:40)
        """, pipelineDump().toString());
  }

  @Test
  void jsonHasTheSameTree() {
    assertEquals("{\"time\":1.0,\"taskCount\":3,\"root\":{\"kind\":\"root\",\"openedBy\":null,\"deadlineIn\":null,"
        + "\"cancelCalled\":false,\"shield\":false,\"tasks\":[],\"scopes\":[{\"kind\":\"task group\",\"openedBy\":\"main\","
        + "\"deadlineIn\":null,\"cancelCalled\":false,\"shield\":false,\"tasks\":["
        + "{\"name\":\"main\",\"state\":\"running\",\"waitingFor\":null,\"awaits\":[]},"
        + "{\"name\":\"consumer\",\"state\":\"waiting\",\"waitingFor\":\"receive on memory object stream#1 (0/0 buffered, "
        + "1 send handle and 1 receive handle open, 0 waiting to send, 1 to receive)\",\"awaits\":["
        + "\"p.Pipeline.consume(Pipeline.java:20)\",\"p.Pipeline.runConsumer(Pipeline.java:30)\"]}],"
        + "\"scopes\":[{\"kind\":\"cancel scope\",\"openedBy\":\"sleeper\",\"deadlineIn\":4.0,\"cancelCalled\":false,"
        + "\"shield\":false,\"tasks\":[{\"name\":\"sleeper\",\"state\":\"waiting\",\"waitingFor\":\"sleep until t=10 (in 9 s)\","
        + "\"awaits\":[\"p.Pipeline.sleeper(Pipeline.java:40)\"]}],\"scopes\":[]}]}]}}", pipelineDump().toJson());
  }

  @Test
  void tasksWaitingOnTheSameThingShareItsNumber() {
    TaskDump[] dump = new TaskDump[1];
    Lock lock = new Lock();
    Event other = new Event();
    runVirtual(co(taskGroup(tg -> block(
        awaiting(lock::acquire),
        run(() -> tg.startSoon(at("a", 1, lock::acquire), "a")),
        run(() -> tg.startSoon(at("b", 2, lock::acquire), "b")),
        run(() -> tg.startSoon(at("c", 3, other::waitUntilSet), "c")),
        awaiting(Baton::waitAllTasksBlocked),
        run(() -> dump[0] = Baton.dumpTasks()),
        run(() -> tg.cancelScope().cancel())))));
    String text = dump[0].toString();
    assertTrue(text.contains("a: waiting for acquire on Lock#1 (Lock[held by main, tasksWaiting=2])"), text);
    assertTrue(text.contains("b: waiting for acquire on Lock#1 ("), text);
    assertTrue(text.contains("c: waiting for waitUntilSet on Event#1 (Event[not set, tasksWaiting=1])"), text);
  }

  @Test
  void runnableTaskThatNeverParkedIsListed() {
    TaskDump[] dump = new TaskDump[1];
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(at("later", 7, Baton::checkpoint), "later")),
        run(() -> dump[0] = Baton.dumpTasks())))));
    assertTrue(dump[0].toString().contains("└── later: runnable\n"), dump[0].toString());
    assertEquals(2, dump[0].taskCount());
  }

  @Test
  void cancelledAndShieldedScopesSaySo() {
    TaskDump[] dump = new TaskDump[1];
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(at("w", 1, Baton::sleepForever), "w")),
        awaiting(Baton::waitAllTasksBlocked),
        run(() -> tg.cancelScope().setShield(true)),
        run(() -> tg.cancelScope().cancel()),
        run(() -> dump[0] = Baton.dumpTasks())))));
    assertTrue(dump[0].toString().contains("└── task group of main, cancelled, shielded\n"), dump[0].toString());
  }

  @Test
  void jsonEscapesNames() {
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001\"", TaskDump.string("a\"b\\c\nd\u0001"));
  }

  @Test
  void portalDumpsItsLoopFromAnotherThread() {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      CompletableFuture<Void> sleeper = portal.startTaskSoon(() -> at("nap", 12, () -> Baton.sleep(3600)), "napper");
      TaskDump dump;
      do {
        dump = portal.dumpTasks(); // consistent: taken on the loop between steps
      } while (!dump.toString().contains("napper: waiting for sleep until"));
      assertTrue(dump.toString().contains("at p.Pipeline.nap(Pipeline.java:12)"), dump.toString());
      sleeper.cancel(true);
      portal.stop(true);
    }
  }

  @Test
  void dumpOutsideALoopIsAnError() {
    assertThrows(IllegalStateException.class, Baton::dumpTasks);
  }

  @Test
  void taskWaitingForAWorkerThreadSaysSo() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    TaskDump[] dump = new TaskDump[1];
    Baton.run(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(at("load", 3, () -> Baton.runInThread(() -> release.await(10, java.util.concurrent.TimeUnit.SECONDS))), "loader")),
        awaiting(Baton::checkpoint),
        awaiting(Baton::checkpoint),
        run(() -> dump[0] = Baton.dumpTasks()),
        run(release::countDown)))));
    assertTrue(dump[0].toString().contains("loader: waiting for runInThread: its worker thread to finish\n"), dump[0].toString());
  }
}
