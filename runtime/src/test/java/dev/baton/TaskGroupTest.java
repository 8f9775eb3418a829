package dev.baton;

import static dev.baton.Baton.createMemoryObjectStream;
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
import static dev.baton.testing.Co.tryFinally;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Co;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Task groups: the port of anyio's {@code tests/test_taskgroups.py} core cases (catalogue §10.2, 1–56). */
class TaskGroupTest extends RuntimeTest {
  private final List<Object> log = new ArrayList<>();
  private final TaskGroup[] saved = new TaskGroup[1];

  /** anyio's helper {@code async_error(text, delay)}: sleeps, then raises even when cancelled. */
  private static Coroutine<Void> asyncError(String text, double delay) {
    return co(tryFinally(sleepStep(delay), raise(() -> new RuntimeException(text))));
  }

  private static List<String> messages(ExceptionGroup g) {
    return g.exceptions().stream().map(Throwable::getMessage).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // Spawning, lifecycle

  @Test
  void startSoonOnAnExitedGroupFails() {
    // anyio test_taskgroups.py::test_already_closed
    runVirtual(co(taskGroup(tg -> run(() -> saved[0] = tg))));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> saved[0].startSoon(Baton.done()));
    assertTrue(e.getMessage().contains("not active"), e.getMessage());
  }

  @Test
  void childrenAllRun() {
    // anyio test_taskgroups.py::test_success
    Set<String> results = new HashSet<>();
    runVirtual(co(taskGroup(tg -> run(() -> {
      tg.startSoon(co(run(() -> results.add("a"))));
      tg.startSoon(co(run(() -> results.add("b"))));
    }))));
    assertEquals(Set.of("a", "b"), results);
  }

  @Test
  void childMayStartSiblingsIntoItsOwnGroup() {
    // anyio test_taskgroups.py::test_start_soon_while_running
    runVirtual(co(taskGroup(tg -> run(() -> tg.startSoon(co(
        run(() -> tg.startSoon(co(sleepStep(0), run(() -> order.finish(1)))))))))));
  }

  @Test
  void startSoonAfterTheGroupFailedFails() {
    // anyio test_taskgroups.py::test_start_soon_after_error
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> saved[0] = tg),
        raise(ArithmeticException::new))))), ArithmeticException.class);
    assertThrows(IllegalStateException.class, () -> saved[0].startSoon(Baton.done()));
  }

  @Test
  void startOnAnExitedGroupFailsAtOnce() {
    // anyio test_taskgroups.py::test_start_already_closed; trio test_nursery_start "closed_nursery"
    runVirtual(co(
        taskGroup(tg -> run(() -> saved[0] = tg)),
        tryCatch(awaiting(() -> saved[0].start(status -> co(run(order::expectUnreached)))),
            IllegalStateException.class, e -> run(() -> {
              assertTrue(e.getMessage().contains("not active"), e.getMessage());
              assertEquals(0.0, currentTime());
              order.finish(1);
            }))));
  }

  @Test
  void exitingAGroupTwiceFails() {
    // anyio test_taskgroups.py::test_taskgroup_reentry (a group is entered when created; its exit is single-use)
    runVirtual(co(
        taskGroup(tg -> run(() -> saved[0] = tg)),
        tryCatch(awaiting(() -> dev.baton.lowlevel.AsyncFrame.$aexit(saved[0], null)),
            IllegalStateException.class, e -> run(() -> order.finish(1)))));
  }

  @Test
  void closeCalledDirectlyFails() {
    // trio test_run.py::test_nursery_warn_use_async_with; API.md: close() outside compiled async exit throws
    runVirtual(co(
        tryCatch(taskGroup(tg -> run(tg::close)), ExceptionGroup.class, g -> run(() -> {
          assertInstanceOf(IllegalStateException.class, g.exceptions().get(0));
          assertTrue(g.exceptions().get(0).getMessage().contains("@Await"));
          order.finish(1);
        }))));
  }

  // ---------------------------------------------------------------------------------------------
  // start() and TaskStatus

  @Test
  void startedWithoutValueGivesNull() {
    // anyio test_taskgroups.py::test_start_no_value
    runVirtual(co(taskGroup(tg -> awaiting(() -> tg.<String>start(status -> co(run(status::started))), log::add))));
    assertEquals(java.util.Collections.singletonList(null), log);
  }

  @Test
  void secondStartedCallFailsInTheChild() {
    // anyio test_taskgroups.py::test_start_called_twice
    runVirtual(co(taskGroup(tg -> awaiting(() -> tg.<String>start(status -> co(
        run(status::started),
        run(() -> {
          IllegalStateException e = assertThrows(IllegalStateException.class, status::started);
          assertTrue(e.getMessage().contains("twice"), e.getMessage());
          order.expect(1);
        }))), v -> {
          assertNull(v);
          order.finish(2);
        }))));
  }

  @Test
  void startedCalledByTheStarterFunctionItself() {
    // anyio test_taskgroups.py::test_start_sync_wrapper (without the 4.14 TaskHandle): the function
    // that makes the coroutine may call started() before returning it
    runVirtual(co(taskGroup(tg -> block(
        awaiting(() -> tg.<Integer>start(status -> {
          status.started(5);
          return co(sleepStep(1), run(() -> log.add("child done at " + currentTime())));
        }), log::add),
        run(() -> log.add("start returned at " + currentTime()))))));
    assertEquals(List.of(5, "start returned at 0.0", "child done at 1.0"), log);
  }

  @Test
  void starterFunctionCallingStartedTwiceFailsTheStart() {
    // anyio test_taskgroups.py::test_start_sync_wrapper_called_twice
    runVirtual(co(taskGroup(tg -> block(
        tryCatch(
            awaiting(() -> tg.<Integer>start(status -> {
              status.started(1);
              status.started(2);
              return co(run(order::expectUnreached));
            })),
            IllegalStateException.class, e -> run(() -> order.expect(1))),
        sleepStep(1),
        run(() -> assertEquals(1.0, currentTime())),
        run(() -> order.finish(2))))));
  }

  @Test
  void pendingStartInACancelledGroupCallsStartedOnce() {
    // anyio test_taskgroups.py::test_no_called_started_twice
    runVirtual(co(taskGroup(tg -> block(
        run(() -> log.add(tg.start(status -> co(run(status::started))))),
        run(() -> tg.cancelScope().cancel()),
        awaiting(() -> (Awaitable<?>) log.get(0))))));
  }

  @Test
  void startReturnsTheStartedValue() {
    // anyio test_taskgroups.py::test_start_with_value
    runVirtual(co(taskGroup(tg -> awaiting(() -> tg.<String>start(status -> co(run(() -> status.started("foo")))), log::add))));
    assertEquals(List.of("foo"), log);
  }

  @Test
  void crashBeforeStartedIsRaisedFromStartAndNotByTheGroup() {
    // anyio test_taskgroups.py::test_start_crash_before_started_call
    RuntimeException foo = new RuntimeException("foo");
    runVirtual(co(taskGroup(tg -> tryCatch(
        awaiting(() -> tg.start(status -> co(raise(() -> foo), run(() -> status.started())))),
        RuntimeException.class, e -> run(() -> {
          assertSame(foo, e);
          order.finish(1);
        })))));
  }

  @Test
  void crashAfterStartedGoesToTheGroup() {
    // anyio test_taskgroups.py::test_start_crash_after_started_call
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> awaiting(
        () -> tg.<Integer>start(status -> co(run(() -> status.started(2)), raise(() -> new RuntimeException("foo")))),
        log::add)))), RuntimeException.class);
    assertEquals(List.of("foo"), messages(g));
    assertEquals(List.of(2), log);
  }

  @Test
  void childReturningWithoutStartedFailsTheStart() {
    // anyio test_taskgroups.py::test_start_no_started_call
    runVirtual(co(taskGroup(tg -> tryCatch(
        awaiting(() -> tg.start(status -> co())),
        IllegalStateException.class, e -> run(() -> {
          assertTrue(e.getMessage().contains("exited without calling started()"), e.getMessage());
          order.finish(1);
        })))));
  }

  @Test
  void startInACancelledGroupRunsTheChildUntilItsFirstCheckpoint() {
    // anyio test_taskgroups.py::test_start_cancelled
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.cancelScope().cancel()),
        awaiting(() -> tg.start(status -> co(
            run(() -> log.add("started")),
            sleepStep(2),
            run(() -> log.add("finished"))))),
        run(order::expectUnreached)))));
    assertEquals(List.of("started"), log);
  }

  @Test
  void starterReturningNullFailsTheGroup() {
    // anyio test_taskgroups.py::test_start_exception_delivery (Java: null instead of a non-coroutine)
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> awaiting(() -> tg.start(status -> null))))),
        NullPointerException.class);
  }

  @Test
  void cancelledStartInAFailingInnerGroupIsNested() {
    // anyio test_taskgroups.py::test_start_cancel_after_error
    boolean[] sleepCompleted = {false};
    ExceptionGroup outer = assertGroupOf(() -> runVirtual(co(taskGroup(outerTg -> taskGroup(innerTg -> block(
        run(() -> innerTg.startSoon(co(untilAllBlocked(), raise(() -> new IllegalStateException("inner"))))),
        awaiting(() -> outerTg.start(status -> co(
            sleepStep(1),
            run(() -> sleepCompleted[0] = true),
            run(status::started))))))))), ExceptionGroup.class);
    ExceptionGroup inner = (ExceptionGroup) outer.exceptions().get(0);
    assertInstanceOf(IllegalStateException.class, inner.exceptions().get(0));
    assertEquals(1, inner.exceptions().size());
    assertFalse(sleepCompleted[0]);
  }

  @Test
  void cancellingTheStartCallDoesNotCancelTheGroup() {
    // anyio test_taskgroups.py::test_start_cancels_parent_scope
    runVirtual(co(taskGroup(tg -> block(
        run(() -> saved[0] = tg),
        cancelScope(Baton::openCancelScope, inner -> block(
            run(inner::cancel),
            awaiting(() -> tg.start(status -> co(run(() -> log.add("started")), sleepStep(999))))))))));
    assertEquals(List.of("started"), log);
    assertFalse(saved[0].cancelScope().cancelCalled());
  }

  @Test
  void shieldedWaitInAStartedChildIsNotCancelled() {
    // anyio test_taskgroups.py::test_cancel_shielding_start
    Event event = new Event();
    runVirtual(co(cancelScope(Baton::openCancelScope, outer -> taskGroup(tg -> block(
        run(() -> tg.startSoon(co(awaiting(() -> tg.start(status -> co(
            run(status::started),
            cancelScope(() -> Baton.openCancelScope(true), shield -> block(
                awaiting(event::waitUntilSet),
                run(() -> log.add("shielded wait done")))),
            checkpointStep(),
            run(order::expectUnreached))))))),
        untilAllBlocked(),
        run(outer::cancel),
        run(event::set))))));
    assertEquals(List.of("shielded wait done"), log);
  }

  // ---------------------------------------------------------------------------------------------
  // Cancellation of groups

  @Test
  void bodyFailureCancelsSleepingChild() {
    // anyio test_taskgroups.py::test_host_exception
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(sleepStep(3), run(() -> log.add("child set result"))))),
        raise(() -> new RuntimeException("dummy error")))))), RuntimeException.class);
    assertEquals(List.of("dummy error"), messages(g));
    assertEquals(List.of(), log);
  }

  @Test
  void childOfACancelledGroupRunsUntilItsFirstCheckpoint() {
    // anyio test_taskgroups.py::test_level_cancellation (and ::test_cancel with tg.cancel_scope)
    int[] marker = {0};
    runVirtual(co(taskGroup(tg -> run(() -> {
      tg.startSoon(co(run(() -> marker[0] = 1), checkpointStep(), run(() -> marker[0] = 2)));
      assertEquals(0, marker[0]);
      tg.cancelScope().cancel();
    }))));
    assertEquals(1, marker[0]);
  }

  @Test
  void failingChildCancelsTheBody() {
    // anyio test_taskgroups.py::test_failing_child_task_cancels_host
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(untilAllBlocked(), raise(() -> new RuntimeException("foo"))))),
        sleepStep(0.5),
        run(() -> log.add("sleep completed")))))), RuntimeException.class);
    assertEquals(List.of("foo"), messages(g));
    assertEquals(List.of(), log);
  }

  @Test
  void failingBodyCancelsTheChildren() {
    // anyio test_taskgroups.py::test_failing_host_task_cancels_children
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(sleepStep(1), run(() -> log.add("sleep completed"))))),
        untilAllBlocked(),
        raise(() -> new RuntimeException("foo")))))), RuntimeException.class);
    assertEquals(List.of("foo"), messages(g));
    assertEquals(List.of(), log);
  }

  @Test
  void bodyCancelsAScopeOwnedByAChild() {
    // anyio test_taskgroups.py::test_cancel_scope_in_another_task
    CancelScope[] local = new CancelScope[1];
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(cancelScope(Baton::openCancelScope, s -> block(
            run(() -> local[0] = s),
            sleepStep(2),
            run(() -> log.add("result"))))))),
        Co.whileLoop(() -> local[0] == null, () -> checkpointStep()),
        run(() -> local[0].cancel())))));
    assertEquals(List.of(), log);
    assertTrue(local[0].cancelledCaught());
  }

  @Test
  void cancellingTheOuterGroupCancelsANestedGroupsBody() {
    // anyio test_taskgroups.py::test_cancel_propagation
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(taskGroup(inner -> sleepStep(1)), run(order::expectUnreached)))),
        checkpointStep(),
        run(() -> tg.cancelScope().cancel())))));
  }

  @Test
  void theSameTaskCanBeCancelledTwice() {
    // anyio test_taskgroups.py::test_cancel_twice
    runVirtual(co(repeat(2, i -> taskGroup(tg -> block(
        run(() -> tg.startSoon(co(untilAllBlocked(), run(() -> tg.cancelScope().cancel())))),
        sleepStep(1),
        run(order::expectUnreached))))));
    assertEquals(0, log.size());
  }

  @Test
  void cancellingAGroupWhoseChildIsExitingANestedGroupRunsTheFinally() {
    // anyio test_taskgroups.py::test_cancel_exiting_task_group
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(taskGroup(inner -> run(() -> inner.startSoon(co(
            tryFinally(sleepStep(5), run(() -> log.add("finally ran")))))))))),
        untilAllBlocked(),
        run(() -> tg.cancelScope().cancel())))));
    assertEquals(List.of("finally ran"), log);
  }

  @Test
  void childFailuresAreGroupedInTheOrderTheyHappened() {
    // anyio test_taskgroups.py::test_exception_group_children (anyio sorts; our order is deterministic)
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> run(() -> {
      tg.startSoon(asyncError("task1", 0.1));
      tg.startSoon(asyncError("task2", 0.15));
    })))), RuntimeException.class, RuntimeException.class);
    assertEquals(List.of("task1", "task2"), messages(g));
  }

  @Test
  void bodyAndChildFailuresAreGrouped() {
    // anyio test_taskgroups.py::test_exception_group_host
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(asyncError("child", 2))),
        untilAllBlocked(),
        raise(() -> new RuntimeException("host")))))), RuntimeException.class, RuntimeException.class);
    assertEquals(List.of("host", "child"), messages(g));
  }

  @Test
  void groupCatchesItsOwnCancellation() {
    // anyio test_taskgroups.py::test_escaping_cancelled_exception
    runVirtual(co(
        taskGroup(tg -> block(
            run(() -> saved[0] = tg),
            run(() -> tg.cancelScope().cancel()),
            checkpointStep(),
            run(order::expectUnreached))),
        run(() -> order.finish(1))));
    assertTrue(saved[0].cancelScope().cancelledCaught());
  }

  @Test
  void failingChildCancelsSiblings() {
    // anyio test_taskgroups.py::test_exception_cancels_siblings
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> run(() -> {
      tg.startSoon(co(sleepStep(1), run(() -> log.add("sleep completed"))));
      tg.startSoon(co(untilAllBlocked(), raise(() -> new RuntimeException("foo"))));
    })))), RuntimeException.class);
    assertEquals(List.of("foo"), messages(g));
    assertEquals(List.of(), log);
  }

  @Test
  void cancellationCascadesIntoANestedGroupsChild() {
    // anyio test_taskgroups.py::test_cancel_cascade
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(taskGroup(inner -> run(() -> inner.startSoon(co(sleepStep(1))))),
            run(order::expectUnreached)))),
        untilAllBlocked(),
        run(() -> tg.cancelScope().cancel())))));
  }

  @Test
  void grandchildSpawnedIntoACancelledGroupIsCancelledThroughItsOwnScope() {
    // anyio test_taskgroups.py::test_cancelled_parent
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(
            untilAllBlocked(),
            run(() -> tg.startSoon(co(
                cancelScope(Baton::openCancelScope, s -> sleepStep(1)),
                raise(() -> new RuntimeException("foo"))))),
            sleepStep(1)))),
        run(() -> tg.startSoon(co(untilAllBlocked(), run(() -> tg.cancelScope().cancel()))))))));
  }

  @Test
  void cancellationReachesANestedGroupWithItsOwnChildren() {
    // anyio test_taskgroups.py::test_cancel_propagation_with_inner_spawn
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(taskGroup(inner -> block(
            run(() -> inner.startSoon(co(sleepStep(10)))),
            sleepStep(1))), run(order::expectUnreached)))),
        untilAllBlocked(),
        run(() -> tg.cancelScope().cancel())))));
  }

  @Test
  void outerCancellationLeavesTheGroupAsOneCancelled() {
    // anyio test_taskgroups.py::test_single_cancellation_exc
    Throwable[] escaped = new Throwable[1];
    runVirtual(co(cancelScope(Baton::openCancelScope, scope -> tryCatch(
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(sleepStep(5)))),
            untilAllBlocked(),
            run(scope::cancel),
            checkpointStep())),
        Throwable.class, e -> block(run(() -> escaped[0] = e), raise(() -> e))))));
    assertInstanceOf(Cancelled.class, escaped[0]);
  }

  @Test
  void emptyGroupInACancelledScopeDoesNotRaise() {
    // anyio test_taskgroups.py::test_cancel_before_entering_task_group
    runVirtual(co(cancelScope(Baton::openCancelScope, scope -> block(
        run(scope::cancel),
        taskGroup(tg -> block()),
        run(() -> order.finish(1))))));
  }

  @Test
  void emptyGroupExitIsASchedulePoint() {
    // anyio test_taskgroups.py::test_empty_taskgroup_contains_yield_point
    boolean[] ran = {false};
    runVirtual(co(taskGroup(outer -> block(
        repeat(2, i -> taskGroup(inner -> run(() -> outer.startSoon(co(run(() -> ran[0] = true)))))),
        run(() -> assertTrue(ran[0]))))));
  }

  @Test
  void shieldedHostDoesNotShieldItsChildren() {
    // anyio test_taskgroups.py::test_cancel_child_task_when_host_is_shielded
    Event childCancelled = new Event();
    runVirtual(co(cancelScope(Baton::openCancelScope, parentScope -> taskGroup(tg -> block(
        run(() -> tg.startSoon(co(tryCatch(sleepStep(10), Cancelled.class, c -> block(
            run(childCancelled::set), raise(() -> c)))))),
        untilAllBlocked(),
        cancelScope(() -> Baton.openCancelScope(true), shield -> cancelScope(() -> Baton.failAfter(1), f -> block(
            run(parentScope::cancel),
            awaiting(childCancelled::waitUntilSet),
            run(() -> log.add("child cancelled at " + currentTime()))))))))));
    assertEquals(List.of("child cancelled at 0.0"), log);
  }

  @Test
  void nestedGroupFailureBecomesOneMemberOfTheOuterGroup() {
    // anyio test_taskgroups.py::test_nested_task_group_filtering
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg1 -> block(
        run(() -> tg1.startSoon(asyncError("parent task failed", 0.1))),
        taskGroup(tg2 -> run(() -> tg2.startSoon(asyncError("child task failed", 0.1)))))))),
        RuntimeException.class, ExceptionGroup.class);
    assertEquals("parent task failed", g.exceptions().get(0).getMessage());
    assertEquals(List.of("child task failed"), messages((ExceptionGroup) g.exceptions().get(1)));
  }

  @Test
  void groupIsNotChainedToTheBodysFailure() {
    // anyio test_taskgroups.py::test_exception_groups_suppresses_exc_context (adapted: Java has no
    // implicit exception context; the failure is a member of the group, never its cause)
    IllegalStateException body = new IllegalStateException("body");
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> raise(() -> body)))), IllegalStateException.class);
    assertNull(g.getCause());
    assertSame(body, g.exceptions().get(0));
  }

  // ---------------------------------------------------------------------------------------------
  // Rules of API.md and semantics §2 not tested as such upstream

  @Test
  void exitWaitsForChildrenAfterAnEarlyReturn() {
    // semantics §2.3 [obs]: a body that returns at once still waits for a 0.2 s child
    Object r = runVirtual(co(
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(sleepStep(0.2), run(() -> log.add("child done"))))),
            Co.returning(() -> "returned"))),
        run(order::expectUnreached)));
    assertEquals("returned", r);
    assertEquals(List.of("child done"), log);
  }

  @Test
  void startedChildBelongsToTheGroupAndRunsUntilItsCheckpoint() {
    // semantics §2.5 [obs]: child start, before started, after started, start returned, child end
    runVirtual(co(taskGroup(tg -> block(
        awaiting(() -> tg.<String>start(status -> co(
            run(() -> log.add("child start")),
            checkpointStep(),
            run(() -> log.add("child before started")),
            run(() -> status.started("v")),
            run(() -> log.add("child after started")),
            checkpointStep(),
            run(() -> log.add("child end")))), v -> log.add("start returned " + v))))));
    assertEquals(List.of("child start", "child before started", "child after started", "start returned v", "child end"), log);
  }

  @Test
  void aCoroutineCannotBeStartedTwice() {
    Coroutine<Void> c = co();
    runVirtual(co(taskGroup(tg -> run(() -> {
      tg.startSoon(c);
      assertThrows(IllegalStateException.class, () -> tg.startSoon(c));
    }))));
  }

  @Test
  void childFailureIsRecordedWhenItHappensSoTheBodysCheckpointRaises() {
    // semantics §1.1 [obs trio]: body checkpoint then KeyError; a fresh child raises: only the child's error
    ExceptionGroup g = assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(raise(() -> new IllegalArgumentException("child"))))),
        checkpointStep(),
        raise(() -> new IllegalStateException("body-never")))))), IllegalArgumentException.class);
    assertEquals(List.of("child"), messages(g));
  }

  @Test
  void memoryStreamExampleFromTheReadme() {
    // a producer and a consumer through a rendezvous stream, in exact virtual time
    MemoryObjectStream<Integer> s = createMemoryObjectStream(0);
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(Co.asyncWith(s::sendStream, send -> repeat(3, i -> block(
            sleepStep(1), awaiting(() -> send.send(i)))))), "producer")),
        Co.forEach(s::receiveStream, v -> run(() -> log.add(v + "@" + currentTime())))))));
    assertEquals(List.of("0@1.0", "1@2.0", "2@3.0"), log);
  }
}
