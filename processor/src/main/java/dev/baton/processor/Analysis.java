package dev.baton.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The analyze phase: which trees of a body contain a switch point. A statement that contains one is
 * <em>split</em> (lowered into states); every other statement is copied verbatim. Switch points are
 * {@code await(...)} calls, {@code for (@Await ...)} loops and {@code try (@Await ...)} resources.
 * Lambda and class bodies are opaque: an await there is a user error reported by validation.
 */
final class Analysis {
  private final Set<Tree> suspending;
  private final Set<Tree> awaits;

  private Analysis(Set<Tree> suspending, Set<Tree> awaits) {
    this.suspending = Collections.unmodifiableSet(suspending);
    this.awaits = Collections.unmodifiableSet(awaits);
  }

  static Analysis of(Tree body, Resolver resolver) {
    Set<Tree> suspending = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Tree> awaits = Collections.newSetFromMap(new IdentityHashMap<>());
    new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean scan(Tree tree, Void v) {
        if (tree == null) {
          return false;
        }
        Boolean inner = super.scan(tree, v);
        boolean s = Boolean.TRUE.equals(inner);
        if (tree instanceof MethodInvocationTree call && resolver.isAwait(call)) {
          awaits.add(call);
          s = true;
        }
        if (tree instanceof EnhancedForLoopTree loop && isAwaitAnnotated(loop.getVariable(), resolver)) {
          s = true;
        }
        if (tree instanceof TryTree t) {
          for (Tree r : t.getResources()) {
            if (r instanceof VariableTree var && isAwaitAnnotated(var, resolver)) {
              s = true;
            }
          }
        }
        if (s) {
          suspending.add(tree);
        }
        return s;
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }

      @Override
      public Boolean visitLambdaExpression(LambdaExpressionTree node, Void v) {
        return false;
      }

      @Override
      public Boolean visitMemberReference(MemberReferenceTree node, Void v) {
        super.visitMemberReference(node, v);
        return false;
      }

      @Override
      public Boolean visitClass(ClassTree node, Void v) {
        return false;
      }

      @Override
      public Boolean visitNewClass(com.sun.source.tree.NewClassTree node, Void v) {
        // the arguments are part of the body; the class body is not
        boolean s = reduce(scan(node.getEnclosingExpression(), v), scan(node.getArguments(), v));
        return s;
      }
    }.scan(body, null);
    return new Analysis(suspending, awaits);
  }

  /** True if the variable carries {@code @Await}. */
  static boolean isAwaitAnnotated(VariableTree var, Resolver resolver) {
    for (AnnotationTree a : var.getModifiers().getAnnotations()) {
      var type = resolver.resolveType(a.getAnnotationType());
      if (type != null && type.getQualifiedName().contentEquals(Resolver.AWAIT_ANNOTATION)) {
        return true;
      }
      if (type == null && a.getAnnotationType().toString().endsWith("Await")) {
        return true;
      }
    }
    return false;
  }

  /** True if {@code tree} contains a switch point (outside lambda and class bodies). */
  boolean suspends(Tree tree) {
    return tree != null && suspending.contains(tree);
  }

  /** True if {@code tree} is an {@code await(...)} call. */
  boolean isAwait(Tree tree) {
    return awaits.contains(tree);
  }
}
