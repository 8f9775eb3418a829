package dev.baton.processor.lowering;

import dev.baton.processor.difffuzz.FuzzHost;

/** The superclass of programs that use {@code super}: they hide {@link #bf} and override {@link #bm}. */
public class SuperBase {
  public int bf = 100;
  protected String bs = "base";
  protected long bl = 7L;

  public int bm(FuzzHost h, int x) {
    h.log("SuperBase.bm(" + x + ")");
    return x + 1000;
  }
}
