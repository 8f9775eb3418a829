package dev.baton.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles {@code @Async} methods into state-machine coroutines: for each class {@code p.Foo} with
 * {@code @Async} methods it writes {@code p.AsyncFoo}. The pipeline per class, in order:
 *
 * <ol>
 *   <li>parse: the method's tree, compilation unit and source text ({@link AsyncMethod});</li>
 *   <li>validate: signature ({@link SignatureValidator}) and body ({@link BodyValidator});</li>
 *   <li>analyze: which trees contain switch points ({@link Analysis});</li>
 *   <li>lower: statements and expressions into states ({@link Lowerer}, {@link ExpressionLowerer});</li>
 *   <li>emit: JavaPoet source ({@link FrameEmitter}).</li>
 * </ol>
 *
 * A class with any user error gets its diagnostics and no generated file. A class whose types are not
 * generated yet is retried in the next round. No exception ever reaches javac: an unexpected one
 * becomes an {@code [AsyncInternalError]} on the method.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  static final String ASYNC = "dev.baton.annotations.Async";

  private Trees trees;
  private Map<ExecutableElement, TreePath> methodPaths = Map.of();
  private boolean unsupported;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Map<String, String> deferredWhy = new HashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    ProcessingEnvironment javac = unwrap(env, 0);
    if (javac == null) {
      unsupported = true;
      return;
    }
    trees = Trees.instance(javac);
  }

  /** javac's own environment behind a build tool's wrapper (IntelliJ, Gradle), or null. */
  static ProcessingEnvironment unwrap(ProcessingEnvironment env, int depth) {
    try {
      Trees.instance(env);
      return env;
    } catch (IllegalArgumentException | LinkageError e) {
      if (depth > 3) {
        return null;
      }
    }
    List<Object> holders = new ArrayList<>();
    holders.add(env);
    if (Proxy.isProxyClass(env.getClass())) {
      holders.add(Proxy.getInvocationHandler(env));
    }
    for (Object holder : holders) {
      for (Class<?> c = holder.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!ProcessingEnvironment.class.isAssignableFrom(f.getType()) && f.getType() != Object.class) {
            continue;
          }
          try {
            f.setAccessible(true);
            Object inner = f.get(holder);
            if (inner instanceof ProcessingEnvironment pe && inner != env) {
              ProcessingEnvironment found = unwrap(pe, depth + 1);
              if (found != null) {
                return found;
              }
            }
          } catch (ReflectiveOperationException | RuntimeException e) {
            // not accessible: try the next field
          }
        }
      }
    }
    return null;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (RuntimeException | Error e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Diag.AsyncInternalError.format("round", stackTrace(e)));
    }
    return false;
  }

  private void processRound(RoundEnvironment round) {
    TypeElement async = processingEnv.getElementUtils().getTypeElement(ASYNC);
    Map<TypeElement, List<ExecutableElement>> byOwner = new LinkedHashMap<>();
    if (async != null) {
      for (Element e : round.getElementsAnnotatedWith(async)) {
        if (e.getKind() == ElementKind.METHOD) {
          byOwner.computeIfAbsent((TypeElement) e.getEnclosingElement(), k -> new ArrayList<>())
              .add((ExecutableElement) e);
        }
      }
    }
    for (String name : List.copyOf(deferred)) {
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(name);
      deferred.remove(name);
      if (owner != null && !byOwner.containsKey(owner)) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (Element m : owner.getEnclosedElements()) {
          if (m.getKind() == ElementKind.METHOD && async != null && m.getAnnotationMirrors().stream()
              .anyMatch(a -> a.getAnnotationType().asElement().equals(async))) {
            methods.add((ExecutableElement) m);
          }
        }
        byOwner.put(owner, methods);
      }
    }
    TypeElement awaitAnnotation = processingEnv.getElementUtils().getTypeElement(Resolver.AWAIT_ANNOTATION);
    if (awaitAnnotation != null) {
      for (Element e : round.getElementsAnnotatedWith(awaitAnnotation)) {
        if (e.getKind() == ElementKind.METHOD && !e.getModifiers().contains(Modifier.STATIC)) {
          processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
              Diag.AsyncAwaitMethodNotStatic.format(e.getSimpleName()), e);
        }
      }
    }
    if (unsupported) {
      if (!byOwner.isEmpty()) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Diag.AsyncUnsupportedEnvironment.format(processingEnv.getClass().getName()),
            byOwner.keySet().iterator().next());
      }
      return;
    }
    List<TypeElement> owners = new ArrayList<>(byOwner.keySet());
    owners.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement owner : owners) {
      processClass(owner, byOwner.get(owner));
    }
    checkAwaitsOutsideAsync(round, async);
    if (round.processingOver()) {
      for (String name : deferred) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Diag.AsyncMissingType.format(name, deferredWhy.getOrDefault(name, "?")),
            processingEnv.getElementUtils().getTypeElement(name));
      }
    }
  }

  private void processClass(TypeElement owner, List<ExecutableElement> methods) {
    if (methods.isEmpty()) {
      return;
    }
    // Trees.getPath(element) scans the whole unit: find every method's tree in one pass instead
    methodPaths = methodPaths(owner);
    Map<ExecutableElement, Long> positions = new HashMap<>();
    for (ExecutableElement m : methods) {
      positions.put(m, position(m));
    }
    methods.sort(Comparator.comparingLong(positions::get));
    Reporter reporter = new Reporter(trees, processingEnv.getMessager());
    String asyncName = FrameEmitter.asyncName(owner);
    ExecutableElement current = methods.get(0);
    try {
      boolean extend = methods.stream().anyMatch(m -> !m.getModifiers().contains(Modifier.STATIC));
      List<Problem> problems = new ArrayList<>(
          SignatureValidator.validateClass(owner, methods.get(0), asyncName, extend));
      List<FrameEmitter.Frame> frames = new ArrayList<>();
      Map<String, Integer> frameNames = new HashMap<>();
      Rewriter firstRewriter = null;
      CompilationUnitTree unit = null;
      for (ExecutableElement m : methods) {
        current = m;
        List<Problem> signature = SignatureValidator.validateMethod(m);
        problems.addAll(signature);
        if (!signature.isEmpty() || !problems.isEmpty() && problems.stream().anyMatch(p -> p.tree() == null
            && p.diag() == Diag.AsyncEnclosingType)) {
          continue;
        }
        AsyncMethod method = parse(m, owner);
        unit = method.unit();
        Resolver resolver = new Resolver(processingEnv.getElementUtils(), method.unit(), owner);
        Analysis analysis = Analysis.of(method.tree().getBody(), resolver);
        List<Problem> body = BodyValidator.validate(method, resolver, analysis);
        if (!body.isEmpty()) {
          problems.addAll(body);
          reporter.unit(method.unit());
          continue;
        }
        Rewriter rewriter = new Rewriter(method.source(), method.unit(), trees.getSourcePositions(),
            owner.getSimpleName().toString(), owner.getQualifiedName().toString(), asyncName, !method.isStatic());
        if (firstRewriter == null) {
          firstRewriter = rewriter;
        }
        int n = frameNames.merge(method.name(), 1, Integer::sum);
        String frameName = "$" + method.name() + (n == 1 ? "" : "$" + (n - 1));
        String result = SignatureValidator.resultType(m);
        Lowerer lowerer = new Lowerer(method, analysis, resolver, rewriter, trees,
            processingEnv.getTypeUtils(), frameName, result);
        StateMachine sm;
        try {
          sm = lowerer.lower();
        } catch (UserError e) {
          problems.addAll(e.problems());
          reporter.unit(method.unit());
          continue;
        }
        String description = owner.getSimpleName() + "." + method.name() + " (" + lowerer.fileName + ":"
            + rewriter.line(method.tree()) + ")";
        frames.add(new FrameEmitter.Frame(method, sm, lowerer.parameters(), frameName, result, description));
      }
      if (!problems.isEmpty()) {
        reporter.report(problems);
        return;
      }
      String name = FrameEmitter.packageOf(owner).isEmpty() ? asyncName
          : FrameEmitter.packageOf(owner) + "." + asyncName;
      TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
      if (existing != null && trees.getPath(existing) != null
          && !existing.getAnnotationMirrors().toString().contains(AsyncProcessor.class.getName())) {
        reporter.report(List.of(Problem.on(owner, Diag.AsyncGeneratedNameTaken, name, owner.getQualifiedName())));
        return;
      }
      String source = FrameEmitter.emit(owner, frames, unit.getImports(), firstRewriter, extend);
      JavaFileObject file = processingEnv.getFiler().createSourceFile(name, owner);
      try (Writer w = file.openWriter()) {
        w.write(source);
      }
    } catch (DeferException e) {
      deferred.add(owner.getQualifiedName().toString());
      deferredWhy.put(owner.getQualifiedName().toString(), e.getMessage());
    } catch (UserError e) {
      reporter.report(e.problems());
    } catch (IOException | RuntimeException | Error e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Diag.AsyncInternalError.format(owner.getSimpleName() + "." + current.getSimpleName(), stackTrace(e)),
          current);
    }
  }

  /** The declaration paths of the class's methods (declaration trees carry their symbol: no attribution). */
  private Map<ExecutableElement, TreePath> methodPaths(TypeElement owner) {
    Map<ExecutableElement, TreePath> out = new HashMap<>();
    TreePath classPath = trees.getPath(owner);
    if (classPath != null && classPath.getLeaf() instanceof ClassTree ct) {
      for (Tree member : ct.getMembers()) {
        if (member instanceof MethodTree) {
          TreePath p = new TreePath(classPath, member);
          if (trees.getElement(p) instanceof ExecutableElement e) {
            out.put(e, p);
          }
        }
      }
    }
    return out;
  }

  private TreePath pathOf(ExecutableElement m) {
    TreePath p = methodPaths.get(m);
    return p != null ? p : trees.getPath(m);
  }

  private long position(ExecutableElement m) {
    TreePath p = pathOf(m);
    return p == null ? 0 : trees.getSourcePositions().getStartPosition(p.getCompilationUnit(), p.getLeaf());
  }

  private AsyncMethod parse(ExecutableElement m, TypeElement owner) {
    TreePath path = pathOf(m);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      throw new IllegalStateException("no source tree for " + m);
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    String source;
    try {
      source = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + unit.getSourceFile().getName(), e);
    }
    return new AsyncMethod(m, owner, tree, path, unit, source);
  }

  /** {@code [AsyncAwaitOutsideAsync]}: an await call in any method of this round not marked {@code @Async}. */
  private void checkAwaitsOutsideAsync(RoundEnvironment round, TypeElement async) {
    for (Element root : round.getRootElements()) {
      if (!(root instanceof TypeElement type) || isGenerated(type)) {
        continue;
      }
      TreePath path = trees.getPath(type);
      if (path == null) {
        continue;
      }
      Resolver resolver = new Resolver(processingEnv.getElementUtils(), path.getCompilationUnit(), type);
      Reporter reporter = new Reporter(trees, processingEnv.getMessager());
      reporter.unit(path.getCompilationUnit());
      List<Problem> problems = new ArrayList<>();
      new TreePathScanner<Void, String>() {
        @Override
        public Void visitMethod(MethodTree node, String where) {
          boolean isAsync = async != null && node.getModifiers().getAnnotations().stream()
              .anyMatch(a -> a.getAnnotationType().toString().equals("Async")
                  || a.getAnnotationType().toString().equals(ASYNC));
          if (isAsync) {
            TreePath classPath = getCurrentPath().getParentPath();
            Tree outer = classPath == null || classPath.getParentPath() == null ? null
                : classPath.getParentPath().getLeaf();
            if (outer != null && !(outer instanceof ClassTree) && !(outer instanceof CompilationUnitTree)) {
              // annotation processing never sees methods of local and anonymous classes
              problems.add(Problem.at(node, Diag.AsyncEnclosingType, node.getName(),
                  "it is declared in a local or anonymous class"));
            }
            return null; // its body is validated with the method
          }
          return super.visitMethod(node, "it is in method '" + node.getName() + "', which is not @Async");
        }

        @Override
        public Void visitClass(ClassTree node, String where) {
          return super.visitClass(node, "it is in an initializer of class " + node.getSimpleName());
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, String where) {
          if (where != null && resolver.isAwait(node)) {
            problems.add(Problem.at(node, Diag.AsyncAwaitOutsideAsync, where));
          }
          return super.visitMethodInvocation(node, where);
        }
      }.scan(path, null);
      reporter.report(problems);
    }
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** Our own output: its witness lambdas name await(...) for typing only. */
  private static boolean isGenerated(TypeElement type) {
    return type.getAnnotationMirrors().stream().anyMatch(a ->
        ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
            .contentEquals("javax.annotation.processing.Generated")
        && a.getElementValues().values().stream().anyMatch(v -> String.valueOf(v.getValue())
            .contains(AsyncProcessor.class.getName())));
  }
}
