package dev.baton.processor.difffuzz.sync;

/** The plain twin's cancel scope: generated programs only open scopes whose deadline never passes. */
public final class CancelScope implements AutoCloseable {
  CancelScope() {}

  public boolean cancelCalled() {
    return false;
  }

  @Override
  public void close() {}
}
