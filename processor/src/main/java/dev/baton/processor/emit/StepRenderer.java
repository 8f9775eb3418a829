package dev.baton.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.baton.processor.lower.Instr;
import dev.baton.processor.lower.Label;
import dev.baton.processor.lower.Machine;
import dev.baton.processor.lower.Region;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Machine}'s instructions as the body of {@code $step}: one {@code case} per state,
 * in source order, inside a dispatch loop; and, when the body has lowered {@code try} statements, a
 * {@code catch} that routes an exception by the state it was thrown in.
 *
 * <pre>{@code
 * $loop:
 * for (;;) {
 *   int $at = this.$state;                 // the state this turn runs (exceptions are routed by it)
 *   try {
 *     switch ($at) {
 *       case 0: {                          // Foo.java:12
 *         ...
 *         $state = 2; continue $loop;      // goto
 *       }
 *       case 1: {                          // a resumption: the await's failure is thrown first
 *         if ($error != null) throw $error;
 *         ...
 *         return $await(3, in.receive());  // suspend, resume in state 3
 *       }
 *       ...
 *     }
 *   } catch (Throwable $t) {
 *     switch ($at) {
 *       case 1: case 2: { ... $state = 5; continue $loop; }   // the handler of the try around them
 *       default: throw $t;
 *     }
 *   }
 * }
 * }</pre>
 *
 * A state that ends by falling into the next one in the same region does so without a jump.
 */
public final class StepRenderer {
  private final Machine machine;
  private final String fileName;
  private final String description;
  private final Set<Label> referenced = new HashSet<>();
  private final Set<Label> resumes = new HashSet<>();
  private final Map<Region, List<Integer>> statesByRegion = new LinkedHashMap<>();

  private StepRenderer(Machine machine, String fileName, String description) {
    this.machine = machine;
    this.fileName = fileName;
    this.description = description;
  }

  /** The body of {@code $step}. */
  public static CodeBlock render(Machine machine, String fileName, String description) {
    return new StepRenderer(machine, fileName, description).render();
  }

  private CodeBlock render() {
    for (Instr i : machine.instructions()) {
      referenced.addAll(i.targets());
      if (i instanceof Instr.Suspend s) {
        resumes.add(s.resume());
      }
    }
    for (Region r : machine.regions()) {
      referenced.addAll(r.jumps());
    }
    number();
    boolean handlers = machine.regions().stream().anyMatch(r -> !r.isRoot() && statesByRegion.containsKey(r));
    CodeBlock.Builder b = CodeBlock.builder();
    b.add("$$loop:\n").beginControlFlow("for (;;)");
    if (handlers) {
      b.addStatement("int $$at = this.$$state");
      b.beginControlFlow("try");
      b.beginControlFlow("switch ($$at)");
    } else {
      b.beginControlFlow("switch (this.$$state)");
    }
    states(b);
    b.add("default:\n").indent()
        .addStatement("throw $$badState()")
        .unindent();
    b.endControlFlow();
    if (handlers) {
      b.nextControlFlow("catch (java.lang.Throwable $$t)");
      handlers(b);
      b.endControlFlow();
    }
    b.endControlFlow();
    return b.build();
  }

  /**
   * Numbers the states: one per placed label that something refers to, in placement order. A label
   * whose state would only jump on (an empty loop continuation, the end of an if) takes the number of
   * where it jumps: threading the jumps keeps empty states out of the output.
   */
  private void number() {
    Map<Label, Label> alias = aliases();
    int next = 0;
    Region region = Region.ROOT;
    for (Instr i : machine.instructions()) {
      if (i instanceof Instr.Mark m && (next == 0 || referenced.contains(m.label()) && !alias.containsKey(m.label()))) {
        m.label().number(next);
        starts.put(m.label(), next);
        statesByRegion.computeIfAbsent(m.region(), r -> new ArrayList<>()).add(next);
        next++;
        region = m.region();
      } else if (i instanceof Instr.Mark m && !alias.containsKey(m.label()) && m.region() != region) {
        throw new IllegalStateException("label L" + m.label().id() + " changes region without a state");
      }
    }
    for (Map.Entry<Label, Label> a : alias.entrySet()) {
      a.getKey().number(a.getValue().state());
    }
  }

  /** Labels placed right before a jump (with nothing in between), mapped to where the jump goes. */
  private Map<Label, Label> aliases() {
    Map<Label, Label> direct = new LinkedHashMap<>();
    List<Instr> all = machine.instructions();
    for (int i = 1; i < all.size(); i++) {
      if (!(all.get(i) instanceof Instr.Mark m) || resumes.contains(m.label())) {
        continue;
      }
      for (int j = i + 1; j < all.size(); j++) {
        Instr n = all.get(j);
        if (n instanceof Instr.Mark next) {
          if (referenced.contains(next.label())) {
            direct.put(m.label(), next.label());
            break;
          }
          continue;
        }
        if (n instanceof Instr.Jump jump) {
          direct.put(m.label(), jump.target());
        }
        break;
      }
    }
    Map<Label, Label> out = new LinkedHashMap<>();
    for (Label l : direct.keySet()) {
      Label to = l;
      Set<Label> seen = new HashSet<>();
      while (direct.containsKey(to) && seen.add(to)) {
        to = direct.get(to);
      }
      if (!direct.containsKey(to)) {
        out.put(l, to); // a chain that ends in a real state (a cycle is an empty loop: left as it is)
      }
    }
    return out;
  }

  private void states(CodeBlock.Builder b) {
    boolean inState = false;
    boolean open = false;
    Region region = null;
    int line = -1;
    List<Instr> instructions = machine.instructions();
    for (int index = 0; index < instructions.size(); index++) {
      Instr i = instructions.get(index);
      if (i instanceof Instr.Mark m) {
        if (!m.label().isNumbered() || m.label().state() != stateNumberOf(m)) {
          continue; // not a state of its own: its code continues the current one
        }
        if (inState) {
          if (open && m.region() != region) {
            jump(b, m.label());
          }
          b.unindent().add("}\n");
        }
        b.add("case $L: {", m.label().state());
        line = -1;
        if (m.line() > 0) {
          b.add(" // $L:$L", fileName, m.line());
          line = m.line();
        }
        b.add("\n").indent();
        inState = true;
        open = true;
        region = m.region();
        if (resumes.contains(m.label())) {
          b.addStatement("if ($$error != null) throw $$error");
        }
        continue;
      }
      if (!open) {
        continue; // unreachable: nothing jumps here
      }
      if (i instanceof Instr.Code c && c.lastLine() > c.line()) {
        b.add("// $L:$L-$L\n", fileName, c.line(), c.lastLine()); // one generated line per user line
        line = c.lastLine();
      } else if (i.line() > 0 && i.line() != line) {
        b.add("// $L:$L\n", fileName, i.line());
        line = i.line();
      }
      instruction(b, i, nextState(index), region);
      open = !i.closes();
    }
    if (inState) {
      if (open) {
        // The end of a body javac holds cannot complete normally: reached only past a cancel scope
        // that swallowed its cancellation where every path returned or threw (try (CancelScope s =
        // moveOnAfter(t)) { return slow(); }). As after anyio's `with move_on_after(t): return
        // await slow()`, the coroutine ends with null.
        b.addStatement("return $$complete(null)");
      }
      b.unindent().add("}\n");
    }
  }

  /** The mark of the next state after instruction {@code index}, or null. */
  private Instr.Mark nextState(int index) {
    List<Instr> all = machine.instructions();
    for (int j = index + 1; j < all.size(); j++) {
      if (all.get(j) instanceof Instr.Mark m && stateNumberOf(m) >= 0) {
        return m;
      }
    }
    return null;
  }

  private void instruction(CodeBlock.Builder b, Instr i, Instr.Mark next, Region region) {
    if (i instanceof Instr.Code c) {
      b.add(c.code());
      if (!c.code().toString().endsWith("\n")) {
        b.add("\n");
      }
    } else if (i instanceof Instr.Jump j) {
      if (next != null && next.label().state() == j.target().state() && next.region() == region) {
        b.add("// falls through\n");
      } else {
        jump(b, j.target());
      }
    } else if (i instanceof Instr.Branch br) {
      b.beginControlFlow("if ($L)", br.condition()).add(jumpCode(br.target())).endControlFlow();
    } else if (i instanceof Instr.Dispatch d) {
      b.beginControlFlow("switch ($L)", d.selector());
      for (Instr.Arm arm : d.arms()) {
        if (arm.isDefault()) {
          b.add("default -> {\n");
        } else {
          b.add("case $L -> {\n", arm.labels());
        }
        b.indent();
        if (arm.prologue() != null && !arm.prologue().isEmpty()) {
          b.add(arm.prologue());
        }
        b.add(jumpCode(arm.target())).unindent().add("}\n");
      }
      b.endControlFlow();
    } else if (i instanceof Instr.Suspend s) {
      b.addStatement("return $$await($L, $L)", s.resume().state(), s.awaitable());
    } else if (i instanceof Instr.Complete c) {
      b.addStatement("return $$complete($L)", c.value());
    } else if (i instanceof Instr.Tail t) {
      b.addStatement("return $$tail($L)", t.awaitable());
    } else if (i instanceof Instr.Throw t) {
      b.addStatement("throw $L", t.exception());
    } else {
      throw new AssertionError(i);
    }
  }

  private final Map<Label, Integer> starts = new java.util.HashMap<>();

  /** The state a mark starts, or -1 for a mark that starts none (unreferenced or threaded). */
  private int stateNumberOf(Instr.Mark m) {
    return starts.getOrDefault(m.label(), -1);
  }

  static CodeBlock jumpCode(Label target) {
    return CodeBlock.of("$$state = $L;\ncontinue $$loop;\n", target);
  }

  private static void jump(CodeBlock.Builder b, Label target) {
    b.add(jumpCode(target));
  }

  private void handlers(CodeBlock.Builder b) {
    b.beginControlFlow("switch ($$at)");
    for (Region r : machine.regions()) {
      List<Integer> states = statesByRegion.get(r);
      if (r.isRoot() || states == null) {
        continue;
      }
      for (int s : states) {
        b.add("case $L:\n", s);
      }
      b.add("{ // $L\n", r.description()).indent();
      for (Region h = r; ; h = h.parent()) {
        if (h.isRoot()) {
          b.addStatement("throw $$t");
          break;
        }
        if (h.handler() != null) {
          b.add(h.handler());
        }
        if (h.handles()) {
          break;
        }
      }
      b.unindent().add("}\n");
    }
    b.add("default:\n").indent().addStatement("throw $$t").unindent();
    b.endControlFlow();
  }
}
