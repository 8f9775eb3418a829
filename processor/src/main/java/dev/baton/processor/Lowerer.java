package dev.baton.processor;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
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
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The lower phase: turns an {@code @Async} body into a {@link StateMachine}. Statements without a
 * switch point are copied verbatim (through {@link Rewriter}); each statement form that contains one
 * has its own rule below, documented before/after in {@code docs/lowering.md}. Expressions that
 * contain awaits are handled by {@link ExpressionLowerer}.
 *
 * <p>Locals declared directly in a split block (and the variables of split loops, catch clauses and
 * resources) live in fields of the frame: they must survive suspensions. All other locals stay
 * Java locals inside verbatim code.
 */
final class Lowerer {
  /** The kinds a finally's pending-completion field takes; jumps get 4, 5, ... per try. */
  static final int NORMAL = 0;
  static final int THROW = 1;
  static final int RETURN_VALUE = 2;
  static final int RETURN_TAIL = 3;

  final AsyncMethod method;
  final Analysis analysis;
  final Resolver resolver;
  final Rewriter rewriter;
  final Trees trees;
  final Types types;
  final StateMachine sm = new StateMachine();
  final String frameName;
  final String resultType;
  final String fileName;
  private final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
  private final Deque<Target> targets = new ArrayDeque<>();
  private final Set<String> usedFields = new HashSet<>();
  private final List<Local> parameters = new ArrayList<>();
  private final ExpressionLowerer expressions;
  private int tries;

  Lowerer(AsyncMethod method, Analysis analysis, Resolver resolver, Rewriter rewriter, Trees trees, Types types,
      String frameName, String resultType) {
    this.method = method;
    this.analysis = analysis;
    this.resolver = resolver;
    this.rewriter = rewriter;
    this.trees = trees;
    this.types = types;
    this.frameName = frameName;
    this.resultType = resultType;
    String path = method.unit().getSourceFile().getName();
    this.fileName = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    this.expressions = new ExpressionLowerer(this);
    for (String reserved : List.of("$state", "$ret", "$value", "$error")) {
      usedFields.add(reserved);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Jump targets (regenerator's leap manager)

  /** A statement that break/continue/return can leave or reach. */
  abstract static class Target {}

  static final class LoopTarget extends Target {
    final Set<String> labels;
    final int breakState;
    final int continueState;

    LoopTarget(Set<String> labels, int breakState, int continueState) {
      this.labels = labels;
      this.breakState = breakState;
      this.continueState = continueState;
    }
  }

  static final class BreakTarget extends Target {
    final String label; // null for a switch
    final int breakState;

    BreakTarget(String label, int breakState) {
      this.label = label;
      this.breakState = breakState;
    }
  }

  enum Part { BODY, CATCH, FINALLY }

  /** A lowered try with a finally (or a resource to close): leaps out of it run the finally first. */
  static final class TryTarget extends Target {
    final int id;
    final int finallyState;
    Part part = Part.BODY;
    final Map<Object, Integer> kinds = new LinkedHashMap<>();
    final Map<Integer, Leap> leaps = new LinkedHashMap<>();

    TryTarget(int id, int finallyState) {
      this.id = id;
      this.finallyState = finallyState;
    }

    String kindField() {
      return "$k" + id;
    }

    String excField() {
      return "$x" + id;
    }

    int kindOf(Leap leap) {
      Object key = leap.key();
      Integer k = kinds.get(key);
      if (k == null) {
        k = switch (leap.kind) {
          case RETURN -> RETURN_VALUE;
          case TAIL -> RETURN_TAIL;
          default -> 4 + (int) leaps.keySet().stream().filter(x -> x >= 4).count();
        };
        kinds.put(key, k);
        leaps.put(k, leap);
      }
      return k;
    }
  }

  enum LeapKind { BREAK, CONTINUE, RETURN, TAIL }

  /** A pending completion: where control goes once the finally blocks on the way have run. */
  record Leap(LeapKind kind, Target target) {
    Object key() {
      return kind == LeapKind.RETURN || kind == LeapKind.TAIL ? kind : List.of(kind, target);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Entry

  StateMachine lower() {
    Map<String, Local> params = new LinkedHashMap<>();
    scopes.push(params);
    for (VariableElement p : method.element().getParameters()) {
      String name = p.getSimpleName().toString();
      String type = TypeText.of(p.asType());
      Local local = new Local(name, name, type == null ? "java.lang.Object" : type);
      usedFields.add(name);
      params.put(name, local);
      parameters.add(local);
      sm.field(name, local.type());
    }
    BlockTree body = method.tree().getBody();
    comment(body);
    statements(body.getStatements());
    if (sm.isOpen()) {
      sm.emitEnd("return $complete(null);");
    }
    return sm;
  }

  List<Local> parameters() {
    return parameters;
  }

  // ---------------------------------------------------------------------------------------------
  // Scopes and locals

  Local lookup(String name) {
    for (Map<String, Local> s : scopes) {
      Local l = s.get(name);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  private void pushScope() {
    scopes.push(new HashMap<>());
  }

  private void popScope() {
    scopes.pop();
  }

  /** Hoists a declared local into a field; {@code anchor} is a tree inside its scope (for `var`). */
  Local declare(VariableTree var, Tree anchor) {
    String name = var.getName().toString();
    String type = declaredType(var, anchor);
    String field = name;
    int n = 1;
    while (usedFields.contains(field) || resolver.isField(field)) {
      field = name + "$" + n++;
    }
    usedFields.add(field);
    Local local = new Local(name, field, type);
    scopes.peek().put(name, local);
    sm.field(field, type);
    return local;
  }

  private String declaredType(VariableTree var, Tree anchor) {
    Tree typeTree = var.getType();
    if (typeTree != null && !(typeTree instanceof IdentifierTree id && id.getName().contentEquals("var")
        && rewriter.raw(typeTree).equals("var"))) {
      if (typeTree instanceof UnionTypeTree union) {
        return lub(union);
      }
      String raw = rewriter.start(typeTree) >= 0 && rewriter.end(typeTree) > rewriter.start(typeTree)
          ? rewriter.raw(typeTree) : null;
      if (raw != null && !raw.equals("var")) {
        return raw;
      }
    }
    // `var`: ask javac for the type at a point inside the variable's scope (never getElement)
    String name = var.getName().toString();
    TypeMirror found = null;
    if (anchor != null) {
      TreePath path = TreePath.getPath(method.path(), anchor);
      if (path != null) {
        for (com.sun.source.tree.Scope s = trees.getScope(path); s != null && found == null;
             s = s.getEnclosingScope()) {
          for (Element e : s.getLocalElements()) {
            if (e.getSimpleName().contentEquals(name)
                && (e.getKind() == ElementKind.LOCAL_VARIABLE || e.getKind() == ElementKind.RESOURCE_VARIABLE
                || e.getKind() == ElementKind.EXCEPTION_PARAMETER)) {
              found = e.asType();
              break;
            }
          }
          if (s.getEnclosingMethod() != null && s.getEnclosingScope() != null
              && s.getEnclosingScope().getEnclosingMethod() == null) {
            break;
          }
        }
      }
    }
    if (found == null) {
      return "java.lang.Object"; // never read after its declaration's statement
    }
    String why = TypeText.whyNot(found);
    if (why != null) {
      throw new UserError(Problem.at(var, Diag.AsyncVarType, name, why));
    }
    return TypeText.of(found);
  }

  /** The declared type's source text, or null for {@code var}. */
  private String explicitType(VariableTree var) {
    Tree t = var.getType();
    if (t == null || t instanceof UnionTypeTree || rewriter.start(t) < 0) {
      return null;
    }
    String raw = rewriter.raw(t);
    return raw.equals("var") ? null : raw;
  }

  /** The least upper bound of a multi-catch's alternatives (their nearest common superclass). */
  private String lub(UnionTypeTree union) {
    List<TypeElement> alts = new ArrayList<>();
    for (Tree alt : union.getTypeAlternatives()) {
      TypeElement t = resolver.resolveType(alt);
      if (t == null) {
        return "java.lang.Throwable";
      }
      alts.add(t);
    }
    TypeMirror candidate = alts.get(0).asType();
    while (candidate.getKind() == TypeKind.DECLARED) {
      TypeMirror c = types.erasure(candidate);
      boolean all = alts.stream().allMatch(a -> types.isSubtype(types.erasure(a.asType()), c));
      if (all) {
        return ((TypeElement) types.asElement(c)).getQualifiedName().toString();
      }
      candidate = ((TypeElement) types.asElement(candidate)).getSuperclass();
    }
    return "java.lang.Throwable";
  }

  // ---------------------------------------------------------------------------------------------
  // Emission helpers

  private void comment(Tree t) {
    sm.emit("// " + fileName + ":" + rewriter.line(t));
  }

  /** Emits {@code text}, first declaring the snapshots its lambda/class bodies read. */
  void emit(Code code, boolean ends) {
    String text = withSnapshots(code.snapshots(), code.text());
    if (ends) {
      sm.emitEnd(text);
    } else {
      sm.emit(text);
    }
  }

  /** {@code text} in a block that first declares the snapshots it reads (unchanged if none). */
  private static String withSnapshots(java.util.Set<Local> snapshots, String text) {
    if (snapshots.isEmpty()) {
      return text;
    }
    StringBuilder b = new StringBuilder("{ ");
    for (Local l : snapshots) {
      b.append("final ").append(l.type()).append(' ').append(l.snapshot()).append(" = ").append(l.field())
          .append("; ");
    }
    return b.append(text).append(" }").toString();
  }

  Code print(Tree t) {
    return rewriter.print(t, this::lookup, leaps);
  }

  final Rewriter.Leaps leaps = new Rewriter.Leaps() {
    @Override
    public String onReturn(ReturnTree tree, Code value) {
      return "{ " + returnText(tree.getExpression(), value) + " }";
    }

    @Override
    public String onJump(Tree tree, String label, boolean isContinue) {
      return "{ " + jumpLeap(tree, label, isContinue) + " }";
    }
  };

  /** The code of a {@code return e;}, given the printed {@code e}. */
  private String returnText(ExpressionTree expr, Code value) {
    if (expr instanceof MethodInvocationTree call && resolver.isDone(call)) {
      String v = call.getArguments().isEmpty() ? "null" : argumentText(call, value);
      return leapText(new Leap(LeapKind.RETURN, null), v);
    }
    if (expr == null) {
      return leapText(new Leap(LeapKind.RETURN, null), "null");
    }
    return leapText(new Leap(LeapKind.TAIL, null), value.text());
  }

  /** The printed argument of a printed {@code done(arg)} call. */
  private String argumentText(MethodInvocationTree call, Code printedCall) {
    return print(call.getArguments().get(0)).text();
  }

  private String jumpLeap(Tree tree, String label, boolean isContinue) {
    for (Target t : targets) {
      boolean hit;
      if (isContinue) {
        hit = t instanceof LoopTarget l && (label == null || l.labels.contains(label));
      } else if (label == null) {
        hit = t instanceof LoopTarget || (t instanceof BreakTarget b && b.label == null);
      } else {
        hit = (t instanceof LoopTarget l && l.labels.contains(label))
            || (t instanceof BreakTarget b && label.equals(b.label));
      }
      if (hit) {
        return leapText(new Leap(isContinue ? LeapKind.CONTINUE : LeapKind.BREAK, t), null);
      }
    }
    throw new IllegalStateException("no target for " + (isContinue ? "continue" : "break") + " at line "
        + rewriter.line(tree));
  }

  /**
   * The code of a leap from the current position: through every enclosing lowered finally (each
   * records the leap as a pending completion), then to the target; a return completes the frame.
   * {@code value} is the return value's text (null when it is already in {@code $ret}).
   */
  String leapText(Leap leap, String value) {
    StringBuilder pre = new StringBuilder();
    for (Target t : targets) {
      if (t == leap.target) {
        if (t instanceof LoopTarget l) {
          return pre + StateMachine.jumpText(leap.kind == LeapKind.CONTINUE ? l.continueState : l.breakState);
        }
        return pre + StateMachine.jumpText(((BreakTarget) t).breakState);
      }
      if (t instanceof TryTarget tt && tt.part != Part.FINALLY) {
        if (value != null) {
          pre.append("this.$ret = ").append(value).append("; ");
          sm.field("$ret", "java.lang.Object");
        }
        pre.append("this.").append(tt.kindField()).append(" = ").append(tt.kindOf(leap)).append("; ");
        return pre + StateMachine.jumpText(tt.finallyState);
      }
    }
    String v = value != null ? value : "(" + resultType + ") this.$ret";
    if (leap.kind == LeapKind.RETURN) {
      return pre + "return $complete(" + v + ");";
    }
    if (leap.kind == LeapKind.TAIL) {
      String tv = value != null ? value : "(dev.baton.Awaitable<? extends " + resultType + ">) this.$ret";
      return pre + "return $tail(" + tv + ");";
    }
    throw new IllegalStateException("leap target not found");
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  private void statements(List<? extends StatementTree> list) {
    List<StatementTree> run = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      StatementTree s = list.get(i);
      if (s instanceof VariableTree var) {
        flush(run);
        variable(var, i + 1 < list.size() ? list.get(i + 1) : null);
      } else if (!analysis.suspends(s)) {
        run.add(s);
      } else {
        flush(run);
        statement(s, null);
      }
    }
    flush(run);
  }

  /**
   * The statements of a switch-expression case: top-level {@code yield v} go to {@code onYield};
   * the others are lowered as in a block (locals hoisted).
   */
  void armStatements(List<? extends StatementTree> list, java.util.function.Consumer<ExpressionTree> onYield) {
    pushScope();
    for (int i = 0; i < list.size(); i++) {
      StatementTree s = list.get(i);
      if (s instanceof com.sun.source.tree.YieldTree y) {
        comment(s);
        onYield.accept(y.getValue());
      } else if (s instanceof VariableTree var) {
        variable(var, i + 1 < list.size() ? list.get(i + 1) : null);
      } else if (!analysis.suspends(s)) {
        flush(new ArrayList<>(List.of(s)));
      } else {
        statement(s, null);
      }
    }
    popScope();
  }

  /** A maximal run of verbatim statements, wrapped so that what follows is never "unreachable". */
  private void flush(List<StatementTree> run) {
    if (run.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder("if (true) { // " + fileName + ":" + rewriter.line(run.get(0)) + "\n");
    for (StatementTree s : run) {
      Code c = print(s);
      String text = withSnapshots(c.snapshots(), Rewriter.dedent(c.text(), rewriter.column(s)));
      b.append("  ").append(text.replace("\n", "\n  ")).append('\n');
    }
    b.append("}");
    sm.emit(b.toString());
    run.clear();
  }

  /** {@code T x = init;} in a split block: the local becomes a field, the declaration an assignment. */
  private void variable(VariableTree var, Tree next) {
    ExpressionTree init = var.getInitializer();
    if (init == null) {
      declare(var, next);
      return;
    }
    if (analysis.suspends(init)) {
      comment(var);
      Code value = expressions.lower(init, explicitType(var));
      Local local = declare(var, next);
      emit(value.map(local.field() + " = " + value.text() + ";"), false);
      return;
    }
    Code value = print(init);
    Local local = declare(var, next);
    String text = value.text();
    if (init instanceof NewArrayTree na && na.getType() == null) {
      text = "new " + local.type() + " " + text; // `int[] a = {1, 2}` as an assignment
    }
    emit(value.map(local.field() + " = " + text + ";"), false);
  }

  /** Lowers one split statement ({@code labels}: the labels directly on it, for loops). */
  private void statement(StatementTree s, Set<String> labels) {
    switch (s.getKind()) {
      case BLOCK -> {
        pushScope();
        statements(((BlockTree) s).getStatements());
        popScope();
      }
      case EXPRESSION_STATEMENT -> {
        comment(s);
        ExpressionTree e = ((ExpressionStatementTree) s).getExpression();
        if (analysis.isAwait(e)) {
          Code arg = expressions.lower(((MethodInvocationTree) e).getArguments().get(0));
          expressions.suspend(arg);
        } else {
          Code c = expressions.lower(e);
          emit(c.map(c.text() + ";"), false);
        }
      }
      case VARIABLE -> variable((VariableTree) s, null);
      case IF -> ifStatement((IfTree) s);
      case WHILE_LOOP -> whileLoop((WhileLoopTree) s, labels);
      case DO_WHILE_LOOP -> doWhileLoop((DoWhileLoopTree) s, labels);
      case FOR_LOOP -> forLoop((ForLoopTree) s, labels);
      case ENHANCED_FOR_LOOP -> forEach((EnhancedForLoopTree) s, labels);
      case LABELED_STATEMENT -> labeled((LabeledStatementTree) s, labels);
      case SWITCH -> switchStatement((SwitchTree) s);
      case TRY -> tryStatement((TryTree) s);
      case RETURN -> {
        comment(s);
        returnStatement((ReturnTree) s);
      }
      case THROW -> {
        comment(s);
        Code c = expressions.lower(((ThrowTree) s).getExpression());
        emit(c.map("throw " + c.text() + ";"), true);
      }
      default -> throw new UserError(Problem.at(s, Diag.AsyncUnsupportedPosition,
          "a " + s.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " statement",
          "Move the await out of it"));
    }
  }

  private void returnStatement(ReturnTree r) {
    ExpressionTree e = r.getExpression();
    if (e instanceof MethodInvocationTree call && resolver.isDone(call) && call.getArguments().size() == 1) {
      Code v = expressions.lower(call.getArguments().get(0), resultType);
      emit(v.map(leapText(new Leap(LeapKind.RETURN, null), v.text())), true);
      return;
    }
    Code v = expressions.lower(e);
    emit(v.map(leapText(new Leap(LeapKind.TAIL, null), v.text())), true);
  }

  /**
   * {@code if (c) A else B} → {@code if (!(c)) goto ELSE; A; goto END; ELSE: B; END:}.
   */
  private void ifStatement(IfTree s) {
    comment(s);
    Code cond = expressions.lower(s.getCondition());
    int elseState = sm.newState();
    int end = s.getElseStatement() == null ? elseState : sm.newState();
    emit(cond.map("if (!" + paren(cond.text()) + ") { " + StateMachine.jumpText(elseState) + " }"), false);
    branch(s.getThenStatement());
    if (sm.isOpen()) {
      sm.jump(end);
    }
    sm.mark(elseState);
    if (s.getElseStatement() != null) {
      branch(s.getElseStatement());
      if (sm.isOpen()) {
        sm.jump(end);
      }
      sm.mark(end);
    }
  }

  /** A sub-statement: split ones are lowered, others copied (a lone declaration is still hoisted). */
  private void branch(StatementTree s) {
    pushScope();
    statements(List.of(s));
    popScope();
  }

  static String paren(String text) {
    return "(" + text + ")";
  }

  /** {@code while (c) B} → {@code HEAD: if (!(c)) goto END; B; goto HEAD; END:}. */
  private void whileLoop(WhileLoopTree s, Set<String> labels) {
    int head = sm.newState();
    int end = sm.newState();
    sm.jump(head);
    sm.mark(head);
    comment(s);
    Code cond = expressions.lower(s.getCondition());
    emit(cond.map("if (!" + paren(cond.text()) + ") { " + StateMachine.jumpText(end) + " }"), false);
    loopBody(s.getStatement(), labels, end, head);
    if (sm.isOpen()) {
      sm.jump(head);
    }
    sm.mark(end);
  }

  /** {@code do B while (c);} → {@code BODY: B; COND: if (c) goto BODY; END:}. */
  private void doWhileLoop(DoWhileLoopTree s, Set<String> labels) {
    int body = sm.newState();
    int cond = sm.newState();
    int end = sm.newState();
    sm.jump(body);
    sm.mark(body);
    loopBody(s.getStatement(), labels, end, cond);
    if (sm.isOpen()) {
      sm.jump(cond);
    }
    sm.mark(cond);
    comment(s.getCondition());
    Code c = expressions.lower(s.getCondition());
    emit(c.map("if " + paren(c.text()) + " { " + StateMachine.jumpText(body) + " }"), false);
    sm.jump(end);
    sm.mark(end);
  }

  /** {@code for (I; c; U) B} → {@code I; HEAD: if (!(c)) goto END; B; UPDATE: U; goto HEAD; END:}. */
  private void forLoop(ForLoopTree s, Set<String> labels) {
    pushScope();
    comment(s);
    statements(s.getInitializer());
    int head = sm.newState();
    int update = sm.newState();
    int end = sm.newState();
    sm.jump(head);
    sm.mark(head);
    if (s.getCondition() != null) {
      Code cond = expressions.lower(s.getCondition());
      emit(cond.map("if (!" + paren(cond.text()) + ") { " + StateMachine.jumpText(end) + " }"), false);
    }
    loopBody(s.getStatement(), labels, end, update);
    if (sm.isOpen()) {
      sm.jump(update);
    }
    sm.mark(update);
    for (ExpressionStatementTree u : s.getUpdate()) {
      Code c = expressions.lower(u.getExpression());
      emit(c.map(c.text() + ";"), false);
    }
    sm.jump(head);
    sm.mark(end);
    popScope();
  }

  private void loopBody(StatementTree body, Set<String> labels, int breakState, int continueState) {
    targets.push(new LoopTarget(labels == null ? Set.of() : labels, breakState, continueState));
    branch(body);
    targets.pop();
  }

  /**
   * {@code for (T x : src) B} → {@code $itN = AsyncFrame.$iter(src); HEAD: if (!$itN.hasNext()) goto END;
   * x = next; B; goto HEAD; END:}. With {@code @Await} on the variable, each step instead awaits
   * {@code AsyncFrame.$next($itN)} and ends at {@code AsyncFrame.END}.
   */
  private void forEach(EnhancedForLoopTree s, Set<String> labels) {
    boolean async = Analysis.isAwaitAnnotated(s.getVariable(), resolver);
    pushScope();
    comment(s);
    Code src = expressions.lower(s.getExpression());
    String it = "$it" + (tries++);
    sm.field(it, async ? "dev.baton.lowlevel.AsyncIterable<?>" : "java.util.Iterator<?>");
    emit(src.map(it + " = " + (async ? src.text() : "dev.baton.lowlevel.AsyncFrame.$iter(" + src.text() + ")")
        + ";"), false);
    int head = sm.newState();
    int end = sm.newState();
    sm.jump(head);
    sm.mark(head);
    String item;
    if (async) {
      sm.suspend("dev.baton.lowlevel.AsyncFrame.$next(" + it + ")");
      sm.emit("if ($value == dev.baton.lowlevel.AsyncFrame.END) { " + StateMachine.jumpText(end) + " }");
      item = "$value";
    } else {
      sm.emit("if (!" + it + ".hasNext()) { " + StateMachine.jumpText(end) + " }");
      item = it + ".next()";
    }
    Local x = declare(s.getVariable(), s.getStatement());
    String elementWitness = expressions.elementWitness(s.getExpression());
    sm.emit(x.field() + " = " + expressions.convert(x.type(), elementWitness, item) + ";");
    loopBody(s.getStatement(), labels, end, head);
    if (sm.isOpen()) {
      sm.jump(head);
    }
    sm.mark(end);
    sm.emit(it + " = null;");
    popScope();
  }

  /** {@code L: S}: a loop gets the label as a continue target too; anything else a break target. */
  private void labeled(LabeledStatementTree s, Set<String> outer) {
    Set<String> labels = new HashSet<>(outer == null ? Set.of() : outer);
    labels.add(s.getLabel().toString());
    StatementTree inner = s.getStatement();
    switch (inner.getKind()) {
      case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP, LABELED_STATEMENT -> statement(inner, labels);
      default -> {
        int end = sm.newState();
        targets.push(new BreakTarget(s.getLabel().toString(), end));
        branch(inner);
        targets.pop();
        if (sm.isOpen()) {
          sm.jump(end);
        }
        sm.mark(end);
      }
    }
  }

  /**
   * {@code switch (e) { case A: SA; case B: SB; }} → a native dispatch
   * {@code switch (e) { case A: goto CA; case B: goto CB; default: goto END; }} then the case bodies as
   * consecutive states (classic cases fall through to the next, arrow cases go to END).
   */
  private void switchStatement(SwitchTree s) {
    comment(s);
    Code selector = expressions.lower(s.getExpression());
    List<? extends CaseTree> cases = s.getCases();
    int end = sm.newState();
    List<Integer> caseStates = new ArrayList<>();
    boolean hasDefault = dispatch(selector, cases, caseStates);
    if (!hasDefault) {
      sm.jump(end);
    }
    targets.push(new BreakTarget(null, end));
    pushScope();
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      sm.mark(caseStates.get(i));
      if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
        Tree body = c.getBody();
        pushScope();
        if (body instanceof StatementTree st) {
          statements(List.of(st));
        } else if (body instanceof ExpressionTree et) {
          Code code = expressions.lower(et);
          emit(code.map(code.text() + ";"), false);
        }
        popScope();
        if (sm.isOpen()) {
          sm.jump(end);
        }
      } else {
        statements(c.getStatements());
        if (sm.isOpen()) {
          sm.jump(i + 1 < cases.size() ? caseStates.get(i + 1) : end);
        }
      }
    }
    popScope();
    targets.pop();
    sm.mark(end);
  }

  /**
   * Emits the native dispatch of a split switch (statement or expression):
   * {@code switch (selector) { case A: goto CA; ... default: goto CD; }}, with one new state per case
   * added to {@code caseStates}. Returns whether there is a default; with one, every path leaves the
   * state (it is ended); without one, the state stays open for the no-match path.
   */
  boolean dispatch(Code selector, List<? extends CaseTree> cases, List<Integer> caseStates) {
    StringBuilder dispatch = new StringBuilder("switch " + paren(selector.text()) + " {\n");
    boolean hasDefault = false;
    for (CaseTree c : cases) {
      int state = sm.newState();
      caseStates.add(state);
      @SuppressWarnings("deprecation")
      List<? extends ExpressionTree> labels = c.getExpressions();
      if (labels.isEmpty()) {
        hasDefault = true;
        dispatch.append("  default: ");
      } else {
        dispatch.append("  case ");
        for (int i = 0; i < labels.size(); i++) {
          dispatch.append(i == 0 ? "" : ", ").append(rewriter.raw(labels.get(i)));
        }
        dispatch.append(": ");
      }
      dispatch.append(StateMachine.jumpText(state)).append('\n');
    }
    dispatch.append("}");
    emit(selector.map(dispatch.toString()), hasDefault);
    return hasDefault;
  }

  // ---------------------------------------------------------------------------------------------
  // try / catch / finally and resources

  /**
   * A try with resources is desugared first (JLS 14.20.3): {@code try (R r = i) B catch/finally} is
   * {@code try { try (R r = i) B } catch/finally}, and several resources nest left to right.
   */
  private void tryStatement(TryTree t) {
    comment(t);
    if (!t.getResources().isEmpty() && (!t.getCatches().isEmpty() || t.getFinallyBlock() != null)) {
      tryCatchFinally(t, () -> resources(t, 0));
    } else if (!t.getResources().isEmpty()) {
      resources(t, 0);
    } else {
      tryCatchFinally(t, () -> branch(t.getBlock()));
    }
  }

  /**
   * {@code try { B } catch (E e) { C } finally { F }} →
   * <pre>
   *   BODY (region R1): B; $kN = NORMAL; goto FIN
   *   CATCH (region R2): C; $kN = NORMAL; goto FIN        (R1's handler: instanceof E → e = $t; goto CATCH)
   *   FIN (outer region): F; switch ($kN) { NORMAL: goto END; THROW: throw $xN; RETURN: ...; jumps... }
   * </pre>
   * Exceptions not caught go to the finally as {@code THROW} (R1 and R2's handlers).
   */
  private void tryCatchFinally(TryTree t, Runnable body) {
    int id = tries++;
    boolean hasFinally = t.getFinallyBlock() != null;
    int end = sm.newState();
    int fin = hasFinally ? sm.newState() : -1;
    TryTarget target = hasFinally ? new TryTarget(id, fin) : null;
    if (hasFinally) {
      sm.field(target.kindField(), "int");
      sm.field(target.excField(), "java.lang.Throwable");
    }
    int outer = sm.region();
    StateMachine.Region bodyRegion = sm.newRegion("try at " + fileName + ":" + rewriter.line(t));
    StateMachine.Region catchRegion = hasFinally ? sm.newRegion("catch at " + fileName + ":" + rewriter.line(t))
        : null;
    String toFinally = hasFinally
        ? "this." + target.excField() + " = $t; this." + target.kindField() + " = " + THROW + "; "
        + StateMachine.jumpText(fin) : null;
    String normalExit = hasFinally
        ? "this." + target.kindField() + " = " + NORMAL + "; " + StateMachine.jumpText(fin)
        : StateMachine.jumpText(end);

    int bodyState = sm.newState();
    sm.jump(bodyState);
    sm.setRegion(bodyRegion.id);
    sm.mark(bodyState);
    if (hasFinally) {
      targets.push(target);
    }
    body.run();
    if (sm.isOpen()) {
      sm.emitEnd(normalExit);
    }

    StringBuilder handler = new StringBuilder();
    sm.setRegion(hasFinally ? catchRegion.id : outer);
    if (hasFinally) {
      target.part = Part.CATCH;
    }
    for (CatchTree c : t.getCatches()) {
      int catchState = sm.newState();
      pushScope();
      Local param = declare(c.getParameter(), c.getBlock());
      List<String> tests = new ArrayList<>();
      Tree type = c.getParameter().getType();
      if (type instanceof UnionTypeTree u) {
        for (Tree alt : u.getTypeAlternatives()) {
          tests.add("$t instanceof " + rewriter.raw(alt));
        }
      } else {
        tests.add("$t instanceof " + rewriter.raw(type));
      }
      handler.append("if (").append(String.join(" || ", tests)).append(") { this.").append(param.field())
          .append(" = (").append(param.type()).append(") $t; ").append(StateMachine.jumpText(catchState))
          .append(" }\n");
      sm.mark(catchState);
      comment(c);
      statements(c.getBlock().getStatements());
      popScope();
      if (sm.isOpen()) {
        sm.emitEnd(normalExit);
      }
    }
    if (hasFinally) {
      handler.append(toFinally);
      catchRegion.handler = toFinally;
      targets.pop();
    } else {
      handler.append("$r = ").append(outer).append("; continue;");
    }
    bodyRegion.handler = handler.toString();
    sm.setRegion(outer);
    if (hasFinally) {
      target.part = Part.FINALLY;
      sm.mark(fin);
      comment(t.getFinallyBlock());
      branch(t.getFinallyBlock());
      if (sm.isOpen()) {
        endOfFinally(target, end);
      }
    }
    sm.mark(end);
  }

  /** The end of a finally: continue with the completion that was pending when it was entered. */
  private void endOfFinally(TryTarget t, int end) {
    StringBuilder b = new StringBuilder("switch (this.").append(t.kindField()).append(") {\n");
    b.append("  case ").append(NORMAL).append(": ").append(StateMachine.jumpText(end)).append('\n');
    b.append("  case ").append(THROW).append(": { java.lang.Throwable $p = this.").append(t.excField())
        .append("; this.").append(t.excField()).append(" = null; throw $p; }\n");
    for (Map.Entry<Integer, Leap> e : new ArrayList<>(t.leaps.entrySet())) {
      b.append("  case ").append(e.getKey()).append(": { ").append(leapText(e.getValue(), null)).append(" }\n");
    }
    b.append("  default: throw new java.lang.IllegalStateException(\"finally: unknown completion \" + this.")
        .append(t.kindField()).append(");\n}");
    sm.emitEnd(b.toString());
  }

  /**
   * {@code try (R r = init) B} →
   * <pre>
   *   r = init; $rN = r;
   *   BODY (region): B; $kN = NORMAL; goto CLOSE          (handler: $xN = $t; $kN = THROW; goto CLOSE)
   *   CLOSE: $p = AsyncFrame.$closeSync($rN, $kN == THROW ? $xN : null)       (plain resource)
   *          or: await AsyncFrame.$aexit($rN, ...) → $p                       (@Await resource)
   *          if ($p != null) { $kN = THROW; $xN = $p; } else if ($kN == THROW) $kN = NORMAL;
   *          then as at the end of a finally
   * </pre>
   * The exit sees the body's exception and may replace or swallow it (a cancel scope swallows its
   * own cancellation); a pending return/break/continue continues when nothing propagates.
   */
  private void resources(TryTree t, int index) {
    Tree resource = t.getResources().get(index);
    int id = tries++;
    String res = "$r" + id;
    boolean async = resource instanceof VariableTree v && Analysis.isAwaitAnnotated(v, resolver);
    sm.field(res, async ? "dev.baton.lowlevel.AsyncCloseable" : "java.lang.AutoCloseable");
    pushScope();
    Tree rest = index + 1 < t.getResources().size() ? t.getResources().get(index + 1) : t.getBlock();
    if (resource instanceof VariableTree v) {
      Code init = expressions.lower(v.getInitializer(), explicitType(v));
      Local local = declare(v, rest);
      emit(init.map(local.field() + " = " + init.text() + ";"), false);
      sm.emit(res + " = " + local.field() + ";");
    } else {
      Code init = expressions.lower((ExpressionTree) resource);
      emit(init.map(res + " = " + init.text() + ";"), false);
    }
    int end = sm.newState();
    int close = sm.newState();
    TryTarget target = new TryTarget(id, close);
    sm.field(target.kindField(), "int");
    sm.field(target.excField(), "java.lang.Throwable");
    int outer = sm.region();
    StateMachine.Region region = sm.newRegion("resource at " + fileName + ":" + rewriter.line(resource));
    region.handler = "this." + target.excField() + " = $t; this." + target.kindField() + " = " + THROW + "; "
        + StateMachine.jumpText(close);
    int bodyState = sm.newState();
    sm.jump(bodyState);
    sm.setRegion(region.id);
    sm.mark(bodyState);
    targets.push(target);
    if (index + 1 < t.getResources().size()) {
      resources(t, index + 1);
    } else {
      branch(t.getBlock());
    }
    targets.pop();
    if (sm.isOpen()) {
      sm.emitEnd("this." + target.kindField() + " = " + NORMAL + "; " + StateMachine.jumpText(close));
    }
    sm.setRegion(outer);
    target.part = Part.FINALLY;
    sm.mark(close);
    String pending = "this." + target.kindField() + " == " + THROW + " ? this." + target.excField() + " : null";
    String outcome;
    if (async) {
      sm.suspend("dev.baton.lowlevel.AsyncFrame.$aexit(" + res + ", " + pending + ")");
      outcome = "(java.lang.Throwable) $value";
    } else {
      outcome = "dev.baton.lowlevel.AsyncFrame.$closeSync(" + res + ", " + pending + ")";
    }
    sm.emit("{ java.lang.Throwable $p = " + outcome + "; " + res + " = null; if ($p != null) { this."
        + target.excField() + " = $p; this." + target.kindField() + " = " + THROW + "; } else if (this."
        + target.kindField() + " == " + THROW + ") { this." + target.kindField() + " = " + NORMAL + "; this."
        + target.excField() + " = null; } }");
    endOfFinally(target, end);
    sm.mark(end);
    popScope();
  }

  /** For messages and generated comments. */
  String where(Tree t) {
    return fileName + ":" + rewriter.line(t);
  }
}
