package dev.baton.processor;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Prints user code for the frame: the original source text of a tree (comments and formatting kept)
 * with a list of edits, never {@code Tree.toString()} (see docs/javac-notes.md). The edits:
 *
 * <pre>
 *   hoisted local  x            →  x                (the frame's field; renamed if it would clash)
 *   ... inside a lambda/class   →  x$snap           (an effectively-final copy: captures keep Java's meaning)
 *   this, Foo.this              →  AsyncFoo.this
 *   toString() (Object methods) →  AsyncFoo.this.toString()
 *   return e;                   →  the leap code of the state machine (see Lowerer)
 *   break/continue leaving the printed tree → the leap code
 * </pre>
 *
 * In witness mode (typing-only code that never runs) hoisted locals print as {@code $f.x}, so the
 * witness lambda captures nothing.
 */
final class Rewriter {
  /** Object's methods: an unqualified call to one would bind to the frame's own. */
  private static final Set<String> OBJECT_METHODS = Set.of(
      "toString", "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

  /** What to print for a leap (return/break/continue) that leaves the printed tree. */
  interface Leaps {
    String onReturn(ReturnTree tree, Code value);

    String onJump(Tree tree, String label, boolean isContinue);
  }

  private final String source;
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final String ownerSimpleName;
  private final String ownerQualifiedName;
  private final String selfText;
  private final boolean instance;

  Rewriter(String source, CompilationUnitTree unit, SourcePositions positions, String ownerSimpleName,
      String ownerQualifiedName, String asyncClassName, boolean instance) {
    this.source = source;
    this.unit = unit;
    this.positions = positions;
    this.ownerSimpleName = ownerSimpleName;
    this.ownerQualifiedName = ownerQualifiedName;
    this.selfText = asyncClassName + ".this";
    this.instance = instance;
  }

  long start(Tree t) {
    return positions.getStartPosition(unit, t);
  }

  long end(Tree t) {
    return positions.getEndPosition(unit, t);
  }

  /** The untouched source text of a tree. */
  String raw(Tree t) {
    long s = start(t);
    long e = end(t);
    if (s < 0 || e < 0 || e < s) {
      throw new IllegalStateException("no source position for " + t.getKind() + " tree");
    }
    return source.substring((int) s, (int) e);
  }

  /** The 0-based column of a tree's start. */
  long column(Tree t) {
    return unit.getLineMap().getColumnNumber(start(t)) - 1;
  }

  /** Removes up to {@code column} leading spaces from every line but the first (the source's own indent). */
  static String dedent(String text, long column) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    String[] lines = text.split("\n", -1);
    StringBuilder b = new StringBuilder(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i];
      int n = 0;
      while (n < column && n < l.length() && l.charAt(n) == ' ') {
        n++;
      }
      b.append('\n').append(l.substring(n));
    }
    return b.toString();
  }

  /** The 1-based line of a tree's start. */
  long line(Tree t) {
    return unit.getLineMap().getLineNumber(start(t));
  }

  /** Prints {@code tree} for the frame. */
  Code print(Tree tree, Function<String, Local> scope, Leaps leaps) {
    return print(tree, scope, leaps, Map.of(), false);
  }

  /** Prints {@code tree} with the given subtrees replaced by already generated code. */
  Code print(Tree tree, Function<String, Local> scope, Leaps leaps, Map<Tree, Code> overrides, boolean witness) {
    Scan scan = new Scan(scope, leaps, overrides, witness);
    scan.scan(tree, null);
    return new Code(apply(tree, scan.edits), scan.snapshots);
  }

  private record Edit(long start, long end, String text) {}

  private String apply(Tree tree, List<Edit> edits) {
    long base = start(tree);
    String text = raw(tree);
    edits.sort(Comparator.comparingLong(Edit::start));
    StringBuilder out = new StringBuilder(text.length() + 32);
    int at = 0;
    for (Edit e : edits) {
      int s = (int) (e.start - base);
      int en = (int) (e.end - base);
      if (s < at) {
        throw new IllegalStateException("overlapping edits in generated code");
      }
      out.append(text, at, s).append(e.text);
      at = en;
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  private final class Scan extends TreeScanner<Void, Void> {
    final Function<String, Local> scope;
    final Leaps leaps;
    final Map<Tree, Code> overrides;
    final boolean witness;
    final List<Edit> edits = new ArrayList<>();
    final Set<Local> snapshots = new LinkedHashSet<>();
    int lambdaDepth;
    int classDepth;
    /** Names declared inside class bodies being scanned (they shadow hoisted locals there). */
    final Deque<Set<String>> classNames = new ArrayDeque<>();
    /** Loops and switches inside the printed tree: unlabeled break/continue stay inside them. */
    int breakTargets;
    int continueTargets;
    final Set<String> labels = new HashSet<>();
    final Map<Tree, Boolean> skip = new IdentityHashMap<>();

    Scan(Function<String, Local> scope, Leaps leaps, Map<Tree, Code> overrides, boolean witness) {
      this.scope = scope;
      this.leaps = leaps;
      this.overrides = overrides;
      this.witness = witness;
    }

    void replace(Tree t, String text) {
      edits.add(new Edit(start(t), end(t), text));
    }

    @Override
    public Void scan(Tree tree, Void v) {
      if (tree == null || skip.containsKey(tree)) {
        return null;
      }
      Code o = overrides.get(tree);
      if (o != null) {
        replace(tree, o.text());
        snapshots.addAll(o.snapshots());
        return null;
      }
      return super.scan(tree, v);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void v) {
      String name = node.getName().toString();
      if (name.equals("this")) {
        if (instance && classDepth == 0) {
          replace(node, selfText);
        }
        return null;
      }
      Local local = scope.apply(name);
      if (local == null || shadowedInClass(name)) {
        return null;
      }
      if (witness) {
        replace(node, "$f." + local.field());
      } else if (lambdaDepth > 0 || classDepth > 0) {
        snapshots.add(local);
        replace(node, local.snapshot());
      } else if (!local.field().equals(name)) {
        replace(node, local.field());
      }
      return null;
    }

    private boolean shadowedInClass(String name) {
      for (Set<String> s : classNames) {
        if (s.contains(name)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Void v) {
      // Foo.this names the user's object at any depth (inside an anonymous class too)
      if (node.getIdentifier().contentEquals("this") && instance) {
        String q = node.getExpression().toString();
        if (q.equals(ownerSimpleName) || q.equals(ownerQualifiedName)) {
          replace(node, selfText);
          return null;
        }
      }
      return super.visitMemberSelect(node, v);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
      if (node.getMethodSelect() instanceof IdentifierTree id) {
        // a method name is not a variable: never rewrite it as a hoisted local
        if (instance && classDepth == 0 && OBJECT_METHODS.contains(id.getName().toString())) {
          replace(id, selfText + "." + id.getName());
        }
        scan(node.getTypeArguments(), v);
        scan(node.getArguments(), v);
        return null;
      }
      return super.visitMethodInvocation(node, v);
    }

    @Override
    public Void visitVariable(VariableTree node, Void v) {
      // the type is not an expression; the name is a declaration
      scan(node.getModifiers(), v);
      scan(node.getInitializer(), v);
      return null;
    }

    @Override
    public Void visitNewClass(NewClassTree node, Void v) {
      scan(node.getEnclosingExpression(), v);
      scan(node.getArguments(), v);
      if (node.getClassBody() != null) {
        scan(node.getClassBody(), v);
      }
      return null;
    }

    @Override
    public Void visitClass(ClassTree node, Void v) {
      Set<String> names = new HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree var, Void x) {
          names.add(var.getName().toString());
          return super.visitVariable(var, x);
        }
      }.scan(node.getMembers(), null);
      classNames.push(names);
      classDepth++;
      int savedBreak = breakTargets;
      int savedContinue = continueTargets;
      breakTargets = 1;
      continueTargets = 1; // leaps inside methods of the class never leave the printed tree
      try {
        scan(node.getMembers(), v);
      } finally {
        classDepth--;
        classNames.pop();
        breakTargets = savedBreak;
        continueTargets = savedContinue;
      }
      return null;
    }

    @Override
    public Void visitMethod(MethodTree node, Void v) {
      scan(node.getBody(), v);
      return null;
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void v) {
      lambdaDepth++;
      int savedBreak = breakTargets;
      int savedContinue = continueTargets;
      breakTargets = 1;
      continueTargets = 1;
      try {
        scan(node.getBody(), v);
      } finally {
        lambdaDepth--;
        breakTargets = savedBreak;
        continueTargets = savedContinue;
      }
      return null;
    }

    @Override
    public Void visitReturn(ReturnTree node, Void v) {
      if (lambdaDepth > 0 || classDepth > 0 || leaps == null) {
        return super.visitReturn(node, v);
      }
      Code value = node.getExpression() == null ? null : sub(node.getExpression());
      replace(node, leaps.onReturn(node, value));
      return null;
    }

    /** Prints a subtree with this scan's context, collecting its snapshots. */
    private Code sub(Tree t) {
      Code c = print(t, scope, leaps, overrides, witness);
      snapshots.addAll(c.snapshots());
      return c;
    }

    @Override
    public Void visitBreak(BreakTree node, Void v) {
      if (leaps != null && lambdaDepth == 0 && classDepth == 0) {
        String label = node.getLabel() == null ? null : node.getLabel().toString();
        boolean inside = label == null ? breakTargets > 0 : labels.contains(label);
        if (!inside) {
          replace(node, leaps.onJump(node, label, false));
        }
      }
      return null;
    }

    @Override
    public Void visitContinue(ContinueTree node, Void v) {
      if (leaps != null && lambdaDepth == 0 && classDepth == 0) {
        String label = node.getLabel() == null ? null : node.getLabel().toString();
        boolean inside = label == null ? continueTargets > 0 : labels.contains(label);
        if (!inside) {
          replace(node, leaps.onJump(node, label, true));
        }
      }
      return null;
    }

    @Override
    public Void visitLabeledStatement(LabeledStatementTree node, Void v) {
      String l = node.getLabel().toString();
      labels.add(l);
      try {
        return super.visitLabeledStatement(node, v);
      } finally {
        labels.remove(l);
      }
    }

    private Void loop(Tree node, Runnable body) {
      breakTargets++;
      continueTargets++;
      try {
        body.run();
      } finally {
        breakTargets--;
        continueTargets--;
      }
      return null;
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Void v) {
      return loop(node, () -> super.visitWhileLoop(node, v));
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Void v) {
      return loop(node, () -> super.visitDoWhileLoop(node, v));
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void v) {
      return loop(node, () -> super.visitForLoop(node, v));
    }

    @Override
    public Void visitEnhancedForLoop(EnhancedForLoopTree node, Void v) {
      return loop(node, () -> super.visitEnhancedForLoop(node, v));
    }

    @Override
    public Void visitSwitch(SwitchTree node, Void v) {
      scan(node.getExpression(), v);
      breakTargets++;
      try {
        scan(node.getCases(), v);
      } finally {
        breakTargets--;
      }
      return null;
    }
  }
}
