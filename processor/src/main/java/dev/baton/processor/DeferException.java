package dev.baton.processor;

/** A type the method needs is not generated yet: try the method again in the next round. */
final class DeferException extends RuntimeException {
  DeferException(String what) {
    super(what, null, false, false);
  }
}
