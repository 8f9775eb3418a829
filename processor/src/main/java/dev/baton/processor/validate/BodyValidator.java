package dev.baton.processor.validate;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePathScanner;
import dev.baton.processor.Diag;
import dev.baton.processor.analyze.Analysis;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.parse.AsyncMethod;
import dev.baton.processor.support.Names;
import dev.baton.processor.support.TypeWriter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Validates an attributed {@code @Async} body: every rule a body must keep for the lowering to be
 * exact, each problem on the exact offending tree. After this phase, lowering never meets a user
 * error.
 *
 * <p>The only positions where {@code await} is illegal are those API.md names: inside a lambda, an
 * anonymous or local class body, or a {@code synchronized} block. The other rules are about what the
 * generated class, a separate class in the same package, can reach: private members, and
 * {@code super} members that {@code Foo} itself overrides.
 */
public final class BodyValidator {
  private BodyValidator() {}

  public static List<Problem> validate(AsyncMethod m, Facts facts) {
    List<Problem> out = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      int lambdas;
      int classes;
      int monitors;

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
        if (Analysis.isAwait(m, node)) {
          switchPoint(node);
        }
        checkAccess(node, m.element(node));
        checkSuper(node.getMethodSelect());
        return super.visitMethodInvocation(node, v);
      }

      private void switchPoint(Tree node) {
        if (lambdas > 0) {
          out.add(Problem.at(node, Diag.AsyncAwaitInLambda));
        } else if (classes > 0) {
          out.add(Problem.at(node, Diag.AsyncAwaitInClassBody, "its code runs outside the state machine"));
        } else if (monitors > 0) {
          out.add(Problem.at(node, Diag.AsyncAwaitInSynchronized));
        }
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        Element e = m.element(node);
        if (!(e instanceof ExecutableElement)) {
          checkAccess(node, e); // a method is checked at its call
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void v) {
        if (!(m.element(node) instanceof ExecutableElement)) {
          checkAccess(node, m.element(node));
        }
        Tree parent = getCurrentPath().getParentPath().getLeaf();
        if (!(parent instanceof MethodInvocationTree call && call.getMethodSelect() == node)) {
          checkSuper(node); // a call's select is checked with the call
        }
        checkAnonymousValue(node, parent);
        return super.visitMemberSelect(node, v);
      }

      /**
       * {@code x.f} or {@code x.m(...)} where {@code x}'s type is an anonymous class and the lowering
       * keeps {@code x}'s value in a slot or takes it from an await: both are typed by the class's
       * supertype, which lacks the member.
       */
      private void checkAnonymousValue(MemberSelectTree node, Tree parent) {
        ExpressionTree q = Analysis.skipParens(node.getExpression());
        TypeMirror type = m.type(q);
        if (classes > 0 || type == null || type.getKind() != javax.lang.model.type.TypeKind.DECLARED
            || !(((DeclaredType) type).asElement() instanceof TypeElement t) || t.getNestingKind() != NestingKind.ANONYMOUS) {
          return;
        }
        boolean kept = facts.suspends(q) && !(q instanceof NewClassTree)
            || parent instanceof MethodInvocationTree call && call.getMethodSelect() == node
                && call.getArguments().stream().anyMatch(facts::suspends);
        if (kept) {
          TypeMirror sup = t.getInterfaces().isEmpty() ? t.getSuperclass() : t.getInterfaces().get(0);
          out.add(Problem.at(node, Diag.AsyncAnonymousValue, node.getIdentifier(), "a subclass of " + sup));
        }
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree node, Void v) {
        checkAccess(node, m.element(node));
        ExpressionTree q = node.getQualifierExpression();
        if (isSuper(q) && classes == 0) {
          checkOverride(node, m.element(node));
        }
        return super.visitMemberReference(node, v);
      }

      @Override
      public Void visitNewClass(NewClassTree node, Void v) {
        if (node.getClassBody() == null) {
          checkAccess(node, m.element(node));
        }
        return super.visitNewClass(node, v);
      }

      /** A member the generated class cannot reach: private, and not declared in the body itself. */
      private void checkAccess(Tree node, Element e) {
        if (e == null || !e.getModifiers().contains(Modifier.PRIVATE) || isBodyLocal(e)) {
          return;
        }
        if (!(e.getEnclosingElement() instanceof TypeElement declaring)) {
          return;
        }
        String what = switch (e.getKind()) {
          case METHOD -> "method";
          case CONSTRUCTOR -> "constructor";
          case FIELD, ENUM_CONSTANT -> "field";
          default -> e.getKind().isClass() || e.getKind().isInterface() ? "class" : null;
        };
        if (what == null) {
          return;
        }
        String name = e.getKind() == ElementKind.CONSTRUCTOR ? declaring.getSimpleName().toString()
            : e.getSimpleName().toString();
        out.add(Problem.at(node, Diag.AsyncPrivateAccess, what, name, declaring.getQualifiedName()));
      }

      private void checkSuper(Tree select) {
        if (classes > 0 || !(select instanceof MemberSelectTree ms) || !isSuper(ms.getExpression())) {
          return;
        }
        checkOverride(ms, m.element(ms));
      }

      /** {@code super.x} where Foo declares x itself: the generated subclass cannot skip Foo's. */
      private void checkOverride(Tree node, Element member) {
        if (member == null) {
          return;
        }
        ExpressionTree qualifier = node instanceof MemberSelectTree ms ? ms.getExpression()
            : ((MemberReferenceTree) node).getQualifierExpression();
        if (qualifier instanceof MemberSelectTree q && m.element(q.getExpression()) instanceof TypeElement t
            && t.getKind().isInterface()) {
          out.add(Problem.at(node, Diag.AsyncSuper, member.getSimpleName(), t.getSimpleName() + ".super",
              "an interface's default method can only be called from a class that implements it directly"));
          return;
        }
        TypeElement owner = m.owner();
        for (Element declared : owner.getEnclosedElements()) {
          boolean hides = member.getKind() == ElementKind.FIELD && declared.getKind() == ElementKind.FIELD
              && declared.getSimpleName().equals(member.getSimpleName());
          if (hides && !reachableByCast(member)) {
            out.add(Problem.at(node, Diag.AsyncSuper, member.getSimpleName(), "super",
                owner.getSimpleName() + " hides '" + member.getSimpleName() + "' with a field of its own, and the "
                    + "generated class, in another class's package, cannot reach the protected one it hides"));
            return;
          }
        }
      }

      /** A hidden field the generated class can read as {@code ((Base) AsyncFoo.this).f}. */
      private boolean reachableByCast(Element field) {
        TypeElement declaring = (TypeElement) field.getEnclosingElement();
        if (field.getModifiers().contains(Modifier.PUBLIC) && declaring.getModifiers().contains(Modifier.PUBLIC)) {
          return true;
        }
        return !field.getModifiers().contains(Modifier.PRIVATE)
            && m.elements().getPackageOf(declaring).equals(m.elements().getPackageOf(m.owner()));
      }

      private boolean isSuper(ExpressionTree e) {
        return e instanceof IdentifierTree id && id.getName().contentEquals("super")
            || e instanceof MemberSelectTree s && s.getIdentifier().contentEquals("super");
      }

      private boolean isBodyLocal(Element e) {
        for (Element x = e; x != null; x = x.getEnclosingElement()) {
          if (x instanceof TypeElement t && (t.getNestingKind() == NestingKind.LOCAL
              || t.getNestingKind() == NestingKind.ANONYMOUS)) {
            return true;
          }
          if (x.getKind() == ElementKind.PACKAGE) {
            return false;
          }
        }
        return false;
      }

      @Override
      public Void visitTry(TryTree node, Void v) {
        for (Tree r : node.getResources()) {
          if (r instanceof VariableTree var && !Analysis.isAwaitAnnotated(m, var)
              && isTaskGroup(m.element(var) instanceof VariableElement ve ? ve.asType() : null)) {
            out.add(Problem.at(var, Diag.AsyncTaskGroupWithoutAwait, var.getName(), var.getName()));
          }
        }
        return super.visitTry(node, v);
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
      public Void visitClass(ClassTree node, Void v) {
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
      public Void visitVariable(VariableTree node, Void v) {
        if (Analysis.isAwaitAnnotated(m, node)) {
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          boolean ok = parent instanceof EnhancedForLoopTree f && f.getVariable() == node
              || parent instanceof TryTree t && t.getResources().contains(node);
          if (!ok) {
            out.add(Problem.at(node, Diag.AsyncAwaitAnnotation, node.getName()));
          } else {
            switchPoint(node);
          }
        }
        return super.visitVariable(node, v);
      }
    }.scan(m.path(), null);

    // a local that lives in the frame needs a type its field can be declared with
    TypeWriter types = new TypeWriter(facts.movedClasses());
    for (Facts.FrameLocal f : facts.fields().values()) {
      String why = types.whyNotWritable(f.type());
      if (why != null && !f.parameter()) {
        Tree decl = m.trees().getTree(f.element());
        out.add(Problem.at(decl != null ? decl : m.tree(), Diag.AsyncVarType, f.element().getSimpleName(), why));
      }
    }
    return out;
  }

  static boolean isTaskGroup(TypeMirror t) {
    return t instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName()
        .contentEquals(Names.TASK_GROUP);
  }

  static List<ExecutableElement> constructors(TypeElement t) {
    return ElementFilter.constructorsIn(t.getEnclosedElements());
  }
}
