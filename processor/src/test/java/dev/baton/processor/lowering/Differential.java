package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.Coroutine;
import dev.baton.processor.AsyncProcessor;
import dev.baton.processor.difffuzz.DifferentialFuzzTest;
import dev.baton.processor.difffuzz.FuzzHost;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * The behaviour oracle for lowering tests: a body compiled by the processor and run on the loop
 * must leave the same trace and end the same way as the same body compiled as plain Java with a
 * synchronous {@code await} (every await returning at once).
 */
final class Differential {
  private static int counter;

  private Differential() {}

  /** Compiles {@code body} both ways and asserts equal traces; returns the trace for extra checks. */
  static String check(String body) {
    return check("", body);
  }

  static String check(String members, String body) {
    return check("", members, body);
  }

  /** As {@link #check(String, String)}, both classes declared with {@code extendsClause}. */
  static String check(String extendsClause, String members, String body) {
    int id = counter++;
    String imports = "import dev.baton.Coroutine;\nimport dev.baton.processor.difffuzz.*;\nimport java.util.*;\n"
        + "import java.util.function.*;\n";
    String async = "package lw;\nimport static dev.baton.Baton.*;\nimport dev.baton.annotations.*;\n" + imports
        + "public class P" + id + " " + extendsClause + " {\n" + members + "\n  @Async\n  public Coroutine<Integer> run(FuzzHost h) {\n"
        + body + "\n  }\n}\n";
    String plain = "package lw;\n" + imports + "public class Q" + id + " " + extendsClause + " {\n"
        + "  static int await(FuzzValue v) { return v.runSync(); }\n"
        + "  static <T> T await(FuzzLazy<T> v) { return v.runSync(); }\n"
        + "  static Coroutine<Integer> done(int v) { return dev.baton.Baton.done(v); }\n"
        + members + "\n  public Coroutine<Integer> run(FuzzHost h) {\n" + body + "\n  }\n}\n";
    Compilation c = Compiler.javac().withProcessors(new AsyncProcessor()).compile(
        JavaFileObjects.forSourceString("lw.P" + id, async), JavaFileObjects.forSourceString("lw.Q" + id, plain));
    if (c.status() != Compilation.Status.SUCCESS) {
      fail("does not compile: " + c.errors() + "\n" + async + "\n" + Programs.generatedSources(c));
    }
    try {
      ClassLoader loader = loader(c);
      String expected = outcome(loader, "lw.Q" + id);
      String actual = outcome(loader, "lw.AsyncP" + id);
      assertEquals(expected, actual, "compiled body differs from the body run directly:\n" + body);
      return actual;
    } catch (ReflectiveOperationException | IOException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static String outcome(ClassLoader loader, String className) throws ReflectiveOperationException {
    FuzzHost host = new FuzzHost(42, 60);
    Object instance = loader.loadClass(className).getConstructor().newInstance();
    String result;
    try {
      Coroutine<Integer> co = (Coroutine<Integer>) instance.getClass().getMethod("run", FuzzHost.class)
          .invoke(instance, host);
      result = "ok:" + Baton.run(co, Clock.virtual());
    } catch (InvocationTargetException e) {
      result = "threw:" + e.getCause().getClass().getSimpleName() + ":" + e.getCause().getMessage();
    } catch (RuntimeException | Error e) {
      result = "threw:" + e.getClass().getSimpleName() + ":" + e.getMessage();
    }
    return String.join(" ", host.trace) + " -> " + result;
  }

  /** Loads a compilation's classes, parent-first for everything else. */
  static ClassLoader loader(Compilation c) throws IOException {
    return DifferentialFuzzTest.loader(c);
  }

  static List<String> lines(String... l) {
    return List.of(l);
  }
}
