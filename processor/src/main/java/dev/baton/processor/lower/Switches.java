package dev.baton.processor.lower;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.analyze.Analysis;
import dev.baton.processor.analyze.Children;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.emit.Printed;
import dev.baton.processor.emit.Printer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Switch statements and switch expressions that await. Both become a native <em>dispatch</em> with
 * the user's own labels ({@code case 1, 2}, enum constants, strings, patterns with their guards,
 * {@code case null}) whose arms jump to one state per case; a pattern's bindings that live in the
 * frame are copied there by the arm:
 *
 * <pre>{@code
 * switch (shape) {                                 switch (shape) {
 *   case Circle(int r) when r > 0 -> ...;    →       case Circle(int r$p) when r$p > 0 -> { this.r = r$p; goto C0; }
 *   default -> ...;                                  default -> goto C1;
 * }                                                }
 * }</pre>
 *
 * Classic cases fall through to the next case's state; arrow cases go to the end. A switch
 * expression keeps its value in a slot of its own type: {@code yield v} (however deeply nested in a
 * case block) stores {@code v} there and jumps to the end, through any lowered finally on the way.
 */
final class Switches {
  private Switches() {}

  /** {@code switch (e) { cases }} as a statement. */
  static void statement(Lowerer l, SwitchTree s) {
    int line = l.m.line(s);
    List<Label> labels = new ArrayList<>();
    Label end = l.out.label();
    boolean closes = dispatch(l, s.getExpression(), s.getCases(), labels, line);
    if (!closes) {
      l.out.jump(end, line);
    }
    l.within(new Lowerer.Block(null, end), () -> {
      List<? extends CaseTree> cases = s.getCases();
      for (int i = 0; i < cases.size(); i++) {
        CaseTree c = cases.get(i);
        l.out.mark(labels.get(i), l.m.line(c));
        if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
          Tree body = c.getBody();
          if (body instanceof ExpressionTree e) {
            l.expressions.statement(e, l.m.line(e));
          } else {
            l.statement((StatementTree) body, null);
          }
          l.out.jump(end, line);
        } else {
          l.statements(c.getStatements());
          l.out.jump(i + 1 < cases.size() ? labels.get(i + 1) : end, line);
        }
      }
    });
    l.out.mark(end, line);
  }

  /** {@code switch (e) { cases }} as an expression: its value is read from a slot at the end. */
  static Expressions.Value expression(Lowerer l, SwitchExpressionTree s) {
    int line = l.m.line(s);
    List<? extends CaseTree> cases = s.getCases();
    if (cases.stream().noneMatch(l.facts::suspends)) {
      // only the selector awaits: the switch keeps its shape
      Expressions.Value sel = l.expressions.value(s.getExpression());
      Printed p = l.printer.print(s, Map.of(s.getExpression(), sel.code()), false);
      Set<Facts.FrameLocal> captured = new java.util.LinkedHashSet<>(sel.captured());
      captured.addAll(p.captured());
      return new Expressions.Value(p.code(), false, captured);
    }
    TypeMirror type = l.m.type(s);
    Emitter.Slot result = l.out.slot(l.scope.declared(type));
    List<Label> labels = new ArrayList<>();
    Label end = l.out.label();
    boolean closes = dispatch(l, s.getExpression(), cases, labels, line);
    if (!closes) {
      // an enum switch expression whose constants all have cases, meeting a constant added later
      l.out.emit(new Instr.Throw(CodeBlock.of("new java.lang.IncompatibleClassChangeError()"), line));
    }
    l.within(new Lowerer.Yield(result, end), () -> {
      for (int i = 0; i < cases.size(); i++) {
        CaseTree c = cases.get(i);
        l.out.mark(labels.get(i), l.m.line(c));
        if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
          Tree body = c.getBody();
          if (body instanceof ExpressionTree e) {
            Expressions.Value v = l.expressions.value(e);
            l.out.code(l.withSnapshots(CodeBlock.of("$L = $L;\n", result.name(), v.code()), v.captured()),
                l.m.line(e));
            l.out.jump(end, l.m.line(e));
          } else {
            l.statement((StatementTree) body, null);
          }
        } else {
          l.statements(c.getStatements());
          if (i + 1 < cases.size()) {
            l.out.jump(labels.get(i + 1), line);
          }
        }
      }
    });
    l.out.mark(end, line);
    return l.expressions.slotValue(result, type);
  }

  /**
   * Emits the dispatch: evaluates the selector, then a native switch whose arms jump to a new label
   * per case (added to {@code labels}). Returns true if no path falls out of it (a default, or an
   * enhanced switch, which javac makes exhaustive).
   */
  private static boolean dispatch(Lowerer l, ExpressionTree selector, List<? extends CaseTree> cases,
      List<Label> labels, int line) {
    if (cases.stream().anyMatch(c -> labelTrees(c).stream().anyMatch(l.facts::suspends))) {
      return chain(l, selector, cases, labels, line);
    }
    CodeBlock sel = l.withCaptures(Analysis.skipParens(selector));
    List<Instr.Arm> arms = new ArrayList<>();
    boolean enhanced = !isLegacy(l, l.m.type(selector));
    for (CaseTree c : cases) {
      Label target = l.out.label();
      labels.add(target);
      List<Tree> labelTrees = labelTrees(c);
      if (isDefault(labelTrees)) {
        arms.add(new Instr.Arm(null, null, target, true));
        continue;
      }
      if (labelTrees.stream().anyMatch(t -> isPatternOrNull(t))) {
        enhanced = true;
      }
      int start = Integer.MAX_VALUE;
      int end = -1;
      for (Tree t : labelTrees) {
        start = Math.min(start, l.m.start(t));
        int e = l.m.end(t);
        end = Math.max(end, e > 0 ? e : l.m.start(t) + (t.getKind().name().equals("DEFAULT_CASE_LABEL") ? 7 : 0));
      }
      Printed printed = l.printer.print(start, end, labelTrees, Map.of(), true, Map.of());
      CodeBlock.Builder prologue = CodeBlock.builder();
      for (Facts.FrameLocal f : bindings(l, labelTrees)) {
        prologue.addStatement("this.$L = $L", f.name(), Printer.nativeName(f));
      }
      arms.add(new Instr.Arm(printed.code(), prologue.build(), target, false));
    }
    Instr.Dispatch d = new Instr.Dispatch(sel, arms, enhanced, line);
    l.out.emit(d);
    return d.closes();
  }

  /**
   * The dispatch of a pattern switch with a guard that awaits: the guards must be evaluated in states
   * of their own, so the cases are tested one after the other, in order, as the switch would:
   *
   * <pre>{@code
   * switch (o) {                                  $s0 = o; Objects.requireNonNull($s0);   // no case null
   *   case String s when s.length() > await(n) -> T0: if (!($s0 instanceof String s$p && bind s)) goto T1;
   *     A;                                            <guard, lowered>; if (!guard) goto T1; goto C0;
   *   default -> B;                               T1: goto C1;                           // default last
   * }                                             (no default: throw new MatchException(null, null))
   * }</pre>
   */
  private static boolean chain(Lowerer l, ExpressionTree selector, List<? extends CaseTree> cases,
      List<Label> labels, int line) {
    TypeMirror type = l.m.type(selector);
    Expressions.Value value = l.expressions.value(Analysis.skipParens(selector));
    Expressions.Value sel = l.expressions.spill(value, Analysis.skipParens(selector));
    boolean hasNull = false;
    int defaultCase = -1;
    for (int i = 0; i < cases.size(); i++) {
      labels.add(l.out.label());
      for (Tree t : labelTrees(cases.get(i))) {
        hasNull |= isNullLabel(t);
        if (t.getKind().name().equals("DEFAULT_CASE_LABEL")) {
          defaultCase = i;
        }
      }
      if (labelTrees(cases.get(i)).isEmpty()) {
        defaultCase = i;
      }
    }
    if (!hasNull && !type.getKind().isPrimitive()) {
      l.out.code(CodeBlock.of("java.util.Objects.requireNonNull($L);\n", sel.code()), line);
    }
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      List<CodeBlock> tests = new ArrayList<>();
      Tree guard = null;
      for (Tree t : labelTrees(c)) {
        String kind = t.getKind().name();
        if (kind.equals("DEFAULT_CASE_LABEL")) {
          continue;
        }
        if (!kind.endsWith("_LABEL")) {
          guard = t;
          continue;
        }
        Tree inner = Children.of(t).isEmpty() ? t : Children.of(t).get(0);
        tests.add(labelTest(l, sel.code(), type, inner));
      }
      if (tests.isEmpty()) {
        continue; // default (or case null, default): tested last
      }
      Label next = l.out.label();
      CodeBlock any = CodeBlock.join(tests, " || ");
      l.out.emit(new Instr.Branch(CodeBlock.of("!($L)", any), next, l.m.line(c)));
      if (guard != null) {
        CodeBlock g = l.withCaptures((ExpressionTree) guard);
        l.out.emit(new Instr.Branch(CodeBlock.of("!$L", Lowerer.paren(g)), next, l.m.line(guard)));
      }
      l.out.jump(labels.get(i), l.m.line(c));
      l.out.mark(next, l.m.line(c));
    }
    if (defaultCase >= 0) {
      l.out.jump(labels.get(defaultCase), line);
    } else {
      l.out.emit(new Instr.Throw(CodeBlock.of("new java.lang.MatchException(null, null)"), line));
    }
    return true;
  }

  /** The test of one label: a pattern (its frame bindings bound), null, an enum constant or a constant. */
  private static CodeBlock labelTest(Lowerer l, CodeBlock sel, TypeMirror type, Tree label) {
    if (label instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL) {
      return CodeBlock.of("$L == null", sel);
    }
    if (label instanceof ExpressionTree e) {
      javax.lang.model.element.Element x = l.m.element(e);
      if (x != null && x.getKind() == ElementKind.ENUM_CONSTANT) {
        return CodeBlock.of("$L == $L.$L", sel, l.scope.className((TypeElement) x.getEnclosingElement()),
            x.getSimpleName());
      }
      Printed constant = l.printer.print(e);
      if (l.m.type(e) instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName()
          .contentEquals("java.lang.String")) {
        return CodeBlock.of("$L.equals($L)", constant.code(), sel);
      }
      return CodeBlock.of("$L == $L", sel, constant.code());
    }
    // a pattern: o instanceof Circle(int r$p) && ((this.r = r$p) == r$p || true)
    Printed pattern = l.printer.print(l.m.start(label), l.m.end(label), List.of(label), Map.of(), true, Map.of());
    CodeBlock.Builder b = CodeBlock.builder().add("$L instanceof $L", sel, pattern.code());
    for (Facts.FrameLocal f : bindings(l, List.of(label))) {
      b.add(" && ((this.$L = $L) == $L || true)", f.name(), Printer.nativeName(f), Printer.nativeName(f));
    }
    return b.build();
  }

  private static boolean isNullLabel(Tree t) {
    if (t instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL) {
      return true;
    }
    for (Tree child : Children.of(t)) {
      if (child instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL) {
        return true;
      }
    }
    return false;
  }

  /** The label trees of a case (its constants or patterns, and its guard), without its body. */
  private static List<Tree> labelTrees(CaseTree c) {
    Set<Tree> body = Collections.newSetFromMap(new IdentityHashMap<>());
    if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
      body.add(c.getBody());
    }
    body.addAll(c.getStatements() == null ? List.of() : c.getStatements());
    List<Tree> out = new ArrayList<>();
    for (Tree t : Children.of(c)) {
      if (!body.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  private static boolean isDefault(List<Tree> labels) {
    return labels.isEmpty() || labels.stream().allMatch(t -> t.getKind().name().equals("DEFAULT_CASE_LABEL"));
  }

  private static boolean isPatternOrNull(Tree t) {
    String kind = t.getKind().name();
    if (kind.equals("PATTERN_CASE_LABEL") || kind.endsWith("_PATTERN")) {
      return true;
    }
    if (t instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL) {
      return true;
    }
    for (Tree child : Children.of(t)) {
      if (child instanceof LiteralTree lit && lit.getKind() == Tree.Kind.NULL_LITERAL) {
        return true;
      }
    }
    return false;
  }

  /** Selector types of switches that need not be exhaustive: integral, boxed, String, enum. */
  private static boolean isLegacy(Lowerer l, TypeMirror t) {
    if (t.getKind().isPrimitive()) {
      return true;
    }
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e) {
      if (e.getKind() == ElementKind.ENUM) {
        return true;
      }
      String n = e.getQualifiedName().toString();
      return List.of("java.lang.String", "java.lang.Integer", "java.lang.Character", "java.lang.Byte",
          "java.lang.Short").contains(n);
    }
    return t.getKind() == TypeKind.ERROR;
  }

  /** The frame locals a case's patterns bind. */
  private static List<Facts.FrameLocal> bindings(Lowerer l, List<Tree> labels) {
    List<Facts.FrameLocal> out = new ArrayList<>();
    TreeScanner<Void, Void> scanner = new TreeScanner<>() {
      @Override
      public Void visitVariable(VariableTree node, Void v) {
        Facts.FrameLocal f = l.facts.field(l.m.element(node));
        if (f != null) {
          out.add(f);
        }
        return super.visitVariable(node, v);
      }
    };
    for (Tree t : labels) {
      scanner.scan(t, null);
    }
    return out;
  }
}
