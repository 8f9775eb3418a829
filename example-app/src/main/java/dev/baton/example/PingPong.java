package dev.baton.example;

import static dev.baton.Baton.await;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleep;

import dev.baton.Coroutine;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectSendStream;
import dev.baton.MemoryObjectStream;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.Random;

/**
 * The anyio tutorial's second program: five pings and one pong talk through one memory object
 * stream with no buffer. Each ping owns a {@code clone()} of the send half and closes it when done;
 * pong iterates the receive half with {@code for (@Await ...)}, and the loop ends by itself when the
 * last clone is closed.
 */
public class PingPong {
  /** What a ping sends: its message and how long it slept. */
  public record Ping(String message, double sleepTime) {}

  final Console console;
  final Random random;

  public PingPong(Console console, Random random) {
    this.console = console;
    this.random = random;
  }

  @Async
  public Coroutine<Void> ping(int num, MemoryObjectSendStream<Ping> sendStream) {
    try (sendStream) {
      double sleepTime = random.nextDouble() * 3;
      await(sleep(sleepTime));
      await(sendStream.send(new Ping("ping from num=" + num + ", sleep_time=" + sleepTime, sleepTime)));
    }
    return done();
  }

  @Async
  public Coroutine<Double> pong(MemoryObjectReceiveStream<Ping> receiveStream) {
    double total = 0;
    try (receiveStream) {
      for (@Await Ping ping : receiveStream) {
        console.log(ping.message());
        total += ping.sleepTime();
      }
    }
    console.log("pong: every ping is done, total sleep_time=" + total);
    return done(total);
  }

  @Async
  public Coroutine<Void> main() {
    console.log("main start");
    MemoryObjectStream<Ping> stream = createMemoryObjectStream(0);
    try (@Await TaskGroup tg = createTaskGroup()) {
      try (MemoryObjectSendStream<Ping> sendStream = stream.sendStream()) {
        for (int num = 0; num < 5; num++) {
          tg.startSoon(ping(num, sendStream.clone()));
        }
      }
      tg.startSoon(pong(stream.receiveStream()));
    }
    console.log("main end");
    return done();
  }
}
