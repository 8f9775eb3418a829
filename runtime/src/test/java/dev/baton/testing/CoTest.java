package dev.baton.testing;

import static dev.baton.Baton.checkpoint;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.currentTime;
import static dev.baton.Baton.moveOnAfter;
import static dev.baton.Baton.sleep;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.cancelScope;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.forEach;
import static dev.baton.testing.Co.raise;
import static dev.baton.testing.Co.repeat;
import static dev.baton.testing.Co.returning;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static dev.baton.testing.Co.tryCatch;
import static dev.baton.testing.Co.tryFinally;
import static dev.baton.testing.Co.whileLoop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Cancelled;
import dev.baton.CancelScope;
import dev.baton.ExceptionGroup;
import dev.baton.MemoryObjectStream;
import dev.baton.lowlevel.AsyncFrame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test DSL itself: each construct behaves like the Java statement it stands for. */
class CoTest extends RuntimeTest {

  @Test
  void stepsRunInOrderAndAwaitDeliversValues() {
    List<Object> log = new ArrayList<>();
    Object result = runVirtual(co(
        run(() -> log.add("a")),
        awaiting(() -> sleep(2), v -> log.add("slept until " + currentTime())),
        awaiting(() -> co(returning(() -> 42)), log::add),
        returning(() -> "end")));
    assertEquals("end", result);
    assertEquals(List.of("a", "slept until 2.0", 42), log);
  }

  @Test
  void coroutineWithoutReturnYieldsNull() {
    Object r = runVirtual(co(run(() -> order.finish(1))));
    assertEquals(null, r);
  }

  @Test
  void raisePropagatesOutOfRun() {
    IllegalStateException e = new IllegalStateException("boom");
    assertSame(e, assertThrows(IllegalStateException.class, () -> runVirtual(co(raise(() -> e)))));
  }

  @Test
  void tryCatchCatchesOnlyTheGivenType() {
    runVirtual(co(
        tryCatch(block(awaiting(() -> sleep(1)), raise(IllegalStateException::new), run(order::expectUnreached)),
            IllegalStateException.class, e -> run(() -> order.expect(1))),
        run(() -> order.finish(2))));
    assertThrows(ArithmeticException.class, () -> runVirtual(co(
        tryCatch(raise(ArithmeticException::new), IllegalStateException.class, e -> run(order::expectUnreached)))));
  }

  @Test
  void tryFinallyRunsCleanupAndRethrows() {
    assertThrows(ArithmeticException.class, () -> runVirtual(co(
        tryFinally(block(run(() -> order.expect(1)), raise(ArithmeticException::new)),
            block(awaiting(() -> sleep(1)), run(() -> order.finish(2)))))));
  }

  @Test
  void exceptionInFinallyReplacesTheBodys() {
    assertThrows(IllegalStateException.class, () -> runVirtual(co(
        tryFinally(raise(ArithmeticException::new), raise(IllegalStateException::new)))));
  }

  @Test
  void returningLeavesEveryEnclosingBlockThroughItsFinally() {
    Object r = runVirtual(co(
        repeat(10, i -> tryFinally(
            block(run(() -> order.expect(1)), returning(() -> "early"), run(order::expectUnreached)),
            run(() -> order.expect(2)))),
        run(order::expectUnreached)));
    order.finish(3);
    assertEquals("early", r);
  }

  @Test
  void loopsRunTheirBodies() {
    List<Integer> seen = new ArrayList<>();
    int[] n = {0};
    runVirtual(co(
        repeat(3, i -> run(() -> seen.add(i))),
        whileLoop(() -> n[0] < 2, () -> awaiting(() -> checkpoint(), v -> seen.add(10 + n[0]++)))));
    assertEquals(List.of(0, 1, 2, 10, 11), seen);
  }

  @Test
  void aRepeatStepCanBeRunTwice() {
    List<Integer> seen = new ArrayList<>();
    Co.Step twice = repeat(2, i -> run(() -> seen.add(i)));
    runVirtual(co(twice, twice));
    assertEquals(List.of(0, 1, 0, 1), seen);
  }

  @Test
  void forEachIteratesUntilTheSendSideIsClosed() {
    List<String> got = new ArrayList<>();
    MemoryObjectStream<String> st = createMemoryObjectStream(5);
    st.sendStream().sendNowait("x");
    st.sendStream().sendNowait("y");
    st.sendStream().close();
    runVirtual(co(forEach(st::receiveStream, item -> run(() -> got.add(item)))));
    assertEquals(List.of("x", "y"), got);
  }

  @Test
  void taskGroupBodyReturnStillWaitsForChildren() {
    Object r = runVirtual(co(
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(awaiting(() -> sleep(3)), run(() -> order.expect(1))))),
            returning(() -> currentTime()))),
        run(order::expectUnreached)));
    order.finish(2);
    assertEquals(0.0, r);
  }

  @Test
  void taskGroupExitRaisesTheGroup() {
    ExceptionGroup g = assertThrows(ExceptionGroup.class, () -> runVirtual(co(
        taskGroup(tg -> raise(() -> new ArithmeticException("body"))))));
    assertEquals("body", g.exceptions().get(0).getMessage());
  }

  @Test
  void cancelScopeSwallowsItsOwnCancellationAndExposesTheScope() {
    CancelScope[] scope = new CancelScope[1];
    runVirtual(co(
        cancelScope(() -> moveOnAfter(1), s -> block(
            run(() -> scope[0] = s),
            awaiting(() -> sleep(5)),
            run(order::expectUnreached))),
        run(() -> assertEquals(1.0, currentTime())),
        run(() -> order.finish(1))));
    assertTrue(scope[0].cancelledCaught());
  }

  @Test
  void cancelledEscapesACatchForAnotherType() {
    runVirtual(co(cancelScope(() -> moveOnAfter(1), s -> tryCatch(
        awaiting(() -> sleep(5)), RuntimeException.class, e -> run(order::expectUnreached)))));
  }

  /**
   * The oracle: the DSL and a hand-written state machine (as the processor will generate) produce
   * the same trace for the same body.
   */
  @Test
  void dslMatchesAHandWrittenFrame() {
    List<String> dsl = new ArrayList<>();
    runVirtual(co(
        tryCatch(block(
            run(() -> dsl.add("start " + currentTime())),
            awaiting(() -> sleep(1)),
            cancelScope(() -> moveOnAfter(1), s -> awaiting(() -> sleep(10))),
            run(() -> dsl.add("moved on " + currentTime())),
            raise(() -> new IllegalStateException("x"))),
            IllegalStateException.class, e -> run(() -> dsl.add("caught " + e.getMessage())))));

    List<String> hand = new ArrayList<>();
    runVirtual(new AsyncFrame<Void>() {
      CancelScope s;

      @Override
      protected Object $step(Object $value, Throwable $error) throws Throwable {
        for (;;) {
          try {
            switch ($state) {
              case 0:
                hand.add("start " + currentTime());
                return $await(1, sleep(1));
              case 1:
                if ($error != null) {
                  throw $error;
                }
                s = moveOnAfter(1);
                return $await(2, sleep(10));
              case 2: {
                Throwable t = AsyncFrame.$closeSync(s, $error);
                if (t != null) {
                  throw t;
                }
                hand.add("moved on " + currentTime());
                throw new IllegalStateException("x");
              }
              default:
                throw new AssertionError();
            }
          } catch (IllegalStateException e) {
            hand.add("caught " + e.getMessage());
            return $complete(null);
          }
        }
      }
    });
    assertEquals(List.of("start 0.0", "moved on 2.0", "caught x"), dsl);
    assertEquals(hand, dsl);
  }

  @Test
  void orderCheckerRejectsAnEventOutOfOrder() {
    OrderChecker o = new OrderChecker();
    o.expect(1);
    assertThrows(AssertionError.class, () -> o.expect(3));
    OrderChecker unfinished = new OrderChecker();
    unfinished.expect(1);
    assertThrows(AssertionError.class, unfinished::verify);
  }

  @Test
  void aCancelledAssertionIsNotLost() {
    // An assertion failing inside a cancelled child still fails the run (it is not a Cancelled).
    assertThrows(ExceptionGroup.class, () -> runVirtual(co(taskGroup(tg -> run(() -> {
      tg.cancelScope().cancel();
      tg.startSoon(co(run(() -> {
        throw new AssertionError("seen");
      })));
    })))));
    assertTrue(Cancelled.class.getSuperclass() == Error.class);
  }

}
