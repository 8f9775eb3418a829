package dev.baton.example.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Breakpoints in the user's file: a debugger that sets a breakpoint at {@code Traced.java:LINE} the
 * way jdb and IDEs do (every loaded class whose source file is {@code Traced.java} and that has code
 * at that line) stops in the generated state machine, at the user's line, with the user's file
 * named. Driven through JDI, the interface jdb itself is built on, against a real debuggee JVM.
 */
class BreakpointTest {
  private static int line(String name) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/baton/example/trace/Traced.java"));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith("// at:" + name)) {
        return i + 1;
      }
    }
    throw new AssertionError(name);
  }

  @Test
  void aBreakpointAtTheUsersLineStopsInTheGeneratedStateMachine() throws Exception {
    int target = line("middle");
    LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
    Map<String, Connector.Argument> args = launcher.defaultArguments();
    args.get("main").setValue(TraceMain.class.getName());
    args.get("options").setValue("-cp \"" + System.getProperty("java.class.path") + "\"");
    VirtualMachine vm = launcher.launch(args);
    List<String> hits = new ArrayList<>();
    try {
      ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
      prepare.addClassFilter("dev.baton.example.trace.*");
      prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
      prepare.enable();
      vm.resume();
      boolean running = true;
      while (running) {
        EventSet set = vm.eventQueue().remove(60_000);
        if (set == null) {
          break;
        }
        for (Event e : set) {
          if (e instanceof ClassPrepareEvent p) {
            breakAt(vm, p.referenceType(), target);
          } else if (e instanceof BreakpointEvent b) {
            Location at = b.location();
            hits.add(at.declaringType().name() + "." + at.method().name() + " " + at.sourceName() + ":"
                + at.lineNumber());
          } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
            running = false;
          }
        }
        if (running) {
          set.resume();
        }
      }
    } finally {
      try {
        vm.dispose();
      } catch (RuntimeException ignored) {
        // the debuggee has ended
      }
    }
    // middle awaits inner twice (i = 0, then 1, which fails). The line stops where the await
    // starts and again where it resumes (its value is added to total there), as Kotlin's do.
    String expected = "dev.baton.example.trace.AsyncTraced$$middle.$step Traced.java:" + target;
    assertTrue(hits.size() >= 4, "hits: " + hits);
    assertEquals(List.of(expected), hits.stream().distinct().toList());
  }

  /** What jdb's {@code stop at} and an IDE do for a file:line: every class of that file with code there. */
  private static void breakAt(VirtualMachine vm, ReferenceType type, int line) {
    try {
      if (!"Traced.java".equals(type.sourceName())) {
        return;
      }
      for (Location l : type.locationsOfLine(line)) {
        BreakpointRequest r = vm.eventRequestManager().createBreakpointRequest(l);
        r.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        r.enable();
      }
    } catch (AbsentInformationException e) {
      // a class without line numbers: nothing to stop at
    }
  }
}
