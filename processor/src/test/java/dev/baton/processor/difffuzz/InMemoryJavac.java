package dev.baton.processor.difffuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * One in-process javac run with in-memory output. Unlike compile-testing's {@code Compilation},
 * it keeps the generated sources of a failed compilation (the fuzzer reports generated code that
 * does not compile) and turns a javac crash into a result instead of an exception.
 */
public final class InMemoryJavac {
  /** The outcome: errors, class files by binary name, generated sources by path, or the crash. */
  public record Output(boolean success, List<Diagnostic<? extends JavaFileObject>> errors, Map<String, byte[]> classes,
      Map<String, String> generatedSources, Throwable crash) {}

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

  private InMemoryJavac() {}

  public static Output compile(List<JavaFileObject> sources, List<String> options, List<Processor> processors) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager standard = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    Memory memory = new Memory(standard);
    Throwable crash = null;
    boolean ok;
    StringWriter log = new StringWriter();
    try {
      JavaCompiler.CompilationTask task = JAVAC.getTask(log, memory, diagnostics, options, null, sources);
      if (processors != null) {
        task.setProcessors(processors);
      }
      ok = task.call();
    } catch (RuntimeException | Error e) {
      crash = e;
      ok = false;
    }
    List<Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(d);
      }
    }
    if (!ok && errors.isEmpty() && crash == null) {
      // javac reports its own crashes ("An exception has occurred in the compiler") on its log
      crash = new IllegalStateException("javac failed without an error diagnostic: " + log);
    }
    Map<String, byte[]> classes = new LinkedHashMap<>();
    Map<String, String> generated = new LinkedHashMap<>();
    for (Map.Entry<String, Out> e : memory.outputs.entrySet()) {
      Out o = e.getValue();
      if (o.getKind() == JavaFileObject.Kind.CLASS) {
        classes.put(o.binaryName, o.bytes.toByteArray());
      } else {
        generated.put(e.getKey(), o.bytes.toString(StandardCharsets.UTF_8));
      }
    }
    return new Output(ok && crash == null, errors, classes, generated, crash);
  }

  /** An output file held in memory; javac reads generated sources back through it. */
  static final class Out extends SimpleJavaFileObject {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final String binaryName;

    Out(URI uri, Kind kind, String binaryName) {
      super(uri, kind);
      this.binaryName = binaryName;
    }

    @Override
    public OutputStream openOutputStream() {
      bytes.reset();
      return bytes;
    }

    @Override
    public InputStream openInputStream() {
      return new ByteArrayInputStream(bytes.toByteArray());
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Sends class files and generated sources to memory; everything else to the standard manager. */
  static final class Memory extends ForwardingJavaFileManager<StandardJavaFileManager> {
    final Map<String, Out> outputs = new LinkedHashMap<>();

    Memory(StandardJavaFileManager standard) {
      super(standard);
    }

    private static boolean memoryLocation(Location location) {
      return location == StandardLocation.CLASS_OUTPUT || location == StandardLocation.SOURCE_OUTPUT;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
        FileObject sibling) {
      String path = "/" + location.getName() + "/" + className.replace('.', '/') + kind.extension;
      Out o = new Out(URI.create("mem://" + path), kind, className);
      outputs.put(path, o);
      return o;
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName,
        FileObject sibling) {
      String path = "/" + location.getName() + "/" + (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/")
          + relativeName;
      Out o = new Out(URI.create("mem://" + path), JavaFileObject.Kind.OTHER, relativeName);
      outputs.put(path, o);
      return o;
    }

    @Override
    public JavaFileObject getJavaFileForInput(Location location, String className, JavaFileObject.Kind kind)
        throws IOException {
      if (memoryLocation(location)) {
        return outputs.get("/" + location.getName() + "/" + className.replace('.', '/') + kind.extension);
      }
      return super.getJavaFileForInput(location, className, kind);
    }

    @Override
    public FileObject getFileForInput(Location location, String packageName, String relativeName) throws IOException {
      if (memoryLocation(location)) {
        return outputs.get("/" + location.getName() + "/" + (packageName.isEmpty() ? ""
            : packageName.replace('.', '/') + "/") + relativeName);
      }
      return super.getFileForInput(location, packageName, relativeName);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      if (a instanceof Out || b instanceof Out) {
        return a.toUri().equals(b.toUri());
      }
      return super.isSameFile(a, b);
    }

    @Override
    public boolean hasLocation(JavaFileManager.Location location) {
      return memoryLocation(location) || super.hasLocation(location);
    }
  }
}
