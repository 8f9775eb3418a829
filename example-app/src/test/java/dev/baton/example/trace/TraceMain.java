package dev.baton.example.trace;

import dev.baton.Baton;
import dev.baton.Clock;

/** The program {@link BreakpointTest} debugs: runs {@link Traced#outer()} and prints how it ended. */
public final class TraceMain {
  private TraceMain() {}

  public static void main(String[] args) {
    try {
      Baton.run(new AsyncTraced().outer(), Clock.virtual());
      System.out.println("finished");
    } catch (IllegalStateException e) {
      System.out.println("failed: " + e.getMessage());
    }
  }
}
