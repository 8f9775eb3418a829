package dev.baton.processor.lower;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * The lower phase's output for one {@code @Async} method: the frame's fields and the instructions
 * of its step function, in source order.
 *
 * @param fields every field of the frame (parameters first, then hoisted locals, then slots)
 * @param instructions the body
 * @param regions every exception region, outermost first
 * @param members member types of the frame (local classes and records of the body, moved there)
 */
public record Machine(List<Field> fields, List<Instr> instructions, List<Region> regions,
    List<com.palantir.javapoet.CodeBlock> members) {
  public Machine {
    fields = List.copyOf(fields);
    instructions = List.copyOf(instructions);
    regions = List.copyOf(regions);
    members = List.copyOf(members);
  }

  /** A field of the frame: a parameter, a local that lives across a switch point, or a slot. */
  public record Field(String name, TypeName type, Kind kind) {}

  public enum Kind { PARAMETER, LOCAL, SLOT }
}
