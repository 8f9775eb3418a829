package dev.baton;

import java.util.Random;

/**
 * The order in which a loop runs the tasks that are runnable together: {@link #fifo()} (the
 * default, and what programs should be written against: every guarantee of the API holds), or
 * {@link #shuffled(long)}, schedule fuzzing for tests.
 *
 * <p>The loop runs tasks in batches: the tasks runnable when a batch starts; tasks made runnable
 * meanwhile wait for the next batch. A shuffled schedule runs each batch in an order drawn from the
 * seed (trio's scheduler randomizes its batches the same way) and changes nothing else: which
 * waiter a stream, lock or event hands an item or a wake-up to, the order timers fire in,
 * "rescheduled wins", and that a task that yields runs again only after every other task of its
 * batch has run. A program that passes under {@code fifo()} but fails under some seed depends on the
 * order of tasks that nothing orders: a race in the logical sense, which a change of timing or of
 * the program may expose. The same seed, program and inputs give the same run (with a
 * {@linkplain Clock#virtual() virtual clock} and no threads or sockets, whose timing is outside the
 * loop), so a failing seed replays exactly.
 */
public final class Schedule {
  private static final Schedule FIFO = new Schedule(false, 0);

  private final boolean shuffled;
  private final long seed;

  private Schedule(boolean shuffled, long seed) {
    this.shuffled = shuffled;
    this.seed = seed;
  }

  /** Tasks run in the order they became runnable. */
  public static Schedule fifo() {
    return FIFO;
  }

  /** Each batch of runnable tasks runs in a random order drawn from {@code seed}: schedule fuzzing. */
  public static Schedule shuffled(long seed) {
    return new Schedule(true, seed);
  }

  /** Whether this is a shuffled schedule. */
  public boolean isShuffled() {
    return shuffled;
  }

  /** The seed of a shuffled schedule; {@link IllegalStateException} for {@link #fifo()}. */
  public long seed() {
    if (!shuffled) {
      throw new IllegalStateException("Schedule.fifo() has no seed");
    }
    return seed;
  }

  /**
   * The loop's source of batch orders, or null: a {@link Random} (a specified algorithm, the same
   * on every JDK) seeded with the seed's SplitMix64 mix, since the first draws of {@code Random}s
   * made from neighbouring seeds (1, 2, 3, ...) are alike.
   */
  Random newRandom() {
    if (!shuffled) {
      return null;
    }
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Schedule s && s.shuffled == shuffled && s.seed == seed;
  }

  @Override
  public int hashCode() {
    return shuffled ? Long.hashCode(seed) : -1;
  }

  @Override
  public String toString() {
    return shuffled ? "Schedule.shuffled(" + seed + ")" : "Schedule.fifo()";
  }
}
