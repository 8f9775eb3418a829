package dev.baton.processor.analyze;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.baton.processor.parse.AsyncMethod;
import dev.baton.processor.support.Names;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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

/**
 * The analyze phase: which trees contain a switch point, which locals must live in the frame, and
 * their names there.
 *
 * <p>The lowering copies every statement without a switch point verbatim (an <em>island</em>), and
 * inside a statement it splits, every expression without one (a <em>root</em> too). A local lives in
 * the frame when a split statement or block declares it (a {@code catch} parameter, a loop variable,
 * any declaration statement of a split block: its Java scope is the user's block, which the states
 * do not keep) or when it is used outside the root that declares it (a pattern binding that flows out
 * of its {@code if}); a declaration in a split block's last states is the exception
 * ({@link #stateLocals()}). Locals declared inside an island stay Java locals.
 */
public final class Analysis {
  /** The root of code the lowering splits (declarations there always live in the frame). */
  private static final Tree SPLIT = null;

  private final AsyncMethod m;
  private final Set<Tree> suspending = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Tree> guardedTails = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<VariableElement, Tree> declaredIn = new HashMap<>();
  private final Set<VariableElement> hoisted = new LinkedHashSet<>();
  /**
   * Declarations of a split block after which the block neither awaits nor moves a class: their
   * locals may stay Java locals of the state that declares them ({@link #stateLocals}).
   */
  private final List<VariableTree> lastStates = new ArrayList<>();
  private final List<VariableElement> order = new ArrayList<>();
  private final Map<TypeElement, ClassTree> moved = new LinkedHashMap<>();

  private Analysis(AsyncMethod m) {
    this.m = m;
  }

  public static Facts analyze(AsyncMethod m) {
    return new Analysis(m).run();
  }

  private Facts run() {
    markSuspending();
    Tree body = m.tree().getBody();
    if (suspending.contains(body)) {
      split(body);
    } else {
      root(body, body);
    }
    collectUses();
    stateLocals();
    return new Facts(suspending, name(), movedNames(), List.copyOf(moved.values()), Set.copyOf(uses.keySet()),
        guardedTails);
  }

  // ---------------------------------------------------------------------------------------------
  // Switch points

  /**
   * Marks every tree that contains a switch point; lambda and class bodies are not looked into.
   * A {@code return e} whose exit would run code of an enclosing {@code try} (in its block, when it
   * has a catch, a finally or a resource; in a catch, when it has a finally) is a switch point: it
   * awaits {@code e} there, inside the try ({@link Facts#guardedTails}).
   */
  private void markSuspending() {
    new TreeScanner<Boolean, Void>() {
      /** Enclosing try regions whose catch, finally or resource closing would apply to an await here. */
      private int guards;

      @Override
      public Boolean visitTry(TryTree node, Void v) {
        Boolean r = scan(node.getResources(), v);
        int block = !node.getCatches().isEmpty() || node.getFinallyBlock() != null || !node.getResources().isEmpty() ? 1 : 0;
        guards += block;
        r = reduce(r, scan(node.getBlock(), v));
        guards -= block;
        int catches = node.getFinallyBlock() != null ? 1 : 0;
        guards += catches;
        r = reduce(r, scan(node.getCatches(), v));
        guards -= catches;
        return reduce(r, scan(node.getFinallyBlock(), v));
      }

      @Override
      public Boolean visitSynchronized(SynchronizedTree node, Void v) {
        // its block never awaits (validation): a return in it leaves the monitor, then awaits
        Boolean r = scan(node.getExpression(), v);
        int outer = guards;
        guards = 0;
        r = reduce(r, scan(node.getBlock(), v));
        guards = outer;
        return r;
      }

      @Override
      public Boolean visitReturn(ReturnTree node, Void v) {
        Boolean r = scan(node.getExpression(), v);
        if (guards > 0 && isTail(m, node)) {
          guardedTails.add(node);
          return true;
        }
        return r;
      }
      @Override
      public Boolean scan(Tree tree, Void v) {
        if (tree == null) {
          return false;
        }
        Boolean inside = tree.accept(this, v);
        boolean s = inside != null && inside || isSwitchPoint(tree);
        if (s) {
          suspending.add(tree);
        }
        return s;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return a != null && a || b != null && b;
      }

      @Override
      public Boolean visitLambdaExpression(LambdaExpressionTree node, Void v) {
        return false;
      }

      @Override
      public Boolean visitClass(ClassTree node, Void v) {
        return false;
      }

      @Override
      public Boolean visitNewClass(NewClassTree node, Void v) {
        Boolean r = scan(node.getEnclosingExpression(), v);
        r = reduce(r, scan(node.getArguments(), v));
        return r; // the class body (if any) is not part of the state machine
      }
    }.scan(m.tree().getBody(), null);
  }

  private boolean isSwitchPoint(Tree tree) {
    if (tree instanceof MethodInvocationTree call) {
      return isAwait(m, call);
    }
    if (tree instanceof EnhancedForLoopTree f) {
      return isAwaitAnnotated(m, f.getVariable());
    }
    if (tree instanceof TryTree t) {
      for (Tree r : t.getResources()) {
        if (r instanceof VariableTree v ? isAwaitAnnotated(m, v) : isTaskGroup(m, r)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code return e} for an awaitable {@code e} other than {@code done(...)}: it ends with awaiting {@code e}. */
  public static boolean isTail(AsyncMethod m, ReturnTree r) {
    return r.getExpression() != null && !isDone(m, r.getExpression());
  }

  /** {@code e} without the parentheses around it. */
  public static ExpressionTree skipParens(ExpressionTree e) {
    while (e instanceof com.sun.source.tree.ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e;
  }

  /** A call of {@code Baton.done(...)}. */
  public static boolean isDone(AsyncMethod m, ExpressionTree e) {
    return skipParens(e) instanceof MethodInvocationTree call && m.element(call) instanceof ExecutableElement x
        && x.getSimpleName().contentEquals("done") && x.getEnclosingElement() instanceof TypeElement t
        && t.getQualifiedName().contentEquals(Names.BATON);
  }

  /** A call of a static method annotated {@code @Await} ({@code Baton.await} is one). */
  public static boolean isAwait(AsyncMethod m, MethodInvocationTree call) {
    Element e = m.element(call);
    return e instanceof ExecutableElement x && x.getModifiers().contains(Modifier.STATIC)
        && Names.hasAnnotation(x, Names.AWAIT);
  }

  /**
   * A task group named as a resource ({@code try (tg)}): it cannot be annotated, and its exit must
   * wait for the children, so it is closed asynchronously as if it were.
   */
  public static boolean isTaskGroup(AsyncMethod m, Tree resource) {
    return m.type(resource) instanceof javax.lang.model.type.DeclaredType d
        && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(Names.TASK_GROUP);
  }

  /** A variable declared with {@code @Await}. */
  public static boolean isAwaitAnnotated(AsyncMethod m, VariableTree v) {
    for (AnnotationTree a : v.getModifiers().getAnnotations()) {
      if (m.element(a.getAnnotationType()) instanceof TypeElement t
          && t.getQualifiedName().contentEquals(Names.AWAIT)) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Roots and locals

  /** {@code t} contains a switch point: its children are split, copied or walked further. */
  private void split(Tree t) {
    if (t instanceof CaseTree c) {
      splitCase(c);
      return;
    }
    if (t instanceof com.sun.source.tree.SwitchExpressionTree sw
        && sw.getCases().stream().noneMatch(suspending::contains)) {
      // only the selector awaits: the switch is written again as it is, its cases one root
      walk(sw.getExpression());
      for (CaseTree c : sw.getCases()) {
        root(c, sw);
      }
      return;
    }
    boolean statements = t instanceof com.sun.source.tree.BlockTree || t instanceof com.sun.source.tree.ForLoopTree;
    List<? extends Tree> children = Children.of(t);
    // From this index on, the block's statements neither await nor declare a class that moves to
    // the frame: the last states of the block, which its later locals need not outlive.
    // (Only a block: a for loop's own variables outlive every iteration.)
    int quiet = children.size();
    if (t instanceof com.sun.source.tree.BlockTree) {
      while (quiet > 0 && !suspending.contains(children.get(quiet - 1)) && !(children.get(quiet - 1) instanceof ClassTree)) {
        quiet--;
      }
    } else {
      quiet = Integer.MAX_VALUE;
    }
    for (int i = 0; i < children.size(); i++) {
      Tree child = children.get(i);
      if (statements) {
        if (child instanceof VariableTree v && i + 1 >= quiet) {
          lastStates.add(v);
        }
        statement(child);
      } else if (child instanceof VariableTree v) {
        // a variable the split statement itself declares: catch parameter, loop variable, resource
        declare(v, SPLIT);
        for (Tree part : Children.of(v)) {
          walk(part);
        }
      } else {
        walk(child);
      }
    }
  }

  /** A statement of a split block (or case): a local class moves to the frame; a declaration that awaits is split. */
  private void statement(Tree child) {
    if (child instanceof ClassTree c) {
      moved.put((TypeElement) m.element(c), c);
      root(c, c);
    } else if (child instanceof VariableTree v) {
      // a local of a split block lives in the frame: its Java scope ends with the user's block, which
      // the states do not keep (a later local of the same name would clash)
      declare(v, SPLIT);
      for (Tree part : Children.of(v)) {
        walk(part);
      }
    } else {
      walk(child);
    }
  }

  private void walk(Tree child) {
    if (child instanceof CaseTree c) {
      splitCase(c); // a case of a split switch: its labels become the dispatch, its body states
    } else if (child instanceof CatchTree c) {
      split(c); // a catch of a split try: its parameter lives in the frame
    } else if (suspending.contains(child)) {
      split(child);
    } else {
      root(child, child);
    }
  }

  /** A case of a split switch: its labels and guard are one root (the dispatch), its body is split. */
  private void splitCase(CaseTree c) {
    Set<Tree> body = Collections.newSetFromMap(new IdentityHashMap<>());
    if (c.getCaseKind() == CaseTree.CaseKind.RULE) {
      body.add(c.getBody());
    } else {
      body.addAll(c.getStatements());
    }
    for (Tree child : Children.of(c)) {
      if (!body.contains(child)) {
        if (suspending.contains(child)) {
          walk(child); // a guard that awaits: evaluated in states of its own, its bindings in the frame
        } else {
          root(child, c);
        }
      }
    }
    for (Tree child : Children.of(c)) {
      if (body.contains(child)) {
        statement(child);
      }
    }
  }

  private void declare(VariableTree v, Tree root) {
    Element e = m.element(v);
    if (e instanceof VariableElement ve) {
      declaredIn.put(ve, root);
      order.add(ve);
      if (root == SPLIT) {
        hoisted.add(ve);
      }
    }
  }

  /** Code copied as it is: declarations there stay Java locals unless used elsewhere. */
  private void root(Tree tree, Tree root) {
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void v) {
        declare(node, root);
        return super.visitVariable(node, v);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        Element e = m.element(node);
        if (e instanceof VariableElement ve && isLocal(ve) && declaredIn.containsKey(ve)
            && declaredIn.get(ve) != root) {
          hoisted.add(ve);
        }
        return null;
      }
    }.scan(tree, null);
  }

  static boolean isLocal(Element e) {
    ElementKind k = e.getKind();
    return k == ElementKind.LOCAL_VARIABLE || k == ElementKind.EXCEPTION_PARAMETER
        || k == ElementKind.RESOURCE_VARIABLE || k == ElementKind.PARAMETER || k.name().equals("BINDING_VARIABLE");
  }

  // ---------------------------------------------------------------------------------------------
  // Names

  /** Every simple name the body uses for something other than a local, with what it names. */
  private final Map<String, Set<Element>> uses = new HashMap<>();
  /** How many variables of the body (parameters included) have each name ({@link #stateLocals()}). */
  private final Map<String, Integer> declared = new HashMap<>();

  /** Frame names: the user's own where nothing else in the body uses that name, else name$1, ... */
  private Map<VariableElement, Facts.FrameLocal> name() {
    Map<VariableElement, Facts.FrameLocal> out = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>(uses.keySet());
    for (VariableElement p : m.element().getParameters()) {
      out.put(p, new Facts.FrameLocal(p, fresh(p.getSimpleName().toString(), taken), p.asType(), true));
    }
    for (VariableElement v : order) {
      if (hoisted.contains(v) && !stateLocals.contains(v) && !out.containsKey(v)) {
        out.put(v, new Facts.FrameLocal(v, fresh(v.getSimpleName().toString(), taken), v.asType(), false));
      }
    }
    return out;
  }

  /** Locals of split blocks that stay Java locals of the state declaring them ({@link #stateLocals()}). */
  private final Set<VariableElement> stateLocals = new HashSet<>();

  /**
   * A local declared by a split block after which the block neither awaits nor moves a class to
   * the frame (its last await, if any, is in the declaration itself: {@code int below =
   * await(deep(n - 1)); return done(below + 1);}) is only used in the state that declares it and
   * the code after, which runs in that state without suspending: it stays a Java local there,
   * declared where the user declared it, and the frame has no field for it. In the generated code
   * its Java scope runs on to the end of the state, past the user's block, so it keeps its name
   * only where no other variable of the body has that name and the name means nothing else in the
   * body (a field, a type). A name with a {@code $} (the generated code's names and renamed
   * fields have one), a local its own initializer reads, and a local whose initializer has a lambda,
   * a method reference or a class body (read from snapshots in a block of their own) live in the
   * frame as before.
   */
  private void stateLocals() {
    for (VariableTree v : lastStates) {
      String name = v.getName().toString();
      if (!(m.element(v) instanceof VariableElement ve) || name.indexOf('$') >= 0 || uses.containsKey(name)
          || declared.getOrDefault(name, 0) != 1 || initializerNeedsFrame(v.getInitializer(), ve)) {
        continue;
      }
      stateLocals.add(ve);
    }
  }

  /**
   * Whether the initializer {@code init} of {@code variable} keeps it in the frame: it reads the
   * variable itself, or it has a lambda, a method reference or a class body (what captures frame
   * locals, which the lowering reads from snapshots in a block of their own, which the declaration
   * would end with).
   */
  private boolean initializerNeedsFrame(Tree init, VariableElement variable) {
    if (init == null) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        found[0] |= variable.equals(m.element(node));
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void v) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitMemberReference(com.sun.source.tree.MemberReferenceTree node, Void v) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void v) {
        found[0] = true;
        return null;
      }
    }.scan(init, null);
    return found[0];
  }

  /** Names of moved local classes: their own unless the body uses the name for something else too. */
  private Map<TypeElement, String> movedNames() {
    Map<TypeElement, String> out = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (Map.Entry<String, Set<Element>> use : uses.entrySet()) {
      if (use.getValue().stream().anyMatch(e -> !moved.containsKey(e))) {
        taken.add(use.getKey());
      }
    }
    for (TypeElement t : moved.keySet()) {
      String name = t.getSimpleName().toString();
      if (m.elements().getTypeElement("java.lang." + name) != null) {
        // the frame writes java.lang's Object, String, Throwable, Override... by their simple names:
        // a member type of that name would hide them
        taken.add(name);
      }
      out.put(t, fresh(name, taken));
    }
    return out;
  }

  private static String fresh(String name, Set<String> taken) {
    String base = name.startsWith("$") ? name + "$u" : name;
    String out = base;
    for (int n = 1; !taken.add(out); n++) {
      out = base + "$" + n;
    }
    return out;
  }

  /**
   * Names the body uses for something other than a local: a field, a type, a package. A frame
   * field of that name would hide it (and the generated code's own names are reserved). The same
   * walk counts the body's variables by name.
   */
  private void collectUses() {
    for (String reserved : List.of("$state", "$value", "$error", "$at", "$t", "$loop")) {
      uses.computeIfAbsent(reserved, k -> new HashSet<>());
    }
    for (VariableElement p : m.element().getParameters()) {
      declared.merge(p.getSimpleName().toString(), 1, Integer::sum);
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void v) { // also lambda parameters and bindings
        declared.merge(node.getName().toString(), 1, Integer::sum);
        return super.visitVariable(node, v);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        Element e = m.element(node);
        if (e == null || !isLocal(e) && !(e instanceof ExecutableElement)) {
          Set<Element> what = uses.computeIfAbsent(node.getName().toString(), k -> new HashSet<>());
          if (e != null) {
            what.add(e);
          }
        }
        return null;
      }
    }.scan(m.tree().getBody(), null);
  }

  /** The statements among a tree's children (for callers that need them). */
  static boolean isStatement(Tree t) {
    return t instanceof StatementTree;
  }

  static boolean isCatchParameter(Tree parent) {
    return parent instanceof CatchTree;
  }
}
