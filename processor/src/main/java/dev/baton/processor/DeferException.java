package dev.baton.processor;

/** A type the method needs is not generated yet: try the method again in the next round. */
public final class DeferException extends RuntimeException {
  public DeferException(String what) {
    super(what, null, false, false);
  }
}
