package dev.baton.example.threads;

import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.BlockingPortal;
import dev.baton.MemoryObjectStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Blocking portals: anyio's {@code tests/test_from_thread.py} (the cases that apply), and loop-only
 * operations called from other threads, which fail clearly instead of corrupting the loop.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PortalTest {
  private final AsyncThreadScenarios scenarios = new AsyncThreadScenarios();

  // anyio TestBlockingPortal.test_call_corofunc, TestRunAsyncFromThread.test_run_corofunc_from_thread
  @Test
  void aWorkerThreadCallsACoroutineThroughThePortal() {
    assertEquals(3, Baton.run(scenarios.callFromAWorkerThread()));
    assertEquals(1, scenarios.log.size());
    assertTrue(scenarios.log.get(0).startsWith("add runs on main"), scenarios.log::toString);
  }

  // anyio TestRunAsyncFromThread.test_run_sync_from_thread
  @Test
  void callSyncRunsTheFunctionOnTheLoopThread() {
    assertEquals("on the loop thread", Baton.run(scenarios.callSyncFromAWorkerThread()));
  }

  // anyio test_aexit_without_exception
  @Test
  void leavingThePortalsBlockWaitsForTheRunningCalls() {
    assertEquals(List.of("leaving with 0 results", "call returned", "call returned"), Baton.run(scenarios.exitWaitsForCalls()));
  }

  // anyio test_aexit_with_exception
  @Test
  void leavingThePortalsBlockWithAnExceptionCancelsTheRunningCalls() {
    assertEquals(List.of("CancellationException", "CancellationException", "block ended with ExceptionGroup"),
        sorted(Baton.run(scenarios.exitWithAnExceptionCancelsCalls())));
  }

  private static List<String> sorted(List<String> l) {
    List<String> s = new ArrayList<>(l);
    s.sort(null);
    return s;
  }

  // anyio test_call_portal_from_event_loop_thread
  @Test
  void callingThePortalFromItsLoopThreadIsAnIllegalStateException() {
    assertTrue(Baton.run(scenarios.callFromTheLoopThread()).contains("from the portal's own loop thread"));
  }

  // anyio test_start_with_new_event_loop, test_start_with_thread_name
  @Test
  void startBlockingPortalRunsALoopOnANamedThreadOfItsOwn() {
    try (BlockingPortal portal = Baton.startBlockingPortal("foo")) {
      String thread = portal.callSync(() -> Thread.currentThread().getName());
      assertEquals("foo", thread);
      assertNotEquals(Thread.currentThread().getName(), thread);
    }
  }

  // anyio test_call_stopped_portal
  @Test
  void callingAStoppedPortalIsAnIllegalStateException() {
    BlockingPortal portal = Baton.startBlockingPortal();
    portal.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> portal.call(() -> sleep(0)));
    assertTrue(e.getMessage().contains("not running"), e.getMessage());
  }

  // anyio test_start_task_soon
  @Test
  void startTaskSoonCompletesTheFutureWithTheTasksValue() throws Exception {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      CompletableFuture<Integer> f = portal.startTaskSoon(() -> scenarios.add(2, 3));
      assertEquals(5, f.get());
    }
  }

  // anyio test_start_task_soon_cancel_later
  @Test
  void cancellingTheFutureOfAStartedTaskCancelsIt() {
    CompletableFuture<Void> f;
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      f = portal.startTaskSoon(() -> sleep(2));
      portal.call(Baton::waitAllTasksBlocked);
      f.cancel(false);
    }
    assertTrue(f.isCancelled());
  }

  // anyio test_start_task_soon_cancel_immediately
  @Test
  void aTaskWhoseFutureIsCancelledAtOnceStartsCancelled() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      CompletableFuture<Void> f = portal.startTaskSoon(() -> new AsyncCancelObserver().sleepAndReport(seen));
      f.cancel(false);
      assertEquals("cancelled", seen.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aCallThatFailsThrowsItsExceptionInTheCallingThread() {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> portal.call(() -> new AsyncCancelObserver().fail("bad")));
      assertEquals("bad", e.getMessage());
      assertEquals(4, portal.call(() -> scenarios.add(2, 2)), "a failed call does not stop the portal");
    }
  }

  @Test
  void interruptingAThreadBlockedInCallCancelsTheTask() throws Exception {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      CompletableFuture<Throwable> outcome = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        try {
          portal.call(() -> sleep(30));
          outcome.complete(null);
        } catch (Throwable t) {
          outcome.complete(t);
        }
      });
      caller.start();
      portal.call(Baton::waitAllTasksBlocked);
      caller.interrupt();
      assertTrue(outcome.get(10, TimeUnit.SECONDS) instanceof CancellationException);
    }
  }

  // anyio test_cancel_portal_future
  @Test
  void stoppingWithCancelRemainingCancelsTheRunningTasks() {
    BlockingPortal portal = Baton.startBlockingPortal();
    CompletableFuture<Void> f = portal.startTaskSoon(Baton::sleepForever);
    portal.call(Baton::waitAllTasksBlocked);
    portal.stop(true);
    assertThrows(CancellationException.class, f::join);
    portal.close();
  }

  // anyio test_start_no_value, test_start_with_value
  @Test
  void startTaskReturnsTheStartedValueAndAFutureOfTheEnd() throws Exception {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      BlockingPortal.Started<String> none = portal.startTask(st -> new AsyncCancelObserver().startedWith(st, null));
      assertEquals(null, none.value());
      BlockingPortal.Started<String> foo = portal.startTask(st -> new AsyncCancelObserver().startedWith(st, "foo"));
      assertEquals("foo", foo.value());
      assertEquals("ended", foo.task().get(10, TimeUnit.SECONDS));
    }
  }

  // anyio test_start_crash_before_started_call
  @Test
  void aTaskFailingBeforeStartedMakesStartTaskThrowIt() {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> portal.<Integer>startTask(st -> new AsyncCancelObserver().crashBeforeStarted(st)));
      assertEquals("foo", e.getMessage());
      assertEquals(4, portal.call(() -> scenarios.add(2, 2)), "the portal goes on");
    }
  }

  // anyio test_start_crash_after_started_call
  @Test
  void aTaskFailingAfterStartedFailsItsFuture() {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      BlockingPortal.Started<Integer> started = portal.startTask(st -> new AsyncCancelObserver().crashAfterStarted(st));
      assertEquals(2, started.value());
      java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
          () -> started.task().get(10, TimeUnit.SECONDS));
      assertEquals("foo", e.getCause().getMessage());
      assertEquals(4, portal.call(() -> scenarios.add(2, 2)), "the portal goes on");
    }
  }

  // anyio test_start_no_started_call
  @Test
  void aTaskEndingWithoutStartedMakesStartTaskAnIllegalStateException() {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      assertThrows(IllegalStateException.class,
          () -> portal.<Integer>startTask(st -> new AsyncCancelObserver().neverStarted(st)));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loop-only operations from other threads (issue 11: a memory stream fed from a plain thread
  // silently lost items)

  @Test
  void aMemoryStreamFedFromAPlainThreadFailsClearlyAndThePortalIsTheWay() throws Exception {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      MemoryObjectStream<Integer> stream = portal.callSync(() -> createMemoryObjectStream(10));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> stream.sendStream().sendNowait(1));
      assertTrue(e.getMessage().startsWith("MemoryObjectSendStream.sendNowait() was called from thread"), e.getMessage());
      assertTrue(e.getMessage().contains("BlockingPortal"), e.getMessage());
      CompletableFuture<Integer> sum = portal.startTaskSoon(() -> new AsyncCancelObserver().sum(stream.receiveStream()));
      for (int i = 1; i <= 5; i++) {
        int item = i;
        portal.call(() -> stream.sendStream().send(item));
      }
      portal.callSync(() -> {
        stream.sendStream().close();
        return null;
      });
      assertEquals(15, sum.get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void cancellingAScopeFromAnotherThreadIsAnIllegalStateException() throws Exception {
    try (BlockingPortal portal = Baton.startBlockingPortal()) {
      dev.baton.CancelScope scope = portal.call(() -> new AsyncCancelObserver().scopeOfAFinishedTask());
      assertThrows(IllegalStateException.class, scope::cancel);
    }
  }
}
