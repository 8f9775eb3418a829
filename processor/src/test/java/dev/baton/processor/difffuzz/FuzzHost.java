package dev.baton.processor.difffuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * What a generated program talks to: a trace, a loop fuel, a deterministic coin, a logging two-place
 * function (so evaluation order shows in the trace), and awaitable values. The compiled and the
 * plain run each get a fresh host with the same seed, so equal evaluation order gives equal traces.
 */
public final class FuzzHost {
  public final List<String> trace = new ArrayList<>();
  private int fuel;
  private long coin;
  int counter;

  public FuzzHost(long seed, int fuel) {
    this.coin = seed * 0x9E3779B97F4A7C15L + 1;
    this.fuel = fuel;
  }

  /** Loop guard: true a bounded number of times in all, so every program terminates. */
  public boolean fuel() {
    return fuel-- > 0;
  }

  /** A deterministic coin (javac cannot see through it, so code after it stays reachable). */
  public boolean flag() {
    coin = coin * 6364136223846793005L + 1442695040888963407L;
    boolean b = (coin >>> 61) < 3;
    trace.add("flag:" + b);
    return b;
  }

  public void log(Object value) {
    trace.add(String.valueOf(value));
  }

  /** A two-place function that records its arguments: shows argument evaluation order. */
  public int f(int a, int b) {
    trace.add("f(" + a + "," + b + ")");
    return a * 31 + b;
  }

  /** A resource whose close is traced and, for some values, fails. */
  public FuzzResource resource(String name, int k) {
    trace.add("open " + name);
    return new FuzzResource(this, name, Math.floorMod(k, 4) == 0);
  }

  /** An awaitable int: {@code await(h.val(k))}. */
  public FuzzValue val(int k) {
    return new FuzzValue(this, k);
  }
}
