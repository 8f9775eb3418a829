package dev.baton.processor.lower;

/**
 * A position in a lowered body: where a jump, a branch, a resumption or an exception handler goes.
 * Labels are created before they are placed ({@link Instr.Mark}); the renderer numbers the states
 * in the order their labels are placed, which is source order.
 *
 * <p>A label prints as its state number, so code that jumps (a {@link Instr.Code} holding a
 * {@code break} out of verbatim code, say) can name a label before the states are numbered.
 */
public final class Label {
  private final int id;
  private int state = -1;

  Label(int id) {
    this.id = id;
  }

  /** The allocation number: stable, for debugging. */
  public int id() {
    return id;
  }

  /** Set once by the renderer. */
  public void number(int state) {
    this.state = state;
  }

  public int state() {
    if (state < 0) {
      throw new IllegalStateException("label L" + id + " was never placed");
    }
    return state;
  }

  public boolean isNumbered() {
    return state >= 0;
  }

  /** The state number; before numbering (a look at code being built) a placeholder. */
  @Override
  public String toString() {
    return state >= 0 ? Integer.toString(state) : "L" + id;
  }
}
