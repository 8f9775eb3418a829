package dev.baton;

import static dev.baton.Baton.currentEffectiveDeadline;
import static dev.baton.Baton.currentTime;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.cancelScope;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.raise;
import static dev.baton.testing.Co.repeat;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static dev.baton.testing.Co.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.core.Loop;
import dev.baton.core.Operation;
import dev.baton.core.Task;
import dev.baton.testing.Co;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Nurseries and cancellation: the port of the nursery / cancel-scope subset of trio's
 * {@code src/trio/_core/_tests/test_run.py} (catalogue §10.4), plus the {@code start()} /
 * {@code started()} edge cases of semantics §2.5. Trio's Python exception types map to Java ones:
 * {@code KeyError} → {@link NoSuchElementException}, {@code ValueError} → {@link IllegalArgumentException},
 * {@code RuntimeError} → {@link IllegalStateException}.
 */
class NurseryCancellationTest extends RuntimeTest {
  private final List<Object> log = new ArrayList<>();
  private final CancelScope[] scopes = new CancelScope[3];
  private final TaskGroup[] groups = new TaskGroup[2];

  /** {@code try { step } catch (Cancelled c) { log.add(what) }}: the step must raise Cancelled. */
  private Co.Step expectCancelled(Co.Step step, String what) {
    return tryCatch(block(step, run(order::expectUnreached)), Cancelled.class, c -> run(() -> log.add(what)));
  }

  /** trio's {@code sleep_then_start(seconds, task_status)}: sleep, started(seconds), sleep again. */
  private static Coroutine<Void> sleepThenStart(double seconds, TaskStatus<Double> status) {
    return co(sleepStep(seconds), run(() -> status.started(seconds)), sleepStep(seconds));
  }

  /**
   * trio's {@code wait_task_rescheduled(abort_fn)} for an abort function that refuses
   * ({@code Abort.FAILED}): the task stays parked until {@link #wake} reschedules it.
   */
  private static final class StubbornWait extends Operation implements Awaitable<Object> {
    private final Consumer<StubbornWait> onAbort;
    Task task;
    Loop runner;

    StubbornWait(Consumer<StubbornWait> onAbort) {
      this.onAbort = onAbort;
    }

    @Override
    protected Object begin(Task t, Loop r) {
      task = t;
      runner = r;
      return r.park(t, this);
    }

    @Override
    protected boolean abort(Task t, Loop r) {
      onAbort.accept(this);
      return false;
    }

    /** trio's {@code reschedule(task, outcome)}. */
    void wake(Object value, Throwable error) {
      if (error != null) {
        runner.fail(task, error);
      } else {
        runner.resume(task, value);
      }
    }

    @Override
    public String toString() {
      return "a stubborn wait";
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes and exception groups

  @Test
  void bodyFailureIsTheGroupsOnlyMember() {
    // trio test_run.py::test_nursery_main_block_error_basic
    IllegalArgumentException exc = new IllegalArgumentException("main block");
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> raise(() -> exc)))), IllegalArgumentException.class);
    assertSame(exc, g.exceptions().get(0));
  }

  @Test
  void childCrashIsTheGroupsOnlyMember() {
    // trio test_run.py::test_child_crash_basic
    IllegalArgumentException exc = new IllegalArgumentException("child");
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> run(() -> tg.startSoon(co(raise(() -> exc))))))),
        IllegalArgumentException.class);
    assertSame(exc, g.exceptions().get(0));
  }

  @Test
  void siblingsInterleaveOneStepPerSchedulerRound() {
    // trio test_run.py::test_basic_interleave (trio checks sets per round; our FIFO order is exact)
    runVirtual(co(taskGroup(tg -> run(() -> {
      for (String name : List.of("a", "b")) {
        tg.startSoon(co(repeat(3, i -> block(run(() -> log.add(name + i)), checkpointStep()))));
      }
    }))));
    assertEquals(List.of("a0", "b0", "a1", "b1", "a2", "b2"), log);
  }

  @Test
  void crashCancelsALoopingSibling() {
    // trio test_run.py::test_task_crash_propagation
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> run(() -> {
      tg.startSoon(co(tryCatch(Co.whileLoop(() -> true, () -> checkpointStep()), Cancelled.class,
          c -> run(() -> log.add("cancelled")))));
      tg.startSoon(co(raise(() -> new IllegalArgumentException("argh"))));
    })))), IllegalArgumentException.class);
    assertEquals("argh", g.exceptions().get(0).getMessage());
    assertEquals(List.of("cancelled"), log);
  }

  @Test
  void bodyAndChildCrashesAreBothReported() {
    // trio test_run.py::test_main_and_task_both_crash (the body's error is recorded first: it reaches
    // the exit before the child runs)
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(raise(IllegalArgumentException::new)))),
        raise(NoSuchElementException::new))))), NoSuchElementException.class, IllegalArgumentException.class);
  }

  @Test
  void twoChildCrashesAreBothReportedInOrder() {
    // trio test_run.py::test_two_child_crashes
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> run(() -> {
      tg.startSoon(co(raise(NoSuchElementException::new)));
      tg.startSoon(co(raise(IllegalArgumentException::new)));
    })))), NoSuchElementException.class, IllegalArgumentException.class);
  }

  @Test
  void childCrashWakesTheBodySleepingForever() {
    // trio test_run.py::test_child_crash_wakes_parent
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(raise(() -> new IllegalArgumentException("this is a crash"))))),
        awaiting(Baton::sleepForever))))), IllegalArgumentException.class);
    assertEquals("this is a crash", g.exceptions().get(0).getMessage());
  }

  @Test
  void bodyExceptionIsWrappedInAGroup() {
    // trio test_run.py::test_nursery_explicit_exception
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> raise(NoSuchElementException::new)))), NoSuchElementException.class);
  }

  @Test
  void iterationControlExceptionsAreNotSpecialCased() {
    // trio test_run.py::test_nursery_stop_iteration (Java's NoSuchElementException stands for StopIteration)
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(raise(IllegalArgumentException::new)))),
        raise(NoSuchElementException::new))))), NoSuchElementException.class, IllegalArgumentException.class);
  }

  @Test
  void nestedGroupFailureIsNotCollapsedWhenItsCancellationsAreDropped() {
    // trio test_run.py::test_nursery_collapse (strict exception groups)
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(outer -> block(
        run(() -> outer.startSoon(co(awaiting(Baton::sleepForever)))),
        run(() -> outer.startSoon(co(raise(() -> new IllegalStateException("test error"))))),
        taskGroup(inner -> run(() -> {
          inner.startSoon(co(awaiting(Baton::sleepForever)));
          inner.startSoon(co(raise(() -> new IllegalStateException("test error"))));
          outer.cancelScope().cancel();
        })))))), IllegalStateException.class, ExceptionGroup.class);
    ExceptionGroup inner = (ExceptionGroup) g.exceptions().get(1);
    assertEquals(1, inner.exceptions().size());
    assertInstanceOf(IllegalStateException.class, inner.exceptions().get(0));
  }

  @Test
  void outerCancelledScopeDoesNotHideTheGroupsRealFailure() {
    // trio test_run.py::test_cancel_scope_exceptiongroup_filtering (adapted: trio's nursery raises
    // [Cancelled, Cancelled, Cancelled, KeyError] and the outer scope strips the Cancelleds; our groups
    // never contain cancellations, so [KeyError] comes out of the group and passes the outer scope)
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(cancelScope(Baton::openCancelScope, outer -> block(
        run(() -> scopes[0] = outer),
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(expectCancelled(awaiting(Baton::sleepForever), "t1")))),
            run(() -> tg.startSoon(co(expectCancelled(awaiting(Baton::sleepForever), "t2")))),
            run(() -> tg.cancelScope().cancel()),
            cancelScope(() -> Baton.openCancelScope(true), shield -> untilAllBlocked()),
            run(() -> tg.startSoon(co(expectCancelled(awaiting(Baton::sleepForever), "t3")))),
            run(outer::cancel),
            run(() -> tg.startSoon(co(raise(NoSuchElementException::new)))))))))), NoSuchElementException.class);
    assertEquals(1, g.exceptions().size());
    assertEquals(List.of("t1", "t2", "t3"), log);
    assertTrue(scopes[0].cancelCalled());
  }

  // ---------------------------------------------------------------------------------------------
  // Cancellation reaching tasks

  @Test
  void taskSpawnedIntoACancelledGroupStartsAndIsCancelledAtItsFirstBlockingCall() {
    // trio test_run.py::test_precancelled_task
    runVirtual(co(taskGroup(tg -> run(() -> {
      tg.cancelScope().cancel();
      tg.startSoon(co(run(() -> log.add("started")), awaiting(Baton::sleepForever), run(order::expectUnreached)));
    }))));
    assertEquals(List.of("started"), log);
  }

  @Test
  void shieldProtectsFromOuterButNotFromInnerOrOwnCancellation() {
    // trio test_run.py::test_cancel_shielding (the TypeError for a non-bool shield is Java's type checking)
    runVirtual(co(cancelScope(Baton::openCancelScope, outer -> cancelScope(Baton::openCancelScope, inner -> block(
        run(() -> scopes[0] = inner),
        checkpointStep(),
        run(outer::cancel),
        expectCancelled(checkpointStep(), "outer cancelled"),
        run(() -> assertFalse(inner.shield())),
        run(() -> inner.setShield(true)),
        run(() -> assertTrue(inner.shield())),
        checkpointStep(),
        cancelScope(Baton::openCancelScope, innerest -> block(
            run(innerest::cancel),
            expectCancelled(checkpointStep(), "innerest cancelled"))),
        checkpointStep(),
        run(() -> inner.setShield(false)),
        expectCancelled(checkpointStep(), "unshielded"),
        run(() -> inner.setShield(true)),
        checkpointStep(),
        run(inner::cancel),
        checkpointStep(),
        run(order::expectUnreached))))));
    assertEquals(List.of("outer cancelled", "innerest cancelled", "unshielded"), log);
    assertTrue(scopes[0].cancelledCaught());
  }

  @Test
  void cancellingTheTopGroupReachesEveryGrandchild() {
    // trio test_run.py::test_cancel_inheritance (trio compares sets; our order is deterministic)
    runVirtual(co(taskGroup(tg -> run(() -> {
      for (String w : List.of("w1", "w2")) {
        tg.startSoon(co(taskGroup(worker -> run(() -> {
          for (String l : List.of("-l1", "-l2")) {
            worker.startSoon(co(expectCancelled(awaiting(Baton::sleepForever), w + l)));
          }
        }))));
      }
      tg.cancelScope().cancel();
    }))));
    assertEquals(List.of("w1-l1", "w1-l2", "w2-l1", "w2-l2"), log);
  }

  @Test
  void unshieldingTheGroupAbortsAChildsSleepAtOnce() {
    // trio test_run.py::test_cancel_shield_abort
    runVirtual(co(cancelScope(Baton::openCancelScope, outer -> taskGroup(tg -> block(
        run(outer::cancel),
        run(() -> tg.cancelScope().setShield(true)),
        run(() -> tg.startSoon(co(
            run(() -> log.add("sleeping")),
            expectCancelled(awaiting(Baton::sleepForever), "cancelled")))),
        untilAllBlocked(),
        run(() -> assertEquals(List.of("sleeping"), log)),
        run(() -> tg.cancelScope().setShield(false)),
        cancelScope(() -> Baton.openCancelScope(true), shield -> block(
            untilAllBlocked(),
            run(() -> assertEquals(List.of("sleeping", "cancelled"), log)),
            run(() -> order.finish(1)))))))));
  }

  @Test
  void cancelFromAnotherTaskReachesTheScopeOwner() {
    // trio test_run.py::test_cancel_unbound (adapted: a scope is entered when created, so "cancel
    // before entry" and "enter twice" cannot be written; what remains is the cancel from another task
    // and the shield set from another task)
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(cancelScope(Baton::openCancelScope, s -> block(
            run(() -> scopes[0] = s),
            awaiting(Baton::sleepForever)))))),
        untilAllBlocked(),
        run(() -> scopes[0].cancel())))));
    assertTrue(scopes[0].cancelledCaught());
  }

  @Test
  void refusedAbortLeavesTheTaskBlockedUntilRescheduledByHand() {
    // trio test_run.py::test_failed_abort
    StubbornWait wait = new StubbornWait(w -> log.add("abort refused"));
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(cancelScope(Baton::openCancelScope, s -> block(
            run(() -> scopes[0] = s),
            run(() -> log.add("sleep")),
            awaiting(() -> wait, v -> {
              assertEquals(1, v);
              log.add("woke");
            }),
            tryCatch(awaiting(Baton::checkpointIfCancelled), Cancelled.class, c -> run(() -> log.add("cancelled")))))))),
        untilAllBlocked(),
        run(() -> assertEquals(List.of("sleep"), log)),
        run(() -> scopes[0].cancel()),
        untilAllBlocked(),
        run(() -> assertEquals(List.of("sleep", "abort refused"), log)),
        run(() -> wait.wake(1, null))))));
    assertEquals(List.of("sleep", "abort refused", "woke", "cancelled"), log);
  }

  @Test
  void slowAbortDeliversTheCancellation() {
    // trio test_run.py::test_slow_abort_basic: the abort refuses but reschedules the task with Cancelled itself
    StubbornWait wait = new StubbornWait(w -> w.wake(null, w.runner.newCancelled(w.task)));
    runVirtual(co(cancelScope(Baton::openCancelScope, s -> block(
        run(() -> scopes[0] = s),
        run(s::cancel),
        expectCancelled(awaiting(() -> wait), "cancelled")))));
    assertEquals(List.of("cancelled"), log);
  }

  @Test
  void abortIsAttemptedOncePerWaitAndALateCancellationIsStillDelivered() {
    // trio test_run.py::test_slow_abort_edge_cases
    Cancelled[] captured = new Cancelled[1];
    StubbornWait wait = new StubbornWait(w -> {
      log.add("abort-called");
      captured[0] = (Cancelled) w.runner.newCancelled(w.task);
    });
    runVirtual(co(cancelScope(Baton::openCancelScope, outer1 -> cancelScope(Baton::openCancelScope, outer2 -> taskGroup(tg -> block(
        run(() -> tg.startSoon(co(
            run(() -> log.add("sleeping")),
            expectCancelled(awaiting(() -> wait), "cancelled"),
            checkpointStep(), // shielded by now
            run(() -> log.add("done"))))),
        untilAllBlocked(),
        run(() -> assertEquals(List.of("sleeping"), log)),
        run(outer1::cancel),
        run(() -> assertEquals(List.of("sleeping", "abort-called"), log)),
        run(outer1::cancel),
        run(outer2::cancel),
        run(() -> assertEquals(List.of("sleeping", "abort-called"), log)),
        run(() -> tg.cancelScope().setShield(true)),
        run(() -> wait.wake(null, captured[0]))))))));
    assertEquals(List.of("sleeping", "abort-called", "cancelled", "done"), log);
  }

  // ---------------------------------------------------------------------------------------------
  // Deadlines and checkpoints

  @Test
  void effectiveDeadlineFollowsDeadlinesShieldsAndCancellation() {
    // trio test_run.py::test_current_effective_deadline (virtual clock at 0)
    double inf = Double.POSITIVE_INFINITY;
    runVirtual(co(
        run(() -> assertEquals(inf, currentEffectiveDeadline())),
        cancelScope(() -> Baton.moveOnAt(5), s1 -> block(
            cancelScope(() -> Baton.moveOnAt(10), s2 -> run(() -> {
              assertEquals(5, currentEffectiveDeadline());
              s2.setDeadline(3);
              assertEquals(3, currentEffectiveDeadline());
              s2.setDeadline(10);
              assertEquals(5, currentEffectiveDeadline());
              s2.setShield(true);
              assertEquals(10, currentEffectiveDeadline());
              s2.setShield(false);
              assertEquals(5, currentEffectiveDeadline());
              s1.cancel();
              assertEquals(-inf, currentEffectiveDeadline());
              s2.setShield(true);
              assertEquals(10, currentEffectiveDeadline());
            })),
            run(() -> assertEquals(-inf, currentEffectiveDeadline())))),
        run(() -> assertEquals(inf, currentEffectiveDeadline())),
        run(() -> order.finish(1))));
  }

  @Test
  void emptyGroupInACancelledScopeIsASchedulePointButNotACancelPoint() {
    // trio test_run.py::test_trivial_yields (nursery part): the sibling runs during the exit, nothing raises
    runVirtual(co(taskGroup(observer -> block(
        run(() -> observer.startSoon(co(run(() -> log.add("sibling ran"))))),
        cancelScope(Baton::openCancelScope, cs -> block(
            run(() -> scopes[0] = cs),
            run(cs::cancel),
            taskGroup(tg -> block()),
            run(() -> log.add("after the group"))))))));
    assertEquals(List.of("sibling ran", "after the group"), log);
    assertFalse(scopes[0].cancelledCaught());
  }

  @Test
  void groupWhoseChildNeverCheckpointsInACancelledScopeDoesNotRaise() {
    // trio test_run.py::test_trivial_yields (noop_with_no_checkpoint part)
    runVirtual(co(cancelScope(Baton::openCancelScope, cs -> block(
        run(() -> scopes[0] = cs),
        run(cs::cancel),
        taskGroup(tg -> run(() -> tg.startSoon(co(run(() -> log.add("noop")))))),
        run(() -> log.add("after the group"))))));
    assertEquals(List.of("noop", "after the group"), log);
    assertFalse(scopes[0].cancelledCaught());
  }

  @Test
  void bodyFailureInACancelledScopeStillComesOutAsAGroup() {
    // trio test_run.py::test_trivial_yields (last part)
    assertGroupOf(() -> runVirtual(co(cancelScope(Baton::openCancelScope, cs -> block(
        run(cs::cancel),
        taskGroup(tg -> raise(NoSuchElementException::new)))))), NoSuchElementException.class);
  }

  // ---------------------------------------------------------------------------------------------
  // Closure and start()

  @Test
  void childMayStartTasksWhileTheHostWaitsInTheExitButNotAfterIt() {
    // trio test_run.py::test_nursery_closure
    runVirtual(co(taskGroup(tg -> block(
        run(() -> groups[0] = tg),
        run(() -> tg.startSoon(co(run(() -> tg.startSoon(co(run(() -> log.add("child2")))))))))),
        run(() -> assertThrows(IllegalStateException.class, () -> groups[0].startSoon(Baton.done())))));
    assertEquals(List.of("child2"), log);
  }

  @Test
  void startReturnsWhenTheChildCallsStartedAndTheGroupWaitsForItsEnd() {
    // trio test_run.py::test_nursery_start (happy path, on the virtual clock)
    for (double seconds : new double[] {1, 2}) {
      log.clear();
      runVirtual(co(
          taskGroup(tg -> awaiting(() -> tg.<Double>start(status -> sleepThenStart(seconds, status)),
              v -> log.add(v + " at " + currentTime()))),
          run(() -> log.add("exit at " + currentTime()))));
      assertEquals(List.of(seconds + " at " + seconds, "exit at " + 2 * seconds), log);
    }
  }

  @Test
  void ignoredStatusLetsAStartableTaskBeAwaitedDirectly() {
    // trio test_run.py::test_nursery_start (TASK_STATUS_IGNORED part)
    runVirtual(co(
        awaiting(() -> sleepThenStart(3, TaskStatus.ignored())),
        run(() -> assertEquals(6.0, currentTime())),
        run(() -> order.finish(1))));
  }

  @Test
  void cancelledStartWhoseChildCheckpointsAfterStartedRaisesCancelled() {
    // trio test_run.py::test_nursery_start (just_started): started() is a no-op while start() is cancelled
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, cs -> block(
        run(() -> scopes[0] = cs),
        run(cs::cancel),
        expectCancelled(awaiting(() -> tg.<String>start(status -> co(
            run(() -> status.started("hi")),
            checkpointStep(),
            run(order::expectUnreached)))), "start cancelled"))))));
    assertEquals(List.of("start cancelled"), log);
    assertFalse(scopes[0].cancelledCaught());
  }

  @Test
  void cancelledStartWhoseChildReturnsWithoutACheckpointReturnsTheValue() {
    // trio test_run.py::test_nursery_start (started_with_no_checkpoint)
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, cs -> block(
        run(() -> scopes[0] = cs),
        run(cs::cancel),
        awaiting(() -> tg.<String>start(status -> co(run(() -> status.started("v")))), log::add))))));
    assertEquals(List.of("v"), log);
    assertFalse(scopes[0].cancelledCaught());
  }

  @Test
  void cancelledStartRaisesWhatTheChildRaisesAfterStarted() {
    // trio test_run.py::test_nursery_start (raise_keyerror_after_started)
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, cs -> block(
        run(cs::cancel),
        tryCatch(awaiting(() -> tg.start(status -> co(run(status::started), raise(() -> new NoSuchElementException("whoops"))))),
            NoSuchElementException.class, e -> run(() -> log.add(e.getMessage()))))))));
    assertEquals(List.of("whoops"), log);
  }

  @Test
  void startedMovesSleepingGrandchildrenIntoACancelledTargetGroup() {
    // trio test_run.py::test_nursery_start_with_cancelled_nursery (target cancelled just before and
    // just after started(); the moved sleepers are aborted and everything exits)
    for (boolean before : new boolean[] {true, false}) {
      log.clear();
      runVirtual(co(taskGroup(outer -> block(
          awaiting(() -> outer.<TaskGroup>start(status -> co(taskGroup(target -> block(
              run(() -> status.started(target)),
              awaiting(Baton::sleepForever))))), target -> groups[0] = target),
          awaiting(() -> groups[0].start(status -> co(taskGroup(children -> block(
              run(() -> children.startSoon(co(expectCancelled(awaiting(Baton::sleepForever), "sleeper 1")))),
              run(() -> children.startSoon(co(expectCancelled(awaiting(Baton::sleepForever), "sleeper 2")))),
              untilAllBlocked(),
              run(() -> {
                if (before) {
                  groups[0].cancelScope().cancel();
                }
              }),
              run(status::started)))))),
          run(() -> groups[0].cancelScope().cancel())))));
      assertEquals(List.of("sleeper 1", "sleeper 2"), log, "cancelled before started(): " + before);
    }
  }

  @Test
  void pendingStartsKeepTheTargetGroupOpen() {
    // trio test_run.py::test_nursery_start_keeps_nursery_open (first part): 2 s before started(), 3 s after
    runVirtual(co(taskGroup(nursery1 -> block(
        taskGroup(nursery2 -> block(
            run(() -> nursery1.startSoon(co(awaiting(() -> nursery2.start(status -> co(sleepStep(2), run(status::started), sleepStep(3))))))),
            sleepStep(1),
            run(() -> nursery1.startSoon(co(awaiting(() -> nursery2.start(status -> co(sleepStep(2), run(status::started), sleepStep(3))))))))),
        run(() -> log.add("nursery2 exited at " + currentTime()))))));
    assertEquals(List.of("nursery2 exited at 6.0"), log);
  }

  @Test
  void pendingStartWhoseChildCrashesKeepsTheGroupOpenAndFailsOnlyTheStart() {
    // trio test_run.py::test_nursery_start_keeps_nursery_open (second part)
    runVirtual(co(taskGroup(nursery1 -> block(
        taskGroup(nursery2 -> block(
            run(() -> nursery1.startSoon(co(tryCatch(
                awaiting(() -> nursery2.start(status -> co(sleepStep(7), raise(NoSuchElementException::new)))),
                NoSuchElementException.class, e -> run(() -> log.add("start raised at " + currentTime())))))),
            untilAllBlocked())),
        run(() -> log.add("nursery2 exited at " + currentTime()))))));
    assertEquals(List.of("start raised at 7.0", "nursery2 exited at 7.0"), log);
  }

  // ---------------------------------------------------------------------------------------------
  // started() edge cases (semantics §2.5; divergence (b))

  @Test
  void startedAfterTheChildReturnedFailsAndDoesNotResumeTheStarter() {
    // the status outlives the child: calling started() on it later must not move a finished task or
    // resume the starter a second time
    @SuppressWarnings("unchecked")
    TaskStatus<String>[] saved = new TaskStatus[1];
    runVirtual(co(taskGroup(tg -> block(
        tryCatch(awaiting(() -> tg.<String>start(status -> co(run(() -> saved[0] = status)))),
            IllegalStateException.class, e -> run(() -> log.add("start failed"))),
        run(() -> {
          IllegalStateException e = assertThrows(IllegalStateException.class, () -> saved[0].started("late"));
          assertTrue(e.getMessage().contains("exited"), e.getMessage());
        }),
        sleepStep(1),
        run(() -> log.add("slept until " + currentTime()))))));
    assertEquals(List.of("start failed", "slept until 1.0"), log);
  }

  @Test
  void startedAfterTheChildFailedFails() {
    @SuppressWarnings("unchecked")
    TaskStatus<String>[] saved = new TaskStatus[1];
    runVirtual(co(taskGroup(tg -> block(
        tryCatch(awaiting(() -> tg.<String>start(status -> co(run(() -> saved[0] = status), raise(NoSuchElementException::new)))),
            NoSuchElementException.class, e -> run(() -> log.add("start failed"))),
        run(() -> assertThrows(IllegalStateException.class, () -> saved[0].started("late"))),
        checkpointStep(),
        run(() -> log.add("body done"))))));
    assertEquals(List.of("start failed", "body done"), log);
  }

  @Test
  void childOfAStartIntoACancelledTargetGroupIsCancelledOnlyAfterStarted() {
    // semantics §2.5 (trio; anyio#1197): before started() the child belongs to the start() call, so
    // the target group's cancellation reaches it only once it has moved into the group
    runVirtual(co(taskGroup(outer -> block(
        awaiting(() -> outer.<TaskGroup>start(status -> co(taskGroup(target -> block(
            run(() -> status.started(target)),
            awaiting(Baton::sleepForever))))), target -> groups[0] = target),
        run(() -> groups[0].cancelScope().cancel()),
        awaiting(() -> groups[0].start(status -> co(
            sleepStep(1),
            run(() -> log.add("slept until " + currentTime())),
            run(status::started),
            expectCancelled(checkpointStep(), "cancelled after started()")))),
        run(() -> log.add("start returned"))))));
    assertEquals(List.of("slept until 1.0", "start returned", "cancelled after started()"), log);
  }

  @Test
  void startedFromTheStarterFunctionWhileTheStartIsCancelledKeepsTheChildWithTheStart() {
    // semantics §2.5 (trio): started() while start() is cancelled is a no-op, also when it is called
    // before the child exists; the start then returns the value if the child returns normally
    runVirtual(co(taskGroup(tg -> cancelScope(Baton::openCancelScope, cs -> block(
        run(cs::cancel),
        awaiting(() -> tg.<Integer>start(status -> {
          status.started(7);
          return co(run(() -> log.add("child ran")));
        }), log::add),
        run(() -> log.add("after start")))))));
    assertEquals(List.of("child ran", 7, "after start"), log);
  }
}
