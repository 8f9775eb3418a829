package dev.baton.bench;

import dev.baton.Baton;

/**
 * The Baton variant of every workload: the {@code @Async} methods of {@link Workloads}, compiled by the
 * processor into {@code AsyncWorkloads}, each run on a fresh loop.
 */
final class BatonWorkloads {
  private BatonWorkloads() {}

  static long handoff(int messages, int buffer) {
    return Baton.run(AsyncWorkloads.handoff(messages, buffer));
  }

  static long roundTrip(int messages) {
    return Baton.run(AsyncWorkloads.roundTrip(messages));
  }

  static long fanIn(int producers, int messagesEach, int buffer) {
    return Baton.run(AsyncWorkloads.fanIn(producers, messagesEach, buffer));
  }

  static void spawn(int tasks) {
    Baton.run(AsyncWorkloads.spawn(tasks));
  }

  static void sleepers(int tasks, long seed) {
    Baton.run(AsyncWorkloads.sleepers(tasks, seed));
  }

  static long deepChain(int depth, int repeats) {
    return Baton.run(AsyncWorkloads.deepChain(depth, repeats));
  }

  static void cancelStorm(int tasks, Runnable beforeCancel) {
    Baton.run(AsyncWorkloads.cancelStorm(tasks, beforeCancel));
  }
}
