package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.dumpTasks;
import static dev.baton.Baton.moveOnAfter;
import static dev.baton.Baton.sleep;

import dev.baton.Acquired;
import dev.baton.Baton;
import dev.baton.BlockingPortal;
import dev.baton.CancelScope;
import dev.baton.Coroutine;
import dev.baton.Lock;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectStream;
import dev.baton.RunOptions;
import dev.baton.TaskDump;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.time.Duration;
import java.util.List;

/**
 * The code samples of the guide's chapter "Debugging", compiled and tested like those of
 * {@link GuideSamples}.
 */
public class GuideDebugSamples {

  // snippet:dump-tasks
  @Async
  public Coroutine<String> consume(MemoryObjectReceiveStream<String> in) {
    return done(await(in.receive()));        // waits here: nobody sends
  }

  @Async
  public Coroutine<Void> napInAScope() {
    try (CancelScope scope = moveOnAfter(5)) {
      await(sleep(10));                      // the scope gives up after 5 s
    }
    return done();
  }

  @Async
  public Coroutine<String> dumpAPipeline() {
    MemoryObjectStream<String> stream = createMemoryObjectStream(0);
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(consume(stream.receiveStream()), "consumer");
      tg.startSoon(napInAScope(), "napper");
      await(sleep(1));
      TaskDump dump = dumpTasks();           // every task of the loop, taken between two steps
      tg.cancelScope().cancel();
      return done(dump.toString());
    }
  }
  // end:dump-tasks

  // snippet:dump-from-a-thread
  public static String dumpAsJson(BlockingPortal portal) {
    return portal.dumpTasks().toJson();      // from any thread: taken on the loop, between two steps
  }
  // end:dump-from-a-thread

  // snippet:lock-order-deadlock
  @Async
  public Coroutine<Void> transfer(Lock from, Lock to) {
    try (Acquired source = await(from.acquire())) {
      await(sleep(0.1));                     // the other transfer takes its first lock meanwhile
      try (Acquired target = await(to.acquire())) {
        return done();
      }
    }
  }

  @Async
  public Coroutine<Void> transferBothWays() {
    Lock a = new Lock();
    Lock b = new Lock();
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(transfer(a, b), "a-to-b");
      tg.startSoon(transfer(b, a), "b-to-a");
    }
    return done();
  }
  // end:lock-order-deadlock

  // snippet:debug-mode
  @Async
  public Coroutine<Void> stallTheLoop() {
    await(sleep(0.01));
    blockingCall(Duration.ofMillis(200));    // every task stalls: debug mode reports this step
    await(sleep(0.01));
    return done();
  }

  public static void runInDebugMode(Coroutine<?> main, List<String> reports) {
    Baton.run(main, RunOptions.defaults()
        .withSlowStepThreshold(Duration.ofMillis(50))   // debug mode on: steps of 50 ms or more
        .withSlowStepReporter(reports::add));           // to a list instead of System.err
  }
  // end:debug-mode

  /** A call that blocks its thread, as JDBC or a file read would. */
  static void blockingCall(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
