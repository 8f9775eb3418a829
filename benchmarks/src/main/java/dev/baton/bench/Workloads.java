package dev.baton.bench;

import static dev.baton.Baton.await;
import static dev.baton.Baton.checkpoint;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleep;
import static dev.baton.Baton.waitAllTasksBlocked;

import dev.baton.Coroutine;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectSendStream;
import dev.baton.MemoryObjectStream;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.Random;

/**
 * The benchmark workloads, written as users write Baton code: {@code @Async} methods compiled by the
 * processor into {@code AsyncWorkloads}.
 */
public class Workloads {
  @Async
  public static Coroutine<Void> produce(MemoryObjectSendStream<Integer> out, int n) {
    try (out) {
      for (int i = 0; i < n; i++) {
        await(out.send(i));
      }
    }
    return done();
  }

  @Async
  public static Coroutine<Long> consume(MemoryObjectReceiveStream<Integer> in) {
    long sum = 0;
    try (in) {
      for (@Await Integer x : in) {
        sum += x;
      }
    }
    return done(sum);
  }

  /** One producer, one consumer (the main task), {@code buffer} slots. */
  @Async
  public static Coroutine<Long> handoff(int messages, int buffer) {
    MemoryObjectStream<Integer> stream = createMemoryObjectStream(buffer);
    long sum;
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(produce(stream.sendStream(), messages));
      sum = await(consume(stream.receiveStream()));
    }
    return done(sum);
  }

  @Async
  public static Coroutine<Void> echo(MemoryObjectReceiveStream<Integer> in, MemoryObjectSendStream<Integer> out) {
    try (in; out) {
      for (@Await Integer x : in) {
        await(out.send(x));
      }
    }
    return done();
  }

  /** Request/reply over two rendezvous streams. */
  @Async
  public static Coroutine<Long> roundTrip(int messages) {
    MemoryObjectStream<Integer> request = createMemoryObjectStream(0);
    MemoryObjectStream<Integer> reply = createMemoryObjectStream(0);
    long sum = 0;
    try (@Await TaskGroup tg = createTaskGroup()) {
      tg.startSoon(echo(request.receiveStream(), reply.sendStream()));
      try (MemoryObjectSendStream<Integer> out = request.sendStream();
           MemoryObjectReceiveStream<Integer> in = reply.receiveStream()) {
        for (int i = 0; i < messages; i++) {
          await(out.send(i));
          sum += await(in.receive());
        }
      }
    }
    return done(sum);
  }

  /** {@code producers} tasks each send {@code each} messages into one stream of {@code buffer} slots. */
  @Async
  public static Coroutine<Long> fanIn(int producers, int each, int buffer) {
    MemoryObjectStream<Integer> stream = createMemoryObjectStream(buffer);
    long sum;
    try (@Await TaskGroup tg = createTaskGroup()) {
      try (MemoryObjectSendStream<Integer> out = stream.sendStream()) {
        for (int p = 0; p < producers; p++) {
          tg.startSoon(produce(out.clone(), each));
        }
      }
      sum = await(consume(stream.receiveStream()));
    }
    return done(sum);
  }

  @Async
  public static Coroutine<Void> checkpointOnce() {
    await(checkpoint());
    return done();
  }

  /** Spawns {@code tasks} tasks that each checkpoint once. */
  @Async
  public static Coroutine<Void> spawn(int tasks) {
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int i = 0; i < tasks; i++) {
        tg.startSoon(checkpointOnce());
      }
    }
    return done();
  }

  @Async
  public static Coroutine<Void> sleepFor(double seconds) {
    await(sleep(seconds));
    return done();
  }

  /**
   * {@code tasks} tasks sleeping uniformly in [0, 1) s (real clock); the durations, to the
   * nanosecond, are the other variants' ones ({@code Random(seed)}).
   */
  @Async
  public static Coroutine<Void> sleepers(int tasks, long seed) {
    Random random = new Random(seed);
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int i = 0; i < tasks; i++) {
        tg.startSoon(sleepFor((long) (random.nextDouble() * 1e9) / 1e9));
      }
    }
    return done();
  }

  /** An await chain {@code depth} levels deep: each level awaits the next. */
  @Async
  public static Coroutine<Integer> deep(int depth) {
    if (depth == 0) {
      return done(0);
    }
    int below = await(deep(depth - 1));
    return done(below + 1);
  }

  /** {@code repeats} await chains {@code depth} levels deep. */
  @Async
  public static Coroutine<Long> deepChain(int depth, int repeats) {
    long sum = 0;
    for (int r = 0; r < repeats; r++) {
      sum += await(deep(depth));
    }
    return done(sum);
  }

  @Async
  public static Coroutine<Void> receiveOne(MemoryObjectReceiveStream<Integer> in) {
    await(in.receive());
    return done();
  }

  /**
   * {@code tasks} tasks blocked in receive, then all cancelled by one scope; {@code beforeCancel}
   * (if any) runs once they are all blocked.
   */
  @Async
  public static Coroutine<Void> cancelStorm(int tasks, Runnable beforeCancel) {
    MemoryObjectStream<Integer> stream = createMemoryObjectStream(0);
    try (@Await TaskGroup tg = createTaskGroup()) {
      for (int i = 0; i < tasks; i++) {
        tg.startSoon(receiveOne(stream.receiveStream()));
      }
      await(waitAllTasksBlocked());
      if (beforeCancel != null) {
        beforeCancel.run();
      }
      tg.cancelScope().cancel();
    }
    return done();
  }
}
