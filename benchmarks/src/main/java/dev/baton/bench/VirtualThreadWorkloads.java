package dev.baton.bench;

import java.lang.reflect.Method;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * The workloads on virtual threads (JDK 21+), reached by reflection so the module still compiles
 * with {@code --release 17}. "One carrier" runs are forked with
 * {@code -Djdk.virtualThreadScheduler.parallelism=1}.
 */
final class VirtualThreadWorkloads {
  private static final Method OF_VIRTUAL;
  private static final Method UNSTARTED;

  static {
    Method ofVirtual = null;
    Method unstarted = null;
    try {
      ofVirtual = Thread.class.getMethod("ofVirtual");
      unstarted = Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class);
    } catch (ReflectiveOperationException e) {
      // JDK 17: no virtual threads.
    }
    OF_VIRTUAL = ofVirtual;
    UNSTARTED = unstarted;
  }

  private VirtualThreadWorkloads() {}

  static boolean available() {
    return OF_VIRTUAL != null;
  }

  static Thread start(Runnable r) {
    try {
      Thread t = (Thread) UNSTARTED.invoke(OF_VIRTUAL.invoke(null), r);
      t.start();
      return t;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("virtual threads need JDK 21 or newer", e);
    }
  }

  private static BlockingQueue<Integer> queue(int buffer) {
    return buffer == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(buffer);
  }

  static long handoff(int messages, int buffer) throws InterruptedException {
    BlockingQueue<Integer> q = queue(buffer);
    long[] sum = new long[1];
    Thread p = start(() -> {
      try {
        for (int i = 0; i < messages; i++) {
          q.put(i);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread c = start(() -> {
      try {
        for (int i = 0; i < messages; i++) {
          sum[0] += q.take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    p.join();
    c.join();
    return sum[0];
  }

  static long roundTrip(int messages) throws InterruptedException {
    SynchronousQueue<Integer> request = new SynchronousQueue<>();
    SynchronousQueue<Integer> reply = new SynchronousQueue<>();
    long[] sum = new long[1];
    Thread client = start(() -> {
      try {
        for (int i = 0; i < messages; i++) {
          request.put(i);
          sum[0] += reply.take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    Thread echo = start(() -> {
      try {
        for (int i = 0; i < messages; i++) {
          reply.put(request.take());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    client.join();
    echo.join();
    return sum[0];
  }

  static long fanIn(int producers, int messagesEach, int buffer) throws InterruptedException {
    BlockingQueue<Integer> q = queue(buffer);
    Thread[] ps = new Thread[producers];
    for (int p = 0; p < producers; p++) {
      ps[p] = start(() -> {
        try {
          for (int i = 0; i < messagesEach; i++) {
            q.put(i);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    long total = (long) producers * messagesEach;
    long[] sum = new long[1];
    Thread c = start(() -> {
      try {
        for (long i = 0; i < total; i++) {
          sum[0] += q.take();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    for (Thread t : ps) {
      t.join();
    }
    c.join();
    return sum[0];
  }

  static void spawn(int tasks) throws InterruptedException {
    Thread[] ts = new Thread[tasks];
    for (int k = 0; k < tasks; k++) {
      ts[k] = start(Thread::yield);
    }
    for (Thread t : ts) {
      t.join();
    }
  }

  /** {@code tasks} threads sleeping uniformly in [0, 1) s; durations from {@code Random(seed)}. */
  static void sleepers(int tasks, long seed) throws InterruptedException {
    java.util.Random random = new java.util.Random(seed);
    Thread[] ts = new Thread[tasks];
    for (int k = 0; k < tasks; k++) {
      long nanos = (long) (random.nextDouble() * 1e9);
      ts[k] = start(() -> {
        try {
          Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    for (Thread t : ts) {
      t.join();
    }
  }

  private static int deep(int depth) {
    return depth == 0 ? 0 : deep(depth - 1) + 1;
  }

  /**
   * {@code repeats} call chains {@code depth} levels deep on one virtual thread: with threads, the
   * "await" of a nested function is a plain method call.
   */
  static long deepChain(int depth, int repeats) throws InterruptedException {
    long[] sum = new long[1];
    start(() -> {
      long s = 0;
      for (int r = 0; r < repeats; r++) {
        s += deep(depth);
      }
      sum[0] = s;
    }).join();
    return sum[0];
  }

  /**
   * {@code tasks} threads blocked in {@code take()} on one {@code SynchronousQueue}; once all are
   * parked (polled with {@link Thread#getState()}: threads have no "wait all blocked"),
   * {@code beforeCancel} runs, then every thread is interrupted (what a structured task scope's
   * shutdown does) and joined.
   */
  static void cancelStorm(int tasks, Runnable beforeCancel) throws InterruptedException {
    SynchronousQueue<Integer> q = new SynchronousQueue<>();
    Thread[] ts = new Thread[tasks];
    for (int k = 0; k < tasks; k++) {
      ts[k] = start(() -> {
        try {
          q.take();
        } catch (InterruptedException e) {
          // cancelled: end
        }
      });
    }
    for (Thread t : ts) {
      while (t.getState() != Thread.State.WAITING) {
        java.util.concurrent.locks.LockSupport.parkNanos(10_000);
      }
    }
    if (beforeCancel != null) {
      beforeCancel.run();
    }
    for (Thread t : ts) {
      t.interrupt();
    }
    for (Thread t : ts) {
      t.join();
    }
  }
}
