package dev.baton;

import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.cancelScope;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.forEach;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static dev.baton.testing.Co.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.testing.Co;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Trio's checkpoint rules (semantics §1.1, API.md "Checkpoints"): an operation that can suspend is
 * always a schedule point and a cancel point, a synchronous one never is; the schedule point comes
 * first, so a cancellation issued while the task yielded is raised at that same checkpoint. Includes
 * trio {@code test_cancel_points} and the checkpoint parts of {@code test_trivial_yields}.
 *
 * <p>Schedule points are observed with a sibling task started just before the operation: it logs
 * "sibling" if and only if the operation let it run.
 */
class CheckpointTest extends RuntimeTest {
  private final List<Object> log = new ArrayList<>();
  private final CancelScope[] scopes = new CancelScope[1];

  /** Runs {@code op} right after starting a sibling that logs; the op logs "after" when it returns. */
  private List<Object> observe(Function<TaskGroup, Co.Step> op) {
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(run(() -> log.add("sibling"))))),
        op.apply(tg),
        run(() -> log.add("after"))))));
    return log;
  }

  private static final List<Object> YIELDED = List.of("sibling", "after");
  private static final List<Object> DID_NOT_YIELD = List.of("after", "sibling");

  /** {@code try { step } catch (Cancelled c) { log.add(what) }}: the step must raise Cancelled. */
  private Co.Step expectCancelled(Co.Step step, String what) {
    return tryCatch(block(step, run(order::expectUnreached)), Cancelled.class, c -> run(() -> log.add(what)));
  }

  // ---------------------------------------------------------------------------------------------
  // trio test_cancel_points

  @Test
  void checkpointIfCancelledRaisesOnlyOnceTheScopeIsCancelled() {
    // trio test_run.py::test_cancel_points (main1)
    runVirtual(co(cancelScope(Baton::openCancelScope, s -> block(
        awaiting(Baton::checkpointIfCancelled),
        run(s::cancel),
        expectCancelled(awaiting(Baton::checkpointIfCancelled), "raised")))));
    assertEquals(List.of("raised"), log);
  }

  @Test
  void checkpointRaisesOnlyOnceTheScopeIsCancelled() {
    // trio test_run.py::test_cancel_points (main2)
    runVirtual(co(cancelScope(Baton::openCancelScope, s -> block(
        checkpointStep(),
        run(s::cancel),
        expectCancelled(checkpointStep(), "raised")))));
    assertEquals(List.of("raised"), log);
  }

  @Test
  void sleepForeverInACancelledScopeRaises() {
    // trio test_run.py::test_cancel_points (main3)
    runVirtual(co(cancelScope(Baton::openCancelScope, s -> block(
        run(s::cancel),
        expectCancelled(awaiting(Baton::sleepForever), "raised")))));
    assertEquals(List.of("raised"), log);
  }

  @Test
  void cancelShieldedCheckpointsNeverRaiseButTheNextCheckpointDoes() {
    // trio test_run.py::test_cancel_points (main4)
    runVirtual(co(cancelScope(Baton::openCancelScope, s -> block(
        run(s::cancel),
        awaiting(Baton::cancelShieldedCheckpoint),
        awaiting(Baton::cancelShieldedCheckpoint),
        expectCancelled(checkpointStep(), "raised")))));
    assertEquals(List.of("raised"), log);
  }

  // ---------------------------------------------------------------------------------------------
  // Schedule points

  @Test
  void checkpointIsASchedulePoint() {
    // trio test_run.py::test_trivial_yields (checkpoint part)
    assertEquals(YIELDED, observe(tg -> checkpointStep()));
  }

  @Test
  void checkpointIfCancelledPlusCancelShieldedCheckpointIsASchedulePoint() {
    // trio test_run.py::test_trivial_yields (second part)
    assertEquals(YIELDED, observe(tg -> block(awaiting(Baton::checkpointIfCancelled), awaiting(Baton::cancelShieldedCheckpoint))));
  }

  @Test
  void checkpointIfCancelledDoesNotYield() {
    // semantics §1.1: checkpoint_if_cancelled returns without yielding
    assertEquals(DID_NOT_YIELD, observe(tg -> awaiting(Baton::checkpointIfCancelled)));
  }

  @Test
  void sleepZeroIsACheckpoint() {
    // semantics §1.1: sleep(0) is checkpoint()
    assertEquals(YIELDED, observe(tg -> sleepStep(0)));
  }

  @Test
  void sleepUntilAPassedDeadlineIsStillACheckpoint() {
    // semantics §1.1: sleep_until(t) = sleep(max(t - now, 0))
    assertEquals(YIELDED, observe(tg -> awaiting(() -> Baton.sleepUntil(-1))));
  }

  @Test
  void awaitingACoroutineIsNotACheckpoint() {
    // protocol.md: a coroutine is called, not scheduled
    assertEquals(DID_NOT_YIELD, observe(tg -> block(awaiting(() -> co(run(() -> {}))), awaiting(() -> Baton.done(1)))));
  }

  @Test
  void startSoonAndEnteringGroupsAndScopesDoNotYield() {
    // semantics §1.1 / §1.3: start_soon never runs the child; entering a group or a scope is not a checkpoint
    assertEquals(DID_NOT_YIELD, observe(tg -> block(
        run(() -> tg.startSoon(co())),
        run(() -> Baton.openCancelScope().close()),
        cancelScope(() -> Baton.moveOnAfter(1), s -> run(s::cancel)))));
  }

  @Test
  void startIsASchedulePointEvenWhenTheStarterFunctionCallsStarted() {
    // protocol.md: start() is always a checkpoint
    assertEquals(YIELDED, observe(tg -> awaiting(() -> tg.start(status -> {
      status.started();
      return co();
    }))));
  }

  @Test
  void sendThatCompletesAtOnceIsASchedulePoint() {
    // protocol.md: send checks cancellation first and yields after completing at once
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    assertEquals(YIELDED, observe(tg -> awaiting(() -> s.sendStream().send("x"))));
  }

  @Test
  void receiveThatCompletesAtOnceIsASchedulePoint() {
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    s.sendStream().sendNowait("x");
    assertEquals(YIELDED, observe(tg -> awaiting(() -> s.receiveStream().receive())));
  }

  @Test
  void everyAsyncIterationStepIsASchedulePointIncludingTheLast() {
    // trio's checkpoint rule: async for checkpoints once per iteration, including the final one
    MemoryObjectStream<Integer> s = createMemoryObjectStream(2);
    s.sendStream().sendNowait(1);
    s.sendStream().sendNowait(2);
    s.sendStream().close();
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(Co.repeat(3, i -> block(run(() -> log.add("sibling " + i)), checkpointStep()))))),
        forEach(s::receiveStream, item -> run(() -> log.add("item " + item))),
        run(() -> log.add("end"))))));
    assertEquals(List.of("sibling 0", "item 1", "sibling 1", "item 2", "sibling 2", "end"), log);
  }

  // ---------------------------------------------------------------------------------------------
  // Cancel points

  @Test
  void cancellationIssuedWhileTheTaskYieldedIsRaisedAtThatCheckpoint() {
    // semantics §1.1: trio does the schedule point first, then the cancel check
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, s -> block(
        run(() -> tg.startSoon(co(run(s::cancel)))),
        expectCancelled(checkpointStep(), "raised at the same checkpoint"))))));
    assertEquals(List.of("raised at the same checkpoint"), log);
  }

  @Test
  void sendThatCompletedAtOnceIsNotReportedAsCancelled() {
    // protocol.md: a completed operation is never reported as cancelled; the next checkpoint raises
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, scope -> block(
        run(() -> tg.startSoon(co(run(scope::cancel)))),
        awaiting(() -> s.sendStream().send("x")),
        run(() -> log.add("sent")),
        expectCancelled(checkpointStep(), "next checkpoint raised"))))));
    assertEquals(List.of("sent", "next checkpoint raised"), log);
    assertEquals("x", s.receiveStream().receiveNowait());
  }

  @Test
  void receiveThatCompletedAtOnceIsNotReportedAsCancelled() {
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    s.sendStream().sendNowait("x");
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, scope -> block(
        run(() -> tg.startSoon(co(run(scope::cancel)))),
        awaiting(() -> s.receiveStream().receive(), log::add),
        expectCancelled(checkpointStep(), "next checkpoint raised"))))));
    assertEquals(List.of("x", "next checkpoint raised"), log);
  }

  @Test
  void synchronousOperationsNeverRaiseInACancelledScope() {
    // semantics §1.1 [obs anyio]: nowait calls, close, clone, cancel, startSoon run normally and the
    // scope catches nothing
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, scope -> block(
        run(() -> scopes[0] = scope),
        run(scope::cancel),
        run(() -> {
          s.sendStream().sendNowait("x");
          log.add(s.receiveStream().receiveNowait());
          MemoryObjectSendStream<String> clone = s.sendStream().clone();
          clone.close();
          scope.cancel();
          tg.startSoon(co());
          Baton.openCancelScope().close();
          s.receiveStream().close();
          s.sendStream().close();
        }),
        taskGroup(inner -> block()),
        run(() -> log.add("done")))))));
    assertEquals(List.of("x", "done"), log);
    assertFalse(scopes[0].cancelledCaught());
  }

  @Test
  void groupExitWithChildrenLeftIsNotACancelPoint() {
    // semantics §2.3: the host waiting in the exit is not interrupted, and the exit does not raise
    // afterwards; the next checkpoint in the cancelled scope does
    runVirtual(co(cancelScope(Baton::openCancelScope, scope -> block(
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(cancelScope(() -> Baton.openCancelScope(true), shield -> block(
                sleepStep(1),
                run(() -> log.add("shielded child done"))))))),
            run(scope::cancel))),
        run(() -> log.add("after the group at " + Baton.currentTime())),
        expectCancelled(checkpointStep(), "next checkpoint raised")))));
    assertEquals(List.of("shielded child done", "after the group at 1.0", "next checkpoint raised"), log);
  }

  @Test
  void invalidSleepDurationsAreRejected() {
    // trio: sleep(x) with x < 0 or NaN is a ValueError
    assertThrows(IllegalArgumentException.class, () -> Baton.sleep(-1));
    assertThrows(IllegalArgumentException.class, () -> Baton.sleep(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Baton.sleepUntil(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Baton.sleep(java.time.Duration.ofSeconds(-1)));
  }
}
