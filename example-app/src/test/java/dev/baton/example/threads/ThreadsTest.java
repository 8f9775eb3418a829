package dev.baton.example.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.DeadlockException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code runInThread} and {@code fromFuture}: anyio's {@code tests/test_to_thread.py} (the cases
 * that apply), and the wake-up rules: work in threads and futures keeps the loop waiting, a real
 * deadlock is still reported.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadsTest {
  private final AsyncThreadScenarios scenarios = new AsyncThreadScenarios();

  // anyio test_run_in_thread_cancelled
  @Test
  void aTaskCancelledBeforeItsThreadStartsNeverRunsTheCallable() {
    assertEquals(1, Baton.run(scenarios.cancelledBeforeTheThreadStarts()));
  }

  // anyio test_run_in_thread_exception
  @Test
  void theCallablesExceptionIsThrownAtTheAwait() {
    assertEquals("foo", Baton.run(scenarios.threadThrows()));
  }

  @Test
  void aCheckedExceptionOfTheCallableArrivesWrappedInCompletionException() {
    assertEquals("IOException: disk", Baton.run(scenarios.threadThrowsAChecked()));
  }

  // anyio test_run_in_custom_limiter
  @Test
  void theWorkerThreadLimitBoundsTheThreadsRunningAtOnce() {
    assertEquals(List.of(3, 0, 3), Baton.run(scenarios.limitedThreads()));
  }

  // anyio test_run_in_custom_limiter, the limiter given to each call
  @Test
  void aCallersCapacityLimiterBoundsItsThreadsAndGetsItsTokensBack() {
    // 2 threads run, 2 tokens borrowed, 2 calls wait; at the end: at most 2 at once, 0 borrowed
    assertEquals(List.of(2, 2, 2, 2, 0), Baton.run(scenarios.callerLimiter()));
  }

  // anyio test_cancel_worker_thread[noabandon]
  @Test
  void aCancelledTaskWaitsForItsThreadByDefault() {
    assertEquals(List.of("thread", "task"), Baton.run(scenarios.cancelWhileTheThreadRuns(false)));
  }

  // anyio test_cancel_worker_thread[abandon]
  @Test
  void withAbandonOnCancelTheTaskIsCancelledAtOnce() {
    assertEquals(List.of("task", "thread"), Baton.run(scenarios.cancelWhileTheThreadRuns(true)));
  }

  // anyio test_cancel_wait_on_thread
  @Test
  void anAbandonedThreadStillFinishesItsWork() {
    assertTrue(Baton.run(scenarios.abandonedThreadStillFinishes()));
  }

  @Test
  void workInAThreadIsNoDeadlockAndVirtualTimeStandsStillMeanwhile() {
    assertEquals("done at 0.0", Baton.run(scenarios.virtualTimeStandsStillWhileAThreadRuns(), Clock.virtual()));
  }

  @Test
  void aRealDeadlockIsStillReportedOnceTheThreadsHaveEnded() {
    DeadlockException e = assertThrows(DeadlockException.class, () -> Baton.run(scenarios.deadlockAfterTheThreadEnds()));
    assertTrue(e.getMessage().contains("main waiting for receive on memory object stream#1 ("), e.getMessage());
  }

  @Test
  void aFutureCompletedByAnotherThreadResumesTheTask() {
    assertEquals("from a thread", Baton.run(scenarios.futureCompletedByAnotherThread()));
  }

  @Test
  void aFailedFutureThrowsItsExceptionUnwrapped() {
    assertEquals("IllegalArgumentException", Baton.run(scenarios.failedFuture(new IllegalArgumentException())));
    assertEquals("CompletionException caused by IOException", Baton.run(scenarios.failedFuture(new java.io.IOException())));
  }

  @Test
  void cancellingTheAwaitingTaskCancelsTheFuture() {
    CompletableFuture<String> f = new CompletableFuture<>();
    assertTrue(Baton.run(scenarios.cancellingTheAwaitCancelsTheFuture(f)));
    assertEquals(List.of(), scenarios.log);
  }
}
