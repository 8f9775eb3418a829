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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.testing.Co.Step;
import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Memory object streams: the port of anyio's {@code tests/streams/test_memory.py} (catalogue §10.1)
 * and of trio's {@code test_channel.py} core cases (§10.3) for the rules anyio does not test (trio
 * close semantics for blocked handles, fairness).
 */
class MemoryObjectStreamTest extends RuntimeTest {
  private final MemoryObjectStream<String> stream0 = createMemoryObjectStream(0);
  private final MemoryObjectSendStream<String> send = stream0.sendStream();
  private final MemoryObjectReceiveStream<String> receive = stream0.receiveStream();
  private final List<String> received = new ArrayList<>();

  private static Step sending(MemoryObjectSendStream<String> s, String item) {
    return awaiting(() -> s.send(item));
  }

  private static Step receivingInto(MemoryObjectReceiveStream<String> r, List<String> into) {
    return awaiting(r::receive, into::add);
  }

  // ---------------------------------------------------------------------------------------------
  // anyio test_memory.py

  @Test
  void negativeBufferSizeIsRejected() {
    // anyio test_memory.py::test_negative_max_buffer
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> createMemoryObjectStream(-1));
    assertTrue(e.getMessage().contains("cannot be negative"), e.getMessage());
  }

  @Test
  void receiveThenSend() {
    // anyio test_memory.py::test_receive_then_send
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(receivingInto(receive, received), receivingInto(receive, received)))),
        untilAllBlocked(),
        sending(send, "hello"),
        sending(send, "anyio")))));
    assertEquals(List.of("hello", "anyio"), received);
  }

  @Test
  void receiveThenSendNowaitHandsEachItemToAWaitingReceiver() {
    // anyio test_memory.py::test_receive_then_send_nowait (FIFO among receivers: trio test_channel_fairness)
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(receivingInto(receive, received)), "first receiver")),
        run(() -> tg.startSoon(co(receivingInto(receive, received)), "second receiver")),
        untilAllBlocked(),
        run(() -> send.sendNowait("hello")),
        run(() -> send.sendNowait("anyio"))))));
    assertEquals(List.of("hello", "anyio"), received);
  }

  @Test
  void sendThenReceiveNowait() {
    // anyio test_memory.py::test_send_then_receive_nowait
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(sending(send, "hello")))),
        untilAllBlocked(),
        run(() -> assertEquals("hello", receive.receiveNowait()))))));
  }

  @Test
  void sendIsUnblockedAfterReceiveNowait() {
    // anyio test_memory.py::test_send_is_unblocked_after_receive_nowait
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    s.sendStream().sendNowait("hello");
    runVirtual(co(
        cancelScope(() -> Baton.failAfter(1), scope -> taskGroup(tg -> block(
            run(() -> tg.startSoon(co(sending(s.sendStream(), "anyio")))),
            untilAllBlocked(),
            run(() -> assertEquals("hello", s.receiveStream().receiveNowait()))))),
        run(() -> assertEquals(0.0, Baton.currentTime()))));
    assertEquals("anyio", s.receiveStream().receiveNowait());
  }

  @Test
  void sendNowaitThenReceiveNowaitKeepsFifoOrder() {
    // anyio test_memory.py::test_send_nowait_then_receive_nowait
    MemoryObjectStream<String> s = createMemoryObjectStream(2);
    s.sendStream().sendNowait("hello");
    s.sendStream().sendNowait("anyio");
    assertEquals("hello", s.receiveStream().receiveNowait());
    assertEquals("anyio", s.receiveStream().receiveNowait());
  }

  @Test
  void iterationEndsWhenTheSendStreamCloses() {
    // anyio test_memory.py::test_iterate
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(forEach(() -> receive, item -> run(() -> received.add(item)))))),
        sending(send, "hello"),
        sending(send, "anyio"),
        run(send::close)))));
    assertEquals(List.of("hello", "anyio"), received);
  }

  @Test
  void afterSendStreamClosedReceiveEndsAndSendIsClosed() {
    // anyio test_memory.py::test_receive_send_closed_send_stream
    send.close();
    assertThrows(EndOfStreamException.class, receive::receiveNowait);
    runVirtual(co(tryCatch(sending(send, null), ClosedResourceException.class, e -> run(() -> order.finish(1)))));
  }

  @Test
  void afterReceiveStreamClosedReceiveIsClosedAndSendIsBroken() {
    // anyio test_memory.py::test_receive_send_closed_receive_stream
    receive.close();
    assertThrows(ClosedResourceException.class, receive::receiveNowait);
    runVirtual(co(tryCatch(sending(send, null), BrokenResourceException.class, e -> run(() -> order.finish(1)))));
  }

  @Test
  void cancelledReceiverIsNoLongerRegistered() {
    // anyio test_memory.py::test_cancel_receive
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(receivingInto(receive, received)))),
        untilAllBlocked(),
        run(() -> assertEquals(1, receive.statistics().tasksWaitingReceive())),
        run(() -> tg.cancelScope().cancel()),
        run(() -> assertEquals(0, receive.statistics().tasksWaitingReceive())),
        run(() -> assertThrows(WouldBlockException.class, () -> send.sendNowait("hello")))))));
    assertEquals(List.of(), received);
  }

  @Test
  void cancelledSendWithdrawsItsItem() {
    // anyio test_memory.py::test_cancel_send
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(sending(send, "hello")))),
        untilAllBlocked(),
        run(() -> tg.cancelScope().cancel()),
        run(() -> assertThrows(WouldBlockException.class, receive::receiveNowait))))));
  }

  @Test
  void clonesKeepTheStreamOpenUntilAllAreClosed() {
    // anyio test_memory.py::test_clone
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    MemoryObjectSendStream<String> send2 = s.sendStream().clone();
    MemoryObjectReceiveStream<String> receive2 = s.receiveStream().clone();
    s.sendStream().close();
    s.receiveStream().close();
    s.sendStream().close(); // closing again is a no-op
    s.receiveStream().close();
    send2.sendNowait("hello");
    assertEquals("hello", receive2.receiveNowait());
  }

  @Test
  void cloningAClosedHandleFails() {
    // anyio test_memory.py::test_clone_closed
    send.close();
    receive.close();
    assertThrows(ClosedResourceException.class, send::clone);
    assertThrows(ClosedResourceException.class, receive::clone);
  }

  @Test
  void closingTheSendStreamEndsABlockedReceive() {
    // anyio test_memory.py::test_close_send_while_receiving
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(receivingInto(s.receiveStream(), received)))),
        untilAllBlocked(),
        run(() -> s.sendStream().close()))))), EndOfStreamException.class);
  }

  @Test
  void closingTheReceiveStreamBreaksABlockedSendOfNull() {
    // anyio test_memory.py::test_close_receive_while_sending (regression anyio#731: a null item)
    assertGroupOf(() -> runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(sending(send, null)))),
        untilAllBlocked(),
        run(receive::close))))), BrokenResourceException.class);
  }

  @Test
  void nullItemsAreBufferedAndReceivedLikeAnyOther() {
    // regression: the buffer could not hold null (anyio#731 is about sending None)
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    runVirtual(co(taskGroup(tg -> block(
        run(() -> s.sendStream().sendNowait(null)),
        run(() -> tg.startSoon(co(sending(s.sendStream(), null)))),
        untilAllBlocked(),
        run(() -> assertEquals(new MemoryObjectStreamStatistics(1, 1, 1, 1, 1, 0), s.sendStream().statistics())),
        run(() -> assertNull(s.receiveStream().receiveNowait())),
        run(() -> assertNull(s.receiveStream().receiveNowait()))))));
    assertThrows(WouldBlockException.class, s.receiveStream()::receiveNowait);
  }

  @Test
  void bufferedItemsSurviveTheSendStreamClosing() {
    // anyio test_memory.py::test_receive_after_send_closed
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    runVirtual(co(
        sending(s.sendStream(), "hello"),
        run(() -> s.sendStream().close()),
        receivingInto(s.receiveStream(), received)));
    assertEquals(List.of("hello"), received);
  }

  @Test
  void receiveInACancelledScopeConsumesNothing() {
    // anyio test_memory.py::test_receive_when_cancelled
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(sending(send, "hello")))),
        untilAllBlocked(),
        run(() -> tg.startSoon(co(sending(send, "world")))),
        untilAllBlocked(),
        cancelScope(Baton::openCancelScope, scope -> block(
            run(scope::cancel),
            receivingInto(receive, received),
            run(order::expectUnreached))),
        receivingInto(receive, received),
        receivingInto(receive, received)))));
    assertEquals(List.of("hello", "world"), received);
  }

  @Test
  void sendInACancelledScopeDeliversNothing() {
    // anyio test_memory.py::test_send_when_cancelled
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(receivingInto(receive, received)))),
        cancelScope(Baton::openCancelScope, scope -> block(
            run(scope::cancel),
            sending(send, "hello"),
            run(order::expectUnreached))),
        sending(send, "world")))));
    assertEquals(List.of("world"), received);
  }

  @Test
  void itemHandedToAReceiverBeatsALaterCancel() {
    // anyio test_memory.py::test_cancel_during_receive
    CancelScope[] receiverScope = new CancelScope[1];
    runVirtual(co(taskGroup(tg -> block(
        awaiting(() -> tg.<CancelScope>start(status -> co(
            cancelScope(Baton::openCancelScope, scope -> block(
                run(() -> status.started(scope)),
                receivingInto(receive, received))),
            run(() -> assertTrue(receiverScope[0].cancelCalled())))), s -> receiverScope[0] = s),
        untilAllBlocked(),
        run(() -> send.sendNowait("hello")),
        run(() -> receiverScope[0].cancel())))));
    assertEquals(List.of("hello"), received);
    assertFalse(receiverScope[0].cancelledCaught());
  }

  @Test
  void itemIsNotHandedToACancelledReceiver() {
    // anyio test_memory.py::test_cancel_during_receive_buffered
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    CancelScope[] receiverScope = new CancelScope[1];
    runVirtual(co(taskGroup(tg -> block(
        awaiting(() -> tg.<CancelScope>start(status -> co(
            cancelScope(Baton::openCancelScope, scope -> block(
                run(() -> status.started(scope)),
                receivingInto(s.receiveStream(), received))))), sc -> receiverScope[0] = sc),
        untilAllBlocked(),
        run(() -> receiverScope[0].cancel()),
        run(() -> s.sendStream().sendNowait("item"))))));
    assertEquals(List.of(), received);
    assertEquals("item", s.receiveStream().receiveNowait());
  }

  @Test
  void closingEachHalfAfterUseExitsCleanly() {
    // anyio test_memory.py::test_close_receive_after_send
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(asyncWith(() -> send, s -> sending(s, "test"))))),
        run(() -> tg.startSoon(co(asyncWith(() -> receive, r -> block(
            receivingInto(r, received),
            run(() -> assertEquals(List.of("test"), received)))))))))));
    assertTrue(send.isClosed());
    assertTrue(receive.isClosed());
  }

  @Test
  void statisticsCountBufferOpenHandlesAndWaiters() {
    // anyio test_memory.py::test_statistics
    MemoryObjectStream<String> s = createMemoryObjectStream(1);
    MemoryObjectSendStream<String> ss = s.sendStream();
    MemoryObjectReceiveStream<String> rs = s.receiveStream();
    for (Supplier<MemoryObjectStreamStatistics> st : List.<Supplier<MemoryObjectStreamStatistics>>of(ss::statistics, rs::statistics)) {
      assertEquals(new MemoryObjectStreamStatistics(0, 1, 1, 1, 0, 0), st.get());
    }
    // One loop for both observers: a stream is bound to the loop that first waits on it.
    runVirtual(co(repeat(2, k -> {
      Supplier<MemoryObjectStreamStatistics> st = k == 0 ? ss::statistics : rs::statistics;
      return block(
          taskGroup(tg -> block(
              run(() -> ss.sendNowait(null)),
              run(() -> assertEquals(1, st.get().currentBufferUsed())),
              run(() -> tg.startSoon(awaitingTask(() -> ss.send(null)))),
              untilAllBlocked(),
              run(() -> assertEquals(1, st.get().currentBufferUsed())),
              run(() -> assertEquals(1, st.get().tasksWaitingSend())),
              run(rs::receiveNowait),
              run(() -> assertEquals(1, st.get().currentBufferUsed())),
              run(() -> assertEquals(0, st.get().tasksWaitingSend())),
              run(rs::receiveNowait),
              run(() -> assertEquals(0, st.get().currentBufferUsed())),
              run(() -> tg.startSoon(awaitingTask(rs::receive))),
              untilAllBlocked(),
              run(() -> assertEquals(1, st.get().tasksWaitingReceive())),
              run(() -> ss.sendNowait(null)),
              run(() -> assertEquals(0, st.get().tasksWaitingReceive())))),
          taskGroup(tg -> block(
              run(() -> ss.sendNowait(null)),
              run(() -> assertEquals(0, st.get().tasksWaitingSend())),
              repeat(3, i -> run(() -> tg.startSoon(awaitingTask(() -> ss.send(null))))),
              untilAllBlocked(),
              run(() -> assertEquals(3, st.get().tasksWaitingSend())),
              repeat(3, i -> block(
                  run(rs::receiveNowait),
                  run(() -> assertEquals(2 - i, st.get().tasksWaitingSend())))),
              run(rs::receiveNowait))),
          run(() -> assertEquals(new MemoryObjectStreamStatistics(0, 1, 1, 1, 0, 0), st.get())));
    })));
  }

  @Test
  void syncCloseOfBothHalves() {
    // anyio test_memory.py::test_sync_close
    try (MemoryObjectSendStream<String> s = send; MemoryObjectReceiveStream<String> r = receive) {
      assertFalse(s.isClosed() || r.isClosed());
    }
    assertThrows(ClosedResourceException.class, () -> send.sendNowait(null));
    assertThrows(ClosedResourceException.class, receive::receiveNowait);
  }

  @Test
  void plainIteratorIsRefused() {
    // API.md §2: only compiled async iteration may iterate a receive stream
    IllegalStateException e = assertThrows(IllegalStateException.class, receive::iterator);
    assertTrue(e.getMessage().contains("@Await"), e.getMessage());
  }
}
