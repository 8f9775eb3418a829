package dev.baton.processor.difffuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a generated program talks to: a trace, a loop fuel, a deterministic coin, logging identity
 * functions (so evaluation order shows in the trace), and awaitable values. The compiled and the
 * plain run each get a fresh host with the same seed, so equal evaluation order gives equal traces.
 */
public final class FuzzHost {
  public final List<String> trace = new ArrayList<>();
  /** What children of task groups log: compared as a multiset (their interleaving is the scheduler's). */
  public final List<String> kids = new ArrayList<>();
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

  private long nextCoin() {
    coin = coin * 6364136223846793005L + 1442695040888963407L;
    return coin;
  }

  /** A deterministic coin (javac cannot see through it, so code after it stays reachable). */
  public boolean flag() {
    boolean b = (nextCoin() >>> 61) < 3;
    trace.add("flag:" + b);
    return b;
  }

  public void log(Object value) {
    trace.add(describe(value));
  }

  /** A two-place function that records its arguments: shows argument evaluation order. */
  public int f(int a, int b) {
    trace.add("f(" + a + "," + b + ")");
    return a * 31 + b;
  }

  /** A varargs function that records its arguments. */
  public int sum(int... xs) {
    trace.add("sum" + Arrays.toString(xs));
    int s = 0;
    for (int x : xs) {
      s += x;
    }
    return s;
  }

  /** A resource whose close is traced and, for some values, fails. */
  public FuzzResource resource(String name, int k) {
    trace.add("open " + name);
    return new FuzzResource(this, name, Math.floorMod(k, 4) == 0);
  }

  /** An awaitable int: {@code await(h.val(k))}; some values throw {@link FuzzException}. */
  public FuzzValue val(int k) {
    return new FuzzValue(this, k);
  }

  /** An awaitable of any type: {@code await(h.later(v))} is {@code v}. */
  public <T> FuzzLazy<T> later(T value) {
    return new FuzzLazy<>(this, value);
  }

  /**
   * {@link #val} for {@code return h.valReturned(k)}: a {@code return e} awaits {@code e} where it
   * stands (inside a try that handles or finishes it) or as the frame's tail, right after it. The
   * plain twin has no caller that awaits later: its {@code e} is awaited here, at once, and the
   * returned awaitable gives the outcome without tracing again.
   */
  public FuzzValue valReturned(int k) {
    FuzzValue v = new FuzzValue(this, k);
    return inLoop() ? v : v.settled();
  }

  /** {@link #later} for {@code return h.laterReturned(v)}, as {@link #valReturned}. */
  public <T> FuzzLazy<T> laterReturned(T value) {
    FuzzLazy<T> v = new FuzzLazy<>(this, value);
    return inLoop() ? v : v.settled();
  }

  /** True in the compiled twin (a Baton loop runs), false in the plain twin. */
  private static boolean inLoop() {
    try {
      dev.baton.Baton.currentTime();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Identity on int that records {@code tag:v}: marks when an operand (an index, say) is evaluated. */
  public int i(String tag, int v) {
    trace.add(tag + ":" + v);
    return v;
  }

  /** Identity that records {@code tag:v}: marks when a receiver or array reference is evaluated. */
  public <T> T t(String tag, T v) {
    trace.add(tag + ":" + describe(v));
    return v;
  }

  /** {@code v} or, by the coin, null (traced): for null receivers and null arrays. */
  public <T> T orNull(T v) {
    boolean none = (nextCoin() >>> 62) == 0;
    trace.add(none ? "null" : "nonnull");
    return none ? null : v;
  }

  /** Returns {@code v}, or throws {@link FuzzException} for some values (traced). */
  public int boom(int v) {
    trace.add("boom" + v);
    if (Math.floorMod(v, 4) == 3) {
      throw new FuzzException("boom" + v);
    }
    return v;
  }

  /** Returns {@code v}, or throws the checked {@link FuzzChecked} for some values (traced). */
  public int check(int v) throws FuzzChecked {
    trace.add("check" + v);
    if (Math.floorMod(v, 3) == 2) {
      throw new FuzzChecked("check" + v);
    }
    return v;
  }

  /** Records a caught exception (type and message; a NullPointerException's helpful message names locals, so only its type). */
  public void caught(Throwable t) {
    trace.add("caught " + describeThrowable(t));
  }

  /** What a child task logs (see {@link #kids}). */
  public void kid(String s) {
    kids.add(s);
  }

  public String str(int k) {
    return "s" + k;
  }

  public Box box(int k) {
    return new Box(k);
  }

  public Color color(int k) {
    return Color.values()[Math.floorMod(k, 3)];
  }

  /** An object of one of many runtime types (or null), for instanceof and pattern switches. */
  public Object obj(int k) {
    return switch (Math.floorMod(k, 12)) {
      case 0 -> "s" + k;
      case 1 -> k;
      case 2 -> (long) k;
      case 3 -> new Circle(k);
      case 4 -> new Rect(k, k + 1);
      case 5 -> new Sq(new Circle(k), k);
      case 6 -> null;
      case 7 -> new Sq(new Rect(k, 2), k + 1);
      case 8 -> "";
      case 9 -> new Pair<>("p" + k, k);
      case 10 -> new int[] {k, k + 1};
      default -> Color.values()[Math.floorMod(k, 3)];
    };
  }

  /** A shape (never null) for exhaustive sealed switches. */
  public Shape shape(int k) {
    return switch (Math.floorMod(k, 4)) {
      case 0 -> new Circle(k);
      case 1 -> new Rect(k, 3);
      case 2 -> new Sq(new Circle(k + 1), k);
      default -> new Sq(new Sq(new Rect(1, k), 2), k);
    };
  }

  /** A deterministic rendering: arrays by content. */
  public static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof FuzzBase) {
      return "self";
    }
    if (v instanceof FuzzHost) {
      return "host"; // its identity hash differs between the twins
    }
    if (v instanceof Object[] a) {
      return Arrays.deepToString(a);
    }
    if (v.getClass().isArray()) {
      return Arrays.deepToString(new Object[] {v});
    }
    return String.valueOf(v);
  }

  public static String describeThrowable(Throwable t) {
    String s = t.getClass().getSimpleName();
    if (!(t instanceof NullPointerException)) {
      s += ":" + t.getMessage();
    }
    if (t.getSuppressed().length > 0) {
      s += " suppressed" + t.getSuppressed().length;
    }
    return s;
  }
}
