package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.AsyncProcessor;
import dev.baton.processor.difffuzz.FuzzRunner;
import dev.baton.processor.difffuzz.InMemoryJavac;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Whole programs compiled twice and compared: the <em>compiled twin</em> is the user's class
 * compiled with the processor and run through its generated {@code Async...} class; the <em>plain
 * twin</em> is the same text with {@code dev.baton.Baton} replaced by the synchronous
 * {@code difffuzz.sync.SyncBaton} (every await returns at once), compiled without the processor.
 *
 * <p>A program is a template: {@code §IMPORTS} becomes the static import of {@code await},
 * {@code run}, {@code done}... from one or the other; {@code §C} is the user's class
 * ({@code <prefix>N} or {@code Plain<prefix>N}) and {@code §A} the class that runs it
 * ({@code Async<prefix>N}, or the plain class itself). Each program has a static {@code go()}
 * returning a string: the plain twin must return the expected string (so the program is valid Java
 * that means what its comment says), and the compiled twin the same.
 */
final class Twins {
  /** One program: {@code n} names it within its {@code prefix}; {@code java21} compiles with {@code --release 21}. */
  record Program(String prefix, int n, boolean java21, String expected, String template) {
    Program(String prefix, int n, String expected, String template) {
      this(prefix, n, false, expected, template);
    }

    String className(boolean plain) {
      return (plain ? "Plain" : "") + prefix + n;
    }

    String source(boolean plain) {
      String imports = plain
          ? "import static dev.baton.processor.difffuzz.sync.SyncBaton.*;\nimport dev.baton.Coroutine;"
          : "import static dev.baton.Baton.*;\nimport dev.baton.Coroutine;";
      return template.replace("§IMPORTS", imports)
          .replace("§A", plain ? "Plain" + prefix + n : "Async" + prefix + n)
          .replace("§C", className(plain));
    }

    boolean runnable() {
      return !java21 || Runtime.version().feature() >= 21;
    }
  }

  /** The usual head of a program: package {@code repro}, the imports, {@code @Async} and {@code java.util}. */
  static final String HEAD = """
      package repro;
      §IMPORTS
      import dev.baton.annotations.Async;
      import dev.baton.annotations.Await;
      import java.util.*;
      """;

  private Twins() {}

  static InMemoryJavac.Output compile(Program p, boolean plain) {
    String name = "repro." + p.className(plain);
    String release = p.java21 ? "21" : "17";
    return InMemoryJavac.compile(List.of(JavaFileObjects.forSourceString(name, p.source(plain))),
        plain ? List.of("--release", release, "-proc:none") : List.of("--release", release),
        plain ? List.of() : List.of(new AsyncProcessor()));
  }

  /** Compiles one twin and returns what its {@code go()} returns; fails the test if it does not compile or throws. */
  static String go(Program p, boolean plain) {
    String what = p.prefix + " " + p.n + (plain ? " (plain twin)" : "");
    InMemoryJavac.Output c = compile(p, plain);
    if (!c.success()) {
      fail(what + " does not compile: " + (c.crash() != null ? c.crash() : c.errors()) + "\n"
          + String.join("\n", c.generatedSources().values()));
    }
    try {
      return String.valueOf(FuzzRunner.loader(c).loadClass("repro." + p.className(plain)).getMethod("go").invoke(null));
    } catch (InvocationTargetException e) {
      throw new AssertionError(what + " failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Every runnable program's plain twin returns its expected string. */
  static void assertPlainTwins(List<Program> programs) {
    StringBuilder failures = new StringBuilder();
    for (Program p : programs) {
      if (p.runnable()) {
        try {
          assertEquals(p.expected, go(p, true), p.prefix + " " + p.n + " (plain twin)");
        } catch (AssertionError e) {
          failures.append(e.getMessage()).append("\n\n");
        }
      }
    }
    if (failures.length() > 0) {
      fail(failures.toString());
    }
  }

  /** Every runnable program compiles through the processor and returns what its plain twin returns. */
  static void assertCompiledTwins(List<Program> programs) {
    StringBuilder failures = new StringBuilder();
    for (Program p : programs) {
      if (p.runnable()) {
        try {
          assertEquals(go(p, true), go(p, false), p.prefix + " " + p.n);
        } catch (AssertionError e) {
          failures.append(e.getMessage()).append("\n\n");
        }
      }
    }
    if (failures.length() > 0) {
      fail(failures.toString());
    }
  }
}
