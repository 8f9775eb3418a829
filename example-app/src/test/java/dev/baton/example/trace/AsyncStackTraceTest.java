package dev.baton.example.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.ClosedResourceException;
import dev.baton.core.AsyncStackTraces;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Async stack traces: an exception that leaves a coroutine has, in its own stack trace, a boundary
 * element naming the task, then the user's file:line of every coroutine that was awaiting it,
 * innermost first; the generated frames name the user's file and line too. Nothing else about the
 * exception changes.
 */
class AsyncStackTraceTest {
  private static final Path SOURCE = Path.of("src/test/java/dev/baton/example/trace/Traced.java");

  /** The line of the source marked {@code // at:name}. */
  private static int line(String name) throws IOException {
    List<String> lines = Files.readAllLines(SOURCE);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("// at:" + name)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line marked " + name);
  }

  /** The elements after the boundary that are in Traced.java: the awaiting coroutines. */
  private static List<String> awaiting(Throwable t) {
    List<StackTraceElement> trace = Arrays.asList(t.getStackTrace());
    int b = -1;
    for (int i = 0; i < trace.size(); i++) {
      if (AsyncStackTraces.isBoundary(trace.get(i))) {
        assertEquals(-1, b, "two boundaries in " + trace);
        b = i;
      }
    }
    assertTrue(b >= 0, "no async boundary in " + trace);
    return trace.subList(b + 1, trace.size()).stream().filter(e -> "Traced.java".equals(e.getFileName()))
        .map(StackTraceElement::toString).toList();
  }

  private static IllegalStateException failure() {
    return assertThrows(IllegalStateException.class, () -> Baton.run(new AsyncTraced().outer(), Clock.virtual()));
  }

  @Test
  void awaitingFramesFollowTheBoundaryInnermostFirstAtTheirAwaitLines() throws IOException {
    assertEquals(List.of(
            "dev.baton.example.trace.Traced.middle(Traced.java:" + line("middle") + ")",
            "dev.baton.example.trace.Traced.outer(Traced.java:" + line("outer") + ")"),
        awaiting(failure()));
  }

  @Test
  void theThrowingFrameIsNamedAtTheUsersLineOfTheThrow() throws IOException {
    StackTraceElement top = failure().getStackTrace()[0];
    assertEquals("Traced.java", top.getFileName());
    assertEquals(line("inner"), top.getLineNumber());
  }

  @Test
  void theBoundaryNamesTheTask() {
    StackTraceElement boundary = Arrays.stream(failure().getStackTrace()).filter(AsyncStackTraces::isBoundary)
        .findFirst().orElseThrow();
    assertTrue(boundary.toString().startsWith("async.awaitedBy(task '"), boundary.toString());
  }

  @Test
  void theExceptionKeepsItsOwnSuppressedAndCause() {
    IllegalStateException e = failure();
    assertEquals(0, e.getSuppressed().length);
    assertNull(e.getCause());
  }

  @Test
  void aFailureRaisedByTheAwaitedOperationNamesTheAwaitThatReceivedIt() throws IOException {
    ClosedResourceException e = assertThrows(ClosedResourceException.class,
        () -> Baton.run(new AsyncTraced().callsReceive(), Clock.virtual()));
    assertEquals(List.of(
            "dev.baton.example.trace.Traced.receiveFromClosed(Traced.java:" + line("receive") + ")",
            "dev.baton.example.trace.Traced.callsReceive(Traced.java:" + line("callsReceive") + ")"),
        awaiting(e));
  }

  @Test
  void thePrintedTraceShowsEveryAwaitingFrame() throws IOException {
    StringWriter out = new StringWriter();
    failure().printStackTrace(new PrintWriter(out));
    String printed = out.toString();
    assertTrue(printed.contains("at dev.baton.example.trace.Traced.outer(Traced.java:" + line("outer") + ")"),
        printed);
  }
}
