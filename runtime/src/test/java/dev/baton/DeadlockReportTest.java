package dev.baton;

import static dev.baton.UserLines.at;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.lowlevel.AsyncFrame;
import dev.baton.testing.RuntimeTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The deadlock report names every blocked task meaningfully: its name if it has one, else the class
 * of its root coroutine (for generated code, the frame class of the user's method), with the
 * innermost coroutine when that is another one. Frames here are hand-written, as the processor would
 * write them.
 */
class DeadlockReportTest extends RuntimeTest {

  /** {@code @Async Coroutine<Void> waitForever() { await(sleepForever()); return done(); }} */
  static final class WaitForever extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, Baton.sleepForever());
        default:
          if ($error != null) {
            throw $error;
          }
          return $complete(null);
      }
    }
  }

  /** {@code @Async Coroutine<Void> outer() { await(new WaitForever()); return done(); }} */
  static final class Outer extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, new WaitForever());
        default:
          if ($error != null) {
            throw $error;
          }
          return $complete(null);
      }
    }
  }

  /** {@code @Async Coroutine<Void> delegate() { return waitForever(); }}: a tail call. */
  static final class Delegate extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) {
      return $tail(new WaitForever());
    }
  }

  private static Coroutine<Void> anonymousWaiter() {
    return new AsyncFrame<Void>() {
      @Override
      protected Object $step(Object $value, Throwable $error) throws Throwable {
        if ($state == 0) {
          return $await(1, Baton.sleepForever());
        }
        throw $error;
      }
    };
  }

  /** The report's lines about blocked tasks, after its first line. */
  private static List<String> blockedTasks(Supplier<Coroutine<?>> child) {
    DeadlockException e = assertThrows(DeadlockException.class, () -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(child.get())),
        awaiting(Baton::sleepForever))))));
    List<String> lines = e.getMessage().lines().toList();
    assertTrue(lines.get(0).contains("2 blocked tasks"), lines.get(0));
    return lines.subList(1, lines.size());
  }

  @Test
  void unnamedTaskIsNamedAfterItsRootCoroutineClass() {
    List<String> lines = blockedTasks(WaitForever::new);
    assertEquals("  - dev.baton.DeadlockReportTest$WaitForever waiting for sleepForever()", lines.get(1));
  }

  @Test
  void innermostCoroutineIsShownWhenItIsNotTheRoot() {
    List<String> lines = blockedTasks(Outer::new);
    assertEquals("  - dev.baton.DeadlockReportTest$Outer (in dev.baton.DeadlockReportTest$WaitForever) waiting for sleepForever()",
        lines.get(1));
  }

  @Test
  void anonymousCoroutineIsDescribedByTheMethodDeclaringIt() {
    List<String> lines = blockedTasks(DeadlockReportTest::anonymousWaiter);
    assertEquals("  - an anonymous coroutine in dev.baton.DeadlockReportTest.anonymousWaiter() waiting for sleepForever()",
        lines.get(1));
  }

  @Test
  void taskNameSurvivesATailCallOfTheRootCoroutine() {
    DeadlockException e = assertThrows(DeadlockException.class, () -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(new Delegate(), "worker")),
        awaiting(Baton::sleepForever))))));
    assertTrue(e.getMessage().contains("\n  - worker waiting for sleepForever()"), e.getMessage());
  }

  @Test
  void unnamedTaskKeepsItsRootDescriptionAfterATailCall() {
    List<String> lines = blockedTasks(Delegate::new);
    // the tail call replaced the root frame: the task is now the callee's
    assertEquals("  - dev.baton.DeadlockReportTest$WaitForever waiting for sleepForever()", lines.get(1));
  }

  @Test
  void mainTaskAndAGroupExitAreNamed() {
    DeadlockException e = assertThrows(DeadlockException.class, () -> runVirtual(co(taskGroup(tg ->
        run(() -> tg.startSoon(new WaitForever(), "sleeper"))))));
    assertTrue(e.getMessage().contains("main (in "), e.getMessage());
    assertTrue(e.getMessage().contains("waiting for the exit of a task group (1 child task still running)"), e.getMessage());
    assertTrue(e.getMessage().contains("\n  - sleeper waiting for sleepForever()"), e.getMessage());
  }

  /** The report of a run whose main task starts {@code children} in a group and waits for them. */
  private static String reportOf(java.util.function.Consumer<TaskGroup> children) {
    DeadlockException e = assertThrows(DeadlockException.class, () -> runVirtual(co(taskGroup(tg ->
        run(() -> children.accept(tg))))));
    return e.getMessage();
  }

  @Test
  void lockCycleIsFollowedFromHolderToHolder() {
    Lock first = new Lock();
    Lock second = new Lock();
    String report = reportOf(tg -> {
      tg.startSoon(co(awaiting(first::acquire), awaiting(() -> at("a", 11, second::acquire))), "a");
      tg.startSoon(co(awaiting(second::acquire), awaiting(() -> at("b", 21, first::acquire))), "b");
    });
    assertTrue(report.contains("\n  - a waiting for acquire on Lock#1 (Lock[held by b, tasksWaiting=1]) "
        + "at p.Pipeline.a(Pipeline.java:11)\n      Lock#1 is held by b at p.Pipeline.b(Pipeline.java:21), which waits "
        + "for acquire on Lock#2 (Lock[held by a, tasksWaiting=1]); Lock#2 is held by a at p.Pipeline.a(Pipeline.java:11): "
        + "a cycle, none of them can ever run\n  - b waiting for acquire on Lock#2"), report);
  }

  @Test
  void lockHeldByATaskBlockedElsewhereNamesWhatTheHolderWaitsFor() {
    Lock lock = new Lock();
    Event never = new Event();
    String report = reportOf(tg -> {
      tg.startSoon(co(awaiting(lock::acquire), awaiting(() -> at("holder", 5, never::waitUntilSet))), "holder");
      tg.startSoon(at("waiter", 9, lock::acquire), "waiter");
    });
    assertTrue(report.contains("\n  - waiter waiting for acquire on Lock#1 (Lock[held by holder, tasksWaiting=1]) "
        + "at p.Pipeline.waiter(Pipeline.java:9)\n      Lock#1 is held by holder at p.Pipeline.holder(Pipeline.java:5), "
        + "which waits for waitUntilSet on Event#1 (Event[not set, tasksWaiting=1])"), report);
  }

  @Test
  void receiverOfAStreamNobodySendsToSaysWhatCouldWakeIt() {
    MemoryObjectStream<String> stream = Baton.createMemoryObjectStream(0);
    String report = reportOf(tg -> tg.startSoon(at("consume", 20, stream.receiveStream()::receive), "consumer"));
    assertTrue(report.contains("\n  - consumer waiting for receive on memory object stream#1 (0/0 buffered, "
        + "1 send handle and 1 receive handle open, 0 waiting to send, 1 to receive) at p.Pipeline.consume(Pipeline.java:20)"
        + "\n      could be woken only by a send through its open send handle (or closing it); no task waits to send"),
        report);
  }

  @Test
  void tasksWaitingOnTheSameThingAreOneEntry() {
    MemoryObjectStream<String> stream = Baton.createMemoryObjectStream(0);
    String report = reportOf(tg -> {
      for (int i = 0; i < 100_000; i++) {
        tg.startSoon(co(awaiting(stream.receiveStream()::receive)), "consumer-" + i);
      }
    });
    List<String> lines = report.lines().toList();
    assertEquals(4, lines.size(), report);
    assertTrue(lines.get(0).endsWith("100001 blocked tasks:"), lines.get(0));
    assertEquals("  - 100000 tasks waiting for receive on memory object stream#1 (0/0 buffered, 1 send handle and "
        + "1 receive handle open, 0 waiting to send, 100000 to receive): consumer-0, consumer-1, consumer-2 and "
        + "99997 more", lines.get(2));
  }

  @Test
  void entriesAreCappedAndTheRestCounted() {
    String report = reportOf(tg -> {
      for (int i = 0; i < 1000; i++) {
        Event e = new Event();
        tg.startSoon(co(awaiting(e::waitUntilSet)), "waiter-" + i);
      }
    });
    List<String> lines = report.lines().toList();
    assertEquals(1 + DeadlockReport.MAX_GROUPS + 1, lines.size(), report);
    assertEquals("  - and 981 more tasks waiting on 981 other things (Baton.dumpTasks() lists them all)",
        lines.get(lines.size() - 1));
  }

  @Test
  void noReportWhileATimerCanStillWakeATask() {
    Event e = new Event();
    // the waiter is blocked for 5 s with nothing runnable, but the main task's sleep will wake
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(awaiting(e::waitUntilSet)), "waiter")),
        awaiting(() -> Baton.sleep(5)),
        run(e::set)))));
    assertTrue(e.isSet());
  }
}
