package dev.baton.example;

import static dev.baton.Baton.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Coroutine;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectStream;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import dev.baton.junit.BatonTest;
import dev.baton.junit.BatonTests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide's chapter 13 (Testing): its snippets are these tests, run by the build. */
@BatonTest
class GuideTestingSamplesTest {
  // snippet:testing-virtual-time
  @Async
  Coroutine<Double> retryForAnHour() {
    for (int attempt = 0; attempt < 60; attempt++) {
      await(sleep(60));                  // a minute between attempts
    }
    return done(currentTime());
  }

  @Test
  void anHourOfRetriesTakesNoRealTime() {
    assertEquals(3600.0, BatonTests.run(this::retryForAnHour));  // seconds of virtual time
  }
  // end:testing-virtual-time

  // snippet:testing-timeout
  @Test
  @BatonTest(timeout = 3600 + 10)
  void retriesEndWithinTheHour() {
    BatonTests.run(this::retryForAnHour);  // fails, cancelled, if it runs past 3610 virtual seconds
  }
  // end:testing-timeout

  // snippet:testing-wait-all-blocked
  @Async
  Coroutine<List<String>> collect(MemoryObjectReceiveStream<String> in) {
    List<String> got = new ArrayList<>();
    for (@Await String item : in) {
      got.add(item);
    }
    return done(got);
  }

  @Async
  Coroutine<Void> consumerWaitsForTheFirstItem() {
    MemoryObjectStream<String> stream = createMemoryObjectStream(0);
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(collect(stream.receiveStream()));
      await(waitAllTasksBlocked());     // every other task is blocked: the consumer waits in receive
      assertEquals(1, stream.receiveStream().statistics().tasksWaitingReceive());
      stream.sendStream().close();
    }
    return done();
  }

  @Test
  void theConsumerIsParkedBeforeTheFirstItem() {
    BatonTests.run(this::consumerWaitsForTheFirstItem);
  }
  // end:testing-wait-all-blocked

  // snippet:testing-fuzzing
  int total;

  @Async
  Coroutine<Void> addSlowly(int amount) {
    for (int i = 0; i < amount; i++) {
      await(checkpoint());
      total++;                           // no await between read and write: no lost update
    }
    return done();
  }

  @Async
  Coroutine<Integer> threeAdders() {
    total = 0;                           // each seed's run starts afresh
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(addSlowly(10));
      tg.startSoon(addSlowly(20));
      tg.startSoon(addSlowly(30));
    }
    return done(total);
  }

  @Test
  @BatonTest(scheduleSeeds = 50)
  void noUpdateIsLostInAnyOrder() {
    assertEquals(60, BatonTests.run(this::threeAdders));
  }
  // end:testing-fuzzing
}
