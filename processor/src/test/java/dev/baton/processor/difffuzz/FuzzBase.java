package dev.baton.processor.difffuzz;

/**
 * The superclass of every whole-language program ({@code class P7 extends FuzzBase}): its members
 * are what {@code super.f} and {@code super.m(...)} reach. Programs hide {@link #bf} with a field of
 * their own and override {@link #bm}, so {@code super.bf} / {@code bf} and {@code super.bm} /
 * {@code bm} give different traces.
 */
public class FuzzBase {
  public int bf = 100;
  protected String bs = "base";
  protected long bl = 7L;

  public FuzzBase() {}

  public int bm(FuzzHost h, int x) {
    h.log("FuzzBase.bm(" + x + ")");
    return x + 1000;
  }

  protected String bname(FuzzHost h) {
    h.log("FuzzBase.bname");
    return "base";
  }

  /** The base's state, for the end-of-run dump. */
  protected String baseDump() {
    return "bf=" + bf + " bs=" + bs + " bl=" + bl;
  }
}
