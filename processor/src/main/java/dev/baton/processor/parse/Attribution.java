package dev.baton.processor.parse;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Exact types for {@code @Async} bodies: a second, in-process javac task that parses the units
 * holding {@code @Async} methods once more and attributes them, so that every expression of a body
 * has javac's own type and every name its symbol.
 *
 * <p>Why not the running compilation: during annotation processing method bodies are parsed but
 * not attributed, and attributing them in place poisons later rounds (see
 * {@code ../shared/design/javac-notes.md}). The attribution task is ours: it may attribute in place.
 *
 * <p>What it sees:
 * <ul>
 *   <li>the units, with every method body except the {@code @Async} ones blanked (offsets kept, so
 *       a position in the task is the same position in the user's file);</li>
 *   <li>stub sources of the classes the processor is about to generate ({@code AsyncFoo} with the
 *       signatures it will have), so bodies that call them attribute;</li>
 *   <li>the outer compilation's class path through {@link OuterFileManager}, and the platform with
 *       the same {@code --release} (or source level) as the outer compilation.</li>
 * </ul>
 * An error the task reports inside an {@code @Async} body is either the user's own (javac reports it
 * again, at the user's line) or a type that another processor has not generated yet: the caller
 * defers such a class to the next round, and never reports these errors itself.
 */
public final class Attribution {
  private final JavacTask task;
  private final Trees trees;
  private final Map<URI, CompilationUnitTree> units;
  private final List<Diagnostic<? extends JavaFileObject>> errors;

  private Attribution(JavacTask task, Map<URI, CompilationUnitTree> units,
      List<Diagnostic<? extends JavaFileObject>> errors) {
    this.task = task;
    this.trees = Trees.instance(task);
    this.units = units;
    this.errors = errors;
  }

  /** The attribution task's trees (attributed in place: getTypeMirror and getElement are exact). */
  public Trees trees() {
    return trees;
  }

  public javax.lang.model.util.Types types() {
    return task.getTypes();
  }

  public javax.lang.model.util.Elements elements() {
    return task.getElements();
  }

  /** The attributed twin of an outer compilation unit. */
  public CompilationUnitTree unit(CompilationUnitTree outer) {
    return units.get(outer.getSourceFile().toUri());
  }

  /** Errors the task reported (in any file). */
  public List<Diagnostic<? extends JavaFileObject>> errors() {
    return errors;
  }

  /** Errors inside {@code tree} of the attributed {@code unit}. */
  public List<Diagnostic<? extends JavaFileObject>> errorsIn(CompilationUnitTree unit, Tree tree) {
    SourcePositions p = trees.getSourcePositions();
    long start = p.getStartPosition(unit, tree);
    long end = p.getEndPosition(unit, tree);
    List<Diagnostic<? extends JavaFileObject>> out = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : errors) {
      if (d.getSource() != null && d.getSource().toUri().equals(unit.getSourceFile().toUri())
          && d.getPosition() >= start && d.getPosition() < end) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * The attributed declaration of {@code method}: the method tree at the same position in the
   * attributed twin of its unit.
   */
  public TreePath method(CompilationUnitTree outerUnit, MethodTree outerTree, SourcePositions outerPositions) {
    CompilationUnitTree unit = unit(outerUnit);
    long start = outerPositions.getStartPosition(outerUnit, outerTree);
    SourcePositions p = trees.getSourcePositions();
    TreePath[] found = new TreePath[1];
    new com.sun.source.util.TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void v) {
        long s = p.getStartPosition(unit, node);
        long e = p.getEndPosition(unit, node);
        return start >= s && start < e && found[0] == null ? super.visitClass(node, v) : null;
      }

      @Override
      public Void visitMethod(MethodTree node, Void v) {
        if (p.getStartPosition(unit, node) == start && node.getName().contentEquals(outerTree.getName())) {
          found[0] = getCurrentPath();
        }
        return null;
      }
    }.scan(unit, null);
    return found[0];
  }

  /**
   * Attributes {@code units} (outer compilation units holding {@code @Async} methods).
   *
   * @param asyncMethods the declarations whose bodies are kept (every other body is blanked)
   * @param stubs sources of the classes about to be generated, by qualified name
   */
  public static Attribution run(ProcessingEnvironment env, Trees outerTrees, List<CompilationUnitTree> units,
      Set<MethodTree> asyncMethods, Map<String, String> stubs) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("no system Java compiler (javax.tools.ToolProvider) in this JVM");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager platform = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
    Set<URI> inputUris = new HashSet<>();
    List<JavaFileObject> inputs = new ArrayList<>();
    for (CompilationUnitTree u : units) {
      URI uri = u.getSourceFile().toUri();
      if (inputUris.add(uri)) {
        String text = Blanker.blank(u, outerTrees, m -> !asyncMethods.contains(m));
        inputs.add(new Input(uri, text));
      }
    }
    OuterFileManager files = new OuterFileManager(platform, env.getElementUtils(), outerTrees, env.getFiler(),
        stubs, inputUris);
    JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options(env), null, inputs);
    Map<URI, CompilationUnitTree> byUri = new LinkedHashMap<>();
    try {
      for (CompilationUnitTree u : task.parse()) {
        byUri.put(u.getSourceFile().toUri(), u);
      }
      task.analyze();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d);
      }
    }
    return new Attribution(task, byUri, errors);
  }

  /** The language level of the outer compilation: its --release when it has one, else its -source. */
  static List<String> options(ProcessingEnvironment env) {
    List<String> out = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn",
        "-XDshould-stop.ifError=ATTR", "-XDshould-stop.ifNoError=ATTR"));
    String version = Integer.toString(Math.max(SourceVersion.RELEASE_8.ordinal(), env.getSourceVersion().ordinal()));
    if (usesRelease(env)) {
      out.addAll(List.of("--release", version));
    } else {
      out.addAll(List.of("-source", version, "-target", version));
    }
    if (env.isPreviewEnabled()) {
      out.add("--enable-preview");
    }
    return out;
  }

  /** True when the outer compilation reads the platform from ct.sym, which is what --release does. */
  private static boolean usesRelease(ProcessingEnvironment env) {
    for (StandardLocation where : List.of(StandardLocation.PLATFORM_CLASS_PATH, StandardLocation.SYSTEM_MODULES)) {
      try {
        String pkg = where == StandardLocation.SYSTEM_MODULES ? "java.base/java.lang" : "java.lang";
        FileObject object = env.getFiler().getResource(where, pkg, "Object.class");
        String uri = String.valueOf(object.toUri());
        return uri.contains("ct.sym");
      } catch (IOException | RuntimeException e) {
        // not this location: try the next
      }
    }
    return false;
  }

  /** An input unit: the user's file with the bodies that need no typing blanked, under its own URI. */
  private static final class Input extends SimpleJavaFileObject {
    private final String text;

    Input(URI uri, String text) {
      super(uri, Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }
}
