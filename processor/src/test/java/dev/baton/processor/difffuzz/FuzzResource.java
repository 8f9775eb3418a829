package dev.baton.processor.difffuzz;

/** A resource for try-with-resources in generated programs: closing is traced, and may fail. */
public final class FuzzResource implements AutoCloseable {
  private final FuzzHost host;
  private final String name;
  private final boolean failOnClose;

  FuzzResource(FuzzHost host, String name, boolean failOnClose) {
    this.host = host;
    this.name = name;
    this.failOnClose = failOnClose;
  }

  @Override
  public void close() {
    host.trace.add("close " + name);
    if (failOnClose) {
      throw new IllegalStateException("close " + name);
    }
  }
}
