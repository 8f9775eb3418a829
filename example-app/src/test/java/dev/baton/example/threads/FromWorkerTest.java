package dev.baton.example.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Worker threads of {@code runInThread} calling back into their loop without a portal: anyio's
 * {@code from_thread.run}, {@code run_sync} and {@code check_cancelled} (the cases of
 * {@code tests/test_from_thread.py} that apply).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FromWorkerTest {
  private final AsyncWorkerScenarios scenarios = new AsyncWorkerScenarios();

  // anyio TestRunAsyncFromThread.test_run_corofunc_from_thread
  @Test
  void aWorkerThreadAwaitsACoroutineInItsLoop() {
    assertEquals(3, Baton.run(scenarios.coroutineFromAWorker()));
  }

  // anyio TestRunAsyncFromThread.test_run_sync_from_thread
  @Test
  void aWorkerThreadRunsAFunctionOnTheLoopThread() {
    assertTrue(Baton.run(scenarios.functionFromAWorker()));
  }

  // anyio test_run_async_from_thread_exception, test_run_sync_from_thread_exception
  @Test
  void failuresOfTheCallsAreThrownInTheWorkerThread() {
    assertEquals("async sync", Baton.run(scenarios.failuresComeBackToTheWorker()));
  }

  // anyio test_run_anyio_async_func_from_thread
  @Test
  void aWorkerThreadAwaitsARuntimeOperation() {
    assertTrue(Baton.run(scenarios.sleepFromAWorker()));
  }

  // anyio test_cancelscope_propagation
  @Test
  void theCallRunsInTheCancelScopeOfTheTaskWaitingForTheThread() {
    assertTrue(Baton.run(scenarios.theCallRunsInTheWaitingTasksScope()));
  }

  // anyio test_thread_cancelled[True]
  @Test
  void checkCancelledThrowsCancelledInAWorkerWhoseTaskIsCancelled() {
    assertEquals("Cancelled", Baton.run(scenarios.threadAsksIfCancelled(true)));
  }

  // anyio test_thread_cancelled[False]
  @Test
  void checkCancelledReturnsInAWorkerWhoseTaskIsNotCancelled() {
    assertEquals("not cancelled", Baton.run(scenarios.threadAsksIfCancelled(false)));
  }

  // anyio test_thread_cancelled_and_abandoned
  @Test
  void checkCancelledThrowsCancelledInAnAbandonedWorker() {
    assertEquals("Cancelled", Baton.run(scenarios.abandonedThreadAsksIfCancelled()));
  }

  // anyio test_run_async_from_unclaimed_thread, test_run_sync_from_unclaimed_thread
  @Test
  void callsFromAThreadThatIsNoWorkerAreIllegalStateExceptions() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Baton.callFromWorker(() -> Baton.sleep(0)));
    assertTrue(e.getMessage().contains("BlockingPortal"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> Baton.callSyncFromWorker(() -> 1));
    assertThrows(IllegalStateException.class, Baton::checkCancelledFromWorker);
  }
}
