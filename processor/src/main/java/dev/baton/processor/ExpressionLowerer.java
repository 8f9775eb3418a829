package dev.baton.processor;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Lowers expressions that contain awaits, keeping Java's evaluation order exactly (JLS 15.7): the
 * operands evaluated before an await are <em>spilled</em> into {@code Object} slots of the frame, the
 * await suspends, and the rest of the expression is evaluated when the frame resumes.
 *
 * <pre>{@code
 * // user:       log.add(prefix() + await(rs.receive()));
 * // generated:  this.$s0 = log;                                    // receiver first
 * //             this.$s1 = prefix();                               // left operand before the await
 * //             return $await(5, rs.receive());
 * //   case 5:   Witness.as(W(log), $s0).add(Witness.as(W(prefix()), $s1) + Witness.as(W(await(...)), $value));
 * }</pre>
 *
 * A spilled value is read back through {@link dev.baton.lowlevel.Witness}: a never-invoked lambda
 * whose body is the original expression gives javac the exact static type. Operands that cannot
 * change across the await (literals, lambdas, {@code this}, locals the statement does not assign)
 * are not spilled. {@code &&}, {@code ||} and {@code ?:} whose later operands await become branches.
 */
final class ExpressionLowerer {
  private static final String WITNESS = "dev.baton.lowlevel.Witness";

  private final Lowerer lowerer;
  private final StateMachine sm;
  /** Codes that read a slot written once: they need no second spill. */
  private final Set<Code> stable = Collections.newSetFromMap(new IdentityHashMap<>());
  private Set<String> assigned = Set.of();
  /** An await whose value goes to a variable of a known reference type, and that type. */
  private Tree targetTree;
  private String targetType;
  private int depth;

  ExpressionLowerer(Lowerer lowerer) {
    this.lowerer = lowerer;
    this.sm = lowerer.sm;
  }

  /**
   * Like {@link #lower(ExpressionTree)}, for an expression whose value is assigned to a variable of
   * type {@code type}: if it is an await, the awaited expression gets that target type (generic calls
   * such as {@code tg.start(st -> ...)} infer their type arguments from it, as in the source).
   */
  Code lower(ExpressionTree e, String type) {
    ExpressionTree s = strip(e);
    if (type != null && lowerer.analysis.isAwait(s) && !new Local("", "", type).isPrimitive()
        && !type.equals("java.lang.Object")) {
      targetTree = s;
      targetType = type;
    }
    try {
      return lower(e);
    } finally {
      targetTree = null;
      targetType = null;
    }
  }

  /** The residual code of {@code e}: spills and suspensions are emitted; the result is what remains. */
  Code lower(ExpressionTree e) {
    if (depth == 0) {
      assigned = assignedNames(e);
    }
    depth++;
    try {
      return lowerInner(e);
    } finally {
      depth--;
    }
  }

  private Code lowerInner(ExpressionTree e) {
    if (!lowerer.analysis.suspends(e)) {
      return lowerer.print(e);
    }
    if (lowerer.analysis.isAwait(e)) {
      MethodInvocationTree call = (MethodInvocationTree) e;
      boolean typed = e == targetTree;
      String type = targetType;
      targetTree = null;
      Code arg = lowerInner(call.getArguments().get(0));
      if (typed) {
        arg = arg.map("dev.baton.lowlevel.AsyncFrame.<" + type + ">$typed(" + arg.text() + ")");
      }
      suspend(arg);
      return Code.of(readBack(call, "$value"));
    }
    if (e instanceof BinaryTree b && (e.getKind() == Tree.Kind.CONDITIONAL_AND
        || e.getKind() == Tree.Kind.CONDITIONAL_OR) && lowerer.analysis.suspends(b.getRightOperand())) {
      return shortCircuit(b, e.getKind() == Tree.Kind.CONDITIONAL_AND);
    }
    if (e instanceof ConditionalExpressionTree c && (lowerer.analysis.suspends(c.getTrueExpression())
        || lowerer.analysis.suspends(c.getFalseExpression()))) {
      return conditional(c);
    }
    if (e instanceof SwitchExpressionTree sw && sw.getCases().stream().anyMatch(c -> lowerer.analysis.suspends(c))) {
      return switchExpression(sw);
    }
    if (e instanceof CompoundAssignmentTree ca && lowerer.analysis.suspends(ca.getExpression())
        && !(strip(ca.getVariable()) instanceof IdentifierTree id && lowerer.lookup(id.getName().toString()) != null)) {
      throw new UserError(Problem.at(e, Diag.AsyncUnsupportedPosition,
          "the right operand of a compound assignment to a field or array element",
          "Assign the awaited value to a local first, then combine"));
    }
    if (e instanceof AssignmentTree a && strip(a.getVariable()) instanceof IdentifierTree id
        && lowerer.lookup(id.getName().toString()) != null && lowerer.analysis.isAwait(strip(a.getExpression()))
        && !new Local("", "", lowerer.lookup(id.getName().toString()).type()).isPrimitive()) {
      targetTree = strip(a.getExpression());
      targetType = lowerer.lookup(id.getName().toString()).type();
    }
    List<ExpressionTree> kids = valueChildren(e);
    int last = -1;
    for (int i = 0; i < kids.size(); i++) {
      if (lowerer.analysis.suspends(kids.get(i))) {
        last = i;
      }
    }
    Map<Tree, Code> overrides = new IdentityHashMap<>();
    for (int i = 0; i <= last; i++) {
      ExpressionTree kid = kids.get(i);
      Code c = lowerInner(kid);
      if (i < last && needsSpill(kid, c)) {
        String slot = sm.newSlot();
        lowerer.emit(c.map("this." + slot + " = " + c.text() + ";"), false);
        c = stableCode(readBack(kid, "this." + slot));
      }
      overrides.put(kid, c);
    }
    return lowerer.rewriter.print(e, lowerer::lookup, lowerer.leaps, overrides, false);
  }

  /** Suspends on the awaitable {@code awaitable}; the following code runs in the resume state. */
  void suspend(Code awaitable) {
    int resume = sm.newState();
    lowerer.emit(awaitable.map("return $await(" + resume + ", " + awaitable.text() + ");"), true);
    sm.mark(resume);
    sm.emit("if ($error != null) throw $error;");
  }

  private Code stableCode(String text) {
    Code c = Code.of(text);
    stable.add(c);
    return c;
  }

  /**
   * {@code a && await(b)} → {@code if (!(a)) { $s = false; goto J; } $s = await(b); J: ((boolean) $s)}.
   */
  private Code shortCircuit(BinaryTree b, boolean and) {
    Code left = lowerInner(b.getLeftOperand());
    String slot = sm.newSlot();
    int join = sm.newState();
    lowerer.emit(left.map("if (" + (and ? "!" : "") + Lowerer.paren(left.text()) + ") { this." + slot + " = "
        + !and + "; " + StateMachine.jumpText(join) + " }"), false);
    Code right = lowerInner(b.getRightOperand());
    lowerer.emit(right.map("this." + slot + " = " + right.text() + ";"), false);
    sm.jump(join);
    sm.mark(join);
    return stableCode("((boolean) this." + slot + ")");
  }

  /**
   * {@code c ? await(a) : b} → {@code $c = c; if (!$c) goto F; $t = await(a); goto J; F: $f = b; J:} and
   * the residual {@code ($c ? W(a) $t : W(b) $f)}: the conditional keeps its own shape, so javac still
   * types it in its real context (a reference conditional such as {@code c ? await(i) : 7L} takes its
   * type from its target, JLS 15.25), and only the chosen operand's slot is ever read.
   */
  private Code conditional(ConditionalExpressionTree c) {
    Code cond = lowerInner(c.getCondition());
    String condSlot = sm.newSlot();
    int otherwise = sm.newState();
    int join = sm.newState();
    lowerer.emit(cond.map("this." + condSlot + " = " + Lowerer.paren(cond.text()) + "; if (!((boolean) this."
        + condSlot + ")) { " + StateMachine.jumpText(otherwise) + " }"), false);
    Code t = branch(c.getTrueExpression());
    sm.jump(join);
    sm.mark(otherwise);
    Code f = branch(c.getFalseExpression());
    sm.jump(join);
    sm.mark(join);
    return stableCode("(((boolean) this." + condSlot + ") ? " + t.text() + " : " + f.text() + ")");
  }

  /** One operand of a split conditional: evaluated and, unless it cannot change, kept in a slot. */
  private Code branch(ExpressionTree e) {
    Code c = lowerInner(e);
    if (!needsSpill(e, c)) {
      return c;
    }
    String slot = sm.newSlot();
    lowerer.emit(c.map("this." + slot + " = " + c.text() + ";"), false);
    return Code.of(readBack(e, "this." + slot));
  }

  /**
   * A switch expression whose cases await → a dispatch on the selector, each case lowered as
   * statements, each yield site {@code k} storing its value in a slot and {@code k} in an index slot,
   * then the residual {@code switch ((int) $idx) { case 0 -> W(v0) $s0; case 1 -> W(v1) $s1; ... }}: the
   * expression keeps its own shape (and typing), and only the taken site's slot is read.
   */
  private Code switchExpression(SwitchExpressionTree sw) {
    String why = SwitchExpressions.unsupported(sw);
    if (why != null) {
      throw new UserError(Problem.at(sw, Diag.AsyncUnsupportedPosition, "inside a case of a switch expression " + why,
          "Use arrow cases whose blocks end in a top-level yield, or a switch statement that assigns a local"));
    }
    Code selector = lowerInner(sw.getExpression());
    String index = sm.newSlot();
    int end = sm.newState();
    List<? extends com.sun.source.tree.CaseTree> cases = sw.getCases();
    List<Integer> states = new ArrayList<>();
    boolean hasDefault = lowerer.dispatch(selector, cases, states);
    if (!hasDefault) {
      sm.emitEnd("throw new java.lang.IncompatibleClassChangeError(\"no case of the switch expression matched\");");
    }
    List<String> arms = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      sm.mark(states.get(i));
      Tree body = cases.get(i).getBody();
      java.util.function.Consumer<ExpressionTree> yieldSite = value -> {
        int k = arms.size();
        Code v = lower(value);
        String slot = sm.newSlot();
        lowerer.emit(v.map("this." + slot + " = " + v.text() + "; this." + index + " = " + k + "; "
            + StateMachine.jumpText(end)), true);
        arms.add(readBack(value, "this." + slot));
      };
      if (body instanceof ExpressionTree et) {
        yieldSite.accept(et);
      } else if (body instanceof com.sun.source.tree.BlockTree block) {
        lowerer.armStatements(block.getStatements(), yieldSite);
      } else {
        lowerer.armStatements(List.of((com.sun.source.tree.StatementTree) body), yieldSite);
      }
      if (sm.isOpen()) {
        sm.emitEnd("throw new java.lang.IllegalStateException(\"switch expression case completed without yield\");");
      }
    }
    sm.mark(end);
    StringBuilder residual = new StringBuilder("(switch ((int) this." + index + ") {");
    for (int k = 0; k < arms.size(); k++) {
      residual.append(" case ").append(k).append(" -> ").append(arms.get(k)).append(';');
    }
    residual.append(" default -> throw new java.lang.IllegalStateException(\"switch expression\"); })");
    return stableCode(residual.toString());
  }

  /** The operands of {@code e} that Java evaluates as values, in evaluation order. */
  private List<ExpressionTree> valueChildren(ExpressionTree e) {
    List<ExpressionTree> out = new ArrayList<>();
    if (e instanceof ParenthesizedTree p) {
      out.add(p.getExpression());
    } else if (e instanceof MethodInvocationTree m) {
      if (m.getMethodSelect() instanceof MemberSelectTree ms && isValue(ms.getExpression())) {
        out.add(ms.getExpression());
      }
      out.addAll(m.getArguments());
    } else if (e instanceof NewClassTree n) {
      if (n.getEnclosingExpression() != null) {
        out.add(n.getEnclosingExpression());
      }
      out.addAll(n.getArguments());
    } else if (e instanceof NewArrayTree n) {
      out.addAll(n.getDimensions());
      if (n.getInitializers() != null) {
        out.addAll(n.getInitializers());
      }
    } else if (e instanceof BinaryTree b) {
      out.add(b.getLeftOperand());
      out.add(b.getRightOperand());
    } else if (e instanceof AssignmentTree a) {
      lhsParts(a.getVariable(), out);
      out.add(a.getExpression());
    } else if (e instanceof CompoundAssignmentTree a) {
      lhsParts(a.getVariable(), out);
      out.add(a.getExpression());
    } else if (e instanceof UnaryTree u) {
      switch (e.getKind()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> lhsParts(u.getExpression(), out);
        default -> out.add(u.getExpression());
      }
    } else if (e instanceof TypeCastTree t) {
      out.add(t.getExpression());
    } else if (e instanceof InstanceOfTree i) {
      out.add(i.getExpression());
    } else if (e instanceof ArrayAccessTree a) {
      out.add(a.getExpression());
      out.add(a.getIndex());
    } else if (e instanceof MemberSelectTree m) {
      out.add(m.getExpression());
    } else if (e instanceof ConditionalExpressionTree c) {
      out.add(c.getCondition());
      out.add(c.getTrueExpression());
      out.add(c.getFalseExpression());
    } else if (e instanceof SwitchExpressionTree s) {
      out.add(s.getExpression());
    } else {
      throw new UserError(Problem.at(e, Diag.AsyncUnsupportedPosition,
          "inside a " + e.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
          "Assign the awaited value to a local first and use the local here"));
    }
    return out;
  }

  private void lhsParts(ExpressionTree variable, List<ExpressionTree> out) {
    ExpressionTree v = strip(variable);
    if (v instanceof ArrayAccessTree a) {
      out.add(a.getExpression());
      out.add(a.getIndex());
    } else if (v instanceof MemberSelectTree m && isValue(m.getExpression())) {
      out.add(m.getExpression());
    }
  }

  private static ExpressionTree strip(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e;
  }

  /** True if {@code t} denotes a value (not a type or package name) where a qualifier may stand. */
  private boolean isValue(ExpressionTree t) {
    if (t instanceof IdentifierTree id) {
      String n = id.getName().toString();
      return n.equals("this") || n.equals("super") || lowerer.lookup(n) != null || lowerer.resolver.isField(n);
    }
    if (t instanceof MemberSelectTree ms) {
      if (ms.getIdentifier().contentEquals("class") || ms.getIdentifier().contentEquals("this")) {
        return true;
      }
      if (isValue(ms.getExpression())) {
        return true;
      }
      TypeElement type = lowerer.resolver.resolveType(ms.getExpression());
      if (type != null) {
        for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
          if (member.getSimpleName().contentEquals(ms.getIdentifier())) {
            return false;
          }
        }
        return true; // a static field
      }
      return false; // a package-qualified type name
    }
    return true;
  }

  /** True unless the operand's value cannot change between its evaluation and the await. */
  private boolean needsSpill(ExpressionTree kid, Code code) {
    if (stable.contains(code)) {
      return false;
    }
    ExpressionTree k = strip(kid);
    switch (k.getKind()) {
      case INT_LITERAL, LONG_LITERAL, FLOAT_LITERAL, DOUBLE_LITERAL, BOOLEAN_LITERAL, CHAR_LITERAL, STRING_LITERAL,
          NULL_LITERAL, LAMBDA_EXPRESSION, MEMBER_REFERENCE:
        return false;
      case IDENTIFIER: {
        String n = ((IdentifierTree) k).getName().toString();
        if (n.equals("this")) {
          return false;
        }
        return lowerer.lookup(n) == null || assigned.contains(n);
      }
      case MEMBER_SELECT:
        return !((MemberSelectTree) k).getIdentifier().contentEquals("class");
      default:
        return true;
    }
  }

  /** The names a statement's expression assigns (=, op=, ++, --), outside lambda bodies. */
  private static Set<String> assignedNames(ExpressionTree e) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      private void note(ExpressionTree v) {
        if (strip(v) instanceof IdentifierTree id) {
          names.add(id.getName().toString());
        }
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void v) {
        note(node.getVariable());
        return super.visitAssignment(node, v);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void v) {
        note(node.getVariable());
        return super.visitCompoundAssignment(node, v);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void v) {
        switch (node.getKind()) {
          case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> note(node.getExpression());
          default -> { }
        }
        return super.visitUnary(node, v);
      }
    }.scan(e, null);
    return names;
  }

  // ---------------------------------------------------------------------------------------------
  // Witnesses

  /**
   * {@code value} (an Object) read back as the static type of {@code e}. The value of
   * {@code await(a)} uses {@code Witness.awaited} with {@code a} as the witness (one overload: cheap
   * to compile); anything else {@code Witness.as} with {@code e} itself.
   */
  String readBack(ExpressionTree e, String value) {
    ExpressionTree s = strip(e);
    if (lowerer.analysis.isAwait(s) && lowerer.resolver.isBatonAwait((MethodInvocationTree) s)) {
      String arg = lowerer.rewriter.print(((MethodInvocationTree) s).getArguments().get(0), lowerer::lookup, null,
          Map.of(), true).text();
      return WITNESS + ".awaited((" + lowerer.frameName + " $f) -> " + arg + ", " + value + ")";
    }
    return WITNESS + ".as(" + witness(e) + ", " + value + ")";
  }

  /** A never-invoked lambda whose result type is the static type of {@code e}. */
  String witness(ExpressionTree e) {
    String text = lowerer.rewriter.print(e, lowerer::lookup, null, Map.of(), true).text();
    String head = "(" + lowerer.frameName + " $f) -> { ";
    if (mayBeConstant(e)) {
      // a constant would narrow to byte/short/char in overload resolution: give it a variable's type
      return head + "var $w = " + text + "; return $w; }";
    }
    return head + "return " + text + "; }";
  }

  /** A witness of the element type of iterating {@code source}. */
  String elementWitness(ExpressionTree source) {
    String text = lowerer.rewriter.print(source, lowerer::lookup, null, Map.of(), true).text();
    return "(" + lowerer.frameName + " $f) -> { for (var $w : " + text + ") { return $w; } "
        + "throw new java.lang.AssertionError(); }";
  }

  /** Converts {@code value} (an Object) to the variable type {@code type}. */
  String convert(String type, String witness, String value) {
    if (new Local("", "", type).isPrimitive()) {
      return WITNESS + ".as(" + witness + ", " + value + ")";
    }
    return "(" + type + ") " + value;
  }

  private static boolean mayBeConstant(ExpressionTree e) {
    boolean[] constant = {true};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void v) {
        if (tree == null || !constant[0]) {
          return null;
        }
        if (tree instanceof ExpressionTree && !(tree instanceof IdentifierTree || tree instanceof MemberSelectTree
            || tree instanceof ParenthesizedTree || tree instanceof TypeCastTree || tree instanceof BinaryTree
            || tree instanceof ConditionalExpressionTree || tree instanceof com.sun.source.tree.LiteralTree
            || (tree instanceof UnaryTree && !isIncrement(tree)))) {
          constant[0] = false;
          return null;
        }
        if (tree instanceof TypeCastTree cast) {
          return scan(cast.getExpression(), v);
        }
        return super.scan(tree, v);
      }
    }.scan(e, null);
    return constant[0];
  }

  private static boolean isIncrement(Tree t) {
    return switch (t.getKind()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }
}
