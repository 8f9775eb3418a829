package dev.baton.processor.difffuzz;

import dev.baton.Awaitable;
import dev.baton.annotations.Await;
import dev.baton.processor.difffuzz.sync.SyncBaton;
import java.util.List;

/** Generic helpers of generated programs: inference, intersection bounds, wildcards, a custom await. */
public final class FuzzGen {
  private FuzzGen() {}

  /** The larger of two values whose type is an intersection bound. */
  public static <T extends Number & Comparable<T>> T pick(T a, T b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** The first element, typed by a wildcard. */
  public static <T> T first(List<? extends T> list) {
    return list.get(0);
  }

  /** The sum of a wildcard-typed list. */
  public static long sum(List<? extends Number> list) {
    long s = 0;
    for (Number n : list) {
      s += n.longValue();
    }
    return s;
  }

  /**
   * A user-declared switch point: in a compiled {@code @Async} body a call is an await (the body is
   * never run); in the plain twin the body runs and awaits synchronously.
   */
  @Await
  public static <T> T awaitAlso(Awaitable<T> awaitable) {
    return SyncBaton.await(awaitable);
  }
}
