package dev.baton.example.threads;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.currentTime;
import static dev.baton.Baton.done;
import static dev.baton.Baton.fromFuture;
import static dev.baton.Baton.moveOnAfter;
import static dev.baton.Baton.openBlockingPortal;
import static dev.baton.Baton.runInThread;
import static dev.baton.Baton.setWorkerThreadLimit;
import static dev.baton.Baton.sleep;
import static dev.baton.Baton.waitAllTasksBlocked;

import dev.baton.BlockingPortal;
import dev.baton.CancelScope;
import dev.baton.Coroutine;
import dev.baton.MemoryObjectStream;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The coroutines of {@link ThreadsTest} and {@link PortalTest}. */
public class ThreadScenarios {
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  int state;

  // ---------------------------------------------------------------------------------------------
  // runInThread

  @Async
  public Coroutine<Void> worker() {
    state = 1;
    await(runInThread(() -> state = 2));
    state = 3;
    return done();
  }

  /** anyio test_run_in_thread_cancelled: the group is cancelled before the worker's thread starts. */
  @Async
  public Coroutine<Integer> cancelledBeforeTheThreadStarts() {
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(worker());
      tg.cancelScope().cancel();
    }
    return done(state);
  }

  @Async
  public Coroutine<String> threadThrows() {
    try {
      await(runInThread(() -> {
        throw new IllegalArgumentException("foo");
      }));
      return done("no exception");
    } catch (IllegalArgumentException e) {
      return done(e.getMessage());
    }
  }

  @Async
  public Coroutine<String> threadThrowsAChecked() {
    try {
      await(runInThread(() -> {
        throw new java.io.IOException("disk");
      }));
      return done("no exception");
    } catch (java.util.concurrent.CompletionException e) {
      return done(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
    }
  }

  /** anyio test_run_in_custom_limiter: 4 calls, 3 threads at most. */
  @Async
  public Coroutine<List<Integer>> limitedThreads() {
    setWorkerThreadLimit(3);
    AtomicInteger active = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    CompletableFuture<Void> threeStarted = new CompletableFuture<>();
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> seen = new ArrayList<>();
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int i = 0; i < 4; i++) {
        tg.startSoon(blockInThread(active, max, threeStarted, release));
      }
      await(fromFuture(threeStarted));
      seen.add(active.get());
      release.countDown();
    }
    seen.add(active.get());
    seen.add(max.get());
    return done(seen);
  }

  /** anyio test_run_in_custom_limiter with the limiter passed to each call: 4 calls, 2 tokens. */
  @Async
  public Coroutine<List<Integer>> callerLimiter() {
    dev.baton.CapacityLimiter limiter = new dev.baton.CapacityLimiter(2);
    AtomicInteger active = new AtomicInteger();
    AtomicInteger max = new AtomicInteger();
    CompletableFuture<Void> twoStarted = new CompletableFuture<>();
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> seen = new ArrayList<>();
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int i = 0; i < 4; i++) {
        tg.startSoon(blockInLimitedThread(limiter, active, max, twoStarted, release));
      }
      await(fromFuture(twoStarted));
      seen.add(active.get());
      seen.add(limiter.borrowedTokens());
      seen.add(limiter.statistics().tasksWaiting());
      release.countDown();
    }
    seen.add(max.get());
    seen.add(limiter.borrowedTokens());
    return done(seen);
  }

  @Async
  public Coroutine<Void> blockInLimitedThread(dev.baton.CapacityLimiter limiter, AtomicInteger active, AtomicInteger max,
      CompletableFuture<Void> twoStarted, CountDownLatch release) {
    await(runInThread(() -> {
      int now = active.incrementAndGet();
      max.accumulateAndGet(now, Math::max);
      if (now == 2) {
        twoStarted.complete(null);
      }
      release.await(10, TimeUnit.SECONDS);
      active.decrementAndGet();
      return null;
    }, limiter));
    return done();
  }

  @Async
  public Coroutine<Void> blockInThread(AtomicInteger active, AtomicInteger max, CompletableFuture<Void> threeStarted,
      CountDownLatch release) {
    await(runInThread(() -> {
      int now = active.incrementAndGet();
      max.accumulateAndGet(now, Math::max);
      if (now == 3) {
        threeStarted.complete(null);
      }
      release.await(10, TimeUnit.SECONDS);
      active.decrementAndGet();
      return null;
    }));
    return done();
  }

  /** anyio test_cancel_worker_thread: the task is cancelled while its thread runs. */
  @Async
  public Coroutine<List<String>> cancelWhileTheThreadRuns(boolean abandon) {
    CompletableFuture<Void> threadStarted = new CompletableFuture<>();
    CountDownLatch cancelled = new CountDownLatch(1);
    CompletableFuture<Void> threadFinished = new CompletableFuture<>();
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(taskWorker(abandon, threadStarted, cancelled, threadFinished));
      await(fromFuture(threadStarted));
      tg.cancelScope().cancel();
      cancelled.countDown();
    }
    await(fromFuture(threadFinished));
    return done(new ArrayList<>(log));
  }

  @Async
  public Coroutine<Void> taskWorker(boolean abandon, CompletableFuture<Void> threadStarted, CountDownLatch cancelled,
      CompletableFuture<Void> threadFinished) {
    CountDownLatch taskFinished = new CountDownLatch(1);
    try {
      await(runInThread(() -> {
        threadStarted.complete(null);
        cancelled.await(10, TimeUnit.SECONDS);
        if (abandon) {
          taskFinished.await(10, TimeUnit.SECONDS); // an abandoning task does not wait for the thread
        }
        log.add("thread");
        threadFinished.complete(null);
        return null;
      }, abandon));
      await(sleep(0));      // the cancellation is seen at the next checkpoint
      log.add("task not cancelled");
    } finally {
      log.add("task");
      taskFinished.countDown();
    }
    return done();
  }

  /** anyio test_cancel_wait_on_thread: an abandoned thread still finishes its work. */
  @Async
  public Coroutine<Boolean> abandonedThreadStillFinishes() {
    CountDownLatch event = new CountDownLatch(1);
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(awaitThread(() -> result.complete(event.await(5, TimeUnit.SECONDS))));
      await(waitAllTasksBlocked());
      tg.cancelScope().cancel();
    }
    await(runInThread(() -> {
      event.countDown();
      return null;
    }));
    return done(await(fromFuture(result)));
  }

  @Async
  public Coroutine<Void> awaitThread(java.util.concurrent.Callable<?> body) {
    await(runInThread(body, true));
    return done();
  }

  /** Time does not move while a thread runs: the timeout of 1 s does not fire during 50 ms of real work. */
  @Async
  public Coroutine<String> virtualTimeStandsStillWhileAThreadRuns() {
    String result = "timed out";
    try (CancelScope scope = moveOnAfter(1)) {
      result = await(runInThread(() -> {
        Thread.sleep(50);
        return "done";
      }));
    }
    return done(result + " at " + currentTime());
  }

  /** A task waiting on a stream nobody will ever send to, while a thread runs: a deadlock once it ends. */
  @Async
  public Coroutine<Void> deadlockAfterTheThreadEnds() {
    MemoryObjectStream<String> stream = createMemoryObjectStream(0);
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(awaitThread(() -> {
        Thread.sleep(20);
        return null;
      }));
      await(stream.receiveStream().receive());
    }
    return done();
  }

  // ---------------------------------------------------------------------------------------------
  // fromFuture

  @Async
  public Coroutine<String> futureCompletedByAnotherThread() {
    CompletableFuture<String> f = new CompletableFuture<>();
    new Thread(() -> f.complete("from a thread")).start();
    return done(await(fromFuture(f)));
  }

  @Async
  public Coroutine<String> failedFuture(Throwable failure) {
    try {
      await(fromFuture(CompletableFuture.<String>failedFuture(failure)));
      return done("no exception");
    } catch (RuntimeException e) {
      return done(e.getClass().getSimpleName() + (e.getCause() != null ? " caused by " + e.getCause().getClass().getSimpleName() : ""));
    }
  }

  /** Cancelling the task that awaits a future cancels the future. */
  @Async
  public Coroutine<Boolean> cancellingTheAwaitCancelsTheFuture(CompletableFuture<String> f) {
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(awaitFuture(f));
      await(waitAllTasksBlocked());
      tg.cancelScope().cancel();
    }
    return done(f.isCancelled());
  }

  @Async
  public Coroutine<Void> awaitFuture(CompletableFuture<String> f) {
    log.add(await(fromFuture(f)));
    return done();
  }

  // ---------------------------------------------------------------------------------------------
  // Portals inside a loop

  @Async
  public Coroutine<Integer> add(int a, int b) {
    await(sleep(0));
    log.add("add runs on " + Thread.currentThread().getName());
    return done(a + b);
  }

  /** anyio test_call_corofunc: a worker thread calls a coroutine through the portal. */
  @Async
  public Coroutine<Integer> callFromAWorkerThread() {
    try (@Await BlockingPortal portal = openBlockingPortal()) {
      return done(await(runInThread(() -> portal.call(() -> add(1, 2)))));
    }
  }

  /** anyio test_run_sync_from_thread: a worker thread runs a function on the loop's thread. */
  @Async
  public Coroutine<String> callSyncFromAWorkerThread() {
    String loopThread = Thread.currentThread().getName();
    try (@Await BlockingPortal portal = openBlockingPortal()) {
      String ran = await(runInThread(() -> portal.callSync(() -> Thread.currentThread().getName())));
      return done(ran.equals(loopThread) ? "on the loop thread" : "on " + ran);
    }
  }

  /** Two plain threads, each calling {@code sleep(seconds)} through the portal and logging the outcome. */
  List<Thread> twoCallers(BlockingPortal portal, double seconds) {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Thread t = new Thread(() -> {
        try {
          portal.call(() -> sleep(seconds));
          log.add("call returned");
        } catch (RuntimeException | Error e) {
          log.add(e.getClass().getSimpleName());
        }
      });
      t.start();
      threads.add(t);
    }
    return threads;
  }

  @Async
  public Coroutine<Void> joinAll(List<Thread> threads) {
    for (Thread t : threads) {
      await(runInThread(() -> {
        t.join();
        return null;
      }));
    }
    return done();
  }

  /** anyio test_aexit_without_exception: leaving the portal's block waits for running calls. */
  @Async
  public Coroutine<List<String>> exitWaitsForCalls() {
    List<Thread> threads;
    try (@Await BlockingPortal portal = openBlockingPortal()) {
      threads = twoCallers(portal, 0.2);
      await(sleep(0.1));
      log.add("leaving with " + log.size() + " results");
    }
    await(joinAll(threads));
    return done(new ArrayList<>(log));
  }

  /** anyio test_aexit_with_exception: leaving the block with an exception cancels the running calls. */
  @Async
  public Coroutine<List<String>> exitWithAnExceptionCancelsCalls() {
    List<Thread> threads = new ArrayList<>();
    try {
      try (@Await BlockingPortal portal = openBlockingPortal()) {
        threads.addAll(twoCallers(portal, 3));
        await(sleep(0.1));
        throw new IllegalStateException("boom");
      }
    } catch (RuntimeException e) {
      log.add("block ended with " + e.getClass().getSimpleName());
    }
    await(joinAll(threads));
    return done(new ArrayList<>(log));
  }

  /** anyio test_call_portal_from_event_loop_thread. */
  @Async
  public Coroutine<String> callFromTheLoopThread() {
    try (@Await BlockingPortal portal = openBlockingPortal()) {
      try {
        portal.call(() -> add(1, 2));
        return done("no exception");
      } catch (IllegalStateException e) {
        return done(e.getMessage());
      }
    }
  }
}
