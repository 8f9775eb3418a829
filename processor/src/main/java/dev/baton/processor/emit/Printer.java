package dev.baton.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.lower.Label;
import dev.baton.processor.parse.AsyncMethod;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Prints user code for the frame: the original source text, comments and layout included (sliced by
 * position, never {@code Tree.toString()}), with the edits that make it mean the same thing inside
 * the generated class:
 * <ul>
 *   <li>a local that lives in the frame by its field name; a pattern binding that lives there is
 *       bound through it: {@code o instanceof String s} becomes
 *       {@code (o instanceof String s$p && ((s = s$p) == s$p || true))};</li>
 *   <li>{@code this}, {@code Foo.this} and {@code super} as {@code AsyncFoo.this} and
 *       {@code AsyncFoo.super};</li>
 *   <li>members and types that would resolve differently, qualified ({@link Scope});</li>
 *   <li>a call of a static {@code @Async} method as a call of the generated one;</li>
 *   <li>{@code return}, and {@code break}/{@code continue}/{@code yield} that leave the printed code,
 *       as the lowering's transfers ({@link Leaps});</li>
 *   <li>subtrees the lowering has already computed, as the code it gives ({@code replace}).</li>
 * </ul>
 */
public final class Printer {
  /** How jumps out of printed code are written: the lowering knows the targets and the finallys. */
  public interface Leaps {
    /** The code of {@code tree}; the labels it jumps to are added to {@code jumps}. */
    CodeBlock onReturn(ReturnTree tree, Set<Label> jumps);

    CodeBlock onBreak(BreakTree tree, Set<Label> jumps);

    CodeBlock onContinue(ContinueTree tree, Set<Label> jumps);

    CodeBlock onYield(YieldTree tree, Set<Label> jumps);
  }

  private final AsyncMethod m;
  private final Scope scope;
  private final Leaps leaps;

  public Printer(Scope scope, Leaps leaps) {
    this.m = scope.method();
    this.scope = scope;
    this.leaps = leaps;
  }

  public Scope scope() {
    return scope;
  }

  /** Prints {@code tree}. */
  public Printed print(Tree tree) {
    return print(tree, Map.of(), false);
  }

  /**
   * Prints {@code tree}, with each subtree in {@code replace} (by identity) written as the code
   * given. With {@code nativeBindings}, pattern bindings that live in the frame are declared under
   * their native names ({@code s$p}) and references to them use those names: the dispatch of a
   * split switch binds them itself.
   */
  public Printed print(Tree tree, Map<Tree, CodeBlock> replace, boolean nativeBindings) {
    return print(m.start(tree), m.end(tree), List.of(tree), replace, nativeBindings, Map.of());
  }

  /**
   * Prints the source range {@code [start, end)}, which holds {@code trees} (and only text between
   * them), with the edits {@link #print(Tree, Map, boolean)} makes; {@code renames} gives other
   * names to some frame locals (a moved local class reads its captured copies).
   */
  public Printed print(int start, int end, List<? extends Tree> trees, Map<Tree, CodeBlock> replace,
      boolean nativeBindings, Map<Element, String> renames) {
    return print(start, end, trees, replace, nativeBindings, renames, 0);
  }

  /**
   * {@link #print(int, int, List, Map, boolean, Map)} of code inside {@code bodies} lambda bodies of
   * the code being printed: a part printed on its own (a compound assignment's operands) still
   * reports the frame locals it reads there as captured, so that they are read from a snapshot.
   */
  private Printed print(int start, int end, List<? extends Tree> trees, Map<Tree, CodeBlock> replace,
      boolean nativeBindings, Map<Element, String> renames, int bodies) {
    Edits edits = new Edits(replace, nativeBindings, renames);
    edits.bodies = bodies;
    if (nativeBindings) {
      for (Tree t : trees) {
        edits.declareBindings(t);
      }
    }
    for (Tree t : trees) {
      if (nativeBindings && t instanceof IdentifierTree) {
        edits.caseLabels.add(t); // the dispatch of a split switch prints its case labels
      }
      edits.scan(t, null);
    }
    return new Printed(splice(start, end, edits.edits, edits.inserts, column(start)), edits.captured, edits.jumps);
  }

  /** The native name of a binding that lives in the frame, as declared by a dispatch. */
  public static String nativeName(Facts.FrameLocal local) {
    return local.name() + "$p";
  }

  // ---------------------------------------------------------------------------------------------
  // Splicing

  private record Edit(int start, int end, CodeBlock code) {}

  /**
   * The printed text: source from {@code start} to {@code end} with each edit's range replaced by
   * its code and each insertion's code written at its position (before an edit that starts there).
   */
  private CodeBlock splice(int start, int end, TreeMap<Integer, Edit> edits, TreeMap<Integer, CodeBlock> inserts,
      int column) {
    List<Edit> all = new ArrayList<>(edits.size() + inserts.size());
    inserts.forEach((at, code) -> all.add(new Edit(at, at, code)));
    all.addAll(edits.values());
    all.sort(java.util.Comparator.comparingInt(Edit::start).thenComparingInt(e -> e.end() - e.start()));
    CodeBlock.Builder b = CodeBlock.builder();
    int at = start;
    for (Edit e : all) {
      if (e.start < at) {
        continue; // nested in an earlier edit (cannot happen: edits never look inside each other)
      }
      text(b, at, e.start, column);
      b.add(e.code);
      at = e.end;
    }
    text(b, at, end, column);
    return b.build();
  }

  /** Source text, with the indentation of the printed tree's first line taken off later lines. */
  private void text(CodeBlock.Builder b, int from, int to, int column) {
    if (from >= to) {
      return;
    }
    String s = m.text().substring(from, to);
    if (s.indexOf('\n') >= 0 && column > 0) {
      StringBuilder out = new StringBuilder(s.length());
      int i = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        out.append(c);
        i++;
        if (c == '\n') {
          int strip = 0;
          while (strip < column && i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
            strip++;
          }
        }
      }
      s = out.toString();
    }
    b.add("$L", s);
  }

  private int column(int position) {
    int lineStart = m.text().lastIndexOf('\n', position - 1) + 1;
    return position - lineStart;
  }

  // ---------------------------------------------------------------------------------------------
  // Edits

  private final class Edits extends TreeScanner<Void, Void> {
    final TreeMap<Integer, Edit> edits = new TreeMap<>();
    /** Code written at a position without replacing any source (several at one position: in order). */
    final TreeMap<Integer, CodeBlock> inserts = new TreeMap<>();
    final Set<Facts.FrameLocal> captured = new LinkedHashSet<>();
    final Set<Label> jumps = new LinkedHashSet<>();
    private final Map<Tree, CodeBlock> replace;
    private final boolean nativeBindings;
    /** Lambda and class bodies we are in: {@code this} and jumps there are their own. */
    private int bodies;
    private int classes;
    /** Jump targets inside the printed code (loops, switches, labeled statements, switch expressions). */
    private final Deque<Tree> targets = new ArrayDeque<>();

    private final Map<Element, String> renames;
    /** The bindings the printed code declares itself: only they take their native names. */
    private final Set<Element> ownBindings = new java.util.HashSet<>();

    void declareBindings(Tree t) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void v) {
          ownBindings.add(m.element(node));
          return super.visitVariable(node, v);
        }
      }.scan(t, null);
    }

    Edits(Map<Tree, CodeBlock> replace, boolean nativeBindings, Map<Element, String> renames) {
      this.replace = new IdentityHashMap<>(replace);
      this.nativeBindings = nativeBindings;
      this.renames = renames;
    }

    void insert(int at, CodeBlock code) {
      inserts.merge(at, code, (a, b) -> CodeBlock.builder().add(a).add(b).build());
    }

    void edit(Tree t, CodeBlock code) {
      edit(m.start(t), m.end(t), code);
    }

    void edit(int start, int end, CodeBlock code) {
      edits.put(start, new Edit(start, end, code));
    }

    @Override
    public Void scan(Tree tree, Void v) {
      if (tree == null) {
        return null;
      }
      CodeBlock r = replace.get(tree);
      if (r != null) {
        edit(tree, r);
        return null;
      }
      if (tree.getKind().name().equals("CONSTANT_CASE_LABEL")) {
        for (Tree child : dev.baton.processor.analyze.Children.of(tree)) {
          if (child instanceof IdentifierTree) {
            caseLabels.add(child);
          }
        }
      }
      return super.scan(tree, v);
    }

    // --- names -----------------------------------------------------------------------------------

    @Override
    public Void visitIdentifier(IdentifierTree node, Void v) {
      String name = node.getName().toString();
      if (name.equals("this")) {
        if (classes == 0 && !m.isStatic()) {
          edit(node, CodeBlock.of("$L", scope.self()));
        }
        return null;
      }
      if (name.equals("super")) {
        if (classes == 0) {
          edit(node, CodeBlock.of("$L", scope.superSelf()));
        }
        return null;
      }
      Element e = m.element(node);
      if (e == null) {
        return null;
      }
      if (renames.containsKey(e)) {
        edit(node, CodeBlock.of("$L", renames.get(e)));
        return null;
      }
      if (e instanceof VariableElement var && var.getKind() == ElementKind.LOCAL_VARIABLE
          && var.getConstantValue() != null) {
        // a constant variable (JLS 4.12.4) may label a case: its value, not a frame field, which is
        // not a constant expression
        String c = m.elements().getConstantExpression(var.getConstantValue());
        boolean token = c.matches("[0-9][\\w.]*|true|false") || c.startsWith("\"") || c.startsWith("'");
        edit(node, CodeBlock.of("$L", token ? c : "(" + c + ")")); // -1, (byte)1, 0.0/0.0: parenthesized
        return null;
      }
      if (e instanceof VariableElement var && scope.facts().field(var) != null) {
        Facts.FrameLocal local = scope.facts().field(var);
        if (bodies > 0) {
          captured.add(local);
        }
        String printed = nativeBindings && ownBindings.contains(var) ? nativeName(local) : local.name();
        if (!printed.equals(name)) {
          edit(node, CodeBlock.of("$L", printed));
        }
        return null;
      }
      if ((e.getKind() == ElementKind.FIELD || e.getKind() == ElementKind.ENUM_CONSTANT) && !isCaseLabel(node)) {
        String q = scope.qualifier(e);
        if (q != null) {
          edit(node, CodeBlock.of("$L.$L", q, name));
        }
        return null;
      }
      if (e instanceof TypeElement type) {
        String t = scope.typeName(type);
        if (t != null) {
          edit(node, CodeBlock.of("$L", t));
        }
      }
      return null;
    }

    private boolean isCaseLabel(IdentifierTree node) {
      // an enum constant in a case label is named without qualification: never edited
      return caseLabels.contains(node);
    }

    private final Set<Tree> caseLabels = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    @Override
    public Void visitCase(CaseTree node, Void v) {
      @SuppressWarnings("deprecation")
      List<? extends Tree> labels = node.getExpressions();
      for (Tree label : labels) {
        if (label instanceof IdentifierTree) {
          caseLabels.add(label);
        }
      }
      return super.visitCase(node, v);
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void v) {
      String id = node.getIdentifier().toString();
      if (isSuper(node.getExpression())) {
        String redeclared = scope.superMember(m.element(node));
        if (redeclared != null) {
          edit(node, CodeBlock.of("$L", redeclared));
          return null;
        }
      }
      if ((id.equals("this") || id.equals("super")) && scope.isOwner(m.element(node.getExpression()))) {
        edit(node, CodeBlock.of("$L", id.equals("this") ? scope.self() : scope.superSelf()));
        return null;
      }
      return super.visitMemberSelect(node, v);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
      Element e = m.element(node);
      if (e instanceof ExecutableElement method) {
        String holder = scope.generatedHolder(method);
        Tree select = node.getMethodSelect();
        if (holder != null && !scope.isBodyLocal(method)) {
          if (select instanceof IdentifierTree id) {
            edit(id, CodeBlock.of("$L.$L", holder, id.getName()));
            scan(node.getTypeArguments(), v);
            scan(node.getArguments(), v);
            return null;
          }
          if (select instanceof MemberSelectTree ms && m.element(ms.getExpression()) instanceof TypeElement) {
            edit(ms.getExpression(), CodeBlock.of("$L", holder));
            scan(node.getTypeArguments(), v);
            scan(node.getArguments(), v);
            return null;
          }
        } else if (select instanceof IdentifierTree id && !id.getName().contentEquals("this")
            && !id.getName().contentEquals("super")) {
          String q = scope.qualifier(method);
          if (q != null) {
            edit(id, CodeBlock.of("$L.$L", q, id.getName()));
          }
          scan(node.getTypeArguments(), v);
          scan(node.getArguments(), v);
          return null;
        }
      }
      return super.visitMethodInvocation(node, v);
    }

    /** {@code super} or {@code Foo.super} meaning the owner's superclass (not inside a class body). */
    private boolean isSuper(Tree e) {
      if (e instanceof IdentifierTree id && id.getName().contentEquals("super")) {
        return classes == 0;
      }
      return e instanceof MemberSelectTree s && s.getIdentifier().contentEquals("super")
          && scope.isOwner(m.element(s.getExpression()));
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Void v) {
      Element e = m.element(node);
      if (isSuper(node.getQualifierExpression())) {
        String redeclared = scope.superMember(e);
        if (redeclared != null) {
          int dot = redeclared.lastIndexOf('.');
          edit(node, CodeBlock.of("$L::$L", redeclared.substring(0, dot), redeclared.substring(dot + 1)));
          return null;
        }
      }
      if (e instanceof ExecutableElement method && scope.generatedHolder(method) != null
          && m.element(node.getQualifierExpression()) instanceof TypeElement) {
        edit(node.getQualifierExpression(), CodeBlock.of("$L", scope.generatedHolder(method)));
        scan(node.getTypeArguments(), v);
        return null;
      }
      return super.visitMemberReference(node, v);
    }

    @Override
    public Void visitCompoundAssignment(com.sun.source.tree.CompoundAssignmentTree node, Void v) {
      Tree variable = node.getVariable();
      while (variable instanceof com.sun.source.tree.ParenthesizedTree p) {
        variable = p.getExpression();
      }
      boolean onThis = variable instanceof IdentifierTree
          || variable instanceof MemberSelectTree ms && (isSuper(ms.getExpression())
              || ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals("this")
              || ms.getExpression() instanceof MemberSelectTree q && q.getIdentifier().contentEquals("this"));
      if (classes > 0 || !onThis || !scope.throughAccessor(m.element(variable))) {
        return super.visitCompoundAssignment(node, v);
      }
      // f op= e  →  f = (T) (f op (e)): the value of f is read first (JLS 15.26.2)
      // printed on their own, inside the lambdas this is in (a frame local they read is captured)
      Printed target = print(m.start(variable), m.end(variable), List.of(variable), replaceWithin(variable), false,
          renames, bodies);
      Printed value = print(m.start(node.getExpression()), m.end(node.getExpression()), List.of(node.getExpression()),
          replaceWithin(node.getExpression()), false, renames, bodies);
      captured.addAll(target.captured());
      captured.addAll(value.captured());
      jumps.addAll(value.jumps());
      edit(node, CodeBlock.of("$L = $L($L $L ($L))", target.code(), scope.compoundCast(m.type(variable)),
          target.code(), Scope.compoundOperator(node.getKind()), value.code()));
      return null;
    }

    // --- bodies of lambdas and classes -------------------------------------------------------------

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void v) {
      bodies++;
      Deque<Tree> saved = new ArrayDeque<>(targets);
      targets.clear();
      try {
        return super.visitLambdaExpression(node, v);
      } finally {
        targets.addAll(saved);
        bodies--;
      }
    }

    @Override
    public Void visitClass(ClassTree node, Void v) {
      bodies++;
      classes++;
      Deque<Tree> saved = new ArrayDeque<>(targets);
      targets.clear();
      try {
        return super.visitClass(node, v);
      } finally {
        targets.addAll(saved);
        classes--;
        bodies--;
      }
    }

    /**
     * A {@code synchronized} statement inside a switch expression is written inside
     * {@code try { ... } catch (Throwable $sync12) { throw $sync12; }}, which means the same (a precise
     * rethrow: the statement throws exactly what it threw). javac before 21 spills the operand
     * stack around a switch expression only when a case holds a {@code try}, not a
     * {@code synchronized}; in the frame a local becomes a field, so {@code x = switch ...} pushes
     * {@code this} first, and the monitor's handler would see a stack the verifier rejects
     * ("Stack map does not match the one at exception handler"). The {@code try} makes javac spill.
     */
    @Override
    public Void visitSynchronized(SynchronizedTree node, Void v) {
      if (targets.stream().anyMatch(t -> t instanceof SwitchExpressionTree)) {
        insert(m.start(node), CodeBlock.of("try { "));
        String e = "$sync" + m.start(node); // unique in the method; users do not write such names
        insert(m.end(node), CodeBlock.of(" } catch (java.lang.Throwable $L) { throw $L; }", e, e));
      }
      return super.visitSynchronized(node, v);
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void v) {
      if (node.getEnclosingExpression() != null) {
        // o.new Inner(...): JLS 15.9 wants the inner class's simple name after `new`, never qualified
        scan(node.getEnclosingExpression(), v);
        scan(node.getTypeArguments(), v);
        scan(node.getArguments(), v);
        return scan(node.getClassBody(), v);
      }
      return super.visitNewClass(node, v); // its body is visited as a ClassTree
    }

    @Override
    public Void visitLiteral(com.sun.source.tree.LiteralTree node, Void v) {
      if (node.getValue() instanceof String value && m.start(node) >= 0
          && m.text().startsWith("\"\"\"", m.start(node))) {
        // a text block: its lines would be indented again with the generated code; its value, as
        // an ordinary literal, is the same string
        edit(node, CodeBlock.of("$S", value));
      }
      return null;
    }

    @Override
    public Void visitTry(TryTree node, Void v) {
      for (Tree r : node.getResources()) {
        // try (x) on a local that lives in the frame: Java wants an effectively final local
        if (!(r instanceof VariableTree) && m.element(r) instanceof VariableElement var
            && scope.facts().field(var) != null) {
          captured.add(scope.facts().field(var));
        }
      }
      return super.visitTry(node, v);
    }

    // --- patterns ----------------------------------------------------------------------------------

    @Override
    public Void visitInstanceOf(InstanceOfTree node, Void v) {
      if (nativeBindings || node.getPattern() == null) {
        return super.visitInstanceOf(node, v);
      }
      List<Facts.FrameLocal> bound = new ArrayList<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree var, Void x) {
          Facts.FrameLocal f = scope.facts().field(m.element(var));
          if (f != null) {
            bound.add(f);
          }
          return super.visitVariable(var, x);
        }
      }.scan(node.getPattern(), null);
      if (bound.isEmpty()) {
        return super.visitInstanceOf(node, v);
      }
      // (o instanceof String s$p && ((s = s$p) == s$p || true))
      Printed inner = print(m.start(node), m.end(node), List.of(node), replaceWithin(node), true, renames);
      captured.addAll(inner.captured());
      jumps.addAll(inner.jumps());
      CodeBlock.Builder b = CodeBlock.builder().add("($L", inner.code());
      for (Facts.FrameLocal f : bound) {
        b.add(" && ((this.$L = $L) == $L || true)", f.name(), nativeName(f), nativeName(f));
      }
      edit(node, b.add(")").build());
      return null;
    }

    private Map<Tree, CodeBlock> replaceWithin(Tree node) {
      Map<Tree, CodeBlock> out = new IdentityHashMap<>();
      for (Map.Entry<Tree, CodeBlock> e : replace.entrySet()) {
        if (m.start(e.getKey()) >= m.start(node) && m.end(e.getKey()) <= m.end(node)) {
          out.put(e.getKey(), e.getValue());
        }
      }
      return out;
    }

    @Override
    public Void visitVariable(VariableTree node, Void v) {
      Facts.FrameLocal f = scope.facts().field(m.element(node));
      if (f != null && bodies == 0) {
        if (!nativeBindings || !ownBindings.contains(m.element(node))) {
          throw new IllegalStateException("a frame local declared inside printed code: " + node.getName()
              + " at " + m.fileName() + ":" + m.line(node));
        }
        // a binding declared by a dispatch or a rewritten instanceof: its native name
        int end = m.end(node);
        int start = end - node.getName().length();
        scan(node.getModifiers(), v);
        scan(node.getType(), v);
        edit(start, end, CodeBlock.of("$L", nativeName(f)));
        return null;
      }
      return super.visitVariable(node, v);
    }

    // --- jumps -------------------------------------------------------------------------------------

    @Override
    public Void visitReturn(ReturnTree node, Void v) {
      if (bodies > 0) {
        return super.visitReturn(node, v);
      }
      edit(node, leaps.onReturn(node, jumps));
      return null;
    }

    @Override
    public Void visitBreak(BreakTree node, Void v) {
      if (bodies == 0 && !inside(node.getLabel() == null ? null : node.getLabel().toString(), false)) {
        edit(node, leaps.onBreak(node, jumps));
      }
      return null;
    }

    @Override
    public Void visitContinue(ContinueTree node, Void v) {
      if (bodies == 0 && !inside(node.getLabel() == null ? null : node.getLabel().toString(), true)) {
        edit(node, leaps.onContinue(node, jumps));
      }
      return null;
    }

    @Override
    public Void visitYield(YieldTree node, Void v) {
      if (bodies == 0 && targets.stream().noneMatch(t -> t instanceof SwitchExpressionTree)) {
        edit(node, leaps.onYield(node, jumps));
        return null;
      }
      return super.visitYield(node, v);
    }

    /** True if a jump with this label (or none) finds its target inside the printed code. */
    private boolean inside(String label, boolean isContinue) {
      for (Tree t : targets) {
        if (t instanceof SwitchExpressionTree) {
          return false; // jumps cannot leave a switch expression: the target is beyond it
        }
        if (label == null) {
          if (isLoop(t) || !isContinue && t instanceof SwitchTree) {
            return true;
          }
        } else if (t instanceof LabeledStatementTree l && l.getLabel().contentEquals(label)) {
          return true;
        }
      }
      return false;
    }

    private boolean isLoop(Tree t) {
      return t instanceof WhileLoopTree || t instanceof DoWhileLoopTree || t instanceof ForLoopTree
          || t instanceof EnhancedForLoopTree;
    }

    private Void target(Tree t, Runnable body) {
      targets.push(t);
      try {
        body.run();
      } finally {
        targets.pop();
      }
      return null;
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Void v) {
      return target(node, () -> super.visitWhileLoop(node, v));
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Void v) {
      return target(node, () -> super.visitDoWhileLoop(node, v));
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void v) {
      return target(node, () -> super.visitForLoop(node, v));
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void v) {
      return target(node, () -> super.visitEnhancedForLoop(node, v));
    }

    @Override
    public Void visitSwitch(SwitchTree node, Void v) {
      return target(node, () -> super.visitSwitch(node, v));
    }

    @Override
    public Void visitSwitchExpression(SwitchExpressionTree node, Void v) {
      return target(node, () -> super.visitSwitchExpression(node, v));
    }

    @Override
    public Void visitLabeledStatement(LabeledStatementTree node, Void v) {
      return target(node, () -> super.visitLabeledStatement(node, v));
    }
  }

  static boolean isBinding(VariableElement e) {
    return e.getKind().name().equals("BINDING_VARIABLE");
  }
}
