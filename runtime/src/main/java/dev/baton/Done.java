package dev.baton;

/** A coroutine that finishes at once with a value: {@code done(v)}. */
final class Done<T> extends Coroutine<T> {
  private final T value;

  Done(T value) {
    this.value = value;
  }

  @Override
  protected Object $step(Object $value, Throwable $error) {
    return $complete(value);
  }

  @Override
  public String toString() {
    return "done(" + value + ")";
  }
}
