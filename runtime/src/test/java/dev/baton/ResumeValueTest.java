package dev.baton;

import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.testing.Co.awaiting;
import static dev.baton.testing.Co.block;
import static dev.baton.testing.Co.cancelScope;
import static dev.baton.testing.Co.co;
import static dev.baton.testing.Co.run;
import static dev.baton.testing.Co.taskGroup;
import static dev.baton.testing.Co.tryCatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.baton.testing.RuntimeTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task resumes with exactly the value it was handed, whatever that value is: an exception, an
 * awaitable or null received from a stream is an item, not something to throw, await or read as
 * "parked". The loop keeps a task's resume value in the same field as the operation it parks on and
 * the exception it resumes with (core {@code Task#state}), and wraps the values that would read as
 * either; these are those values.
 */
class ResumeValueTest extends RuntimeTest {
  private static final RuntimeException ERROR_ITEM = new IllegalStateException("an item, not a failure");

  private final List<Object> log = new ArrayList<>();

  /** Items handed to a receiver parked on a rendezvous stream (the sender resumes it). */
  @Test
  void aParkedReceiverGetsAnExceptionAnAwaitableAndNullAsItems() {
    Awaitable<Void> awaitableItem = Baton.checkpoint();
    MemoryObjectStream<Object> c = createMemoryObjectStream(0);
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(
            awaiting(() -> c.sendStream().send(ERROR_ITEM)),
            awaiting(() -> c.sendStream().send(awaitableItem)),
            awaiting(() -> c.sendStream().send(null))))),
        awaiting(c.receiveStream()::receive, log::add),
        awaiting(c.receiveStream()::receive, log::add),
        awaiting(c.receiveStream()::receive, log::add)))));
    assertEquals(3, log.size());
    assertSame(ERROR_ITEM, log.get(0));
    assertSame(awaitableItem, log.get(1));
    assertNull(log.get(2));
  }

  /** Items taken from the buffer: the receiver yields and resumes with the item. */
  @Test
  void aBufferedExceptionAndAwaitableAreReceivedAsItems() {
    Awaitable<Void> awaitableItem = Baton.checkpoint();
    MemoryObjectStream<Object> c = createMemoryObjectStream(2);
    runVirtual(co(
        run(() -> c.sendStream().sendNowait(ERROR_ITEM)),
        run(() -> c.sendStream().sendNowait(awaitableItem)),
        awaiting(c.receiveStream()::receive, log::add),
        awaiting(c.receiveStream()::receive, log::add)));
    assertEquals(List.of(ERROR_ITEM, awaitableItem), log);
  }

  /**
   * Rescheduled wins (trio): a receiver handed an item and then cancelled before it runs gets the
   * item, here an awaitable, and meets the cancellation at its next checkpoint. The cancellation must
   * not take the runnable task for one parked on that awaitable and try to abort it.
   */
  @Test
  void aReceiverHandedAnAwaitableThenCancelledBeforeItRunsKeepsTheItem() {
    Awaitable<Void> awaitableItem = Baton.checkpoint();
    receiveThenCancelBeforeRunning(awaitableItem);
    assertEquals(2, log.size(), () -> "log: " + log);
    assertSame(awaitableItem, log.get(0));
    assertEquals("Cancelled at the next checkpoint", log.get(1));
  }

  /** The same with an exception as the item: it is received, not thrown. */
  @Test
  void aReceiverHandedAnExceptionThenCancelledBeforeItRunsKeepsTheItem() {
    receiveThenCancelBeforeRunning(ERROR_ITEM);
    assertEquals(2, log.size(), () -> "log: " + log);
    assertSame(ERROR_ITEM, log.get(0));
    assertEquals("Cancelled at the next checkpoint", log.get(1));
  }

  /**
   * A child parks in receive inside a cancel scope; the main task hands it {@code item} with
   * sendNowait and, in the same step, cancels the child's scope.
   */
  private void receiveThenCancelBeforeRunning(Object item) {
    MemoryObjectStream<Object> c = createMemoryObjectStream(0);
    CancelScope[] scope = new CancelScope[1];
    runVirtual(co(taskGroup(tg -> block(
        run(() -> tg.startSoon(co(cancelScope(Baton::openCancelScope, sc -> block(
            run(() -> scope[0] = sc),
            awaiting(c.receiveStream()::receive, log::add),
            tryCatch(awaiting(Baton::checkpoint), Cancelled.class, e -> run(() -> log.add("Cancelled at the next checkpoint")))))))),
        awaiting(Baton::waitAllTasksBlocked),
        run(() -> {
          c.sendStream().sendNowait(item);
          scope[0].cancel();
        })))));
  }
}
