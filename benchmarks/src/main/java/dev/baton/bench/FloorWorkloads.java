package dev.baton.bench;

/** The workloads on {@link Floor}: hand-written state machines, no semantics beyond FIFO hand-off. */
final class FloorWorkloads {
  private FloorWorkloads() {}

  static final class Producer extends Floor.Task {
    private final Floor.Channel ch;
    private final int n;
    private int i;

    Producer(Floor.Channel ch, int n) {
      this.ch = ch;
      this.n = n;
    }

    @Override
    void step(Floor.Loop loop) {
      while (i < n) {
        if (!ch.send(loop, this, i++)) {
          return;
        }
      }
    }
  }

  static final class Consumer extends Floor.Task {
    private final Floor.Channel ch;
    private final long total;
    private long received;
    private boolean waiting;
    long sum;

    Consumer(Floor.Channel ch, long total) {
      this.ch = ch;
      this.total = total;
    }

    @Override
    void step(Floor.Loop loop) {
      if (waiting) {
        waiting = false;
        sum += (Integer) value;
        received++;
      }
      while (received < total) {
        Object x = ch.receive(loop, this);
        if (x == Floor.PARKED) {
          waiting = true;
          return;
        }
        sum += (Integer) x;
        received++;
      }
    }
  }

  static final class Client extends Floor.Task {
    private final Floor.Channel out;
    private final Floor.Channel in;
    private final int n;
    private int i;
    private int state;
    long sum;

    Client(Floor.Channel out, Floor.Channel in, int n) {
      this.out = out;
      this.in = in;
      this.n = n;
    }

    @Override
    void step(Floor.Loop loop) {
      for (;;) {
        switch (state) {
          case 0:
            if (i >= n) {
              return;
            }
            state = 1;
            if (!out.send(loop, this, i)) {
              return;
            }
            continue;
          case 1: {
            Object x = in.receive(loop, this);
            state = 2;
            if (x == Floor.PARKED) {
              return;
            }
            value = x;
            continue;
          }
          default:
            sum += (Integer) value;
            i++;
            state = 0;
        }
      }
    }
  }

  static final class Echo extends Floor.Task {
    private final Floor.Channel in;
    private final Floor.Channel out;
    private final int n;
    private int done;
    private int state;

    Echo(Floor.Channel in, Floor.Channel out, int n) {
      this.in = in;
      this.out = out;
      this.n = n;
    }

    @Override
    void step(Floor.Loop loop) {
      for (;;) {
        switch (state) {
          case 0: {
            if (done >= n) {
              return;
            }
            Object x = in.receive(loop, this);
            state = 1;
            if (x == Floor.PARKED) {
              return;
            }
            value = x;
            continue;
          }
          case 1:
            state = 2;
            if (!out.send(loop, this, value)) {
              return;
            }
            continue;
          default:
            done++;
            state = 0;
        }
      }
    }
  }

  static final class YieldOnce extends Floor.Task {
    private final int[] live;
    private boolean yielded;

    YieldOnce(int[] live) {
      this.live = live;
    }

    @Override
    void step(Floor.Loop loop) {
      if (!yielded) {
        yielded = true;
        loop.schedule(this, null);
        return;
      }
      live[0]--;
    }
  }

  static long handoff(int messages, int buffer) {
    Floor.Loop loop = new Floor.Loop();
    Floor.Channel ch = new Floor.Channel(buffer);
    Consumer c = new Consumer(ch, messages);
    loop.schedule(new Producer(ch, messages), null);
    loop.schedule(c, null);
    loop.run();
    return c.sum;
  }

  static long roundTrip(int messages) {
    Floor.Loop loop = new Floor.Loop();
    Floor.Channel request = new Floor.Channel(0);
    Floor.Channel reply = new Floor.Channel(0);
    Client c = new Client(request, reply, messages);
    loop.schedule(c, null);
    loop.schedule(new Echo(request, reply, messages), null);
    loop.run();
    return c.sum;
  }

  static long fanIn(int producers, int messagesEach, int buffer) {
    Floor.Loop loop = new Floor.Loop();
    Floor.Channel ch = new Floor.Channel(buffer);
    for (int p = 0; p < producers; p++) {
      loop.schedule(new Producer(ch, messagesEach), null);
    }
    Consumer c = new Consumer(ch, (long) producers * messagesEach);
    loop.schedule(c, null);
    loop.run();
    return c.sum;
  }

  static int spawn(int tasks) {
    Floor.Loop loop = new Floor.Loop();
    int[] live = {tasks};
    for (int k = 0; k < tasks; k++) {
      loop.schedule(new YieldOnce(live), null);
    }
    loop.run();
    return live[0];
  }

  static final class Sleeper extends Floor.Task {
    private final long nanos;
    private final int[] live;
    private boolean slept;

    Sleeper(long nanos, int[] live) {
      this.nanos = nanos;
      this.live = live;
    }

    @Override
    void step(Floor.Loop loop) {
      if (!slept) {
        slept = true;
        loop.sleepUntil(this, System.nanoTime() + nanos);
        return;
      }
      live[0]--;
    }
  }

  /** {@code tasks} tasks sleeping uniformly in [0, 1) s, real clock; durations from {@code Random(seed)}. */
  static int sleepers(int tasks, long seed) {
    java.util.Random random = new java.util.Random(seed);
    Floor.Loop loop = new Floor.Loop();
    int[] live = {tasks};
    for (int k = 0; k < tasks; k++) {
      loop.schedule(new Sleeper((long) (random.nextDouble() * 1e9), live), null);
    }
    loop.run();
    return live[0];
  }

  /** One level of the await chain: calls the level below, returns its value plus one. */
  static final class Deep extends Floor.Frame {
    private final int depth;

    Deep(int depth) {
      this.depth = depth;
    }

    @Override
    Object step(Object value) {
      if (state == 0) {
        if (depth == 0) {
          return 0;
        }
        state = 1;
        return new Deep(depth - 1);
      }
      return (Integer) value + 1;
    }
  }

  /** {@code repeats} call chains {@code depth} levels deep. */
  static long deepChain(int depth, int repeats) {
    long sum = 0;
    for (int r = 0; r < repeats; r++) {
      sum += (Integer) Floor.call(new Deep(depth));
    }
    return sum;
  }

  /** Receives one item, or ends when resumed with {@link Floor#CANCELLED}. */
  static final class Receiver extends Floor.Task {
    private final Floor.Channel ch;
    private final StormMain main;
    private boolean parked;

    Receiver(Floor.Channel ch, StormMain main) {
      this.ch = ch;
      this.main = main;
    }

    @Override
    void step(Floor.Loop loop) {
      if (!parked && ch.receive(loop, this) == Floor.PARKED) {
        parked = true;
        return;
      }
      main.childDone(loop); // received an item, or cancelled
    }
  }

  /** Starts the receivers, lets them all park, cancels each, waits until every one has ended. */
  static final class StormMain extends Floor.Task {
    private final Floor.Channel ch = new Floor.Channel(0);
    private final Receiver[] children;
    private final Runnable beforeCancel;
    private int live;
    private int state;

    StormMain(int tasks, Runnable beforeCancel) {
      this.children = new Receiver[tasks];
      this.beforeCancel = beforeCancel;
    }

    void childDone(Floor.Loop loop) {
      if (--live == 0 && state == 2) {
        loop.schedule(this, null);
      }
    }

    @Override
    void step(Floor.Loop loop) {
      switch (state) {
        case 0:
          for (int k = 0; k < children.length; k++) {
            children[k] = new Receiver(ch, this);
            loop.schedule(children[k], null);
          }
          live = children.length;
          state = 1;
          loop.schedule(this, null); // FIFO: every child runs (and parks) before this step
          return;
        case 1:
          if (beforeCancel != null) {
            beforeCancel.run();
          }
          state = 2;
          for (Receiver r : children) {
            if (ch.abortReceive(r)) {
              loop.schedule(r, Floor.CANCELLED);
            }
          }
          return; // resumed by the last childDone
        default:
          return;
      }
    }
  }

  /** {@code tasks} tasks parked in receive, then all cancelled; ends when every one has ended. */
  static void cancelStorm(int tasks, Runnable beforeCancel) {
    Floor.Loop loop = new Floor.Loop();
    loop.schedule(new StormMain(tasks, beforeCancel), null);
    loop.run();
  }
}
