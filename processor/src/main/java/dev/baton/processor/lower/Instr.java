package dev.baton.processor.lower;

import com.palantir.javapoet.CodeBlock;
import java.util.List;
import java.util.Set;

/**
 * The state-machine IR: a flat list of instructions, in source order, that the renderer cuts into
 * states at the labels something refers to (TypeScript's generator transform and regenerator's
 * {@code Emitter} are the models). Every instruction carries the user's line it comes from.
 *
 * <p>Control leaves a state only through {@link Jump}, {@link Branch}, {@link Dispatch},
 * {@link Suspend}, {@link Complete}, {@link Tail}, {@link Throw} or a {@link Code} that
 * {@linkplain Code#leaves() always leaves}; anything else falls through to the next instruction.
 */
public sealed interface Instr {
  /** The user's line (1-based) this instruction comes from; 0 when it has none of its own. */
  int line();

  /** True if control never continues to the next instruction. */
  default boolean closes() {
    return false;
  }

  /** The labels this instruction may transfer control to. */
  default List<Label> targets() {
    return List.of();
  }

  /** Places {@code label} here; {@code region} is the exception region of the code that follows. */
  record Mark(Label label, Region region, int line) implements Instr {}

  /**
   * A Java statement (verbatim user code with edits, or generated). {@code leaves}: it never
   * completes normally (a verbatim {@code return}, the end of a finally). {@code jumps}: labels it
   * may jump to from inside (a {@code break} out of verbatim code). Verbatim code spanning user lines
   * {@code line} to {@code lastLine} keeps one generated line per user line.
   */
  record Code(CodeBlock code, int line, boolean leaves, Set<Label> jumps, int lastLine) implements Instr {
    public Code(CodeBlock code, int line, boolean leaves, Set<Label> jumps) {
      this(code, line, leaves, jumps, line);
    }

    @Override
    public boolean closes() {
      return leaves;
    }

    @Override
    public List<Label> targets() {
      return List.copyOf(jumps);
    }
  }

  /** {@code goto target}. */
  record Jump(Label target, int line) implements Instr {
    @Override
    public boolean closes() {
      return true;
    }

    @Override
    public List<Label> targets() {
      return List.of(target);
    }
  }

  /** {@code if (condition) goto target} (falls through otherwise). */
  record Branch(CodeBlock condition, Label target, int line) implements Instr {
    @Override
    public List<Label> targets() {
      return List.of(target);
    }
  }

  /**
   * A native {@code switch} over {@code selector} whose arms jump: each arm's labels are printed as
   * they are ({@code case 1, 2}, {@code case Circle c when c.r() > 0}, {@code default}) and its body
   * first runs {@code prologue} (a pattern's bindings copied to fields). With no arm matching,
   * control falls through, unless the switch is {@code exhaustive} (an enhanced switch: javac makes
   * it throw then).
   */
  record Dispatch(CodeBlock selector, List<Arm> arms, boolean exhaustive, int line) implements Instr {
    @Override
    public boolean closes() {
      return exhaustive || arms.stream().anyMatch(Arm::isDefault);
    }

    @Override
    public List<Label> targets() {
      return arms.stream().map(Arm::target).toList();
    }
  }

  /** One arm of a {@link Dispatch}: {@code labels} is null for {@code default}. */
  record Arm(CodeBlock labels, CodeBlock prologue, Label target, boolean isDefault) {}

  /** Suspends on {@code awaitable} and resumes at {@code resume}, whose state rethrows a failure first. */
  record Suspend(CodeBlock awaitable, Label resume, int line) implements Instr {
    @Override
    public boolean closes() {
      return true;
    }

    @Override
    public List<Label> targets() {
      return List.of(resume);
    }
  }

  /** Finishes the coroutine with {@code value}. */
  record Complete(CodeBlock value, int line) implements Instr {
    @Override
    public boolean closes() {
      return true;
    }
  }

  /** Finishes the coroutine with the outcome of awaiting {@code awaitable} (a tail call). */
  record Tail(CodeBlock awaitable, int line) implements Instr {
    @Override
    public boolean closes() {
      return true;
    }
  }

  /** {@code throw exception}. */
  record Throw(CodeBlock exception, int line) implements Instr {
    @Override
    public boolean closes() {
      return true;
    }
  }
}
