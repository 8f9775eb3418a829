package dev.baton.processor.lower;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.analyze.Analysis;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.emit.Printed;
import dev.baton.processor.emit.Scope;
import dev.baton.processor.support.Names;
import dev.baton.processor.support.TypeWriter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;

/**
 * Lowers expressions that await, keeping Java's evaluation order exactly (JLS 15.7): the operands of
 * an expression are evaluated left to right, and every operand evaluated before a later one that
 * awaits is <em>spilled</em> into a slot of its exact type (a frame field) unless its value cannot
 * change meanwhile (a literal, {@code this}, a lambda, a local the rest does not assign). The
 * expression is then written back with each lowered operand replaced by its value (the
 * <em>residual</em>):
 *
 * <pre>{@code
 * log.add(prefix() + await(rs.receive()));
 *   →  $s0 = prefix();                              // the left operand, before the await
 *      return $await(5, rs.receive());
 *   5: log.add($s0 + ((String) $value));            // log is a local nobody assigns: not spilled
 * }</pre>
 *
 * Operands that are evaluated only sometimes ({@code &&}, {@code ||}, {@code ?:}, switch
 * expressions) become branches. Compound assignment saves the variable's value before the right
 * operand (JLS 15.26.2): {@code a[i] += await(x)} → {@code $s0 = a; $s1 = i; $s2 = $s0[$s1];
 * await x; $s0[$s1] = (int) ($s2 + v)}.
 */
final class Expressions {
  private final Lowerer l;

  /** A residual: code valid at the current point, whether it may be read later, what it captures. */
  record Value(CodeBlock code, boolean stable, Set<Facts.FrameLocal> captured) {
    Value {
      captured = Set.copyOf(captured);
    }
  }

  Expressions(Lowerer l) {
    this.l = l;
  }

  // ---------------------------------------------------------------------------------------------
  // Statements made of expressions

  /** An expression statement that awaits. */
  void statement(ExpressionTree e, int line) {
    if (e instanceof MethodInvocationTree call && Analysis.isAwait(l.m, call)) {
      suspend(call);
      return; // the value is not used
    }
    Value v = value(e);
    l.out.code(l.withSnapshots(CodeBlock.of("$L;\n", v.code()), v.captured()), line);
  }

  /**
   * A declaration copied verbatim: a Java local stays a declaration; a frame local becomes an
   * assignment of its initializer (nothing if it has none). Returns null when there is nothing to
   * emit.
   */
  Printed declaration(VariableTree v) {
    Facts.FrameLocal f = l.facts.field(l.m.element(v));
    ExpressionTree init = v.getInitializer();
    if (f != null) {
      if (init == null) {
        return null;
      }
      Printed p = l.printer.print(init);
      CodeBlock value = arrayCreation(init, p.code());
      return new Printed(CodeBlock.of("$L = $L;\n", f.name(), value), p.captured(), p.jumps());
    }
    // a Java local: modifiers, type (or var), name, initializer
    Set<Facts.FrameLocal> captured = new LinkedHashSet<>();
    CodeBlock.Builder b = CodeBlock.builder().add(javaLocal(v, captured));
    if (init != null) {
      Printed p = l.printer.print(init);
      captured.addAll(p.captured());
      b.add(" = $L", p.code());
    }
    return new Printed(b.add(";\n").build(), captured, Set.of());
  }

  /** Whether the user declared {@code v} with {@code var} (javac gives its type tree no position). */
  private boolean isVar(VariableTree v) {
    Tree type = v.getType();
    int start = type == null ? -1 : l.m.start(type);
    int end = type == null ? -1 : l.m.end(type);
    int name = nameStart(v);
    if (start < 0 || end <= start || name >= 0 && end > name) {
      String text = name > l.m.start(v) ? l.m.text().substring(l.m.start(v), name).trim() : "";
      return text.endsWith("var") && (text.length() == 3 || !Character.isJavaIdentifierPart(text.charAt(text.length() - 4)));
    }
    return false;
  }

  /** The position of a declaration's name, or -1. */
  private int nameStart(VariableTree v) {
    String name = v.getName().toString();
    Tree type = v.getType();
    int from = type != null && l.m.end(type) > 0 ? Math.min(l.m.end(type), l.m.end(v)) : l.m.start(v);
    int end = l.m.end(v);
    String text = l.m.text();
    for (int i = text.indexOf(name, Math.max(0, from)); i >= 0 && i < end; i = text.indexOf(name, i + 1)) {
      boolean before = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1));
      boolean after = i + name.length() >= text.length() || !Character.isJavaIdentifierPart(text.charAt(i + name.length()));
      if (before && after) {
        return i;
      }
    }
    return -1;
  }

  /** {@code T x = init;} for a frame local whose initializer (or whose declaration's statement) awaits. */
  void assignDeclared(VariableTree v) {
    Facts.FrameLocal f = l.facts.field(l.m.element(v));
    ExpressionTree init = v.getInitializer();
    if (init == null) {
      return; // a split declaration always has an initializer (the await is in it)
    }
    // a local of the frame is assigned; a state local (Analysis#stateLocals) is declared here
    Set<Facts.FrameLocal> captured = new LinkedHashSet<>();
    CodeBlock target = f != null ? CodeBlock.of("$L", f.name()) : javaLocal(v, captured);
    int line = l.m.line(v);
    if (init instanceof MethodInvocationTree call && Analysis.isAwait(l.m, call)) {
      Value r = suspend(call);
      l.out.code(CodeBlock.of("$L = $L;\n", target, r.code()), line);
      return;
    }
    Value r = value(init);
    CodeBlock code = arrayCreation(init, r.code());
    l.out.code(l.withSnapshots(CodeBlock.of("$L = $L;\n", target, code), r.captured()), line);
  }

  /**
   * The declaration of a Java local up to its initializer: modifiers, type (or var), name; the
   * frame locals its modifiers' annotations read go to {@code captured}. The type is written as
   * javac gave it, qualified, so an annotation that applies only to types ({@code @NonNull String
   * s}) moves onto the type's simple name ({@code java.lang.@NonNull String s}): in front of a
   * qualified name it would not compile.
   */
  private CodeBlock javaLocal(VariableTree v, Set<Facts.FrameLocal> captured) {
    CodeBlock.Builder b = CodeBlock.builder();
    ModifiersTree mods = v.getModifiers();
    // var, or the type as javac gave it (one declarator of `int[] a, b[]` has the other's type tree)
    boolean var = isVar(v);
    String type = var ? "var" : l.scope.declared(l.m.element(v).asType());
    List<AnnotationTree> onType = new ArrayList<>();
    if (!var) {
      for (AnnotationTree a : mods.getAnnotations()) {
        if (appliesToTypesOnly(a)) {
          onType.add(a);
        }
      }
    }
    if (onType.isEmpty()) {
      if (!mods.getFlags().isEmpty() || !mods.getAnnotations().isEmpty()) {
        Printed p = l.printer.print(mods);
        captured.addAll(p.captured());
        b.add("$L ", p.code());
      }
      return b.add("$L $L", type, v.getName()).build();
    }
    CodeBlock.Builder typeAnnotations = CodeBlock.builder();
    for (AnnotationTree a : mods.getAnnotations()) {
      Printed p = l.printer.print(a);
      captured.addAll(p.captured());
      (onType.contains(a) ? typeAnnotations : b).add("$L ", p.code());
    }
    for (Modifier flag : mods.getFlags()) {
      b.add("$L ", flag);
    }
    return b.add("$L $L", onSimpleName(type, typeAnnotations.build().toString()), v.getName()).build();
  }

  /** Whether {@code a}'s interface may annotate types but not a local variable's declaration. */
  private boolean appliesToTypesOnly(AnnotationTree a) {
    if (!(l.m.element(a.getAnnotationType()) instanceof TypeElement t)) {
      return false;
    }
    Target target = t.getAnnotation(Target.class);
    if (target == null) {
      return false; // no @Target: declaration contexts only
    }
    List<ElementType> where = List.of(target.value());
    return where.contains(ElementType.TYPE_USE) && !where.contains(ElementType.LOCAL_VARIABLE);
  }

  /**
   * {@code annotations} put where they annotate the same type as in front of a declaration: before
   * the simple name of {@code type}'s outermost element type ({@code java.util.@A List<T>[]}).
   */
  private static String onSimpleName(String type, String annotations) {
    int end = type.length();
    for (int i = 0; i < type.length(); i++) {
      char c = type.charAt(i);
      if (c == '<' || c == '[') {
        end = i;
        break;
      }
    }
    int dot = type.lastIndexOf('.', end - 1);
    return type.substring(0, dot + 1) + annotations + type.substring(dot + 1);
  }

  /** {@code {1, 2}} where only an array initializer may stand: {@code new int[] {1, 2}} elsewhere. */
  private CodeBlock arrayCreation(ExpressionTree init, CodeBlock code) {
    if (Lowerer.isArrayInitializer(init) && !code.toString().startsWith("new ")) {
      return CodeBlock.of("new $L $L", l.scope.declared(l.m.type(init)), code);
    }
    return code;
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  /** Lowers {@code e}: emits what must run before its value is known; returns the residual. */
  Value value(ExpressionTree e) {
    if (!l.facts.suspends(e)) {
      Printed p = l.printer.print(e);
      return new Value(p.code(), false, p.captured());
    }
    if (e instanceof ParenthesizedTree p) {
      Value v = value(p.getExpression());
      return new Value(CodeBlock.of("($L)", v.code()), v.stable(), v.captured());
    }
    if (e instanceof MethodInvocationTree call) {
      return Analysis.isAwait(l.m, call) ? suspend(call) : withOperands(call, invocationOperands(call));
    }
    if (e instanceof NewClassTree n) {
      List<ExpressionTree> ops = new ArrayList<>();
      if (n.getEnclosingExpression() != null) {
        ops.add(n.getEnclosingExpression());
      }
      ops.addAll(n.getArguments());
      return withOperands(n, ops);
    }
    if (e instanceof NewArrayTree n) {
      List<ExpressionTree> ops = new ArrayList<>(n.getDimensions());
      if (n.getInitializers() != null) {
        ops.addAll(n.getInitializers());
      }
      Value v = withOperands(n, ops);
      return new Value(arrayCreation(n, v.code()), false, v.captured());
    }
    if (e instanceof ArrayAccessTree a) {
      return withOperands(a, List.of(a.getExpression(), a.getIndex()));
    }
    if (e instanceof MemberSelectTree s) {
      return withOperands(s, List.of(s.getExpression()));
    }
    if (e instanceof BinaryTree b) {
      if (b.getKind() == Tree.Kind.CONDITIONAL_AND || b.getKind() == Tree.Kind.CONDITIONAL_OR) {
        return shortCircuit(b);
      }
      return withOperands(b, List.of(b.getLeftOperand(), b.getRightOperand()));
    }
    if (e instanceof ConditionalExpressionTree c) {
      return conditional(c);
    }
    if (e instanceof UnaryTree u) {
      return withOperands(u, isIncrement(u) ? variableParts(u.getExpression()) : List.of(u.getExpression()));
    }
    if (e instanceof TypeCastTree c) {
      return withOperands(c, List.of(c.getExpression()));
    }
    if (e instanceof InstanceOfTree i) {
      return withOperands(i, List.of(i.getExpression()));
    }
    if (e instanceof AssignmentTree a) {
      List<ExpressionTree> ops = new ArrayList<>(variableParts(a.getVariable()));
      ops.add(a.getExpression());
      return withOperands(a, ops);
    }
    if (e instanceof CompoundAssignmentTree c) {
      return compound(c);
    }
    if (e instanceof SwitchExpressionTree s) {
      return Switches.expression(l, s);
    }
    if (e instanceof MemberReferenceTree r && isValue(r.getQualifierExpression())) {
      // JLS 15.13.3: the receiver is evaluated (and checked for null) where the reference stands,
      // once; only the method runs later, so an await in the receiver is an operand like a call's.
      return withOperands(r, List.of(r.getQualifierExpression()));
    }
    throw new IllegalStateException("cannot lower a " + e.getKind() + " at " + l.m.fileName() + ":" + l.m.line(e));
  }

  /** The receiver (when it is an expression) and the arguments of a call, in evaluation order. */
  private List<ExpressionTree> invocationOperands(MethodInvocationTree call) {
    List<ExpressionTree> ops = new ArrayList<>();
    if (call.getMethodSelect() instanceof MemberSelectTree s && isValue(s.getExpression())) {
      ops.add(s.getExpression());
    }
    ops.addAll(call.getArguments());
    return ops;
  }

  /** True if {@code e} denotes a value ({@code super} and type names do not). */
  private boolean isValue(ExpressionTree e) {
    if (e instanceof IdentifierTree id && id.getName().contentEquals("super")) {
      return false;
    }
    if (e instanceof MemberSelectTree s && s.getIdentifier().contentEquals("super")) {
      return false;
    }
    return !l.isTypeName(e);
  }

  /** The parts of a variable evaluated before it is read or written: {@code a} and {@code i} of {@code a[i]}. */
  private List<ExpressionTree> variableParts(ExpressionTree variable) {
    ExpressionTree v = Analysis.skipParens(variable);
    if (v instanceof ArrayAccessTree a) {
      return List.of(a.getExpression(), a.getIndex());
    }
    if (v instanceof MemberSelectTree s && isValue(s.getExpression())) {
      return List.of(s.getExpression());
    }
    return List.of();
  }

  private static boolean isIncrement(UnaryTree u) {
    return switch (u.getKind()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  /** Lowers {@code ops} in order (spilling as needed), then writes {@code e} with their residuals. */
  private Value withOperands(ExpressionTree e, List<ExpressionTree> ops) {
    Map<Tree, CodeBlock> replace = new IdentityHashMap<>();
    Set<Facts.FrameLocal> captured = new LinkedHashSet<>();
    List<Value> values = operands(ops, e);
    for (int i = 0; i < ops.size(); i++) {
      Value v = values.get(i);
      if (v != null) {
        replace.put(ops.get(i), v.code());
        captured.addAll(v.captured());
      }
    }
    Printed p = l.printer.print(e, replace, false);
    captured.addAll(p.captured());
    return new Value(p.code(), false, captured);
  }

  /**
   * Lowers operands evaluated left to right: each one before the last that awaits is spilled unless
   * its value cannot change meanwhile. Returns, per operand, its residual, or null for one left as
   * written (after the last await, or stable).
   */
  List<Value> operands(List<ExpressionTree> ops) {
    return operands(ops, null);
  }

  /**
   * {@link #operands(List)}, where {@code parent} is the expression the operands belong to: a boxed
   * operand that {@code parent} unboxes where it stands ({@link #unboxedInPlace}) and that a later
   * operand's await follows is kept in a slot of the primitive type, so a null throws before the
   * await, as javac's code does.
   */
  List<Value> operands(List<ExpressionTree> ops, ExpressionTree parent) {
    int last = -1;
    for (int i = 0; i < ops.size(); i++) {
      if (l.facts.suspends(ops.get(i))) {
        last = i;
      }
    }
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      ExpressionTree op = ops.get(i);
      if (i > last) {
        out.add(null);
      } else if (i == last) {
        out.add(value(op));
      } else if (parent instanceof NewClassTree n && op == n.getEnclosingExpression()) {
        // o.new Inner(await(x)): a null o throws before the arguments run (JLS 15.9.4)
        Value v = value(op);
        out.add(spill(new Value(CodeBlock.of("java.util.Objects.requireNonNull($L)", v.code()), false, v.captured()), op));
      } else if (parent != null && isBoxed(l.m.type(op)) && unboxedInPlace(parent, op)) {
        out.add(spill(value(op), l.m.types().unboxedType(l.m.type(op)), null));
      } else if (l.facts.suspends(op)) {
        Value v = value(op);
        out.add(v.stable() ? v : spill(v, op));
      } else if (stable(op, ops.subList(i + 1, last + 1))) {
        out.add(null);
      } else {
        out.add(spill(value(op), op));
      }
    }
    return out;
  }

  /** Keeps {@code v} in a slot of {@code tree}'s type; the slot's read is the new residual. */
  Value spill(Value v, ExpressionTree tree) {
    TypeMirror type = tree == null ? null : l.m.type(tree);
    return spill(v, type, tree != null && Lowerer.isArrayInitializer(tree) ? tree : null);
  }

  private Value spill(Value v, TypeMirror type, ExpressionTree initializer) {
    String declared = type == null ? "java.lang.Object" : l.scope.declared(type);
    Emitter.Slot s = l.out.slot(declared);
    CodeBlock code = initializer != null ? arrayCreation(initializer, v.code()) : v.code();
    l.out.code(l.withSnapshots(CodeBlock.of("$L = $L;\n", s.name(), code), v.captured()), 0);
    String read = s.name();
    if (type != null && !declared.equals(l.scope.cast(type))) {
      read = "((" + l.scope.cast(type) + ") " + read + ")";
    }
    return new Value(CodeBlock.of("$L", read), true, Set.of());
  }

  /**
   * True if {@code op}, written again after {@code later} have run, has the same value: a literal,
   * {@code this}, a class literal, a lambda, a constant, a local that {@code later} do not assign.
   */
  private boolean stable(ExpressionTree op, List<ExpressionTree> later) {
    ExpressionTree e = Analysis.skipParens(op);
    if (e instanceof LiteralTree || e instanceof LambdaExpressionTree) {
      return true;
    }
    if (e instanceof MemberReferenceTree r) {
      // x::m evaluates x where it stands and throws there if x is null (JLS 15.13.3): only a
      // receiver that cannot be null lets it wait until after a later await
      ExpressionTree q = Analysis.skipParens(r.getQualifierExpression());
      return l.isTypeName(q) || q instanceof IdentifierTree id
          && (id.getName().contentEquals("this") || id.getName().contentEquals("super"))
          || q instanceof MemberSelectTree s && (s.getIdentifier().contentEquals("this")
              || s.getIdentifier().contentEquals("super"));
    }
    if (e instanceof IdentifierTree id) {
      if (id.getName().contentEquals("this") || id.getName().contentEquals("super")) {
        return true;
      }
      Element x = l.m.element(id);
      if (x instanceof VariableElement var) {
        if (isFinalStatic(var) || var.getConstantValue() != null) {
          return true;
        }
        if (var.getKind() != ElementKind.FIELD && var.getKind() != ElementKind.ENUM_CONSTANT) {
          return !assigns(later, var);
        }
      }
      return false;
    }
    if (e instanceof MemberSelectTree s) {
      if (s.getIdentifier().contentEquals("class") || s.getIdentifier().contentEquals("this")) {
        return true;
      }
      return l.m.element(s) instanceof VariableElement var && (isFinalStatic(var) || var.getConstantValue() != null);
    }
    return false;
  }

  private static boolean isFinalStatic(VariableElement var) {
    return var.getModifiers().contains(Modifier.STATIC) && var.getModifiers().contains(Modifier.FINAL);
  }

  /** True if any of {@code trees} assigns {@code var} (=, op=, ++, --). */
  private boolean assigns(List<? extends Tree> trees, VariableElement var) {
    boolean[] found = {false};
    TreeScanner<Void, Void> scanner = new TreeScanner<>() {
      private void check(ExpressionTree target) {
        if (l.m.element(Analysis.skipParens(target)) == var) {
          found[0] = true;
        }
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void v) {
        check(node.getVariable());
        return super.visitAssignment(node, v);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void v) {
        check(node.getVariable());
        return super.visitCompoundAssignment(node, v);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void v) {
        if (isIncrement(node)) {
          check(node.getExpression());
        }
        return super.visitUnary(node, v);
      }
    };
    for (Tree t : trees) {
      scanner.scan(t, null);
    }
    return found[0];
  }

  // ---------------------------------------------------------------------------------------------
  // await

  /**
   * {@code await(a)} → {@code return $await(K, a); K: ((T) $value)}: the awaitable is evaluated in
   * the current state, the value read back in the resumed one with the await's exact type. A generic
   * call keeps its target type through {@code AsyncFrame.<T>$typed(a)}, so javac infers it as in
   * the source.
   */
  Value suspend(MethodInvocationTree call) {
    TypeMirror t = l.m.type(call);
    boolean object = t.getKind() == TypeKind.DECLARED && ((DeclaredType) t).asElement() instanceof TypeElement te
        && te.getQualifiedName().contentEquals("java.lang.Object");
    return new Value(awaitAndRead(call.getArguments().get(0), () -> l.scope.declared(l.boxed(t)),
        object ? null : l.scope.cast(l.boxed(t)), l.m.line(call)), false, Set.of());
  }

  /**
   * {@code return e} inside a try that handles or finishes it ({@code Facts.guardedTails}): awaits
   * {@code e} where it stands, as {@code return done(await(e))} would; the residual is the result,
   * of the coroutine's result type.
   */
  CodeBlock awaitInPlace(ExpressionTree e) {
    return awaitAndRead(e, () -> l.result, l.result.equals("java.lang.Object") ? null : l.result, l.m.line(e));
  }

  /**
   * Evaluates the awaitable {@code arg} (a generic call typed {@code typed()} through
   * {@code $typed}), suspends on it, and returns the value read back in the resumed state, cast to
   * {@code cast} (null: left an Object).
   */
  private CodeBlock awaitAndRead(ExpressionTree arg, java.util.function.Supplier<String> typed, String cast, int line) {
    Value a = value(arg);
    CodeBlock awaitable = l.withCaptures(a, arg);
    if (needsTarget(arg)) {
      awaitable = CodeBlock.of("$L.<$L>$$typed($L)", Names.ASYNC_FRAME, typed.get(), awaitable);
    }
    Label resume = l.out.label();
    l.out.emit(new Instr.Suspend(awaitable, resume, line));
    l.out.mark(resume, line);
    return cast == null ? CodeBlock.of("$$value") : CodeBlock.of("(($L) $$value)", cast);
  }

  /** A poly expression whose type javac infers from its target: a generic call, a diamond. */
  private boolean needsTarget(ExpressionTree e) {
    e = Analysis.skipParens(e);
    if (e instanceof MethodInvocationTree call) {
      return l.m.element(call) instanceof ExecutableElement x && !x.getTypeParameters().isEmpty()
          && call.getTypeArguments().isEmpty();
    }
    if (e instanceof NewClassTree n) {
      return n.getIdentifier() instanceof com.sun.source.tree.ParameterizedTypeTree p && p.getTypeArguments().isEmpty();
    }
    return e instanceof ConditionalExpressionTree || e instanceof SwitchExpressionTree;
  }

  // ---------------------------------------------------------------------------------------------
  // Branching operators

  /** {@code a && b} → {@code $s = a; if (!$s) goto J; $s = b; J: $s} ({@code ||}: if ($s) goto J). */
  private Value shortCircuit(BinaryTree b) {
    int line = l.m.line(b);
    Emitter.Slot s = l.out.slot("boolean");
    Value left = value(b.getLeftOperand());
    l.out.code(l.withSnapshots(CodeBlock.of("$L = $L;\n", s.name(), left.code()), left.captured()), line);
    Label end = l.out.label();
    boolean and = b.getKind() == Tree.Kind.CONDITIONAL_AND;
    l.out.emit(new Instr.Branch(CodeBlock.of(and ? "!$L" : "$L", s.name()), end, line));
    Value right = value(b.getRightOperand());
    l.out.code(l.withSnapshots(CodeBlock.of("$L = $L;\n", s.name(), right.code()), right.captured()), line);
    l.out.jump(end, line);
    l.out.mark(end, line);
    return new Value(CodeBlock.of("$L", s.name()), true, Set.of());
  }

  /**
   * {@code c ? a : b} where {@code a} or {@code b} awaits → {@code if (!(c)) goto F; $s = a; goto J;
   * F: $s = b; J: $s}, with the slot of the conditional's own type (JLS 15.25).
   */
  private Value conditional(ConditionalExpressionTree c) {
    if (!l.facts.suspends(c.getTrueExpression()) && !l.facts.suspends(c.getFalseExpression())) {
      return withOperands(c, List.of(c.getCondition()));
    }
    int line = l.m.line(c);
    TypeMirror type = l.m.type(c);
    String declared = l.scope.declared(type);
    Emitter.Slot s = l.out.slot(declared);
    CodeBlock cond = l.withCaptures(c.getCondition());
    Label otherwise = l.out.label();
    Label end = l.out.label();
    l.out.emit(new Instr.Branch(CodeBlock.of("!$L", Lowerer.paren(cond)), otherwise, line));
    assignBranch(s, c.getTrueExpression(), line);
    l.out.jump(end, line);
    l.out.mark(otherwise, line);
    assignBranch(s, c.getFalseExpression(), line);
    l.out.jump(end, line);
    l.out.mark(end, line);
    return slotValue(s, type);
  }

  private void assignBranch(Emitter.Slot s, ExpressionTree e, int line) {
    Value v = value(e);
    l.out.code(l.withSnapshots(CodeBlock.of("$L = $L;\n", s.name(), v.code()), v.captured()), line);
  }

  /** The read of a slot, cast back where the declared stand-in is wider than the type. */
  Value slotValue(Emitter.Slot s, TypeMirror type) {
    String read = s.name();
    String cast = l.scope.cast(type);
    if (!cast.equals(s.type())) {
      read = "((" + cast + ") " + read + ")";
    }
    return new Value(CodeBlock.of("$L", read), true, Set.of());
  }

  /** Whether binary {@code b} unboxes its left operand (JLS 5.6: numeric promotion, or a boolean operator). */
  private boolean unboxes(BinaryTree b) {
    if (!isBoxed(l.m.type(b.getLeftOperand()))) {
      return false;
    }
    Tree.Kind k = b.getKind();
    if (k == Tree.Kind.EQUAL_TO || k == Tree.Kind.NOT_EQUAL_TO) {
      TypeMirror other = l.m.type(b.getRightOperand());
      return other != null && other.getKind().isPrimitive(); // else a reference comparison
    }
    TypeMirror result = l.m.type(b);
    return result != null && result.getKind().isPrimitive(); // + with a String is a concatenation
  }

  /**
   * Whether {@code parent} converts its operand {@code op} to a primitive as soon as it is evaluated
   * (javac unboxes there): the left operand of an operator that unboxes it ({@link #unboxes}), an
   * argument for a primitive parameter (or a primitive varargs element), an array index or
   * dimension, an element of a primitive array's initializer. So {@code v + await(x)} with
   * {@code Integer v} becomes {@code $s0 = v; await x; $s0 + v'} ({@code int $s0}), even for a
   * local nobody assigns.
   */
  private boolean unboxedInPlace(ExpressionTree parent, ExpressionTree op) {
    if (parent instanceof BinaryTree b) {
      return b.getLeftOperand() == op && unboxes(b);
    }
    if (parent instanceof AssignmentTree a) {
      parent = Analysis.skipParens(a.getVariable()); // a[i] = ...: the index
    }
    if (parent instanceof ArrayAccessTree a) {
      return a.getIndex() == op;
    }
    if (parent instanceof NewArrayTree n) {
      if (n.getDimensions().stream().anyMatch(d -> d == op)) {
        return true;
      }
      return l.m.type(n) instanceof javax.lang.model.type.ArrayType t && t.getComponentType().getKind().isPrimitive();
    }
    List<? extends ExpressionTree> args = parent instanceof MethodInvocationTree c ? c.getArguments()
        : parent instanceof NewClassTree n ? n.getArguments() : List.of();
    int j = -1;
    for (int k = 0; k < args.size(); k++) {
      if (args.get(k) == op) {
        j = k;
      }
    }
    if (j < 0 || !(l.m.element(parent) instanceof javax.lang.model.element.ExecutableElement x)) {
      return false;
    }
    List<? extends javax.lang.model.element.VariableElement> params = x.getParameters();
    if (x.isVarArgs() && j >= params.size() - 1) {
      TypeMirror last = params.get(params.size() - 1).asType();
      boolean spread = args.size() != params.size()
          || l.m.type(op) == null || l.m.type(op).getKind() != javax.lang.model.type.TypeKind.ARRAY;
      return spread && last instanceof javax.lang.model.type.ArrayType t && t.getComponentType().getKind().isPrimitive();
    }
    return j < params.size() && params.get(j).asType().getKind().isPrimitive();
  }

  /** A box of a primitive ({@code Integer}, {@code Boolean}, ...). */
  private boolean isBoxed(TypeMirror t) {
    if (t == null || t.getKind() != javax.lang.model.type.TypeKind.DECLARED) {
      return false;
    }
    try {
      return l.m.types().unboxedType(t).getKind().isPrimitive();
    } catch (IllegalArgumentException notABox) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Compound assignment

  /**
   * {@code v op= e} where {@code e} awaits: the variable's parts are evaluated and its value saved
   * first, then {@code e}, then the store with the implicit cast (JLS 15.26.2):
   * {@code o.f += await(x)} → {@code $s0 = o; $s1 = $s0.f; await x; $s0.f = (int) ($s1 + v)}. A local
   * that {@code e} does not assign needs no saving: {@code n += await(x)} stays as it is.
   */
  private Value compound(CompoundAssignmentTree c) {
    ExpressionTree variable = Analysis.skipParens(c.getVariable());
    List<ExpressionTree> parts = variableParts(variable);
    if (!l.facts.suspends(c.getExpression())) {
      return withOperands(c, parts);
    }
    Element target = l.m.element(variable);
    boolean local = variable instanceof IdentifierTree && target instanceof VariableElement var
        && var.getKind() != ElementKind.FIELD;
    // a boxed variable (never a String: its += is numeric) is unboxed as its value is saved, so a
    // null throws before the right side runs, as javac's code does
    TypeMirror type = l.m.type(variable);
    boolean unbox = isBoxed(type);
    if (local && !unbox && !assigns(List.of(c.getExpression()), (VariableElement) target)) {
      return withOperands(c, List.of(c.getExpression()));
    }
    Set<Facts.FrameLocal> captured = new LinkedHashSet<>();
    List<Value> values = operands(parts.isEmpty() ? List.of() : parts, variable);
    // the parts are read again after the await: keep them whatever they are
    List<CodeBlock> partCode = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Value v = values.get(i) != null ? values.get(i) : value(parts.get(i));
      if (!v.stable() && !stable(parts.get(i), List.of(c.getExpression()))) {
        v = spill(v, parts.get(i));
      }
      captured.addAll(v.captured());
      partCode.add(v.code());
    }
    CodeBlock place = place(variable, partCode);
    Value saved = spill(new Value(place, false, captured), unbox ? l.m.types().unboxedType(type) : type, null);
    Value right = value(c.getExpression());
    captured = new LinkedHashSet<>(right.captured());
    CodeBlock cast = l.scope.compoundCast(type);
    CodeBlock result = CodeBlock.of("$L = $L($L $L $L)", place, cast, saved.code(), Scope.compoundOperator(c.getKind()),
        Lowerer.paren(right.code()));
    return new Value(result, false, captured); // an assignment, as the compound assignment was
  }

  /** The variable written with its evaluated parts. */
  private CodeBlock place(ExpressionTree variable, List<CodeBlock> parts) {
    if (variable instanceof ArrayAccessTree) {
      return CodeBlock.of("$L[$L]", parts.get(0), parts.get(1));
    }
    if (variable instanceof MemberSelectTree s && !parts.isEmpty()) {
      return CodeBlock.of("$L.$L", parts.get(0), s.getIdentifier());
    }
    return l.printer.print(variable).code();
  }

  // ---------------------------------------------------------------------------------------------
  // Types

  /** The element type of an {@code Iterable}, as a type argument of {@code Iterator<...>}. */
  /** True if the element type is an intersection: the iterator then yields its first bound. */
  boolean iterableElementNeedsCast(TypeMirror t) {
    TypeMirror found = findIterable(t, new java.util.HashSet<>());
    if (found instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
      TypeMirror a = d.getTypeArguments().get(0);
      return a.getKind() == TypeKind.INTERSECTION;
    }
    return false;
  }

  String iterableElement(TypeMirror t) {
    TypeMirror found = findIterable(t, new java.util.HashSet<>());
    if (found instanceof DeclaredType d && !d.getTypeArguments().isEmpty()) {
      TypeMirror a = d.getTypeArguments().get(0);
      if (TypeWriter.isCapture(a)) {
        TypeMirror upper = ((TypeVariable) a).getUpperBound();
        return "? extends " + l.scope.declared(upper);
      }
      if (a.getKind() == TypeKind.WILDCARD) {
        return a.toString().equals("?") ? "?" : l.scope.declared(a);
      }
      if (!l.scope.declared(a).equals(l.scope.cast(a))) {
        return "? extends " + l.scope.declared(a); // an intersection: its first bound
      }
      return l.scope.declared(a);
    }
    return "?";
  }

  private TypeMirror findIterable(TypeMirror t, Set<String> seen) {
    if (t instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.lang.Iterable")) {
      return t;
    }
    if (!seen.add(t.toString())) {
      return null;
    }
    List<? extends TypeMirror> supers = t.getKind() == TypeKind.TYPEVAR
        ? List.of(((TypeVariable) t).getUpperBound()) : l.m.types().directSupertypes(t);
    for (TypeMirror s : supers) {
      TypeMirror r = findIterable(s, seen);
      if (r != null) {
        return r;
      }
    }
    return null;
  }
}
