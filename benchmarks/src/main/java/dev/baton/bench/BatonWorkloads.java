package dev.baton.bench;

import static dev.baton.Baton.checkpoint;
import static dev.baton.Baton.createMemoryObjectStream;
import static dev.baton.Baton.createTaskGroup;
import static dev.baton.Baton.sleep;
import static dev.baton.Baton.waitAllTasksBlocked;

import dev.baton.MemoryObjectReceiveStream;
import dev.baton.MemoryObjectSendStream;
import dev.baton.MemoryObjectStream;
import dev.baton.TaskGroup;
import dev.baton.lowlevel.AsyncFrame;

/**
 * The workloads on Baton, as state machines of the shape the processor generates (one frame class
 * per coroutine extending {@link AsyncFrame}). Each is the compiled form of the {@code @Async} method
 * in its javadoc.
 */
final class BatonWorkloads {
  private BatonWorkloads() {}

  /**
   * <pre>{@code
   * @Async Coroutine<Void> produce(MemoryObjectSendStream<Integer> out, int n) {
   *   try (out) { for (int i = 0; i < n; i++) await(out.send(i)); }
   *   return done();
   * }}</pre>
   */
  static final class Produce extends AsyncFrame<Void> {
    private final MemoryObjectSendStream<Integer> out;
    private final int n;
    private int i;

    Produce(MemoryObjectSendStream<Integer> out, int n) {
      this.out = out;
      this.n = n;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      for (;;) {
        switch ($state) {
          case 0:
            i = 0;
            $state = 1;
            continue;
          case 1:
            if (i < n) {
              return $await(2, out.send(i));
            }
            out.close();
            return $complete(null);
          case 2:
            if ($error != null) {
              out.close();
              throw $error;
            }
            i++;
            $state = 1;
            continue;
          default:
            throw new IllegalStateException("state " + $state);
        }
      }
    }
  }

  /**
   * <pre>{@code
   * @Async Coroutine<Long> consume(MemoryObjectReceiveStream<Integer> in) {
   *   long sum = 0;
   *   for (@Await Integer x : in) sum += x;
   *   return done(sum);
   * }}</pre>
   */
  static final class Consume extends AsyncFrame<Long> {
    private final MemoryObjectReceiveStream<Integer> in;
    private final long[] sink;
    private long sum;

    Consume(MemoryObjectReceiveStream<Integer> in, long[] sink) {
      this.in = in;
      this.sink = sink;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      for (;;) {
        switch ($state) {
          case 0:
            return $await(1, $next(in));
          case 1:
            if ($error != null) {
              throw $error;
            }
            if ($value == END) {
              sink[0] += sum;
              return $complete(sum);
            }
            sum += (Integer) $value;
            $state = 0;
            continue;
          default:
            throw new IllegalStateException("state " + $state);
        }
      }
    }
  }

  /**
   * <pre>{@code
   * @Async Coroutine<Void> echo(MemoryObjectReceiveStream<Integer> in, MemoryObjectSendStream<Integer> out) {
   *   try (out) { for (@Await Integer x : in) await(out.send(x)); }
   *   return done();
   * }}</pre>
   */
  static final class Echo extends AsyncFrame<Void> {
    private final MemoryObjectReceiveStream<Integer> in;
    private final MemoryObjectSendStream<Integer> out;

    Echo(MemoryObjectReceiveStream<Integer> in, MemoryObjectSendStream<Integer> out) {
      this.in = in;
      this.out = out;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      for (;;) {
        switch ($state) {
          case 0:
            return $await(1, $next(in));
          case 1:
            if ($error != null) {
              out.close();
              throw $error;
            }
            if ($value == END) {
              out.close();
              return $complete(null);
            }
            return $await(2, out.send((Integer) $value));
          case 2:
            if ($error != null) {
              out.close();
              throw $error;
            }
            $state = 0;
            continue;
          default:
            throw new IllegalStateException("state " + $state);
        }
      }
    }
  }

  /**
   * <pre>{@code
   * @Async Coroutine<Void> client(MemoryObjectSendStream<Integer> out, MemoryObjectReceiveStream<Integer> in, int n) {
   *   for (int i = 0; i < n; i++) { await(out.send(i)); sum += await(in.receive()); }
   *   out.close();
   *   return done();
   * }}</pre>
   */
  static final class Client extends AsyncFrame<Void> {
    private final MemoryObjectSendStream<Integer> out;
    private final MemoryObjectReceiveStream<Integer> in;
    private final int n;
    private final long[] sink;
    private int i;

    Client(MemoryObjectSendStream<Integer> out, MemoryObjectReceiveStream<Integer> in, int n, long[] sink) {
      this.out = out;
      this.in = in;
      this.n = n;
      this.sink = sink;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      for (;;) {
        switch ($state) {
          case 0:
            if (i < n) {
              return $await(1, out.send(i));
            }
            out.close();
            return $complete(null);
          case 1:
            if ($error != null) {
              throw $error;
            }
            return $await(2, in.receive());
          case 2:
            if ($error != null) {
              throw $error;
            }
            sink[0] += (Integer) $value;
            i++;
            $state = 0;
            continue;
          default:
            throw new IllegalStateException("state " + $state);
        }
      }
    }
  }

  /** {@code await(checkpoint()); return done();} */
  static final class CheckpointOnce extends AsyncFrame<Void> {
    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, checkpoint());
        case 1:
          if ($error != null) {
            throw $error;
          }
          return $complete(null);
        default:
          throw new IllegalStateException("state " + $state);
      }
    }
  }

  /** A main coroutine: open a task group, let {@code body} start children, wait for them. */
  abstract static class GroupMain extends AsyncFrame<Void> {
    private TaskGroup tg;

    abstract void body(TaskGroup tg);

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0: {
          tg = createTaskGroup();
          Throwable pending = null;
          try {
            body(tg);
          } catch (Throwable t) {
            pending = t;
          }
          return $await(1, $aexit(tg, pending));
        }
        case 1: {
          if ($error != null) {
            throw $error;
          }
          Throwable t = (Throwable) $value;
          if (t != null) {
            throw t;
          }
          return $complete(null);
        }
        default:
          throw new IllegalStateException("state " + $state);
      }
    }
  }

  static long handoff(int messages, int buffer) {
    long[] sink = new long[1];
    MemoryObjectStream<Integer> s = createMemoryObjectStream(buffer);
    dev.baton.Baton.run(new GroupMain() {
      @Override
      void body(TaskGroup tg) {
        tg.startSoon(new Produce(s.sendStream(), messages));
        tg.startSoon(new Consume(s.receiveStream(), sink));
      }
    });
    return sink[0];
  }

  static long roundTrip(int messages) {
    long[] sink = new long[1];
    MemoryObjectStream<Integer> request = createMemoryObjectStream(0);
    MemoryObjectStream<Integer> reply = createMemoryObjectStream(0);
    dev.baton.Baton.run(new GroupMain() {
      @Override
      void body(TaskGroup tg) {
        tg.startSoon(new Client(request.sendStream(), reply.receiveStream(), messages, sink));
        tg.startSoon(new Echo(request.receiveStream(), reply.sendStream()));
      }
    });
    return sink[0];
  }

  static long fanIn(int producers, int messagesEach, int buffer) {
    long[] sink = new long[1];
    MemoryObjectStream<Integer> s = createMemoryObjectStream(buffer);
    dev.baton.Baton.run(new GroupMain() {
      @Override
      void body(TaskGroup tg) {
        MemoryObjectSendStream<Integer> out = s.sendStream();
        for (int p = 0; p < producers; p++) {
          tg.startSoon(new Produce(out.clone(), messagesEach));
        }
        out.close();
        tg.startSoon(new Consume(s.receiveStream(), sink));
      }
    });
    return sink[0];
  }

  static void spawn(int tasks) {
    dev.baton.Baton.run(new GroupMain() {
      @Override
      void body(TaskGroup tg) {
        for (int k = 0; k < tasks; k++) {
          tg.startSoon(new CheckpointOnce());
        }
      }
    });
  }

  /** {@code await(sleep(seconds)); return done();} */
  static final class SleepFor extends AsyncFrame<Void> {
    private final double seconds;

    SleepFor(double seconds) {
      this.seconds = seconds;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, sleep(seconds));
        case 1:
          if ($error != null) {
            throw $error;
          }
          return $complete(null);
        default:
          throw new IllegalStateException("state " + $state);
      }
    }
  }

  /**
   * {@code tasks} tasks sleeping uniformly in [0, 1) s (real clock), durations from
   * {@code Random(seed)}: <pre>{@code
   * try (@Await TaskGroup tg = createTaskGroup()) {
   *   for (int i = 0; i < tasks; i++) tg.startSoon(sleepFor(random.nextDouble()));
   * }}</pre>
   */
  static void sleepers(int tasks, long seed) {
    java.util.Random random = new java.util.Random(seed);
    dev.baton.Baton.run(new GroupMain() {
      @Override
      void body(TaskGroup tg) {
        for (int k = 0; k < tasks; k++) {
          // the same durations, to the nanosecond, as the other variants
          tg.startSoon(new SleepFor((long) (random.nextDouble() * 1e9) / 1e9));
        }
      }
    });
  }

  /**
   * <pre>{@code
   * @Async Coroutine<Integer> deep(int depth) {
   *   if (depth == 0) return done(0);
   *   int below = await(deep(depth - 1));
   *   return done(below + 1);
   * }}</pre>
   */
  static final class Deep extends AsyncFrame<Integer> {
    private final int depth;

    Deep(int depth) {
      this.depth = depth;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          if (depth == 0) {
            return $complete(0);
          }
          return $await(1, new Deep(depth - 1));
        case 1:
          if ($error != null) {
            throw $error;
          }
          return $complete((Integer) $value + 1);
        default:
          throw new IllegalStateException("state " + $state);
      }
    }
  }

  /**
   * <pre>{@code
   * @Async Coroutine<Long> deepChain(int depth, int repeats) {
   *   long sum = 0;
   *   for (int r = 0; r < repeats; r++) sum += await(deep(depth));
   *   return done(sum);
   * }}</pre>
   */
  static final class DeepChain extends AsyncFrame<Long> {
    private final int depth;
    private final int repeats;
    private int r;
    private long sum;

    DeepChain(int depth, int repeats) {
      this.depth = depth;
      this.repeats = repeats;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      for (;;) {
        switch ($state) {
          case 0:
            if (r < repeats) {
              return $await(1, new Deep(depth));
            }
            return $complete(sum);
          case 1:
            if ($error != null) {
              throw $error;
            }
            sum += (Integer) $value;
            r++;
            $state = 0;
            continue;
          default:
            throw new IllegalStateException("state " + $state);
        }
      }
    }
  }

  static long deepChain(int depth, int repeats) {
    return dev.baton.Baton.run(new DeepChain(depth, repeats));
  }

  /** {@code await(in.receive()); return done();} */
  static final class ReceiveOne extends AsyncFrame<Void> {
    private final MemoryObjectReceiveStream<Integer> in;

    ReceiveOne(MemoryObjectReceiveStream<Integer> in) {
      this.in = in;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, in.receive());
        case 1:
          if ($error != null) {
            throw $error;
          }
          return $complete(null);
        default:
          throw new IllegalStateException("state " + $state);
      }
    }
  }

  /**
   * <pre>{@code
   * @Async Coroutine<Void> cancelStorm(int tasks, Runnable beforeCancel) {
   *   MemoryObjectStream<Integer> stream = createMemoryObjectStream(0);
   *   try (@Await TaskGroup tg = createTaskGroup()) {
   *     for (int i = 0; i < tasks; i++) tg.startSoon(receiveOne(stream.receiveStream()));
   *     await(waitAllTasksBlocked());
   *     beforeCancel.run();
   *     tg.cancelScope().cancel();
   *   }
   *   return done();
   * }}</pre>
   */
  static final class CancelStorm extends AsyncFrame<Void> {
    private final int tasks;
    private final Runnable beforeCancel;
    private TaskGroup tg;

    CancelStorm(int tasks, Runnable beforeCancel) {
      this.tasks = tasks;
      this.beforeCancel = beforeCancel;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0: {
          MemoryObjectStream<Integer> stream = createMemoryObjectStream(0);
          tg = createTaskGroup();
          Throwable pending = null;
          try {
            MemoryObjectReceiveStream<Integer> in = stream.receiveStream();
            for (int k = 0; k < tasks; k++) {
              tg.startSoon(new ReceiveOne(in));
            }
          } catch (Throwable t) {
            pending = t;
          }
          if (pending != null) {
            return $await(2, $aexit(tg, pending));
          }
          return $await(1, waitAllTasksBlocked());
        }
        case 1: {
          Throwable pending = $error;
          if (pending == null) {
            try {
              if (beforeCancel != null) {
                beforeCancel.run();
              }
              tg.cancelScope().cancel();
            } catch (Throwable t) {
              pending = t;
            }
          }
          return $await(2, $aexit(tg, pending));
        }
        case 2: {
          if ($error != null) {
            throw $error;
          }
          Throwable t = (Throwable) $value;
          if (t != null) {
            throw t;
          }
          return $complete(null);
        }
        default:
          throw new IllegalStateException("state " + $state);
      }
    }
  }

  static void cancelStorm(int tasks, Runnable beforeCancel) {
    dev.baton.Baton.run(new CancelStorm(tasks, beforeCancel));
  }
}
