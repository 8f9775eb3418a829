package dev.baton;

import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.cancelScope;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.repeat;
import static dev.baton.testing.Co.resource;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static dev.baton.testing.Co.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Co.Step;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The port of trio's {@code src/trio/_tests/test_sync.py} (the cases {@link SynchronizationTest} does
 * not already cover through anyio's). Not ported: {@code test_Event}'s {@code __bool__}, the
 * {@code TypeError} checks (Python typing), {@code StrictFIFOLock} (Baton's {@link Lock} is strictly
 * FIFO already), the {@code ChannelLock*} factories (locks built from memory channels, a test of
 * trio's channels), {@code test_lock_multiple_acquire} (a waiter parked when the owner exits is not
 * woken: Baton finds a broken lock only at the next acquire).
 */
class TrioSyncTest extends RuntimeTest {
  private final List<String> record = new ArrayList<>();

  /** {@code try (Acquired held = await(acquire.get())) { body }}. */
  private static Step holding(Supplier<? extends Awaitable<Acquired>> acquire, Step body) {
    Acquired[] held = new Acquired[1];
    return block(awaiting(acquire, h -> held[0] = h), resource(() -> held[0], h -> body));
  }

  private static Set<String> borrowers(CapacityLimiter c) {
    return new TreeSet<>(c.statistics().borrowers());
  }

  @Test
  void aLimiterCountsBorrowersRefusesASecondTokenAndHandsReleasedTokensToWaiters() {
    // trio test_sync.py::test_CapacityLimiter
    CapacityLimiter c = new CapacityLimiter(2);
    runVirtual(co(
        run(() -> assertThrows(IllegalStateException.class, c::release)),
        run(c::acquireNowait),
        run(() -> assertEquals(1, c.borrowedTokens())),
        run(() -> assertEquals(1, c.availableTokens())),
        run(() -> assertEquals(List.of("main"), c.statistics().borrowers())),
        run(() -> assertThrows(IllegalStateException.class, c::acquireNowait)),
        tryCatch(awaiting(c::acquire), IllegalStateException.class, e -> block()),
        run(() -> assertEquals(1, c.borrowedTokens())),
        awaiting(() -> c.acquireOnBehalfOf("someone")),
        run(() -> assertThrows(WouldBlockException.class, () -> c.acquireOnBehalfOfNowait("third party"))),
        run(() -> assertEquals(Set.of("main", "someone"), borrowers(c))),
        run(c::release),
        run(() -> assertEquals(List.of("someone"), c.statistics().borrowers())),
        run(() -> c.releaseOnBehalfOf("someone")),
        holding(c::acquire, run(() -> assertEquals(1, c.borrowedTokens()))),
        taskGroup(tg -> block(
            awaiting(() -> c.acquireOnBehalfOf("value 1")),
            awaiting(() -> c.acquireOnBehalfOf("value 2")),
            run(() -> tg.startSoon(co(awaiting(() -> c.acquireOnBehalfOf("value 3"))))),
            untilAllBlocked(),
            run(() -> assertEquals(2, c.borrowedTokens())),
            run(() -> assertEquals(1, c.statistics().tasksWaiting())),
            run(() -> c.releaseOnBehalfOf("value 2")),
            run(() -> assertEquals(2, c.borrowedTokens())), // fairness: the token went to value 3
            run(() -> assertThrows(WouldBlockException.class, c::acquireNowait)))),
        run(() -> c.releaseOnBehalfOf("value 3")),
        run(() -> c.releaseOnBehalfOf("value 1"))));
  }

  @Test
  void anUnlimitedLimiterAlwaysHasTokens() {
    // trio test_sync.py::test_CapacityLimiter_inf
    CapacityLimiter c = new CapacityLimiter(CapacityLimiter.UNLIMITED);
    assertEquals(CapacityLimiter.UNLIMITED, c.availableTokens());
    runVirtual(co(run(() -> assertThrows(IllegalStateException.class, c::release)), run(c::acquireNowait)));
    assertEquals(1, c.borrowedTokens());
    assertEquals(CapacityLimiter.UNLIMITED - 1, c.availableTokens());
  }

  @Test
  void changingTheTotalGrantsWaitersAndRevokesNothing() {
    // trio test_sync.py::test_CapacityLimiter_change_total_tokens
    CapacityLimiter c = new CapacityLimiter(2);
    assertThrows(IllegalArgumentException.class, () -> c.setTotalTokens(-1));
    assertThrows(IllegalArgumentException.class, () -> c.setTotalTokens(-10));
    assertEquals(2, c.totalTokens());
    runVirtual(co(taskGroup(tg -> block(
        repeat(5, i -> block(run(() -> tg.startSoon(co(awaiting(() -> c.acquireOnBehalfOf(i))))), untilAllBlocked())),
        run(() -> assertEquals(Set.of("0", "1"), borrowers(c))),
        run(() -> assertEquals(3, c.statistics().tasksWaiting())),
        run(() -> c.setTotalTokens(c.totalTokens() + 2)),
        run(() -> assertEquals(Set.of("0", "1", "2", "3"), borrowers(c))),
        run(() -> assertEquals(1, c.statistics().tasksWaiting())),
        run(() -> c.setTotalTokens(c.totalTokens() - 3)),
        run(() -> assertEquals(4, c.borrowedTokens())),
        run(() -> assertEquals(1, c.totalTokens())),
        run(() -> c.releaseOnBehalfOf(0)),
        run(() -> c.releaseOnBehalfOf(1)),
        run(() -> c.releaseOnBehalfOf(2)),
        run(() -> assertEquals(Set.of("3"), borrowers(c))),
        run(() -> assertEquals(1, c.statistics().tasksWaiting())),
        run(() -> c.releaseOnBehalfOf(3)),
        run(() -> assertEquals(Set.of("4"), borrowers(c))),
        run(() -> assertEquals(0, c.statistics().tasksWaiting()))))));
  }

  @Test
  void aCancelledAcquireLeavesNothingBehind() {
    // trio test_sync.py::test_CapacityLimiter_memleak_548
    CapacityLimiter limiter = new CapacityLimiter(1);
    runVirtual(co(
        awaiting(limiter::acquire),
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(awaiting(limiter::acquire)))),
            untilAllBlocked(),
            run(() -> tg.cancelScope().cancel()))),
        run(() -> assertEquals(0, limiter.statistics().tasksWaiting())),
        run(() -> assertEquals(1, limiter.borrowedTokens()))));
  }

  @Test
  void aLimiterWithZeroTokensLetsNobodyThroughUntilRaised() {
    // trio test_sync.py::test_CapacityLimiter_zero_limit_tokens
    CapacityLimiter c = new CapacityLimiter(5);
    runVirtual(co(taskGroup(tg -> block(
        run(() -> c.setTotalTokens(0)),
        repeat(5, i -> block(run(() -> tg.startSoon(co(awaiting(() -> c.acquireOnBehalfOf(i))))), untilAllBlocked())),
        run(() -> assertEquals(Set.of(), borrowers(c))),
        run(() -> assertEquals(5, c.statistics().tasksWaiting())),
        run(() -> c.setTotalTokens(5)),
        run(() -> assertEquals(Set.of("0", "1", "2", "3", "4"), borrowers(c))),
        run(() -> tg.startSoon(co(awaiting(() -> c.acquireOnBehalfOf(5))))),
        untilAllBlocked(),
        run(() -> assertEquals(1, c.statistics().tasksWaiting())),
        repeat(5, i -> run(() -> c.releaseOnBehalfOf(i))),
        run(() -> assertEquals(0, c.statistics().tasksWaiting())),
        run(() -> c.releaseOnBehalfOf(5)),
        // a limiter of zero tokens lets nobody through
        run(() -> c.setTotalTokens(0)),
        run(() -> assertThrows(WouldBlockException.class, c::acquireNowait)),
        run(() -> tg.startSoon(co(awaiting(() -> c.acquireOnBehalfOf(6))))),
        untilAllBlocked(),
        run(() -> assertEquals(1, c.statistics().tasksWaiting())),
        run(() -> assertEquals(List.of(), c.statistics().borrowers())),
        run(() -> c.setTotalTokens(1)),
        run(() -> assertEquals(0, c.statistics().tasksWaiting())),
        run(() -> assertEquals(List.of("6"), c.statistics().borrowers())),
        run(() -> c.releaseOnBehalfOf(6)),
        awaiting(() -> c.acquireOnBehalfOf(0)),
        run(() -> tg.startSoon(co(awaiting(() -> c.acquireOnBehalfOf(1))))),
        untilAllBlocked(),
        run(() -> c.setTotalTokens(0)),
        run(() -> assertEquals(List.of("0"), c.statistics().borrowers())),
        run(() -> c.releaseOnBehalfOf(0)),
        untilAllBlocked(),
        run(() -> assertEquals(List.of(), c.statistics().borrowers())),
        run(() -> assertEquals(1, c.statistics().tasksWaiting())),
        run(() -> c.setTotalTokens(1)),
        untilAllBlocked(),
        run(() -> assertEquals(List.of("1"), c.statistics().borrowers())),
        run(() -> assertEquals(0, c.statistics().tasksWaiting())),
        run(() -> c.releaseOnBehalfOf(1)),
        run(() -> c.setTotalTokens(0)),
        run(() -> tg.cancelScope().cancel())))));
    assertEquals(0, c.totalTokens());
    assertEquals(List.of(), c.statistics().borrowers());
  }

  @Test
  void aSemaphoreCountsPermitsAndHandsAReleaseToTheWaiter() {
    // trio test_sync.py::test_Semaphore
    assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    Semaphore s = new Semaphore(1);
    assertEquals(Semaphore.UNBOUNDED, s.maxValue());
    s.release();
    assertEquals(2, s.value());
    runVirtual(co(
        run(s::acquireNowait),
        run(() -> assertEquals(1, s.value())),
        awaiting(s::acquire),
        run(() -> assertEquals(0, s.value())),
        run(() -> assertThrows(WouldBlockException.class, s::acquireNowait)),
        run(s::release),
        holding(s::acquire, run(() -> assertEquals(0, s.value()))),
        run(() -> assertEquals(1, s.value())),
        run(s::acquireNowait),
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(run(() -> record.add("started")), awaiting(s::acquire), run(() -> record.add("finished"))))),
            untilAllBlocked(),
            run(() -> assertEquals(List.of("started"), record)),
            run(() -> assertEquals(0, s.value())),
            run(s::release),
            run(() -> assertEquals(0, s.value())), // fairness
            run(() -> assertThrows(WouldBlockException.class, s::acquireNowait))))));
    assertEquals(List.of("started", "finished"), record);
  }

  @Test
  void aBoundedSemaphoreRefusesAReleasePastItsMaximum() {
    // trio test_sync.py::test_Semaphore_bounded
    assertThrows(IllegalArgumentException.class, () -> new Semaphore(2, 1));
    Semaphore bs = new Semaphore(1, 1);
    assertEquals(1, bs.maxValue());
    IllegalStateException e = assertThrows(IllegalStateException.class, bs::release);
    assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
    assertEquals(1, bs.value());
    bs.acquireNowait();
    assertEquals(0, bs.value());
    bs.release();
    assertEquals(1, bs.value());
  }

  @Test
  void aLockIsOwnedRefusesOtherTasksAndCountsWaiters() {
    // trio test_sync.py::test_Lock_and_StrictFIFOLock
    Lock l = new Lock();
    runVirtual(co(
        run(() -> assertFalse(l.locked())),
        holding(l::acquire, run(() -> assertTrue(l.locked()))),
        run(() -> assertFalse(l.locked())),
        run(l::acquireNowait),
        run(l::release),
        awaiting(l::acquire),
        run(l::release),
        run(l::acquireNowait),
        run(() -> assertThrows(IllegalStateException.class, l::acquireNowait)),
        run(l::release),
        run(() -> assertThrows(IllegalStateException.class, l::release)),
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(holding(l::acquire, awaiting(Baton::sleepForever))), "holder 1")),
            untilAllBlocked(),
            run(() -> assertTrue(l.locked())),
            run(() -> assertThrows(WouldBlockException.class, l::acquireNowait)),
            run(() -> assertThrows(IllegalStateException.class, l::release)),
            run(() -> assertEquals(new LockStatistics(true, "holder 1", 0), l.statistics())),
            run(() -> tg.startSoon(co(holding(l::acquire, awaiting(Baton::sleepForever))), "holder 2")),
            untilAllBlocked(),
            run(() -> assertEquals(1, l.statistics().tasksWaiting())),
            run(() -> tg.cancelScope().cancel())))));
    assertEquals(new LockStatistics(false, null, 0), l.statistics());
  }

  @Test
  void aConditionWakesWaitersInOrderAndACancelledWaiterStillHoldsTheLock() {
    // trio test_sync.py::test_Condition
    Lock l = new Lock();
    Condition bound = new Condition(l);
    Condition c = new Condition();
    Set<Integer> finished = new TreeSet<>();
    runVirtual(co(
        awaiting(bound::acquire),
        run(() -> assertTrue(l.locked())),
        run(() -> assertTrue(bound.locked())),
        run(c::acquireNowait),
        run(() -> assertThrows(IllegalStateException.class, c::acquireNowait)),
        run(c::release),
        tryCatch(awaiting(c::waitForSignal), IllegalStateException.class, e -> block()),
        run(() -> assertThrows(IllegalStateException.class, c::signal)),
        run(() -> assertThrows(IllegalStateException.class, c::signalAll)),
        taskGroup(tg -> block(
            repeat(3, i -> block(run(() -> tg.startSoon(co(holding(c::acquire, awaiting(c::waitForSignal)), run(() -> finished.add(i))))),
                untilAllBlocked())),
            holding(c::acquire, run(c::signal)),
            run(() -> assertTrue(c.locked())), // handed to the signalled waiter
            untilAllBlocked(),
            run(() -> assertEquals(Set.of(0), finished)),
            holding(c::acquire, run(c::signalAll)),
            untilAllBlocked(),
            run(() -> assertEquals(Set.of(0, 1, 2), finished)))),
        run(finished::clear),
        taskGroup(tg -> block(
            repeat(3, i -> block(run(() -> tg.startSoon(co(holding(c::acquire, awaiting(c::waitForSignal)), run(() -> finished.add(i))))),
                untilAllBlocked())),
            holding(c::acquire, block(
                run(() -> c.signal(2)),
                run(() -> assertEquals(1, c.statistics().tasksWaiting())),
                run(() -> assertEquals(2, c.statistics().lockStatistics().tasksWaiting())))),
            run(() -> assertEquals(1, c.statistics().lockStatistics().tasksWaiting())), // handed to the first
            untilAllBlocked(),
            run(() -> assertEquals(Set.of(0, 1), finished)),
            holding(c::acquire, run(c::signalAll)))),
        // after being cancelled the waiter still holds the lock
        cancelScope(Baton::openCancelScope, scope -> holding(c::acquire, block(
            run(scope::cancel),
            dev.baton.testing.Co.tryFinally(awaiting(c::waitForSignal), run(() -> {
              assertTrue(c.locked());
              record.add("held after cancel");
            })))))));
    assertEquals(List.of("held after cancel"), record);
    assertFalse(c.locked());
  }

  /** trio's generic lock tests, run over each of Baton's lock-like primitives. */
  record LockLike(String name, Supplier<Awaitable<Acquired>> acquire, Supplier<Acquired> acquireNowait, Runnable release) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Supplier<LockLike>> lockFactories() {
    return Stream.of(
        () -> {
          CapacityLimiter c = new CapacityLimiter(1);
          return new LockLike("CapacityLimiter(1)", c::acquire, c::acquireNowait, c::release);
        },
        () -> {
          Semaphore s = new Semaphore(1);
          return new LockLike("Semaphore(1)", s::acquire, s::acquireNowait, s::release);
        },
        () -> {
          Lock l = new Lock();
          return new LockLike("Lock", l::acquire, l::acquireNowait, l::release);
        },
        () -> {
          Condition c = new Condition();
          return new LockLike("Condition", c::acquire, c::acquireNowait, c::release);
        });
  }

  @ParameterizedTest
  @MethodSource("lockFactories")
  void oneTaskAtATimeIsInTheCriticalSection(Supplier<LockLike> factory) {
    // trio test_sync.py::test_generic_lock_exclusion
    LockLike lock = factory.get();
    boolean[] inCriticalSection = {false};
    int[] acquires = {0};
    runVirtual(co(taskGroup(tg -> repeat(5, w -> run(() -> tg.startSoon(co(repeat(10, i -> holding(lock.acquire(), block(
        run(() -> acquires[0]++),
        run(() -> assertFalse(inCriticalSection[0])),
        run(() -> inCriticalSection[0] = true),
        checkpointStep(),
        checkpointStep(),
        run(() -> assertTrue(inCriticalSection[0])),
        run(() -> inCriticalSection[0] = false)))))))))));
    assertFalse(inCriticalSection[0]);
    assertEquals(50, acquires[0]);
  }

  @ParameterizedTest
  @MethodSource("lockFactories")
  void waitersTakeTurnsInTheOrderTheyFirstCame(Supplier<LockLike> factory) {
    // trio test_sync.py::test_generic_lock_fifo_fairness
    LockLike lock = factory.get();
    List<Integer> initialOrder = new ArrayList<>();
    List<Integer> order = new ArrayList<>();
    runVirtual(co(taskGroup(tg -> repeat(3, n -> run(() -> tg.startSoon(co(
        run(() -> initialOrder.add(n)),
        repeat(5, i -> holding(lock.acquire(), run(() -> order.add(n)))))))))));
    for (int i = 0; i < 5; i++) {
      assertEquals(initialOrder, order.subList(3 * i, 3 * i + 3));
    }
  }

  @ParameterizedTest
  @MethodSource("lockFactories")
  void aLockTakenWithoutWaitingMakesAcquireWait(Supplier<LockLike> factory) {
    // trio test_sync.py::test_generic_lock_acquire_nowait_blocks_acquire
    LockLike lock = factory.get();
    runVirtual(co(taskGroup(tg -> block(
        run(() -> lock.acquireNowait().get()),
        run(() -> tg.startSoon(co(run(() -> record.add("started")), holding(lock.acquire(), block()), run(() -> record.add("finished"))))),
        untilAllBlocked(),
        run(() -> assertEquals(List.of("started"), record)),
        run(() -> lock.release().run())))));
    assertEquals(List.of("started", "finished"), record);
  }

  @Test
  void acquiringALockWhoseOwnerExitedIsBroken() {
    // trio test_sync.py::test_lock_acquire_unowned_lock
    Lock lock = new Lock();
    runVirtual(co(
        taskGroup(tg -> run(() -> tg.startSoon(co(awaiting(lock::acquire)), "owner"))),
        tryCatch(awaiting(lock::acquire), BrokenResourceException.class, e -> run(() -> record.add(e.getMessage()))),
        run(() -> assertThrows(BrokenResourceException.class, lock::acquireNowait))));
    assertEquals(List.of("the owner of this lock exited without releasing it"), record);
  }

  @Test
  void aLockHandedOverToATaskThatExitsIsBroken() {
    // trio test_sync.py::test_lock_handover
    Lock lock = new Lock();
    runVirtual(co(
        run(lock::acquireNowait),
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(awaiting(lock::acquire)), "child")),
            untilAllBlocked(),
            run(lock::release),
            run(() -> assertEquals("child", lock.statistics().owner())))),
        tryCatch(awaiting(lock::acquire), BrokenResourceException.class, e -> run(() -> record.add("broken")))));
    assertEquals(List.of("broken"), record);
  }
}
