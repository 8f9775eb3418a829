package dev.baton.processor;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Validates an {@code @Async} body: every rule a body must keep for the lowering to be exact. Each
 * problem goes on the exact offending tree.
 */
final class BodyValidator {
  static final String TASK_GROUP = "dev.baton.TaskGroup";

  private BodyValidator() {}

  static List<Problem> validate(AsyncMethod m, Resolver resolver, Analysis analysis) {
    List<Problem> out = new ArrayList<>();
    Set<String> declared = new HashSet<>();
    Set<String> classMethods = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void v) {
        declared.add(node.getName().toString());
        return super.visitVariable(node, v);
      }

      @Override
      public Void visitMethod(MethodTree node, Void v) {
        if (node != m.tree()) {
          classMethods.add(node.getName().toString()); // declared by a local or anonymous class
        }
        return super.visitMethod(node, v);
      }
    }.scan(m.tree(), null);
    Set<String> privateTypes = privateMemberTypeNames(m.owner());

    new TreePathScanner<Void, Void>() {
      int lambdas;
      int classes;
      int monitors;
      int switchExpressionCases;
      /** Why the enclosing switch expression's shape cannot be lowered, or null if it can. */
      String unsupportedSwitchExpression;
      int asserts;

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
        if (resolver.isAwait(node)) {
          if (lambdas > 0) {
            out.add(Problem.at(node, Diag.AsyncAwaitInLambda));
          } else if (classes > 0) {
            out.add(Problem.at(node, Diag.AsyncAwaitInClassBody, "its code runs outside the state machine"));
          } else if (monitors > 0) {
            out.add(Problem.at(node, Diag.AsyncAwaitInSynchronized));
          } else if (switchExpressionCases > 0 && unsupportedSwitchExpression != null) {
            out.add(Problem.at(node, Diag.AsyncUnsupportedPosition, "inside a case of a switch expression "
                + unsupportedSwitchExpression,
                "Use arrow cases whose blocks end in a top-level yield, a switch statement that assigns a local, "
                + "or await before the switch"));
          } else if (asserts > 0) {
            out.add(Problem.at(node, Diag.AsyncUnsupportedPosition, "inside an assert statement",
                "Await into a local first, then assert on the local"));
          }
        } else if (node.getMethodSelect() instanceof IdentifierTree id
            && (classes == 0 || !classMethods.contains(id.getName().toString()))
            && resolver.onlyPrivateMethods(id.getName().toString())) {
          out.add(Problem.at(node, Diag.AsyncPrivateAccess, "method", id.getName(), m.owner().getQualifiedName()));
        } else if (node.getMethodSelect() instanceof IdentifierTree id
            && (classes == 0 || !classMethods.contains(id.getName().toString()))
            && privateInEnclosing(m.owner(), id.getName().toString(), ElementKind.METHOD) instanceof TypeElement t) {
          out.add(Problem.at(node, Diag.AsyncPrivateAccess, "method", id.getName(), t.getQualifiedName()));
        } else if (node.getMethodSelect() instanceof MemberSelectTree ms
            && (classes == 0 ? isSelf(ms.getExpression()) : isOwnerQualified(ms.getExpression()))
            && resolver.onlyPrivateMethods(ms.getIdentifier().toString())) {
          out.add(Problem.at(node, Diag.AsyncPrivateAccess, "method", ms.getIdentifier(),
              m.owner().getQualifiedName()));
        }
        return super.visitMethodInvocation(node, v);
      }

      private boolean isSelf(Tree t) {
        if (t instanceof IdentifierTree id) {
          String n = id.getName().toString();
          return n.equals("this") || n.equals(m.owner().getSimpleName().toString());
        }
        return t instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("this");
      }

      /** {@code Owner} or {@code Owner.this}: means the @Async method's class even inside a class body. */
      private boolean isOwnerQualified(Tree t) {
        String owner = m.owner().getSimpleName().toString();
        if (t instanceof IdentifierTree id) {
          return id.getName().contentEquals(owner);
        }
        return t instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("this")
            && ms.getExpression() instanceof IdentifierTree id && id.getName().contentEquals(owner);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        String n = node.getName().toString();
        if (n.equals("super") && classes == 0) {
          out.add(Problem.at(node, Diag.AsyncSuper, m.owner().getQualifiedName()));
        } else if (!declared.contains(n) && resolver.privateField(n) != null && !isTypePosition()) {
          out.add(Problem.at(node, Diag.AsyncPrivateAccess, "field", n, m.owner().getQualifiedName()));
        } else if (!declared.contains(n) && !isTypePosition() && resolver.privateField(n) == null
            && privateInEnclosing(m.owner(), n, ElementKind.FIELD) instanceof TypeElement t) {
          out.add(Problem.at(node, Diag.AsyncPrivateAccess, "field", n, t.getQualifiedName()));
        } else if (privateTypes.contains(n) && !declared.contains(n) && !resolver.isField(n) && !isTypePosition()) {
          TypeElement t = resolver.resolveType(node);
          if (t != null && t.getModifiers().contains(Modifier.PRIVATE)) {
            out.add(Problem.at(node, Diag.AsyncPrivateAccess, "class", n,
                ((TypeElement) t.getEnclosingElement()).getQualifiedName()));
          }
        }
        return null;
      }

      private boolean isTypePosition() {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        return parent instanceof MethodInvocationTree mi && mi.getMethodSelect() == getCurrentPath().getLeaf();
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void v) {
        if ((classes == 0 ? isSelf(node.getExpression()) : isOwnerQualified(node.getExpression()))
            && resolver.privateField(node.getIdentifier().toString()) != null
            && !(getCurrentPath().getParentPath().getLeaf() instanceof MethodInvocationTree)) {
          out.add(Problem.at(node, Diag.AsyncPrivateAccess, "field", node.getIdentifier(),
              m.owner().getQualifiedName()));
        }
        if (node.getIdentifier().contentEquals("super") && classes == 0) {
          out.add(Problem.at(node, Diag.AsyncSuper, m.owner().getQualifiedName()));
        }
        return super.visitMemberSelect(node, v);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void v) {
        Tree type = node.getIdentifier() instanceof ParameterizedTypeTree p ? p.getType() : node.getIdentifier();
        TypeElement t = node.getEnclosingExpression() == null ? resolver.resolveType(type) : null;
        if (t != null && node.getClassBody() == null && !t.getModifiers().contains(Modifier.PRIVATE)
            && sameNest(t, m.owner()) && onlyPrivateConstructors(t, node.getArguments().size())) {
          out.add(Problem.at(node, Diag.AsyncPrivateAccess, "constructor", t.getSimpleName(), t.getQualifiedName()));
        }
        return super.visitNewClass(node, v);
      }

      @Override
      public Void visitTry(TryTree node, Void v) {
        for (Tree r : node.getResources()) {
          if (r instanceof VariableTree var && !Analysis.isAwaitAnnotated(var, resolver) && isTaskGroup(var)) {
            out.add(Problem.at(var, Diag.AsyncTaskGroupWithoutAwait, var.getName(), var.getName()));
          }
        }
        return super.visitTry(node, v);
      }

      private boolean isTaskGroup(VariableTree var) {
        Tree type = var.getType();
        if (type instanceof IdentifierTree id && id.getName().contentEquals("var") || type == null) {
          // `var tg = createTaskGroup()`: judge by the initializer
          return var.getInitializer() instanceof MethodInvocationTree call
              && resolver.candidates(call.getMethodSelect()).stream().anyMatch(c ->
                  c.getSimpleName().contentEquals("createTaskGroup")
                  && ((TypeElement) c.getEnclosingElement()).getQualifiedName().contentEquals(Resolver.BATON));
        }
        TypeElement t = resolver.resolveType(type);
        return t != null && t.getQualifiedName().contentEquals(TASK_GROUP);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void v) {
        lambdas++;
        try {
          return super.visitLambdaExpression(node, v);
        } finally {
          lambdas--;
        }
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void v) {
        if (node.getQualifierExpression() instanceof IdentifierTree id && id.getName().contentEquals("super")
            && classes == 0) {
          out.add(Problem.at(node, Diag.AsyncSuper, m.owner().getQualifiedName()));
          return null;
        }
        return super.visitMemberReference(node, v);
      }

      @Override
      public Void visitClass(ClassTree node, Void v) {
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        if (parent instanceof BlockTree block && analysis.suspends(block) && lambdas == 0 && classes == 0) {
          out.add(Problem.at(node, Diag.AsyncLocalClass, "'" + node.getSimpleName() + "' is declared in a block "
              + "that awaits"));
        }
        classes++;
        try {
          return super.visitClass(node, v);
        } finally {
          classes--;
        }
      }

      @Override
      public Void visitSynchronized(SynchronizedTree node, Void v) {
        scan(node.getExpression(), v);
        monitors++;
        try {
          return scan(node.getBlock(), v);
        } finally {
          monitors--;
        }
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Void v) {
        scan(node.getExpression(), v);
        String saved = unsupportedSwitchExpression;
        unsupportedSwitchExpression = SwitchExpressions.unsupported(node);
        switchExpressionCases++;
        try {
          for (CaseTree c : node.getCases()) {
            scan(c, v);
          }
        } finally {
          switchExpressionCases--;
          unsupportedSwitchExpression = saved;
        }
        return null;
      }

      @Override
      public Void visitAssert(AssertTree node, Void v) {
        asserts++;
        try {
          return super.visitAssert(node, v);
        } finally {
          asserts--;
        }
      }

      @Override
      public Void visitVariable(VariableTree node, Void v) {
        if (Analysis.isAwaitAnnotated(node, resolver)) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          boolean ok = (parent instanceof EnhancedForLoopTree f && f.getVariable() == node)
              || (parent instanceof TryTree t && t.getResources().contains(node));
          if (!ok) {
            out.add(Problem.at(node, Diag.AsyncAwaitAnnotation, node.getName()));
          } else if (lambdas > 0 || classes > 0) {
            out.add(Problem.at(node, lambdas > 0 ? Diag.AsyncAwaitInLambda : Diag.AsyncAwaitInClassBody,
                "its code runs outside the state machine"));
          } else if (monitors > 0) {
            out.add(Problem.at(node, Diag.AsyncAwaitInSynchronized));
          }
        }
        return super.visitVariable(node, v);
      }

      @Override
      public Void visitInstanceOf(InstanceOfTree node, Void v) {
        if (node.getPattern() != null && lambdas == 0 && classes == 0) {
          Tree stmt = enclosingStatement(getCurrentPath());
          if (stmt != null && analysis.suspends(stmt) && !(stmt instanceof BlockTree)) {
            out.add(Problem.at(node, Diag.AsyncUnsupportedPosition,
                "an instanceof pattern in a statement that awaits (its binding would have to live across a "
                    + "switch point)", "Test with instanceof and declare the variable with a cast"));
          }
        }
        return super.visitInstanceOf(node, v);
      }
    }.scan(m.path(), null);
    return out;
  }

  /** Simple names of the private member types anywhere in the nest of {@code owner}'s top-level class. */
  private static Set<String> privateMemberTypeNames(TypeElement owner) {
    Set<String> out = new HashSet<>();
    List<TypeElement> todo = new ArrayList<>(List.of(outermost(owner)));
    while (!todo.isEmpty()) {
      TypeElement t = todo.remove(todo.size() - 1);
      for (TypeElement member : ElementFilter.typesIn(t.getEnclosedElements())) {
        if (member.getModifiers().contains(Modifier.PRIVATE)) {
          out.add(member.getSimpleName().toString());
        }
        todo.add(member);
      }
    }
    return out;
  }

  /**
   * The enclosing class (not {@code owner} itself) that a simple field or method name resolves to, if
   * there all members of that name are private; else null. The search stops at the first class that
   * has a member of that name, declared or inherited (JLS 6.4.1 shadowing).
   */
  static Element privateInEnclosing(TypeElement owner, String name, ElementKind kind) {
    boolean first = true;
    for (Element e = owner; e != null; e = e.getEnclosingElement()) {
      if (!(e instanceof TypeElement t)) {
        continue;
      }
      List<Element> found = new ArrayList<>();
      for (TypeElement c = t; c != null; c = superclass(c)) {
        for (Element member : c.getEnclosedElements()) {
          if (member.getKind() == kind && member.getSimpleName().contentEquals(name)
              && (c == t || !member.getModifiers().contains(Modifier.PRIVATE))) {
            found.add(member);
          }
        }
      }
      if (!found.isEmpty()) {
        return !first && found.stream().allMatch(f -> f.getModifiers().contains(Modifier.PRIVATE)) ? t : null;
      }
      first = false;
    }
    return null;
  }

  private static TypeElement superclass(TypeElement t) {
    return t.getSuperclass() instanceof javax.lang.model.type.DeclaredType d ? (TypeElement) d.asElement() : null;
  }

  private static TypeElement outermost(TypeElement t) {
    TypeElement top = t;
    for (Element e = t.getEnclosingElement(); e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement te) {
        top = te;
      }
    }
    return top;
  }

  /** True if {@code a} and {@code b} share a top-level class (private members are shared in the nest). */
  private static boolean sameNest(TypeElement a, TypeElement b) {
    return outermost(a).equals(outermost(b));
  }

  /** True if every constructor of {@code t} that can take {@code args} arguments is private (and one exists). */
  private static boolean onlyPrivateConstructors(TypeElement t, int args) {
    List<ExecutableElement> fitting = new ArrayList<>();
    for (ExecutableElement c : ElementFilter.constructorsIn(t.getEnclosedElements())) {
      int n = c.getParameters().size();
      if (n == args || c.isVarArgs() && args >= n - 1) {
        fitting.add(c);
      }
    }
    return !fitting.isEmpty() && fitting.stream().allMatch(c -> c.getModifiers().contains(Modifier.PRIVATE));
  }

  private static Tree enclosingStatement(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof StatementTree) {
        return p.getLeaf();
      }
    }
    return null;
  }
}
