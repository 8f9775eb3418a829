package dev.baton;

/** The {@link Acquired} of every primitive: closing runs its release once. */
final class Held implements Acquired {
  private Runnable release;

  Held(Runnable release) {
    this.release = release;
  }

  @Override
  public void close() {
    Runnable r = release;
    if (r != null) {
      r.run(); // may throw (a lock closed by a non-owner): then the hold stays open
      release = null;
    }
  }

  @Override
  public String toString() {
    return release == null ? "Acquired[released]" : "Acquired[held]";
  }
}
