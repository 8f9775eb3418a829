package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.AsyncProcessor;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Compiles whole sources with the processor and calls {@code static Object go()} of one class. */
final class Programs {
  private Programs() {}

  static Compilation compile(String... sources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (String s : sources) {
      String pkg = s.replaceAll("(?s)^\\s*package\\s+([\\w.]+);.*", "$1");
      String cls = s.replaceAll("(?s).*?public\\s+(?:abstract\\s+|final\\s+)?class\\s+(\\w+).*", "$1");
      files.add(JavaFileObjects.forSourceString(pkg + "." + cls, s));
    }
    return Compiler.javac().withProcessors(new AsyncProcessor()).compile(files);
  }

  /** The text of every source file a compilation generated (for failure messages). */
  static String generatedSources(Compilation c) {
    StringBuilder generated = new StringBuilder();
    for (JavaFileObject f : c.generatedSourceFiles()) {
      try {
        generated.append(f.getCharContent(true));
      } catch (IOException e) {
        generated.append(e);
      }
    }
    return generated.toString();
  }

  /** Compiles and returns the value of {@code className.go()}. */
  static Object run(String className, String... sources) {
    Compilation c = compile(sources);
    if (c.status() != Compilation.Status.SUCCESS) {
      fail("does not compile: " + c.errors() + "\n" + generatedSources(c));
    }
    try {
      return Differential.loader(c).loadClass(className).getMethod("go").invoke(null);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException | IOException e) {
      throw new AssertionError(e);
    }
  }
}
