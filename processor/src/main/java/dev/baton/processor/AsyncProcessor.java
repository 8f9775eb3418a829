package dev.baton.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.baton.processor.analyze.Analysis;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.emit.ClassEmitter;
import dev.baton.processor.emit.Scope;
import dev.baton.processor.emit.StepRenderer;
import dev.baton.processor.emit.SuperAccessors;
import dev.baton.processor.lower.Lowerer;
import dev.baton.processor.lower.Machine;
import dev.baton.processor.parse.AsyncMethod;
import dev.baton.processor.parse.Attribution;
import dev.baton.processor.support.Names;
import dev.baton.processor.support.TypeWriter;
import dev.baton.processor.validate.BodyValidator;
import dev.baton.processor.validate.Problem;
import dev.baton.processor.validate.Reporter;
import dev.baton.processor.validate.SignatureValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * {@code @Async} methods it writes {@code p.AsyncFoo}. The pipeline of a round, in order:
 *
 * <ol>
 *   <li>parse: the classes' signatures are checked ({@link SignatureValidator}), then every unit
 *       holding {@code @Async} methods is attributed once by a second javac task
 *       ({@link Attribution}): each method becomes an {@link AsyncMethod} with exact types;</li>
 *   <li>validate: the body ({@link BodyValidator});</li>
 *   <li>analyze: switch points, frame locals and their names ({@link Analysis});</li>
 *   <li>lower: statements and expressions into a state-machine IR ({@link Lowerer});</li>
 *   <li>emit: JavaPoet source ({@link StepRenderer}, {@link ClassEmitter}).</li>
 * </ol>
 *
 * A class with a user error gets its diagnostics and a class whose methods throw (so that code
 * calling it reports no second error). A class whose bodies do not attribute yet (a type another
 * processor generates later) is retried in the next round; in the last round, javac reports the
 * user's own error at its line and the class is generated with methods that throw. No exception ever
 * reaches javac: an unexpected one becomes an {@code [AsyncInternalError]} on the method.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  static final String ASYNC = Names.ASYNC;

  private Trees trees;
  private boolean unsupported;
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Map<String, String> deferredWhy = new HashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // @Generated too: the classes this processor generates carry it, and nobody else claims it, so
    // javac would warn "No processor claimed any of these annotations" (an error under -Werror)
    return Set.of(Names.ASYNC, Names.AWAIT, Names.GENERATED);
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
    try {
      com.sun.source.util.JavacTask task = com.sun.source.util.JavacTask.instance(javac);
      task.addTaskListener(new LinePatcher());
      task.addTaskListener(new dev.baton.processor.lint.Lints(trees, javac.getElementUtils(), javac.getTypeUtils()));
    } catch (RuntimeException | LinkageError e) {
      // not javac's own task (a build tool's wrapper): class files keep the generated lines
    }
  }

  private java.nio.file.Path classOutput;
  private boolean classOutputKnown;

  /**
   * The folder class files are written to, or null when they are not files. Found once, from the
   * name of a resource the Filer would create there (never written), not by reading class files
   * through the Filer: for an output location it asks the file manager for an output file, which
   * some in-memory file managers take as a new, empty one.
   */
  private java.nio.file.Path classOutput() {
    if (!classOutputKnown) {
      classOutputKnown = true;
      try {
        java.net.URI probe = processingEnv.getFiler().createResource(javax.tools.StandardLocation.CLASS_OUTPUT, "",
            "META-INF/baton/class-output").toUri();
        if ("file".equals(probe.getScheme())) {
          classOutput = java.nio.file.Path.of(probe).getParent().getParent().getParent();
        }
      } catch (IOException | RuntimeException e) {
        classOutput = null;
      }
    }
    return classOutput;
  }

  /** The user's lines of every generated class, by its qualified name, until javac writes it. */
  private final Map<String, dev.baton.processor.emit.LineTable> lineTables = new HashMap<>();

  /**
   * Rewrites the line numbers of the class files javac writes for generated classes with the user's
   * lines ({@link dev.baton.processor.emit.ClassFiles}); class files that are not files (an
   * in-memory file manager) keep the generated lines.
   */
  private final class LinePatcher implements com.sun.source.util.TaskListener {
    @Override
    public void finished(com.sun.source.util.TaskEvent e) {
      if (e.getKind() != com.sun.source.util.TaskEvent.Kind.GENERATE || e.getTypeElement() == null
          || lineTables.isEmpty()) {
        return;
      }
      TypeElement type = e.getTypeElement();
      TypeElement top = type;
      for (Element x = type; x instanceof TypeElement t; x = t.getEnclosingElement()) {
        top = t;
      }
      if (type == top) {
        // AsyncFoo itself keeps SourceFile AsyncFoo.java: javac marks a top-level class whose
        // SourceFile names another file "auxiliary" and warns (-Xlint:auxiliaryclass) wherever
        // another file uses it, which fails a -Werror build of the user's tests. Its methods only
        // allocate frames; the frames (member classes) carry the user's file and lines.
        return;
      }
      dev.baton.processor.emit.LineTable table = lineTables.get(top.getQualifiedName().toString());
      if (table == null) {
        return;
      }
      java.nio.file.Path root = classOutput();
      if (root == null) {
        return;
      }
      try {
        String binary = processingEnv.getElementUtils().getBinaryName(type).toString();
        java.nio.file.Path file = root.resolve(binary.replace('.', '/') + ".class");
        if (!java.nio.file.Files.isRegularFile(file)) {
          return;
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, dev.baton.processor.emit.ClassFiles.patch(bytes, table));
      } catch (IOException | RuntimeException ex) {
        // the class keeps the generated lines: a worse stack trace, never a failed build
      }
    }
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
    return true; // @Async and @Await are ours: no other processor needs them
  }

  /** One class to generate: its @Async methods, sorted by position. */
  private record Owner(TypeElement type, List<ExecutableElement> methods, boolean extend) {
    String asyncName() {
      return ClassEmitter.asyncName(type);
    }

    String generatedName() {
      String pkg = ClassEmitter.packageOf(type);
      return pkg.isEmpty() ? asyncName() : pkg + "." + asyncName();
    }
  }

  private void processRound(RoundEnvironment round) {
    paths.clear();
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
          if (m.getKind() == ElementKind.METHOD && Names.hasAnnotation(m, ASYNC)) {
            methods.add((ExecutableElement) m);
          }
        }
        byOwner.put(owner, methods);
      }
    }
    TypeElement awaitAnnotation = processingEnv.getElementUtils().getTypeElement(Names.AWAIT);
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
    List<Owner> owners = new ArrayList<>();
    List<TypeElement> sorted = new ArrayList<>(byOwner.keySet());
    sorted.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement type : sorted) {
      Owner owner = checkSignatures(type, byOwner.get(type), round.processingOver());
      if (owner != null) {
        owners.add(owner);
      }
    }
    if (!owners.isEmpty()) {
      compile(owners, round.processingOver());
    }
    checkAwaitsOutsideAsync(round);
  }

  /** The parse phase's first half: what javax.lang.model can check. Null if the class is done with. */
  private Owner checkSignatures(TypeElement type, List<ExecutableElement> methods, boolean last) {
    if (methods.isEmpty()) {
      return null;
    }
    Map<ExecutableElement, TreePath> paths = methodPaths(type);
    methods.sort(Comparator.comparingLong(m -> position(paths.get(m))));
    boolean hasInstance = methods.stream().anyMatch(m -> !m.getModifiers().contains(Modifier.STATIC));
    boolean extend = hasInstance || ClassEmitter.canExtend(type);
    Reporter reporter = new Reporter(trees, processingEnv.getMessager());
    try {
      List<Problem> problems = new ArrayList<>(
          SignatureValidator.validateClass(type, methods.get(0), ClassEmitter.asyncName(type), hasInstance));
      for (ExecutableElement m : methods) {
        problems.addAll(SignatureValidator.validateMethod(m));
      }
      if (!problems.isEmpty()) {
        reporter.report(problems);
        return null;
      }
    } catch (DeferException e) {
      String name = type.getQualifiedName().toString();
      if (last) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Diag.AsyncMissingType.format(name, e.getMessage()), type);
      } else {
        deferred.add(name);
        deferredWhy.put(name, e.getMessage());
      }
      return null;
    }
    return new Owner(type, methods, extend);
  }

  /** Attributes every owner's units once, then validates, lowers and emits each owner. */
  private void compile(List<Owner> owners, boolean last) {
    List<CompilationUnitTree> units = new ArrayList<>();
    Set<MethodTree> asyncTrees = new HashSet<>();
    Map<String, String> stubs = new LinkedHashMap<>();
    for (Owner o : owners) {
      for (ExecutableElement m : o.methods()) {
        TreePath p = path(m);
        if (p != null) {
          asyncTrees.add((MethodTree) p.getLeaf());
          if (!units.contains(p.getCompilationUnit())) {
            units.add(p.getCompilationUnit());
          }
        }
      }
      stubs.put(o.generatedName(), ClassEmitter.stub(o.type(), o.methods(), o.extend()));
    }
    Attribution attribution;
    long t0 = System.nanoTime();
    try {
      attribution = Attribution.run(processingEnv, trees, units, asyncTrees, stubs);
    } catch (RuntimeException | Error e) {
      for (Owner o : owners) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
            Diag.AsyncInternalError.format(o.type().getSimpleName().toString(), stackTrace(e)), o.type());
      }
      return;
    }
    long t1 = System.nanoTime();
    for (Owner o : owners) {
      compile(o, attribution, last);
    }
    if (Boolean.getBoolean("baton.timing")) {
      System.err.printf("baton timing: attribution %.1f ms, lower+emit %.1f ms%n", (t1 - t0) / 1e6,
          (System.nanoTime() - t1) / 1e6);
    }
  }

  private void compile(Owner owner, Attribution attribution, boolean last) {
    ExecutableElement current = owner.methods().get(0);
    Reporter reporter = new Reporter(trees, processingEnv.getMessager());
    try {
      List<AsyncMethod> methods = new ArrayList<>();
      List<String> notAttributed = new ArrayList<>();
      boolean missingTypesOnly = true;
      Map<String, Integer> frameNames = new HashMap<>();
      CompilationUnitTree outerUnit = null;
      for (ExecutableElement m : owner.methods()) {
        current = m;
        TreePath outer = path(m);
        outerUnit = outer.getCompilationUnit();
        TreePath path = attribution.method(outerUnit, (MethodTree) outer.getLeaf(), trees.getSourcePositions());
        if (path == null) {
          throw new IllegalStateException("no attributed tree for " + m);
        }
        List<Diagnostic<? extends JavaFileObject>> errors = attribution.errorsIn(path.getCompilationUnit(),
            path.getLeaf());
        if (!errors.isEmpty()) {
          notAttributed.add(m.getSimpleName() + ": " + errors.get(0).getMessage(java.util.Locale.ROOT));
          missingTypesOnly &= errors.stream().allMatch(AsyncProcessor::isMissingType);
          continue;
        }
        int n = frameNames.merge(m.getSimpleName().toString(), 1, Integer::sum);
        String frame = "$" + m.getSimpleName() + (n == 1 ? "" : "$" + (n - 1));
        String pkg = ClassEmitter.packageOf(owner.type());
        AsyncMethod.Target target = new AsyncMethod.Target(owner.asyncName(), owner.generatedName(), owner.extend(),
            frame);
        String path0 = outerUnit.getSourceFile().getName();
        String fileName = path0.substring(Math.max(path0.lastIndexOf('/'), path0.lastIndexOf('\\')) + 1);
        methods.add(new AsyncMethod(attribution, path, (ExecutableElement) attribution.trees().getElement(path),
            (TypeElement) attribution.trees().getElement(path.getParentPath()), target,
            path.getCompilationUnit().getSourceFile().getCharContent(true).toString(), fileName));
        if (pkg == null) {
          throw new AssertionError();
        }
      }
      if (!notAttributed.isEmpty()) {
        String name = owner.type().getQualifiedName().toString();
        if (missingTypesOnly && !last) {
          // a type another processor may generate in this round: try again in the next one
          deferred.add(name);
          deferredWhy.put(name, String.join("; ", notAttributed));
          return;
        }
        if (missingTypesOnly) {
          // the last round: the type never came. javac reports it at the user's line; a class
          // generated now would only add javac's last-round warning (an error under -Werror)
          return;
        }
        // the user's own error: javac reports it at the user's line, once; the class must still
        // exist so that code calling it reports nothing more
        processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "Baton: " + owner.asyncName()
            + " is generated with methods that throw, because javac reports errors in the @Async bodies of "
            + name + " (" + String.join("; ", notAttributed).replaceAll("\\s+", " ") + ")", owner.type());
        write(owner, ClassEmitter.stub(owner.type(), owner.methods(), owner.extend()), reporter);
        return;
      }
      List<Problem> problems = new ArrayList<>();
      List<ClassEmitter.Frame> frames = new ArrayList<>();
      SuperAccessors supers = methods.isEmpty() ? null : new SuperAccessors(methods.get(0).owner(),
          methods.get(0).types());
      for (int i = 0; i < methods.size(); i++) {
        AsyncMethod m = methods.get(i);
        current = owner.methods().get(i);
        Facts facts = Analysis.analyze(m);
        List<Problem> body = BodyValidator.validate(m, facts);
        if (!body.isEmpty()) {
          problems.addAll(body);
          continue;
        }
        TypeWriter types = new TypeWriter(facts.movedClasses());
        Scope scope = new Scope(m, facts, types, supers);
        String result = types.declared(SignatureValidator.resultType(m.element(), m.elements()));
        Machine machine = Lowerer.lower(m, facts, scope, result);
        frames.add(new ClassEmitter.Frame(current, m.target().frameName(), machine,
            StepRenderer.render(machine, m.fileName(), m.description()), result, m.description(),
            ClassEmitter.suppressedWarnings(current), m.fileName(),
            processingEnv.getElementUtils().getBinaryName((TypeElement) current.getEnclosingElement()).toString()));
      }
      if (!problems.isEmpty()) {
        reporter.unit(outerUnit);
        reporter.report(problems);
        write(owner, ClassEmitter.stub(owner.type(), owner.methods(), owner.extend()), reporter);
        return;
      }
      List<String> imports = new ArrayList<>();
      String text = outerUnit.getSourceFile().getCharContent(true).toString();
      for (ImportTree i : outerUnit.getImports()) {
        long s = trees.getSourcePositions().getStartPosition(outerUnit, i);
        long e = trees.getSourcePositions().getEndPosition(outerUnit, i);
        imports.add(text.substring((int) s, (int) e));
      }
      write(owner, ClassEmitter.emit(owner.type(), frames, imports, owner.extend(), supers), reporter);
    } catch (IOException | RuntimeException | Error e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Diag.AsyncInternalError.format(owner.type().getSimpleName() + "." + current.getSimpleName(),
              stackTrace(e)), current);
    }
  }

  private void write(Owner owner, String source, Reporter reporter) throws IOException {
    String name = owner.generatedName();
    TypeElement existing = processingEnv.getElementUtils().getTypeElement(name);
    if (existing != null && trees.getPath(existing) != null && !Names.hasAnnotation(existing, Names.GENERATED)) {
      reporter.report(List.of(Problem.on(owner.type(), Diag.AsyncGeneratedNameTaken, name,
          owner.type().getQualifiedName())));
      return;
    }
    JavaFileObject file = processingEnv.getFiler().createSourceFile(name, owner.type());
    try (Writer w = file.openWriter()) {
      w.write(source);
    }
    TreePath ownerPath = trees.getPath(owner.type());
    if (ownerPath != null && classOutput() != null) {
      String userFile = ownerPath.getCompilationUnit().getSourceFile().getName();
      userFile = userFile.substring(Math.max(userFile.lastIndexOf('/'), userFile.lastIndexOf('\\')) + 1);
      long start = trees.getSourcePositions().getStartPosition(ownerPath.getCompilationUnit(), ownerPath.getLeaf());
      int line = (int) ownerPath.getCompilationUnit().getLineMap().getLineNumber(Math.max(0, start));
      lineTables.put(name, dev.baton.processor.emit.LineTable.of(source, userFile, line));
    }
  }

  /**
   * An error about a class or package that does not exist: perhaps one another processor generates
   * later. Any other error in a body is the user's own.
   */
  private static boolean isMissingType(Diagnostic<? extends JavaFileObject> d) {
    String code = d.getCode() == null ? "" : d.getCode();
    if (code.equals("compiler.err.doesnt.exist")) {
      return true;
    }
    if (!code.startsWith("compiler.err.cant.resolve")) {
      return false;
    }
    // "symbol: class Made", or "symbol: variable Made" for the qualifier of Made.make()
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("symbol:\\s+(\\w+)\\s+([\\w$.]+)")
        .matcher(d.getMessage(java.util.Locale.ROOT));
    if (!m.find()) {
      return false;
    }
    String kind = m.group(1);
    String name = m.group(2);
    return List.of("class", "interface", "enum", "record", "package").contains(kind)
        || kind.equals("variable") && Character.isUpperCase(name.charAt(0));
  }

  private long position(TreePath p) {
    return p == null ? 0 : trees.getSourcePositions().getStartPosition(p.getCompilationUnit(), p.getLeaf());
  }

  /** Method declaration paths by element, found in one pass per class (Trees.getPath scans the unit). */
  private final Map<ExecutableElement, TreePath> paths = new HashMap<>();

  private TreePath path(ExecutableElement m) {
    TreePath p = paths.get(m);
    if (p == null) {
      paths.putAll(methodPaths((TypeElement) m.getEnclosingElement()));
      p = paths.get(m);
    }
    return p != null ? p : trees.getPath(m);
  }

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
    paths.putAll(out);
    return out;
  }

  /** {@code [AsyncAwaitOutsideAsync]}: an await call in any method of this round not marked {@code @Async}. */
  private void checkAwaitsOutsideAsync(RoundEnvironment round) {
    TypeElement async = processingEnv.getElementUtils().getTypeElement(ASYNC);
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
