package dev.baton;

import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.core.Loop;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The loop and the world outside it, at the core's level: other threads post to the loop's inbox,
 * outside work keeps an idle loop waiting instead of reporting a deadlock, and a program that never
 * touches a socket never opens a selector.
 */
class OutsideWorldTest extends RuntimeTest {
  @Test
  void aProgramWithoutSocketsOpensNoSelector() {
    List<Object> seen = new ArrayList<>();
    runVirtual(co(
        awaiting(() -> Baton.sleep(1)),
        run(() -> seen.add(Loop.running().ioIfOpen())),
        run(() -> seen.add(Baton.networkStatistics()))));
    assertNull(seen.get(0));
    assertEquals(new NetworkStatistics(0, 0, 0, 0, 0), seen.get(1));
  }

  @Test
  void aPostFromAnotherThreadWakesTheIdleLoop() {
    List<String> log = new ArrayList<>();
    CompletableFuture<String> f = new CompletableFuture<>();
    String value = Baton.run(co(
        run(() -> new Thread(() -> f.complete("posted")).start()),
        awaiting(() -> Baton.fromFuture(f), log::add)));
    assertNull(value);
    assertEquals(List.of("posted"), log);
  }

  @Test
  void postingToALoopThatHasEndedIsAnIllegalStateException() {
    Loop[] loop = new Loop[1];
    Baton.run(co(run(() -> loop[0] = Loop.running())));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop[0].post(() -> {}));
    assertEquals("the Baton loop has finished running", e.getMessage());
  }

  @Test
  void outsideWorkPendingIsNoDeadlockButItsEndWithNothingElseIs() {
    DeadlockException e = assertThrows(DeadlockException.class, () -> Baton.run(co(
        run(() -> {
          Loop l = Loop.running();
          l.beginExternalWork();
          new Thread(() -> l.post(l::endExternalWork)).start();
        }),
        awaiting(Baton::sleepForever))));
    assertTrue(e.getMessage().contains("sleepForever()"), e.getMessage());
  }

  @Test
  void aLoopOnlyCallFromAnotherThreadNamesThePortal() {
    MemoryObjectStream<Integer>[] stream = new MemoryObjectStream[1];
    Throwable[] thrown = new Throwable[1];
    Baton.run(co(
        run(() -> stream[0] = Baton.createMemoryObjectStream(1)),
        awaiting(() -> Baton.runInThread(() -> {
          try {
            stream[0].sendStream().sendNowait(1);
          } catch (IllegalStateException ex) {
            thrown[0] = ex;
          }
          return null;
        }))));
    assertTrue(thrown[0].getMessage().contains("belongs to the Baton loop running on thread"), thrown[0].getMessage());
    assertTrue(thrown[0].getMessage().contains("BlockingPortal"), thrown[0].getMessage());
  }
}
