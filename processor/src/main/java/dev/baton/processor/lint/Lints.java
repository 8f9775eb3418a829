package dev.baton.processor.lint;

import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.baton.processor.Diag;
import dev.baton.processor.emit.ClassEmitter;
import dev.baton.processor.support.Names;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * The processor's lints: warnings about code that compiles but cannot be what its author meant. They
 * run when javac has analyzed a class (a {@link TaskListener} on {@code ANALYZE}), on the attributed
 * trees of the user's own code, generated classes excepted:
 *
 * <ul>
 *   <li>{@link Diag#AsyncDroppedAwaitable}: an awaitable built and thrown away ({@code sleep(1);});</li>
 *   <li>{@link Diag#AsyncUntransformedCall}: an {@code @Async} method called on the user's class
 *       rather than the generated one ({@code Baton.run(new Foo().main())}, {@code Foo.helper()});</li>
 *   <li>{@link Diag#AsyncBlockingCall}: a call that blocks the thread inside an {@code @Async} body
 *       ({@code Thread.sleep}, {@code Future.get}, blocking I/O);</li>
 *   <li>{@link Diag#AsyncSwallowedCancellation}: a catch of {@code Cancelled}, {@code Error} or
 *       {@code Throwable} in an {@code @Async} body that never rethrows.</li>
 * </ul>
 *
 * Each is silenced by {@code @SuppressWarnings("baton:<key>")} on an enclosing declaration.
 */
public final class Lints implements TaskListener {
  /** Blocking methods: a declaring type, and the names that block on it (or its subtypes). */
  private static final Map<String, Set<String>> BLOCKING = Map.ofEntries(
      Map.entry("java.lang.Thread", Set.of("sleep", "join")),
      Map.entry("java.lang.Object", Set.of("wait")),
      Map.entry("java.lang.Process", Set.of("waitFor")),
      Map.entry("java.util.concurrent.Future", Set.of("get")),
      Map.entry("java.util.concurrent.CompletableFuture", Set.of("join", "get")),
      Map.entry("java.util.concurrent.BlockingQueue", Set.of("take", "put")),
      Map.entry("java.util.concurrent.CountDownLatch", Set.of("await")),
      Map.entry("java.util.concurrent.CyclicBarrier", Set.of("await")),
      Map.entry("java.util.concurrent.Semaphore", Set.of("acquire", "acquireUninterruptibly")),
      Map.entry("java.util.concurrent.locks.Lock", Set.of("lock", "lockInterruptibly")),
      Map.entry("java.util.concurrent.locks.Condition", Set.of("await", "awaitUninterruptibly")),
      Map.entry("java.io.InputStream", Set.of("read", "readAllBytes", "readNBytes", "transferTo")),
      Map.entry("java.io.Reader", Set.of("read", "transferTo")),
      Map.entry("java.io.BufferedReader", Set.of("readLine")),
      Map.entry("java.net.ServerSocket", Set.of("accept")),
      Map.entry("java.net.Socket", Set.of("connect")),
      Map.entry("java.net.http.HttpClient", Set.of("send")));

  private final Trees trees;
  private final Elements elements;
  private final Types types;

  public Lints(Trees trees, Elements elements, Types types) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
  }

  @Override
  public void finished(TaskEvent e) {
    if (e.getKind() != TaskEvent.Kind.ANALYZE || e.getTypeElement() == null || e.getCompilationUnit() == null) {
      return;
    }
    TypeElement type = e.getTypeElement();
    if (Names.hasAnnotation(type, Names.GENERATED)) {
      return;
    }
    try {
      TreePath path = trees.getPath(type);
      if (path != null) {
        new Scanner(e.getCompilationUnit()).scan(path, null);
      }
    } catch (RuntimeException | LinkageError ex) {
      // a lint never fails a build
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;
    /** Inside an @Async body (not inside its lambdas and classes). */
    private boolean async;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void visitClass(ClassTree node, Void v) {
      boolean saved = async;
      async = false;
      try {
        return super.visitClass(node, v);
      } finally {
        async = saved;
      }
    }

    @Override
    public Void visitMethod(MethodTree node, Void v) {
      boolean saved = async;
      async = trees.getElement(getCurrentPath()) instanceof ExecutableElement m && Names.hasAnnotation(m, Names.ASYNC);
      try {
        return super.visitMethod(node, v);
      } finally {
        async = saved;
      }
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Void v) {
      boolean saved = async;
      async = false;
      try {
        return super.visitLambdaExpression(node, v);
      } finally {
        async = saved;
      }
    }

    @Override
    public Void visitExpressionStatement(ExpressionStatementTree node, Void v) {
      ExpressionTree e = node.getExpression();
      if (e instanceof MethodInvocationTree || e instanceof NewClassTree) {
        TypeMirror t = trees.getTypeMirror(new TreePath(getCurrentPath(), e));
        TypeElement awaitable = elements.getTypeElement(Names.AWAITABLE);
        if (t != null && t.getKind() == TypeKind.DECLARED && awaitable != null
            && types.isAssignable(types.erasure(t), types.erasure(awaitable.asType()))) {
          warn(Diag.AsyncDroppedAwaitable, node, describe(e));
        }
      }
      return super.visitExpressionStatement(node, v);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
      Element x = trees.getElement(getCurrentPath());
      if (x instanceof ExecutableElement m) {
        untransformed(node, m);
        if (async && isBlocking(m)) {
          warn(Diag.AsyncBlockingCall, node, describe(node));
        }
      }
      return super.visitMethodInvocation(node, v);
    }

    /** A call of an @Async method that certainly runs the user's own body, not the generated one. */
    private void untransformed(MethodInvocationTree node, ExecutableElement m) {
      if (!Names.hasAnnotation(m, Names.ASYNC) || async) {
        return; // inside @Async bodies the processor calls the generated methods itself
      }
      TypeElement owner = (TypeElement) m.getEnclosingElement();
      String generated = ClassEmitter.asyncName(owner);
      boolean certain;
      if (m.getModifiers().contains(Modifier.STATIC)) {
        certain = true;
      } else {
        ExpressionTree select = node.getMethodSelect();
        certain = select instanceof MemberSelectTree ms && ms.getExpression() instanceof NewClassTree n
            && trees.getElement(new TreePath(getCurrentPath(), n)) instanceof ExecutableElement ctor
            && ctor.getEnclosingElement().equals(owner) && n.getClassBody() == null;
      }
      if (certain) {
        String instead = m.getModifiers().contains(Modifier.STATIC)
            ? generated + "." + m.getSimpleName() + "(...)" : "new " + generated + "(...)." + m.getSimpleName() + "(...)";
        warn(Diag.AsyncUntransformedCall, node, describe(node), m.getSimpleName(), generated, instead);
      }
    }

    private boolean isBlocking(ExecutableElement m) {
      if (!(m.getEnclosingElement() instanceof TypeElement declaring)) {
        return false;
      }
      for (Map.Entry<String, Set<String>> entry : BLOCKING.entrySet()) {
        if (!entry.getValue().contains(m.getSimpleName().toString())) {
          continue;
        }
        TypeElement t = elements.getTypeElement(entry.getKey());
        if (t != null && types.isSubtype(types.erasure(declaring.asType()), types.erasure(t.asType()))) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Void visitCatch(CatchTree node, Void v) {
      if (async && catchesCancellation(node) && !rethrows(node)) {
        warn(Diag.AsyncSwallowedCancellation, node.getParameter(), node.getParameter().getType().toString());
      }
      return super.visitCatch(node, v);
    }

    private boolean catchesCancellation(CatchTree node) {
      Tree type = node.getParameter().getType();
      List<? extends Tree> alternatives = type instanceof UnionTypeTree u ? u.getTypeAlternatives() : List.of(type);
      for (Tree alt : alternatives) {
        if (trees.getElement(new TreePath(getCurrentPath(), alt)) instanceof TypeElement t) {
          String n = t.getQualifiedName().toString();
          if (n.equals(Names.CANCELLED) || n.equals("java.lang.Error") || n.equals("java.lang.Throwable")) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean rethrows(CatchTree node) {
      boolean[] found = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitThrow(ThrowTree t, Void x) {
          found[0] = true;
          return null;
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree t, Void x) {
          return null;
        }

        @Override
        public Void visitClass(ClassTree t, Void x) {
          return null;
        }
      }.scan(node.getBlock(), null);
      return found[0];
    }

    private String describe(ExpressionTree e) {
      String s = e.toString();
      if (e instanceof MethodInvocationTree call) {
        ExpressionTree select = call.getMethodSelect();
        s = (select instanceof MemberSelectTree ms ? ms.getIdentifier() : select instanceof IdentifierTree id
            ? id.getName() : select).toString() + "(...)";
      } else if (e instanceof NewClassTree n) {
        s = "new " + n.getIdentifier() + "(...)";
      }
      return "'" + s + "'";
    }

    private void warn(Diag diag, Tree tree, Object... args) {
      if (suppressed(diag)) {
        return;
      }
      trees.printMessage(Diagnostic.Kind.WARNING, diag.format(args), tree, unit);
    }

    /** True if a declaration around the current path says @SuppressWarnings("baton:<key>"). */
    private boolean suppressed(Diag diag) {
      for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
        Tree leaf = p.getLeaf();
        if (leaf instanceof MethodTree || leaf instanceof ClassTree || leaf instanceof com.sun.source.tree.VariableTree) {
          Element e = trees.getElement(p);
          if (e != null && suppresses(e, diag.suppressKey())) {
            return true;
          }
        }
      }
      return false;
    }

    private boolean suppresses(Element e, String key) {
      for (AnnotationMirror a : e.getAnnotationMirrors()) {
        if (!((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
            .contentEquals("java.lang.SuppressWarnings")) {
          continue;
        }
        for (AnnotationValue value : a.getElementValues().values()) {
          if (value.getValue() instanceof List<?> list) {
            for (Object item : list) {
              String s = String.valueOf(((AnnotationValue) item).getValue());
              if (s.equals(key) || s.equals("baton:all")) {
                return true;
              }
            }
          }
        }
      }
      return false;
    }
  }

  static boolean isPackage(Element e) {
    return e instanceof PackageElement || e != null && e.getKind() == ElementKind.PACKAGE;
  }

  static boolean isDeclared(TypeMirror t) {
    return t instanceof DeclaredType;
  }
}
