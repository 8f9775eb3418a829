package dev.baton.processor.lower;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import dev.baton.processor.analyze.Analysis;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.emit.Printed;
import dev.baton.processor.emit.Printer;
import dev.baton.processor.emit.Scope;
import dev.baton.processor.parse.AsyncMethod;
import dev.baton.processor.support.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The lower phase: an {@code @Async} body into a {@link Machine}. A statement without a switch point
 * is copied verbatim (through {@link Printer}); every other statement has a rule here, one method
 * per construct family, each documented with its shape and in {@code docs/lowering.md} with an
 * example. Expressions that await are {@link Expressions}' job.
 *
 * <p>Jumps go through a stack of targets (regenerator's leap manager): a {@code break},
 * {@code continue}, {@code return} or {@code yield} that leaves a lowered {@code try} with a
 * {@code finally} (or a resource to close) records a pending completion and runs the finally first.
 *
 * <p>Validation has already rejected every body the lowering cannot take: nothing here reports a
 * user error; a broken assumption is an internal error.
 */
public final class Lowerer {
  static final int NORMAL = 0;
  static final int THROW = 1;
  static final int RETURN = 2;
  static final int TAIL = 3;

  final AsyncMethod m;
  final Facts facts;
  final Scope scope;
  final Emitter out = new Emitter();
  final Printer printer;
  final Expressions expressions;
  private final Deque<Target> targets = new ArrayDeque<>();
  private final List<CodeBlock> members = new ArrayList<>();
  /** The coroutine's result type, as written in declarations. */
  final String result;

  private Lowerer(AsyncMethod m, Facts facts, Scope scope, String result) {
    this.m = m;
    this.facts = facts;
    this.scope = scope;
    this.result = result;
    this.printer = new Printer(scope, new Leaps());
    this.expressions = new Expressions(this);
  }

  /** Lowers {@code m}'s body; {@code result} is {@code R} of its {@code Coroutine<R>}. */
  public static Machine lower(AsyncMethod m, Facts facts, Scope scope, String result) {
    return new Lowerer(m, facts, scope, result).run();
  }

  private Machine run() {
    for (Facts.FrameLocal f : facts.fields().values()) {
      out.field(f.name(), scope.declared(f.type()), f.parameter() ? Machine.Kind.PARAMETER : Machine.Kind.LOCAL);
    }
    for (ClassTree c : facts.movedClassTrees()) {
      members.add(MovedClasses.print(this, c));
    }
    BlockTree body = m.tree().getBody();
    out.mark(out.label(), m.line(body));
    block(body);
    return out.machine(members);
  }

  // ---------------------------------------------------------------------------------------------
  // Jump targets

  /** A statement a jump can reach or leave. */
  abstract static class Target {}

  /** A loop: {@code break} goes to {@code breakTo}, {@code continue} to {@code continueTo}. */
  static final class Loop extends Target {
    final Set<String> labels;
    final Label breakTo;
    final Label continueTo;

    Loop(Set<String> labels, Label breakTo, Label continueTo) {
      this.labels = labels;
      this.breakTo = breakTo;
      this.continueTo = continueTo;
    }
  }

  /** A switch statement ({@code label == null}) or a labeled statement that is not a loop. */
  static final class Block extends Target {
    final String label;
    final Label breakTo;

    Block(String label, Label breakTo) {
      this.label = label;
      this.breakTo = breakTo;
    }
  }

  /** A switch expression: {@code yield v} stores {@code v} in {@code result} and goes to {@code end}. */
  static final class Yield extends Target {
    final Emitter.Slot result;
    final Label end;

    Yield(Emitter.Slot result, Label end) {
      this.result = result;
      this.end = end;
    }
  }

  /** A lowered finally (or a resource's close): jumps out of its try run it first. */
  static final class Finally extends Target {
    final int id;
    final Label fin;
    final Map<List<Object>, Integer> kinds = new LinkedHashMap<>();
    final Map<Integer, Leap> leaps = new LinkedHashMap<>();

    Finally(int id, Label fin) {
      this.id = id;
      this.fin = fin;
    }

    String kind() {
      return "this.$k" + id;
    }

    String exception() {
      return "this.$x" + id;
    }

    int kindOf(Leap leap) {
      List<Object> key = List.of(leap.kind(), leap.target() == null ? "" : leap.target());
      return kinds.computeIfAbsent(key, k -> {
        int n = switch (leap.kind()) {
          case RETURN -> RETURN;
          case TAIL -> TAIL;
          default -> 4 + (int) leaps.keySet().stream().filter(x -> x >= 4).count();
        };
        leaps.put(n, leap);
        return n;
      });
    }
  }

  enum LeapKind { BREAK, CONTINUE, RETURN, TAIL, YIELD }

  /** A pending completion: where control goes once the finally blocks on the way have run. */
  record Leap(LeapKind kind, Target target) {}

  /**
   * The code of a jump from here: through every lowered finally on the way (each records the jump
   * as a pending completion and runs first), then to the target; a return completes the coroutine.
   * {@code value} is the return value (null when it is already in {@code $ret}).
   */
  CodeBlock leap(Leap leap, CodeBlock value, Set<Label> jumps) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (CodeBlock statement : leapStatements(leap, value, jumps)) {
      b.add(statement).add("\n");
    }
    return b.build();
  }

  /** The same, as single statements without line ends. */
  List<CodeBlock> leapStatements(Leap leap, CodeBlock value, Set<Label> jumps) {
    List<CodeBlock> out = new ArrayList<>();
    for (Target t : targets) {
      if (t == leap.target()) {
        Label to;
        if (t instanceof Loop l) {
          to = leap.kind() == LeapKind.CONTINUE ? l.continueTo : l.breakTo;
        } else if (t instanceof Block k) {
          to = k.breakTo;
        } else if (t instanceof Yield y) {
          to = y.end;
        } else {
          throw new IllegalStateException("leap to " + t);
        }
        jumps.add(to);
        out.addAll(jumpStatements(to));
        return out;
      }
      if (t instanceof Finally f) {
        if (value != null) {
          String slot = leap.kind() == LeapKind.TAIL ? retTail() : ret();
          out.add(CodeBlock.of("$L = $L;", slot, value));
        }
        out.add(CodeBlock.of("$L = $L;", f.kind(), f.kindOf(leap)));
        jumps.add(f.fin);
        out.addAll(jumpStatements(f.fin));
        return out;
      }
    }
    if (leap.kind() == LeapKind.RETURN) {
      out.add(CodeBlock.of("return $$complete($L);", value != null ? value : CodeBlock.of("$L", ret())));
      return out;
    }
    if (leap.kind() == LeapKind.TAIL) {
      out.add(CodeBlock.of("return $$tail($L);", value != null ? value : CodeBlock.of("$L", retTail())));
      return out;
    }
    throw new IllegalStateException("no target for " + leap);
  }

  private static List<CodeBlock> jumpStatements(Label to) {
    return List.of(CodeBlock.of("$$state = $L;", to), CodeBlock.of("continue $$loop;"));
  }

  /** A transfer written inside verbatim code: one braced line, {@code { $state = 4; continue $loop; }}. */
  CodeBlock oneLine(List<CodeBlock> statements) {
    CodeBlock.Builder b = CodeBlock.builder().add("{");
    for (CodeBlock c : statements) {
      b.add(" ").add(c);
    }
    return b.add(" }").build();
  }

  static CodeBlock jumpCode(Label to) {
    return CodeBlock.of("$$state = $L;\ncontinue $$loop;\n", to);
  }

  private String ret() {
    out.field("$ret", result, Machine.Kind.SLOT);
    return "this.$ret";
  }

  private String retTail() {
    out.field("$retTail", m.element().getReturnType().toString().isEmpty() ? "dev.baton.Coroutine<?>"
        : scope.declared(m.element().getReturnType()), Machine.Kind.SLOT);
    return "this.$retTail";
  }

  /** Emits a leap as the last instruction of the current state. */
  void emitLeap(Leap leap, CodeBlock value, int line) {
    Set<Label> jumps = new LinkedHashSet<>();
    CodeBlock code = leap(leap, value, jumps);
    out.emit(new Instr.Code(code, line, true, jumps));
  }

  Target breakTarget(String label) {
    for (Target t : targets) {
      if (label == null && (t instanceof Loop || t instanceof Block b && b.label == null)) {
        return t;
      }
      if (label != null && (t instanceof Loop l && l.labels.contains(label)
          || t instanceof Block b && label.equals(b.label))) {
        return t;
      }
    }
    throw new IllegalStateException("no target for break " + label);
  }

  Target continueTarget(String label) {
    for (Target t : targets) {
      if (t instanceof Loop l && (label == null || l.labels.contains(label))) {
        return t;
      }
    }
    throw new IllegalStateException("no target for continue " + label);
  }

  Yield yieldTarget() {
    for (Target t : targets) {
      if (t instanceof Yield y) {
        return y;
      }
    }
    throw new IllegalStateException("no switch expression to yield to");
  }

  /** How verbatim code's jumps out of itself are written. */
  private final class Leaps implements Printer.Leaps {
    @Override
    public CodeBlock onReturn(ReturnTree tree, Set<Label> jumps) {
      Leap leap = returnLeap(tree);
      return oneLine(leapStatements(leap, returnValue(tree, leap), jumps));
    }

    @Override
    public CodeBlock onBreak(BreakTree tree, Set<Label> jumps) {
      Target t = breakTarget(tree.getLabel() == null ? null : tree.getLabel().toString());
      return oneLine(leapStatements(new Leap(LeapKind.BREAK, t), null, jumps));
    }

    @Override
    public CodeBlock onContinue(ContinueTree tree, Set<Label> jumps) {
      Target t = continueTarget(tree.getLabel() == null ? null : tree.getLabel().toString());
      return oneLine(leapStatements(new Leap(LeapKind.CONTINUE, t), null, jumps));
    }

    @Override
    public CodeBlock onYield(YieldTree tree, Set<Label> jumps) {
      Yield y = yieldTarget();
      Printed v = printer.print(tree.getValue());
      List<CodeBlock> statements = new ArrayList<>();
      statements.add(CodeBlock.of("$L = $L;", y.result.name(), v.code()));
      statements.addAll(leapStatements(new Leap(LeapKind.YIELD, y), null, jumps));
      return oneLine(statements);
    }
  }

  /**
   * {@code return done(v)} completes with v; any other {@code return e} completes with awaiting e: a
   * tail call, except inside a try whose catch, finally or resources apply to it
   * ({@link Facts#guardedTails}), where e is awaited in place and its value returned.
   */
  Leap returnLeap(ReturnTree tree) {
    return new Leap(Analysis.isTail(m, tree) && !facts.guardedTail(tree) ? LeapKind.TAIL : LeapKind.RETURN, null);
  }

  private CodeBlock returnValue(ReturnTree tree, Leap leap) {
    ExpressionTree e = tree.getExpression();
    if (e == null) {
      return CodeBlock.of("null");
    }
    if (leap.kind() == LeapKind.RETURN) {
      MethodInvocationTree call = (MethodInvocationTree) Analysis.skipParens(e);
      return call.getArguments().isEmpty() ? CodeBlock.of("null") : printer.print(call.getArguments().get(0)).code();
    }
    return printer.print(e).code();
  }

  // ---------------------------------------------------------------------------------------------
  // Emission of user code

  /**
   * Emits printed code as one statement. Frame locals read inside its lambda or class bodies are
   * read through snapshots declared first, {@code final int k = this.k;}, so that each lambda keeps
   * the value it had when created, as a captured Java local does.
   */
  void emitCode(Printed p, Tree tree, boolean leaves) {
    int line = m.line(tree);
    out.emit(new Instr.Code(withSnapshots(p), line, leaves, p.jumps(), Math.max(line, m.lastLine(tree))));
  }

  CodeBlock withSnapshots(Printed p) {
    return withSnapshots(p.code(), p.captured());
  }

  CodeBlock withSnapshots(CodeBlock code, Set<Facts.FrameLocal> captured) {
    if (captured.isEmpty()) {
      return code;
    }
    CodeBlock.Builder b = CodeBlock.builder().add("{\n").indent();
    for (Facts.FrameLocal l : captured) {
      b.addStatement("final $L $L = this.$L", scope.declared(l.type()), l.name(), l.name());
    }
    b.add(code);
    if (!code.toString().endsWith("\n")) {
      b.add("\n");
    }
    return b.unindent().add("}\n").build();
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  /**
   * A block: statement by statement when it has a switch point; copied whole when it has none (a
   * catch or finally block, a body that never awaits), so that its locals and local classes stay in
   * one Java block.
   */
  void block(BlockTree b) {
    if (!facts.suspends(b)) {
      statement(b, null);
      return;
    }
    for (StatementTree s : b.getStatements()) {
      statement(s, null);
    }
  }

  void statements(List<? extends StatementTree> list) {
    for (StatementTree s : list) {
      statement(s, null);
    }
  }

  /** One statement; {@code labels}: the labels of a labeled loop. */
  void statement(StatementTree s, Set<String> labels) {
    if (!out.isOpen()) {
      return;
    }
    int slots = out.liveSlots();
    try {
      if (!facts.suspends(s)) {
        island(s);
        return;
      }
      if (s instanceof BlockTree b) {
        block(b);
      } else if (s instanceof VariableTree v) {
        declaration(v);
      } else if (s instanceof ExpressionStatementTree e) {
        expressions.statement(e.getExpression(), m.line(e));
      } else if (s instanceof IfTree i) {
        ifStatement(i);
      } else if (s instanceof WhileLoopTree w) {
        whileLoop(w, labels);
      } else if (s instanceof DoWhileLoopTree d) {
        doWhileLoop(d, labels);
      } else if (s instanceof ForLoopTree f) {
        forLoop(f, labels);
      } else if (s instanceof EnhancedForLoopTree f) {
        forEach(f, labels);
      } else if (s instanceof LabeledStatementTree l) {
        labeled(l, labels);
      } else if (s instanceof SwitchTree sw) {
        Switches.statement(this, sw);
      } else if (s instanceof TryTree t) {
        tryStatement(t);
      } else if (s instanceof ReturnTree r) {
        returnStatement(r);
      } else if (s instanceof ThrowTree t) {
        out.emit(new Instr.Throw(withCaptures(t.getExpression()), m.line(t)));
      } else if (s instanceof YieldTree y) {
        yieldStatement(y);
      } else if (s instanceof AssertTree a) {
        assertStatement(a);
      } else if (s instanceof com.sun.source.tree.SynchronizedTree sy) {
        synchronizedStatement(sy);
      } else {
        throw new IllegalStateException("cannot lower " + s.getKind() + " at " + m.fileName() + ":" + m.line(s));
      }
    } finally {
      out.release(slots);
    }
  }

  /**
   * The code of {@code v}, the value of {@code tree}, where captures are not allowed to need
   * snapshots: spilled first if they do, into a slot of {@code tree}'s type (a lambda capturing a
   * frame local inside an awaited call, say, is evaluated in a block of snapshots).
   */
  CodeBlock withCaptures(Expressions.Value v, ExpressionTree tree) {
    return v.captured().isEmpty() ? v.code() : expressions.spill(v, tree).code();
  }

  /** {@link #withCaptures(Expressions.Value, ExpressionTree)} of the value of {@code tree}. */
  CodeBlock withCaptures(ExpressionTree tree) {
    return withCaptures(expressions.value(tree), tree);
  }

  /**
   * A statement without a switch point: copied verbatim. A declaration of a local that lives in the
   * frame becomes an assignment ({@code int k = 1;} → {@code k = 1;}); a local class moved into the
   * frame is gone from here. If the statement might complete abruptly where Java cannot tell, it is
   * wrapped in {@code if (true) { ... }} so that what follows in the same state is reachable.
   */
  void island(StatementTree s) {
    if (s instanceof ClassTree c && facts.movedClasses().containsKey(m.element(c))
        || s.getKind() == Tree.Kind.EMPTY_STATEMENT) {
      return; // a local class moved into the frame
    }
    int line = m.line(s);
    if (s instanceof ReturnTree r) {
      returnStatement(r);
      return;
    }
    if (s instanceof VariableTree v) {
      Printed p = expressions.declaration(v);
      if (p != null) {
        emitCode(p, s, false);
      }
      return;
    }
    Printed p = printer.print(s);
    if (s instanceof ExpressionStatementTree e && !p.code().toString().stripTrailing().endsWith(";")) {
      // a for loop's update has no semicolon of its own
      p = new Printed(CodeBlock.of("$L;", p.code()), p.captured(), p.jumps());
    }
    Completion c = Completion.of(m, s);
    if (c == Completion.MAYBE) {
      CodeBlock wrapped = CodeBlock.builder().beginControlFlow("if (true)").add(p.code()).add("\n").endControlFlow()
          .build();
      emitCode(new Printed(wrapped, p.captured(), p.jumps()), s, false);
    } else {
      emitCode(p, s, c == Completion.NEVER);
    }
  }

  /** {@code T x = <awaits>;} → {@code x = ...;} with the frame field. */
  private void declaration(VariableTree v) {
    expressions.assignDeclared(v);
  }

  /** {@code if (c) A else B} → {@code if (!(c)) goto ELSE; A; goto END; ELSE: B; END:}. */
  private void ifStatement(IfTree s) {
    int line = m.line(s);
    CodeBlock c = withCaptures(s.getCondition());
    Label end = out.label();
    Label otherwise = s.getElseStatement() == null ? end : out.label();
    out.emit(new Instr.Branch(CodeBlock.of("!$L", paren(c)), otherwise, line));
    statement(s.getThenStatement(), null);
    if (s.getElseStatement() != null) {
      out.jump(end, line);
      out.mark(otherwise, m.line(s.getElseStatement()));
      statement(s.getElseStatement(), null);
    }
    out.mark(end, line);
  }

  static CodeBlock paren(CodeBlock c) {
    String t = c.toString();
    if (t.matches("[\\w$.]+")) {
      return c;
    }
    if (t.startsWith("(") && t.endsWith(")") && balanced(t)) {
      return c;
    }
    return CodeBlock.of("($L)", c);
  }

  /** True if the parenthesis at 0 closes at the end. */
  private static boolean balanced(String t) {
    int depth = 0;
    boolean quoted = false;
    char quote = 0;
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (quoted) {
        if (ch == '\\') {
          i++;
        } else if (ch == quote) {
          quoted = false;
        }
        continue;
      }
      if (ch == '"' || ch == '\'') {
        quoted = true;
        quote = ch;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
        if (depth == 0 && i < t.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  /** {@code while (c) B} → {@code HEAD: if (!(c)) goto END; B; goto HEAD; END:}. */
  private void whileLoop(WhileLoopTree s, Set<String> labels) {
    int line = m.line(s);
    Label head = out.label();
    Label end = out.label();
    out.jump(head, line);
    out.mark(head, line);
    condition(s.getCondition(), end, line);
    loopBody(s.getStatement(), labels, end, head);
    out.jump(head, line);
    out.mark(end, line);
  }

  /** {@code if (!(c)) goto end}, unless c is the literal {@code true}. */
  private void condition(ExpressionTree cond, Label end, int line) {
    if (cond == null || isTrue(cond)) {
      return;
    }
    CodeBlock c = withCaptures(cond);
    out.emit(new Instr.Branch(CodeBlock.of("!$L", paren(c)), end, line));
  }

  private static boolean isTrue(ExpressionTree e) {
    return Analysis.skipParens(e) instanceof com.sun.source.tree.LiteralTree l && Boolean.TRUE.equals(l.getValue());
  }

  /** {@code do B while (c);} → {@code BODY: B; COND: if (c) goto BODY; END:}. */
  private void doWhileLoop(DoWhileLoopTree s, Set<String> labels) {
    int line = m.line(s);
    Label body = out.label();
    Label cond = out.label();
    Label end = out.label();
    out.jump(body, line);
    out.mark(body, line);
    loopBody(s.getStatement(), labels, end, cond);
    out.jump(cond, line);
    out.mark(cond, m.line(s.getCondition()));
    if (isTrue(s.getCondition())) {
      out.jump(body, line);
    } else {
      CodeBlock c = withCaptures(s.getCondition());
      out.emit(new Instr.Branch(c, body, line));
    }
    out.mark(end, line);
  }

  /** {@code for (I; c; U) B} → {@code I; HEAD: if (!(c)) goto END; B; UPDATE: U; goto HEAD; END:}. */
  private void forLoop(ForLoopTree s, Set<String> labels) {
    int line = m.line(s);
    for (StatementTree init : s.getInitializer()) {
      statement(init, null);
    }
    Label head = out.label();
    Label update = out.label();
    Label end = out.label();
    out.jump(head, line);
    out.mark(head, line);
    condition(s.getCondition(), end, line);
    loopBody(s.getStatement(), labels, end, update);
    out.jump(update, line);
    out.mark(update, line);
    for (ExpressionStatementTree u : s.getUpdate()) {
      statement(u, null);
    }
    out.jump(head, line);
    out.mark(end, line);
  }

  private void loopBody(StatementTree body, Set<String> labels, Label breakTo, Label continueTo) {
    targets.push(new Loop(labels == null ? Set.of() : labels, breakTo, continueTo));
    try {
      statement(body, null);
    } finally {
      targets.pop();
    }
  }

  /**
   * {@code for (T x : src) B}, three shapes:
   * <pre>
   *   array:     $aN = src; $iN = 0; HEAD: if ($iN >= $aN.length) goto END; x = $aN[$iN]; B;
   *              NEXT: $iN++; goto HEAD; END:
   *   Iterable:  $itN = src.iterator(); HEAD: if (!$itN.hasNext()) goto END; x = $itN.next(); B; goto HEAD; END:
   *   @Await:    $itN = src; HEAD: await AsyncFrame.$next($itN) → v; if (v == END) goto END; x = (T) v; B;
   *              goto HEAD; END:
   * </pre>
   */
  private void forEach(EnhancedForLoopTree s, Set<String> labels) {
    int line = m.line(s);
    VariableTree var = s.getVariable();
    Facts.FrameLocal x = facts.field(m.element(var));
    boolean async = Analysis.isAwaitAnnotated(m, var);
    TypeMirror sourceType = m.type(s.getExpression());
    Expressions.Value source = expressions.value(s.getExpression());
    int id = out.next();
    Label head = out.label();
    Label end = out.label();
    Label next = head;
    if (async) {
      String it = "$it" + id;
      out.field(it, Names.ASYNC_ITERABLE + "<?>", Machine.Kind.SLOT);
      out.code(CodeBlock.of("$L = $L;\n", it, withSnapshots(source.code(), source.captured())), line);
      out.jump(head, line);
      out.mark(head, line);
      Label resume = out.label();
      out.emit(new Instr.Suspend(CodeBlock.of("$L($L)", Names.frame("$next"), it), resume, line));
      out.mark(resume, line);
      out.emit(new Instr.Branch(CodeBlock.of("$$value == $L", Names.frame("END")), end, line));
      out.code(CodeBlock.of("$L = ($L) $$value;\n", x.name(), scope.cast(boxed(x.type()))), line);
    } else if (sourceType.getKind() == TypeKind.ARRAY) {
      String a = "$a" + id;
      String i = "$i" + id;
      out.field(a, scope.declared(sourceType), Machine.Kind.SLOT);
      out.field(i, "int", Machine.Kind.SLOT);
      out.code(withSnapshots(CodeBlock.of("$L = $L;\n$L = 0;\n", a, source.code(), i), source.captured()), line);
      next = out.label();
      out.jump(head, line);
      out.mark(head, line);
      out.emit(new Instr.Branch(CodeBlock.of("$L >= $L.length", i, a), end, line));
      out.code(CodeBlock.of("$L = $L[$L];\n", x.name(), a, i), line);
    } else {
      String it = "$it" + id;
      out.field(it, "java.util.Iterator<" + expressions.iterableElement(sourceType) + ">", Machine.Kind.SLOT);
      out.code(withSnapshots(CodeBlock.of("$L = $L.iterator();\n", it, paren(source.code())), source.captured()),
          line);
      out.jump(head, line);
      out.mark(head, line);
      out.emit(new Instr.Branch(CodeBlock.of("!$L.hasNext()", it), end, line));
      boolean exact = !expressions.iterableElementNeedsCast(sourceType);
      out.code(exact ? CodeBlock.of("$L = $L.next();\n", x.name(), it)
          : CodeBlock.of("$L = ($L) $L.next();\n", x.name(), scope.cast(x.type()), it), line);
    }
    loopBody(s.getStatement(), labels, end, next);
    if (next != head) {
      out.jump(next, line);
      out.mark(next, line);
      out.code(CodeBlock.of("$L++;\n", "$i" + id), line);
    }
    out.jump(head, line);
    out.mark(end, line);
    // the loop no longer keeps its source alive
    out.code(CodeBlock.of("$L = null;\n", (!async && sourceType.getKind() == TypeKind.ARRAY ? "$a" : "$it") + id), line);
  }

  TypeMirror boxed(TypeMirror t) {
    return t.getKind().isPrimitive() ? m.types().boxedClass((javax.lang.model.type.PrimitiveType) t).asType() : t;
  }

  /** {@code L: S}: a loop takes the label as a continue target too; anything else is a break target. */
  private void labeled(LabeledStatementTree s, Set<String> outer) {
    Set<String> labels = new HashSet<>(outer == null ? Set.of() : outer);
    labels.add(s.getLabel().toString());
    StatementTree inner = s.getStatement();
    switch (inner.getKind()) {
      case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, LABELED_STATEMENT -> statement(inner, labels);
      default -> {
        Label end = out.label();
        targets.push(new Block(s.getLabel().toString(), end));
        try {
          statement(inner, null);
        } finally {
          targets.pop();
        }
        out.jump(end, m.line(s));
        out.mark(end, m.line(s));
      }
    }
  }

  /** Pushes a target for the duration of {@code body}. */
  void within(Target t, Runnable body) {
    targets.push(t);
    try {
      body.run();
    } finally {
      targets.pop();
    }
  }

  private void returnStatement(ReturnTree r) {
    Leap leap = returnLeap(r);
    ExpressionTree e = r.getExpression();
    CodeBlock value;
    if (e == null) {
      value = CodeBlock.of("null");
    } else if (facts.guardedTail(r)) {
      value = expressions.awaitInPlace(e);
    } else if (leap.kind() == LeapKind.RETURN) {
      MethodInvocationTree call = (MethodInvocationTree) Analysis.skipParens(e);
      value = call.getArguments().isEmpty() ? CodeBlock.of("null")
          : withCaptures(call.getArguments().get(0));
    } else {
      value = withCaptures(e);
    }
    emitLeap(leap, value, m.line(r));
  }

  private void yieldStatement(YieldTree y) {
    Yield target = yieldTarget();
    Expressions.Value v = expressions.value(y.getValue());
    out.code(withSnapshots(CodeBlock.of("$L = $L;\n", target.result.name(), v.code()), v.captured()), m.line(y));
    emitLeap(new Leap(LeapKind.YIELD, target), null, m.line(y));
  }

  /**
   * {@code synchronized (await(x)) { B }}: the lock is evaluated (its awaits lowered), then the
   * statement runs as written with the lock's value; its block never awaits (validation).
   */
  private void synchronizedStatement(com.sun.source.tree.SynchronizedTree s) {
    Expressions.Value lock = expressions.value(s.getExpression());
    Printed p = printer.print(s, Map.of(s.getExpression(), lock.code()), false);
    Set<Facts.FrameLocal> captured = new LinkedHashSet<>(p.captured());
    captured.addAll(lock.captured());
    Completion c = Completion.of(m, s);
    CodeBlock code = c == Completion.MAYBE
        ? CodeBlock.builder().beginControlFlow("if (true)").add(p.code()).add("\n").endControlFlow().build()
        : p.code();
    emitCode(new Printed(code, captured, p.jumps()), s, c == Completion.NEVER);
  }

  /**
   * {@code assert c : d;} → {@code if ($assertions) { if (!(c)) throw new AssertionError(d); }} with
   * {@code c} and {@code d} lowered; {@code $assertions} is the user class's assertion status.
   */
  private void assertStatement(AssertTree a) {
    int line = m.line(a);
    Label end = out.label();
    out.emit(new Instr.Branch(CodeBlock.of("!$L.class.desiredAssertionStatus()", scope.className(m.owner())), end,
        line));
    CodeBlock c = withCaptures(a.getCondition());
    out.emit(new Instr.Branch(c, end, line));
    if (a.getDetail() == null) {
      out.emit(new Instr.Throw(CodeBlock.of("new java.lang.AssertionError()"), line));
    } else {
      out.emit(new Instr.Throw(CodeBlock.of("new java.lang.AssertionError($L)", withCaptures(a.getDetail())), line));
    }
    out.mark(end, line);
  }

  // ---------------------------------------------------------------------------------------------
  // try / catch / finally, and resources

  /**
   * A try with resources is desugared first (JLS 14.20.3): {@code try (R r = i) B catch/finally} is
   * {@code try { try (R r = i) B } catch/finally}, and several resources nest left to right.
   */
  private void tryStatement(TryTree t) {
    if (!t.getResources().isEmpty() && (!t.getCatches().isEmpty() || t.getFinallyBlock() != null)) {
      tryCatchFinally(t, () -> resources(t, 0));
    } else if (!t.getResources().isEmpty()) {
      resources(t, 0);
    } else {
      tryCatchFinally(t, () -> block(t.getBlock()));
    }
  }

  /**
   * {@code try { B } catch (E e) { C } finally { F }} →
   * <pre>
   *   BODY (region R1): B; $kN = NORMAL; goto FIN
   *   CATCH (region R2): C; $kN = NORMAL; goto FIN      R1's handler: $t instanceof E → e = (E) $t; goto CATCH;
   *                                                    else $xN = $t; $kN = THROW; goto FIN
   *   FIN: F; switch ($kN) { NORMAL: goto END; THROW: throw $xN; RETURN: ...; pending jumps... }
   *   END:
   * </pre>
   * Without a finally, an exception no catch takes goes to the enclosing region.
   */
  private void tryCatchFinally(TryTree t, Runnable body) {
    int line = m.line(t);
    int id = out.next();
    boolean hasFinally = t.getFinallyBlock() != null;
    Label end = out.label();
    Finally target = hasFinally ? new Finally(id, out.label()) : null;
    if (hasFinally) {
      out.field("$k" + id, "int", Machine.Kind.SLOT);
      out.field("$x" + id, "java.lang.Throwable", Machine.Kind.SLOT);
    }
    Region outer = out.region();
    Region bodyRegion = out.newRegion("try at " + m.fileName() + ":" + line);
    out.enter(bodyRegion, line);
    if (hasFinally) {
      targets.push(target);
    }
    body.run();
    exitTo(target, end, line);

    out.switchTo(outer);
    Region catchRegion = hasFinally ? out.newRegion("catch at " + m.fileName() + ":" + line) : null;
    CodeBlock.Builder handler = CodeBlock.builder();
    Set<Label> handlerJumps = new LinkedHashSet<>();
    for (CatchTree c : t.getCatches()) {
      Label at = out.label();
      handlerJumps.add(at);
      Facts.FrameLocal param = facts.field(m.element(c.getParameter()));
      Tree type = c.getParameter().getType();
      List<String> tests = new ArrayList<>();
      for (Tree alt : type instanceof UnionTypeTree u ? u.getTypeAlternatives() : List.of(type)) {
        tests.add("$t instanceof " + scope.declared(m.type(alt)));
      }
      handler.beginControlFlow("if ($L)", String.join(" || ", tests))
          .addStatement("this.$L = ($L) $$t", param.name(), scope.declared(param.type()))
          .add(jumpCode(at)).endControlFlow();
      out.switchTo(hasFinally ? catchRegion : outer);
      out.mark(at, m.line(c));
      block(c.getBlock());
      exitTo(target, end, m.line(c));
    }
    if (hasFinally) {
      targets.pop();
      handler.add(toFinally(target));
      handlerJumps.add(target.fin);
      catchRegion.define(toFinally(target), true, Set.of(target.fin));
    }
    bodyRegion.define(handler.build(), hasFinally, handlerJumps);
    out.switchTo(outer);
    if (hasFinally) {
      out.mark(target.fin, m.line(t.getFinallyBlock()));
      block(t.getFinallyBlock());
      endOfFinally(target, end, m.line(t.getFinallyBlock()));
    }
    out.mark(end, line);
  }

  /** The normal end of a try body or catch: through the finally if there is one. */
  private void exitTo(Finally target, Label end, int line) {
    if (!out.isOpen()) {
      return;
    }
    if (target != null) {
      out.code(CodeBlock.of("$L = $L;\n", target.kind(), NORMAL), line);
      out.jump(target.fin, line);
    } else {
      out.jump(end, line);
    }
  }

  private static CodeBlock toFinally(Finally f) {
    return CodeBlock.builder().addStatement("$L = $$t", f.exception()).addStatement("$L = $L", f.kind(), THROW)
        .add(jumpCode(f.fin)).build();
  }

  /** The end of a finally: continue with the completion that was pending when it was entered. */
  private void endOfFinally(Finally f, Label end, int line) {
    if (!out.isOpen()) {
      return;
    }
    Set<Label> jumps = new LinkedHashSet<>();
    jumps.add(end);
    CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("switch ($L)", f.kind());
    b.add("case $L:\n", NORMAL).indent().add(jumpCode(end)).unindent();
    b.add("case $L: {\n", THROW).indent()
        .addStatement("java.lang.Throwable $$p = $L", f.exception())
        .addStatement("$L = null", f.exception())
        .addStatement("throw $$p").unindent().add("}\n");
    for (Map.Entry<Integer, Leap> e : new ArrayList<>(f.leaps.entrySet())) {
      b.add("case $L: {\n", e.getKey()).indent().add(leap(e.getValue(), null, jumps)).unindent().add("}\n");
    }
    b.add("default:\n").indent()
        .addStatement("throw $$badCompletion($L)", f.kind())
        .unindent();
    b.endControlFlow();
    out.emit(new Instr.Code(b.build(), line, true, jumps));
  }

  /**
   * {@code try (R r = init) B} →
   * <pre>
   *   r = init; $rN = r;
   *   BODY (region): B; $kN = NORMAL; goto CLOSE          handler: $xN = $t; $kN = THROW; goto CLOSE
   *   CLOSE: $p = AsyncFrame.$closeSync($rN, $kN == THROW ? $xN : null)       (a plain resource)
   *      or: $p = await AsyncFrame.$aexit($rN, $kN == THROW ? $xN : null)     (@Await, or a TaskGroup)
   *          if ($p != null) { $kN = THROW; $xN = $p; } else if ($kN == THROW) $kN = NORMAL;
   *          then as at the end of a finally
   * </pre>
   * The exit sees the body's exception and may replace or swallow it (a cancel scope swallows its
   * own cancellation); a pending return, break or continue goes on when nothing propagates.
   */
  private void resources(TryTree t, int index) {
    Tree resource = t.getResources().get(index);
    int line = m.line(resource);
    int id = out.next();
    String res = "this.$r" + id;
    boolean async = resource instanceof VariableTree v ? Analysis.isAwaitAnnotated(m, v)
        : Analysis.isTaskGroup(m, resource);
    out.field("$r" + id, async ? Names.ASYNC_CLOSEABLE : "java.lang.AutoCloseable", Machine.Kind.SLOT);
    if (resource instanceof VariableTree v) {
      expressions.assignDeclared(v);
      out.code(CodeBlock.of("$L = $L;\n", res, facts.field(m.element(v)).name()), line);
    } else {
      Expressions.Value init = expressions.value((ExpressionTree) resource);
      out.code(withSnapshots(CodeBlock.of("$L = $L;\n", res, init.code()), init.captured()), line);
    }
    Label end = out.label();
    Finally target = new Finally(id, out.label());
    out.field("$k" + id, "int", Machine.Kind.SLOT);
    out.field("$x" + id, "java.lang.Throwable", Machine.Kind.SLOT);
    Region outer = out.region();
    Region region = out.newRegion("resource at " + m.fileName() + ":" + line);
    region.define(toFinally(target), true, Set.of(target.fin));
    out.enter(region, line);
    targets.push(target);
    if (index + 1 < t.getResources().size()) {
      resources(t, index + 1);
    } else {
      block(t.getBlock());
    }
    targets.pop();
    exitTo(target, end, line);
    out.switchTo(outer);
    out.mark(target.fin, line);
    String pending = target.kind() + " == " + THROW + " ? " + target.exception() + " : null";
    String outcome;
    if (async) {
      Label resume = out.label();
      out.emit(new Instr.Suspend(CodeBlock.of("$L($L, $L)", Names.frame("$aexit"), res, pending), resume, line));
      out.mark(resume, line);
      outcome = "(java.lang.Throwable) $value";
    } else {
      outcome = Names.frame("$closeSync") + "(" + res + ", " + pending + ")";
    }
    out.code(CodeBlock.builder()
        .add("{\n").indent()
        .addStatement("java.lang.Throwable $$p = $L", outcome)
        .addStatement("$L = null", res)
        .beginControlFlow("if ($$p != null)")
        .addStatement("$L = $$p", target.exception())
        .addStatement("$L = $L", target.kind(), THROW)
        .nextControlFlow("else if ($L == $L)", target.kind(), THROW)
        .addStatement("$L = $L", target.kind(), NORMAL)
        .addStatement("$L = null", target.exception())
        .endControlFlow().unindent().add("}\n").build(), line);
    endOfFinally(target, end, line);
    out.mark(end, line);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers for the other lowering classes

  /** True if {@code e} names a type (the qualifier of a static member), not a value. */
  boolean isTypeName(ExpressionTree e) {
    Element x = m.element(e);
    return x instanceof TypeElement || x != null && x.getKind() == javax.lang.model.element.ElementKind.PACKAGE;
  }

  static boolean isArrayInitializer(ExpressionTree e) {
    return e instanceof NewArrayTree n && n.getType() == null;
  }

  static boolean isDeclared(TypeMirror t) {
    return t instanceof DeclaredType;
  }
}
