package dev.baton.processor.emit;

import com.palantir.javapoet.CodeBlock;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.lower.Label;
import java.util.Set;

/**
 * Printed user code: the code, the frame locals it reads inside lambda or class bodies (those need a
 * snapshot taken where the code runs: see {@code Lowerer}), and the labels it may jump to.
 */
public record Printed(CodeBlock code, Set<Facts.FrameLocal> captured, Set<Label> jumps) {
  public Printed {
    captured = Set.copyOf(captured);
    jumps = Set.copyOf(jumps);
  }

  public static Printed of(CodeBlock code) {
    return new Printed(code, Set.of(), Set.of());
  }
}
