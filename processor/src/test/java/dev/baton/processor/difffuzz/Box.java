package dev.baton.processor.difffuzz;

import java.util.Arrays;

/** A mutable object for {@code other.f op= ...} in generated programs; prints deterministically. */
public final class Box {
  public int f;
  public long g = 5L;
  public double d = 0.5;
  public String s = "b";
  public byte b = 3;
  public short sh = 4;
  public char c = 'k';
  public boolean z;
  public Integer n = 9;
  public Long nl = 10L;
  public int[] a = {1, 2, 3};
  public Box next;
  private final int id;

  public Box(int id) {
    this.id = id;
    this.f = id;
  }

  public int get() {
    return f;
  }

  @Override
  public String toString() {
    return "Box" + id + "{f=" + f + " g=" + g + " d=" + d + " s=" + s + " b=" + b + " sh=" + sh + " c=" + c
        + " z=" + z + " n=" + n + " nl=" + nl + " a=" + Arrays.toString(a) + (next == null ? "" : " next=" + next.id)
        + "}";
  }
}
