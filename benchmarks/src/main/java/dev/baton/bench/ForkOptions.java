package dev.baton.bench;

/** JVM options of the JMH forks. */
final class ForkOptions {
  /**
   * Every fork pre-touches its heap: on a VM that maps memory lazily the first touch of a heap page
   * can cost microseconds, which would otherwise land on whichever iteration first grows into new
   * memory (noise of the machine, not of the runtime). What each variant's memory costs is measured
   * by {@link MemoryProbe}, in fresh JVMs without pre-touching.
   */
  static final String PRETOUCH = "-XX:+AlwaysPreTouch";

  private ForkOptions() {}
}
