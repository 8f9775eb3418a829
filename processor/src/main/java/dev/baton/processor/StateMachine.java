package dev.baton.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lower phase's output and builder: a flat list of states, each a block of Java text that ends
 * in a transition, plus the exception regions and the frame's fields. It renders the body of
 * {@code $step}:
 *
 * <pre>{@code
 * $dispatch:
 * for (;;) {
 *   try {                                       // only when a lowered try exists
 *     switch (this.$state) {
 *       case 0: { ...; this.$state = 1; continue $dispatch; }
 *       case 1: { ...; return $await(2, awaitable); }            // suspend; resume in state 2
 *       case 2: { if ($error != null) throw $error; ... }          // the await's outcome
 *       default: throw new IllegalStateException(...);
 *     }
 *   } catch (Throwable $t) {
 *     // the state says which try region was running: catch clauses, then finally, then outer regions
 *   }
 * }
 * }</pre>
 *
 * Rules every state keeps: it ends with an explicit transition (never falls through), so
 * {@code $state} always names the running state and exception routing by state is exact; every
 * region entry starts a new state; an awaited expression is evaluated before {@code $state} changes.
 */
final class StateMachine {
  /** An exception region: where an exception thrown in its states goes. */
  static final class Region {
    final int id;
    final int parent;
    final String description;
    /** Handler text; it ends with {@code continue $dispatch;} or {@code $r = parent; continue;}. */
    String handler;

    Region(int id, int parent, String description) {
      this.id = id;
      this.parent = parent;
      this.description = description;
    }
  }

  private static final class State {
    final StringBuilder code = new StringBuilder();
    int region;
    boolean marked;
  }

  private final List<State> states = new ArrayList<>();
  private final List<Region> regions = new ArrayList<>();
  private final Map<String, String> fields = new LinkedHashMap<>();
  private int current = -1;
  private int region;
  private int slots;

  StateMachine() {
    regions.add(new Region(0, -1, "method body"));
    mark(newState());
  }

  int newState() {
    states.add(new State());
    return states.size() - 1;
  }

  /** Begins emitting into {@code state}; the previous state must have ended with a transition. */
  void mark(int state) {
    if (current >= 0) {
      throw new IllegalStateException("state " + current + " does not end with a transition");
    }
    State s = states.get(state);
    if (s.marked) {
      throw new IllegalStateException("state " + state + " marked twice");
    }
    s.marked = true;
    s.region = region;
    current = state;
  }

  boolean isOpen() {
    return current >= 0;
  }

  int currentState() {
    return current;
  }

  /** Emits a statement into the current state, opening an unreachable one if the last one ended. */
  void emit(String code) {
    if (current < 0) {
      mark(newState()); // code after a return/throw/leap: never reached, but must still compile
    }
    states.get(current).code.append(code).append('\n');
  }

  /** Emits a statement that ends the state (a transition, return or throw). */
  void emitEnd(String code) {
    emit(code);
    current = -1;
  }

  void jump(int state) {
    emitEnd(jumpText(state));
  }

  /**
   * A transition. The target goes to the local {@code $jump}, and {@code $state} changes only at the
   * top of the dispatch loop: a leap out of verbatim code runs the user's native {@code finally}
   * blocks (and try-with-resources closes) on its way out, and if one of them throws, the exception
   * must be routed from the state the leap left, not the one it was going to.
   */
  static String jumpText(int state) {
    return "$jump = " + state + "; continue $dispatch;";
  }

  /**
   * Suspends on the awaitable whose text is {@code awaitable}; continues in a new state that first
   * rethrows the await's failure. Returns the new state.
   */
  int suspend(String awaitable) {
    int resume = newState();
    emitEnd("return $await(" + resume + ", " + awaitable + ");");
    mark(resume);
    emit("if ($error != null) throw $error;");
    return resume;
  }

  int region() {
    return region;
  }

  /** Sets the region that newly marked states belong to. */
  void setRegion(int region) {
    this.region = region;
  }

  Region newRegion(String description) {
    Region r = new Region(regions.size(), region, description);
    regions.add(r);
    return r;
  }

  /** Declares a frame field (name → type text); the first declaration wins. */
  void field(String name, String type) {
    fields.putIfAbsent(name, type);
  }

  boolean hasField(String name) {
    return fields.containsKey(name);
  }

  Map<String, String> fields() {
    return fields;
  }

  /** A fresh {@code Object} slot for a value that must survive a suspension within one statement. */
  String newSlot() {
    String name = "$s" + slots++;
    field(name, "java.lang.Object");
    return name;
  }

  /** Renders the body of {@code $step}. */
  String render(String methodDescription) {
    StringBuilder out = new StringBuilder();
    boolean routed = regions.size() > 1;
    out.append("int $jump = -1;\n$dispatch:\nfor (;;) {\n");
    out.append("  if ($jump >= 0) {\n    this.$state = $jump;\n    $jump = -1;\n  }\n");
    String indent = routed ? "    " : "  ";
    if (routed) {
      out.append("  try {\n");
    }
    out.append(indent).append("switch (this.$state) {\n");
    for (int i = 0; i < states.size(); i++) {
      State s = states.get(i);
      if (!s.marked) {
        continue;
      }
      out.append(indent).append("  case ").append(i).append(": {\n");
      for (String line : s.code.toString().split("\n", -1)) {
        if (!line.isEmpty()) {
          out.append(indent).append("    ").append(line).append('\n');
        }
      }
      out.append(indent).append("  }\n");
    }
    out.append(indent).append("  default:\n").append(indent)
        .append("    throw new java.lang.IllegalStateException(\"").append(methodDescription)
        .append(": resumed in unknown state \" + this.$state);\n");
    out.append(indent).append("}\n");
    if (routed) {
      out.append("  } catch (java.lang.Throwable $t) {\n");
      out.append("    $jump = -1;\n");
      out.append("    int $r;\n    switch (this.$state) {\n");
      for (Region r : regions) {
        if (r.id == 0) {
          continue;
        }
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
          if (states.get(i).marked && states.get(i).region == r.id) {
            members.add(i);
          }
        }
        if (members.isEmpty()) {
          continue;
        }
        out.append("      ");
        for (int m : members) {
          out.append("case ").append(m).append(": ");
        }
        out.append("$r = ").append(r.id).append("; break;\n");
      }
      out.append("      default: throw $t;\n    }\n");
      out.append("    for (;;) {\n      switch ($r) {\n");
      for (Region r : regions) {
        if (r.id == 0) {
          continue;
        }
        out.append("        case ").append(r.id).append(": { // ").append(r.description).append('\n');
        for (String line : r.handler.split("\n")) {
          out.append("          ").append(line).append('\n');
        }
        out.append("        }\n");
      }
      out.append("        default: throw $t;\n      }\n    }\n  }\n");
    }
    out.append("}\n");
    return out.toString();
  }
}
