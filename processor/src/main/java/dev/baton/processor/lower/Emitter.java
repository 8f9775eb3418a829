package dev.baton.processor.lower;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instruction stream being built, with the frame's fields (regenerator's {@code Emitter}):
 * labels, marks, the current exception region, and slots for values kept across a switch point.
 */
final class Emitter {
  private final List<Instr> out = new ArrayList<>();
  private final List<Region> regions = new ArrayList<>(List.of(Region.ROOT));
  private final Map<String, Machine.Field> fields = new LinkedHashMap<>();
  /** Free slots by type, for reuse by later statements. */
  private final Map<String, List<String>> free = new HashMap<>();
  private final List<Slot> live = new ArrayList<>();
  private int labels;
  private int slots;
  private int counter;
  private Region region = Region.ROOT;
  private boolean open = true;

  /** A slot: a frame field that keeps one value across a switch point within a statement. */
  record Slot(String name, String type) {}

  Label label() {
    return new Label(labels++);
  }

  /** A fresh number for per-construct field names ({@code $k3}, {@code $it4}). */
  int next() {
    return counter++;
  }

  Region region() {
    return region;
  }

  /** The region the next mark belongs to (call only right before {@link #mark}). */
  void switchTo(Region r) {
    region = r;
  }

  boolean isOpen() {
    return open;
  }

  void mark(Label l, int line) {
    out.add(new Instr.Mark(l, region, line));
    open = true;
  }

  /** Enters {@code r}: a new state starts (states never span regions). */
  void enter(Region r, int line) {
    Label start = label();
    if (open) {
      emit(new Instr.Jump(start, line));
    }
    region = r;
    mark(start, line);
  }

  /** Leaves the current region for {@code r} (its parent) at {@code l}. */
  void leave(Region r, Label l, int line) {
    if (open) {
      emit(new Instr.Jump(l, line));
    }
    region = r;
    mark(l, line);
  }

  Region newRegion(String description) {
    Region r = new Region(regions.size(), region, description);
    regions.add(r);
    return r;
  }

  void emit(Instr i) {
    if (!open) {
      return; // unreachable code is never emitted
    }
    out.add(i);
    if (i.closes()) {
      open = false;
    }
  }

  void code(CodeBlock c, int line) {
    emit(new Instr.Code(c, line, false, Set.of()));
  }

  void jump(Label l, int line) {
    emit(new Instr.Jump(l, line));
  }

  // ---------------------------------------------------------------------------------------------
  // Fields

  void field(String name, String type, Machine.Kind kind) {
    fields.putIfAbsent(name, new Machine.Field(name, typeName(type), kind));
  }

  static TypeName typeName(String text) {
    return TypeVariableName.get(text); // printed verbatim
  }

  /** A slot of {@code type} for the current statement; released with {@link #release}. */
  Slot slot(String type) {
    List<String> f = free.get(type);
    String name;
    if (f != null && !f.isEmpty()) {
      name = f.remove(f.size() - 1);
    } else {
      name = "$s" + slots++;
      field(name, type, Machine.Kind.SLOT);
    }
    Slot s = new Slot(name, type);
    live.add(s);
    return s;
  }

  int liveSlots() {
    return live.size();
  }

  /** Frees the slots taken since {@code mark} (a statement is done with them). */
  void release(int mark) {
    while (live.size() > mark) {
      Slot s = live.remove(live.size() - 1);
      free.computeIfAbsent(s.type(), k -> new ArrayList<>()).add(s.name());
    }
  }

  Machine machine(List<CodeBlock> members) {
    return new Machine(new ArrayList<>(fields.values()), out, regions, members);
  }
}
