package dev.baton;

import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.testing.Co.asyncWith;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.cancelScope;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.forEach;
import static dev.baton.testing.Co.repeat;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static dev.baton.testing.Co.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Co.Step;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Memory object streams, the rules trio's {@code test_channel.py} specifies (catalogue §10.3):
 * trio's close semantics for tasks blocked on a handle (API.md §2 chose them over anyio's),
 * fairness, unbounded and rendezvous capacity, several producers and consumers.
 */
class MemoryChannelTrioTest extends RuntimeTest {
  private final List<Object> log = new ArrayList<>();

  /** {@code try { await(op) } catch (E e) { log e's simple name }}. */
  private <E extends Throwable> Step expecting(Class<E> type, java.util.function.Supplier<? extends Awaitable<?>> op) {
    return tryCatch(block(awaiting(op), run(() -> log.add("no exception"))), type, e -> run(() -> log.add(type.getSimpleName())));
  }

  @Test
  void bufferedChannelWalkThrough() {
    // trio test_channel.py::test_channel (the type check of the size is Java's int parameter)
    assertThrows(IllegalArgumentException.class, () -> createMemoryObjectStream(-1));
    MemoryObjectStream<Integer> c = createMemoryObjectStream(2);
    MemoryObjectSendStream<Integer> s = c.sendStream();
    MemoryObjectReceiveStream<Integer> r = c.receiveStream();
    runVirtual(co(
        run(() -> s.sendNowait(1)),
        awaiting(() -> s.send(2)),
        run(() -> assertThrows(WouldBlockException.class, () -> s.sendNowait(null))),
        awaiting(r::receive, v -> assertEquals(1, v)),
        run(() -> assertEquals(2, r.receiveNowait())),
        run(() -> assertThrows(WouldBlockException.class, r::receiveNowait)),
        run(() -> s.sendNowait(99)),
        run(s::close),
        expecting(ClosedResourceException.class, () -> s.send(3)),
        run(() -> assertThrows(ClosedResourceException.class, () -> s.sendNowait(3))),
        run(() -> assertThrows(ClosedResourceException.class, s::clone)),
        run(s::close),
        run(() -> assertEquals(99, r.receiveNowait())),
        expecting(EndOfStreamException.class, r::receive),
        run(r::close),
        expecting(ClosedResourceException.class, r::receive),
        run(() -> assertThrows(ClosedResourceException.class, r::receiveNowait)),
        run(r::close)));
    assertEquals(List.of("ClosedResourceException", "EndOfStreamException", "ClosedResourceException"), log);
  }

  @Test
  void cancelledReceiveLeavesNoTraceSoALaterSendIsBuffered() {
    // trio test_channel.py::test_553
    MemoryObjectStream<String> c = createMemoryObjectStream(1);
    CancelScope[] scope = new CancelScope[1];
    runVirtual(co(
        cancelScope(() -> Baton.moveOnAfter(10), sc -> block(
            run(() -> scope[0] = sc),
            awaiting(c.receiveStream()::receive),
            run(order::expectUnreached))),
        run(() -> assertTrue(scope[0].cancelledCaught())),
        run(() -> assertEquals(10.0, Baton.currentTime())),
        awaiting(() -> c.sendStream().send("Test for PR #553"))));
    assertEquals("Test for PR #553", c.receiveStream().receiveNowait());
  }

  @Test
  void iterationEndsOnlyWhenEveryProducerCloneIsClosed() {
    // trio test_channel.py::test_channel_multiple_producers
    MemoryObjectStream<Integer> c = createMemoryObjectStream(0);
    List<Integer> got = new ArrayList<>();
    runVirtual(co(taskGroup(tg -> block(
        repeat(10, i -> run(() -> {
          MemoryObjectSendStream<Integer> clone = c.sendStream().clone();
          tg.startSoon(co(asyncWith(() -> clone, s -> repeat(3, j -> awaiting(() -> s.send(3 * i + j))))));
        })),
        run(() -> c.sendStream().close()),
        forEach(c::receiveStream, v -> run(() -> got.add(v)))))));
    assertEquals(IntStream.range(0, 30).boxed().toList(), got.stream().sorted().toList());
  }

  @Test
  void consumersOfOneHandleShareTheItemsFairly() {
    // trio test_channel.py::test_channel_multiple_consumers
    MemoryObjectStream<Integer> c = createMemoryObjectStream(1);
    Set<Integer> successfulReceivers = new HashSet<>();
    List<Integer> got = new ArrayList<>();
    runVirtual(co(taskGroup(tg -> block(
        repeat(5, i -> run(() -> tg.startSoon(co(forEach(c::receiveStream, v -> run(() -> {
          successfulReceivers.add(i);
          got.add(v);
        })))))),
        repeat(10, i -> awaiting(() -> c.sendStream().send(i))),
        run(() -> c.sendStream().close())))));
    assertEquals(Set.of(0, 1, 2, 3, 4), successfulReceivers);
    assertEquals(IntStream.range(0, 10).boxed().collect(Collectors.toSet()), new HashSet<>(got));
    assertEquals(10, got.size());
  }

  @Test
  void closingTheSendHandleWakesItsBlockedSenderWithClosedResource() {
    // trio test_channel.py::test_close_basics (a) and test_close_sync (a)
    MemoryObjectStream<String> c = createMemoryObjectStream(0);
    MemoryObjectSendStream<String> s = c.sendStream();
    MemoryObjectReceiveStream<String> r = c.receiveStream();
    runVirtual(co(
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(expecting(ClosedResourceException.class, () -> s.send("x"))))),
            untilAllBlocked(),
            run(s::close))),
        run(() -> assertThrows(ClosedResourceException.class, () -> s.sendNowait(null))),
        expecting(ClosedResourceException.class, () -> s.send(null)),
        run(() -> assertThrows(EndOfStreamException.class, r::receiveNowait)),
        expecting(EndOfStreamException.class, r::receive)));
    assertEquals(List.of("ClosedResourceException", "ClosedResourceException", "EndOfStreamException"), log);
  }

  @Test
  void closingTheReceiveHandleBreaksBlockedAndLaterSenders() {
    // trio test_channel.py::test_close_basics (b) and test_close_sync (b)
    MemoryObjectStream<String> c = createMemoryObjectStream(0);
    MemoryObjectSendStream<String> s = c.sendStream();
    MemoryObjectReceiveStream<String> r = c.receiveStream();
    runVirtual(co(
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(expecting(BrokenResourceException.class, () -> s.send("x"))))),
            untilAllBlocked(),
            run(r::close))),
        run(() -> assertThrows(BrokenResourceException.class, () -> s.sendNowait(null))),
        expecting(BrokenResourceException.class, () -> s.send(null))));
    assertEquals(List.of("BrokenResourceException", "BrokenResourceException"), log);
  }

  @Test
  void closingTheReceiveHandleWakesItsBlockedReceiverWithClosedResource() {
    // trio test_channel.py::test_close_basics (c) and test_close_sync (c): the last receive handle
    MemoryObjectStream<String> c = createMemoryObjectStream(0);
    MemoryObjectReceiveStream<String> r = c.receiveStream();
    runVirtual(co(
        taskGroup(tg -> block(
            run(() -> tg.startSoon(co(expecting(ClosedResourceException.class, r::receive)))),
            untilAllBlocked(),
            run(r::close))),
        run(() -> assertThrows(ClosedResourceException.class, r::receiveNowait)),
        expecting(ClosedResourceException.class, r::receive)));
    assertEquals(List.of("ClosedResourceException", "ClosedResourceException"), log);
  }

  @Test
  void asyncWithExitClosesTheHandleWithoutACheckpoint() {
    // trio test_close_basics uses `async with`/aclose; ours (anyio) is not a checkpoint: no Cancelled
    MemoryObjectStream<String> c = createMemoryObjectStream(0);
    runVirtual(co(cancelScope(Baton::openCancelScope, scope -> block(
        run(scope::cancel),
        asyncWith(c::sendStream, s -> run(() -> order.expect(1))),
        run(() -> order.finish(2))))));
    assertTrue(c.sendStream().isClosed());
  }

  @Test
  void receiveClonesCloseIndependently() {
    // trio test_channel.py::test_receive_channel_clone_and_close
    MemoryObjectStream<String> c = createMemoryObjectStream(10);
    MemoryObjectSendStream<String> s = c.sendStream();
    MemoryObjectReceiveStream<String> r = c.receiveStream();
    MemoryObjectReceiveStream<String> r2 = r.clone();
    MemoryObjectReceiveStream<String> r3 = r.clone();
    s.sendNowait(null);
    r.close();
    try (MemoryObjectReceiveStream<String> closing = r2) {
      assertEquals(3 - 1, closing.statistics().openReceiveStreams());
    }
    assertThrows(ClosedResourceException.class, r::clone);
    assertThrows(ClosedResourceException.class, r2::clone);
    s.sendNowait(null);
    r3.close();
    assertThrows(BrokenResourceException.class, () -> s.sendNowait(null));
  }

  @Test
  void closingOneSendCloneWakesOnlyItsOwnBlockedSender() {
    // trio test_channel.py::test_close_multiple_send_handles
    MemoryObjectStream<String> c = createMemoryObjectStream(0);
    MemoryObjectSendStream<String> s1 = c.sendStream();
    MemoryObjectSendStream<String> s2 = s1.clone();
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(expecting(ClosedResourceException.class, () -> s1.send("nope"))))),
        run(() -> tg.startSoon(co(awaiting(() -> s2.send("ok")), run(() -> log.add("sent ok"))))),
        untilAllBlocked(),
        run(s1::close),
        awaiting(c.receiveStream()::receive, log::add)))));
    assertEquals(Set.of("ClosedResourceException", "ok", "sent ok"), new HashSet<>(log));
    assertEquals("ClosedResourceException", log.get(0));
  }

  @Test
  void closingASendHandleWakesEveryTaskBlockedOnItEvenAfterOthersWereServed() {
    // several tasks send through one handle at once (each send its own operation), some are served,
    // then the handle closes: every send still blocked on it fails, the other handle's does not
    MemoryObjectStream<String> c = createMemoryObjectStream(0);
    MemoryObjectSendStream<String> s1 = c.sendStream();
    MemoryObjectSendStream<String> s2 = s1.clone();
    MemoryObjectReceiveStream<String> r = c.receiveStream();
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(awaiting(() -> s1.send("a")), run(() -> log.add("sent a"))))),
        run(() -> tg.startSoon(co(expecting(ClosedResourceException.class, () -> s1.send("b"))))),
        run(() -> tg.startSoon(co(expecting(ClosedResourceException.class, () -> s1.send("c"))))),
        run(() -> tg.startSoon(co(awaiting(() -> s2.send("d")), run(() -> log.add("sent d"))))),
        untilAllBlocked(),
        awaiting(r::receive, log::add),
        untilAllBlocked(),
        run(s1::close),
        untilAllBlocked(),
        awaiting(r::receive, log::add)))));
    assertEquals(List.of("sent a", "a", "ClosedResourceException", "ClosedResourceException", "sent d", "d"), log);
  }

  @Test
  void closingOneReceiveCloneWakesOnlyItsOwnBlockedReceiver() {
    // trio test_channel.py::test_close_multiple_receive_handles
    MemoryObjectStream<String> c = createMemoryObjectStream(0);
    MemoryObjectReceiveStream<String> r1 = c.receiveStream();
    MemoryObjectReceiveStream<String> r2 = r1.clone();
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(expecting(ClosedResourceException.class, r1::receive)))),
        run(() -> tg.startSoon(co(awaiting(r2::receive, log::add)))),
        untilAllBlocked(),
        run(r1::close),
        awaiting(() -> c.sendStream().send("ok"))))));
    assertEquals(List.of("ClosedResourceException", "ok"), log);
  }

  @Test
  void unboundedCapacityNeverBlocksSenders() {
    // trio test_channel.py::test_inf_capacity
    MemoryObjectStream<Integer> c = createMemoryObjectStream(MemoryObjectStream.UNBOUNDED);
    List<Integer> got = new ArrayList<>();
    try (MemoryObjectSendStream<Integer> s = c.sendStream()) {
      for (int i = 0; i < 10; i++) {
        s.sendNowait(i);
      }
    }
    runVirtual(co(forEach(c::receiveStream, v -> run(() -> got.add(v)))));
    assertEquals(IntStream.range(0, 10).boxed().toList(), got);
  }

  @Test
  void statisticsFollowClonesClosesAndCancelledWaiters() {
    // trio test_channel.py::test_statistics (without peak_buffer_used, which our statistics lack)
    MemoryObjectStream<Integer> c = createMemoryObjectStream(2);
    MemoryObjectSendStream<Integer> s = c.sendStream();
    MemoryObjectReceiveStream<Integer> r = c.receiveStream();
    assertEquals(new MemoryObjectStreamStatistics(0, 2, 1, 1, 0, 0), s.statistics());
    assertEquals(s.statistics(), r.statistics());
    s.sendNowait(1);
    assertEquals(1, s.statistics().currentBufferUsed());
    MemoryObjectSendStream<Integer> s2 = s.clone();
    assertEquals(2, s.statistics().openSendStreams());
    s.close();
    assertEquals(1, r.statistics().openSendStreams());
    MemoryObjectReceiveStream<Integer> r2 = r.clone();
    assertEquals(2, s2.statistics().openReceiveStreams());
    r2.close();
    assertEquals(1, s2.statistics().openReceiveStreams());
    runVirtual(co(
        taskGroup(tg -> block(
            run(() -> s2.sendNowait(2)),
            run(() -> assertEquals(2, s2.statistics().currentBufferUsed())),
            run(() -> tg.startSoon(awaitingTask(() -> s2.send(3)))),
            run(() -> tg.startSoon(awaitingTask(() -> s2.send(4)))),
            untilAllBlocked(),
            run(() -> assertEquals(2, s2.statistics().tasksWaitingSend())),
            run(() -> tg.cancelScope().cancel()),
            run(() -> assertEquals(0, s2.statistics().tasksWaitingSend())))),
        run(() -> assertEquals(2, r.statistics().currentBufferUsed())),
        run(r::receiveNowait),
        run(r::receiveNowait),
        run(() -> assertEquals(0, r.statistics().currentBufferUsed())),
        taskGroup(tg -> block(
            run(() -> tg.startSoon(awaitingTask(r::receive))),
            untilAllBlocked(),
            run(() -> assertEquals(1, r.statistics().tasksWaitingReceive())),
            run(() -> tg.cancelScope().cancel()))),
        run(() -> assertEquals(0, r.statistics().tasksWaitingReceive()))));
  }

  @Test
  void sendNowaitToAWaitingReceiverBypassesTheBuffer() {
    // trio test_channel.py::test_channel_fairness (first half)
    MemoryObjectStream<Integer> c = createMemoryObjectStream(1);
    MemoryObjectSendStream<Integer> s = c.sendStream();
    MemoryObjectReceiveStream<Integer> r = c.receiveStream();
    s.sendNowait(1);
    assertEquals(1, r.receiveNowait());
    s.sendNowait(2);
    assertEquals(2, r.receiveNowait());
    List<Integer> got = new ArrayList<>();
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(awaiting(r::receive, got::add)))),
        untilAllBlocked(),
        run(() -> s.sendNowait(2)),
        run(() -> assertThrows(WouldBlockException.class, r::receiveNowait))))));
    assertEquals(List.of(2), got);
  }

  @Test
  void receiveNowaitMovesABlockedSendersItemIntoTheFreedSlot() {
    // trio test_channel.py::test_channel_fairness (second half)
    MemoryObjectStream<Integer> c = createMemoryObjectStream(1);
    MemoryObjectSendStream<Integer> s = c.sendStream();
    MemoryObjectReceiveStream<Integer> r = c.receiveStream();
    runVirtual(co(taskGroup(tg -> block(
        run(() -> s.sendNowait(1)),
        run(() -> assertThrows(WouldBlockException.class, () -> s.sendNowait(null))),
        run(() -> tg.startSoon(awaitingTask(() -> s.send(2)))),
        untilAllBlocked(),
        run(() -> assertEquals(1, r.receiveNowait())),
        run(() -> assertThrows(WouldBlockException.class, () -> s.sendNowait(3))),
        awaiting(r::receive, v -> assertEquals(2, v))))));
  }

  @Test
  void blockedSendersAreServedInArrivalOrder() {
    // trio test_channel_fairness / semantics §4.10 [obs]: senders 0..3 are received as [0, 1, 2, 3]
    MemoryObjectStream<Integer> c = createMemoryObjectStream(0);
    List<Integer> got = new ArrayList<>();
    runVirtual(co(taskGroup(tg -> block(
        repeat(4, i -> block(run(() -> tg.startSoon(awaitingTask(() -> c.sendStream().send(i)))), untilAllBlocked())),
        repeat(4, i -> awaiting(c.receiveStream()::receive, got::add))))));
    assertEquals(List.of(0, 1, 2, 3), got);
  }

  @Test
  void rendezvousNeedsACounterpart() {
    // trio test_channel.py::test_unbuffered
    MemoryObjectStream<Integer> c = createMemoryObjectStream(0);
    MemoryObjectSendStream<Integer> s = c.sendStream();
    MemoryObjectReceiveStream<Integer> r = c.receiveStream();
    assertThrows(WouldBlockException.class, r::receiveNowait);
    assertThrows(WouldBlockException.class, () -> s.sendNowait(1));
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(awaitingTask(() -> s.send(1)))),
        awaiting(r::receive, v -> assertEquals(1, v)),
        run(() -> assertThrows(WouldBlockException.class, r::receiveNowait))))));
  }
}
