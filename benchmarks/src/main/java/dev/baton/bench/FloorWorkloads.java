package dev.baton.bench;

/**
 * The workloads on {@link Floor}: hand-written state machines, no semantics beyond FIFO hand-off.
 * The messaging workloads come in two forms: the plain one, where a send or receive that completes
 * at once lets the task go on, and the <em>yielding</em> one, where it is followed by a schedule
 * point (the task goes to the back of the run queue), as Baton's trio rule demands of every
 * {@code send}/{@code receive}. The yielding floor measures what the runtime adds beyond that rule.
 */
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

  // ---------------------------------------------------------------------------------------------
  // The yielding forms: one send or receive per step, and a schedule point after each one that
  // completes at once (a parked task is resumed by its partner instead).

  static final class YieldingProducer extends Floor.Task {
    private final Floor.Channel ch;
    private final int n;
    private int i;

    YieldingProducer(Floor.Channel ch, int n) {
      this.ch = ch;
      this.n = n;
    }

    @Override
    void step(Floor.Loop loop) {
      if (i < n && ch.send(loop, this, i++)) {
        loop.schedule(this, null);
      }
    }
  }

  static final class YieldingConsumer extends Floor.Task {
    private final Floor.Channel ch;
    private final long total;
    private long received = -1;
    long sum;

    YieldingConsumer(Floor.Channel ch, long total) {
      this.ch = ch;
      this.total = total;
    }

    @Override
    void step(Floor.Loop loop) {
      if (received >= 0) {
        sum += (Integer) value; // delivered by the yield or by the sender that woke us
      }
      if (++received < total) {
        Object x = ch.receive(loop, this);
        if (x != Floor.PARKED) {
          loop.schedule(this, x);
        }
      }
    }
  }

  /** The client of the round trip: send a request, then receive its reply; yields after each. */
  static final class YieldingClient extends Floor.Task {
    private final Floor.Channel out;
    private final Floor.Channel in;
    private final int n;
    private int i;
    private boolean awaitingReply;
    long sum;

    YieldingClient(Floor.Channel out, Floor.Channel in, int n) {
      this.out = out;
      this.in = in;
      this.n = n;
    }

    @Override
    void step(Floor.Loop loop) {
      if (!awaitingReply) {
        if (i >= n) {
          return;
        }
        awaitingReply = true;
        if (out.send(loop, this, i)) {
          loop.schedule(this, null);
        }
        return;
      }
      if (value == null) { // the send is done: receive the reply
        Object x = in.receive(loop, this);
        if (x != Floor.PARKED) {
          loop.schedule(this, x);
        }
        return;
      }
      sum += (Integer) value;
      value = null;
      i++;
      awaitingReply = false;
      step(loop);
    }
  }

  /** The echo of the round trip: receive a request, send it back; yields after each. */
  static final class YieldingEcho extends Floor.Task {
    private final Floor.Channel in;
    private final Floor.Channel out;
    private final int n;
    private int done;
    private boolean replying;

    YieldingEcho(Floor.Channel in, Floor.Channel out, int n) {
      this.in = in;
      this.out = out;
      this.n = n;
    }

    @Override
    void step(Floor.Loop loop) {
      if (replying) { // value: the request, delivered by the yield or by the client that woke us
        replying = false;
        done++;
        if (out.send(loop, this, value)) {
          loop.schedule(this, null);
        }
        return;
      }
      if (done >= n) {
        return;
      }
      replying = true;
      Object x = in.receive(loop, this);
      if (x != Floor.PARKED) {
        loop.schedule(this, x);
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

  /** One producer, one consumer; {@code yielding}: a schedule point after every send and receive. */
  static long handoff(int messages, int buffer, boolean yielding) {
    Floor.Loop loop = new Floor.Loop();
    Floor.Channel ch = new Floor.Channel(buffer);
    loop.schedule(producer(ch, messages, yielding), null);
    return consume(loop, ch, messages, yielding);
  }

  static long roundTrip(int messages, boolean yielding) {
    Floor.Loop loop = new Floor.Loop();
    Floor.Channel request = new Floor.Channel(0);
    Floor.Channel reply = new Floor.Channel(0);
    if (yielding) {
      YieldingClient c = new YieldingClient(request, reply, messages);
      loop.schedule(c, null);
      loop.schedule(new YieldingEcho(request, reply, messages), null);
      loop.run();
      return c.sum;
    }
    Client c = new Client(request, reply, messages);
    loop.schedule(c, null);
    loop.schedule(new Echo(request, reply, messages), null);
    loop.run();
    return c.sum;
  }

  static long fanIn(int producers, int messagesEach, int buffer, boolean yielding) {
    Floor.Loop loop = new Floor.Loop();
    Floor.Channel ch = new Floor.Channel(buffer);
    for (int p = 0; p < producers; p++) {
      loop.schedule(producer(ch, messagesEach, yielding), null);
    }
    return consume(loop, ch, (long) producers * messagesEach, yielding);
  }

  private static Floor.Task producer(Floor.Channel ch, int n, boolean yielding) {
    return yielding ? new YieldingProducer(ch, n) : new Producer(ch, n);
  }

  /** Schedules a consumer of {@code total} items after the tasks already scheduled, runs the loop. */
  private static long consume(Floor.Loop loop, Floor.Channel ch, long total, boolean yielding) {
    if (yielding) {
      YieldingConsumer c = new YieldingConsumer(ch, total);
      loop.schedule(c, null);
      loop.run();
      return c.sum;
    }
    Consumer c = new Consumer(ch, total);
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
