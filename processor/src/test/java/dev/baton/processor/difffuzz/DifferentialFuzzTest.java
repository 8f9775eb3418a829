package dev.baton.processor.difffuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.Coroutine;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The differential fuzzer: random {@code @Async} bodies ({@link ProgramGenerator}) compiled by the
 * processor and run on the loop must behave exactly like the same bodies compiled as plain Java with
 * a synchronous {@code await}: same trace (every side effect, in order), same result or exception.
 *
 * <p>CI runs a fixed set of seeds. More: {@code mvn -pl processor test -Dtest=DifferentialFuzzTest
 * -Dbaton.fuzz.cases=5000 -Dbaton.fuzz.seed=7}. A body the processor rejects with a tagged
 * diagnostic is counted by diagnostic, not run; generated code that fails to compile is a failure.
 */
public class DifferentialFuzzTest {
  static final int CASES = Integer.getInteger("baton.fuzz.cases", 240);
  static final long SEED = Long.getLong("baton.fuzz.seed", 20261201L);
  static final int BATCH = 40;

  record Program(int id, long seed, String body) {
    String asyncSource() {
      return "package fz;\n"
          + "import static dev.baton.Baton.*;\n"
          + "import dev.baton.Coroutine;\n"
          + "import dev.baton.annotations.Async;\n"
          + "import dev.baton.processor.difffuzz.*;\n"
          + "public class P" + id + " {\n"
          + "  @Async\n"
          + "  public Coroutine<Integer> run(FuzzHost h) {\n"
          + body
          + "  }\n"
          + "}\n";
    }

    String plainSource() {
      return "package fz;\n"
          + "import dev.baton.Coroutine;\n"
          + "import dev.baton.processor.difffuzz.*;\n"
          + "public class Q" + id + " {\n"
          + "  static Integer await(FuzzValue v) { return v.runSync(); }\n"
          + "  static Coroutine<Integer> done(int v) { return dev.baton.Baton.done(v); }\n"
          + "  public Coroutine<Integer> run(FuzzHost h) {\n"
          + body
          + "  }\n"
          + "}\n";
    }
  }

  static final class Stats {
    int generated;
    int ran;
    int mismatches;
    final Map<String, Integer> rejected = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
  }

  @Test
  void compiledBodiesBehaveLikeTheSameBodiesRunDirectly() throws Exception {
    Stats stats = new Stats();
    for (int start = 0; start < CASES; start += BATCH) {
      List<Program> batch = new ArrayList<>();
      for (int id = start; id < Math.min(CASES, start + BATCH); id++) {
        long seed = SEED * 1_000_003L + id;
        batch.add(new Program(id, seed, new ProgramGenerator(seed).body()));
      }
      stats.generated += batch.size();
      runBatch(batch, stats);
    }
    int rejectedTotal = stats.rejected.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(Locale.ROOT, "differential fuzz: %d programs generated, %d run, %d mismatches, %d rejected %s%n",
        stats.generated, stats.ran, stats.mismatches, rejectedTotal, stats.rejected);
    assertTrue(stats.failures.isEmpty(), stats.failures.size() + " failures; first:\n" + String.join("\n\n",
        stats.failures.subList(0, Math.min(3, stats.failures.size()))));
    assertEquals(0, stats.mismatches);
    assertTrue(stats.ran >= stats.generated / 2,
        "most generated programs must compile and run; rejected: " + stats.rejected);
  }

  private static Processor processor() {
    for (Processor p : ServiceLoader.load(Processor.class, DifferentialFuzzTest.class.getClassLoader())) {
      if (p.getClass().getName().startsWith("dev.baton.processor.")) {
        return p;
      }
    }
    throw new IllegalStateException("the Baton processor is not registered as a service");
  }

  private static Compilation compile(List<Program> programs) {
    List<JavaFileObject> files = new ArrayList<>();
    for (Program p : programs) {
      files.add(JavaFileObjects.forSourceString("fz.P" + p.id(), p.asyncSource()));
      files.add(JavaFileObjects.forSourceString("fz.Q" + p.id(), p.plainSource()));
    }
    return Compiler.javac().withProcessors(processor()).compile(files);
  }

  private static void runBatch(List<Program> batch, Stats stats) throws Exception {
    Compilation c = compile(batch);
    if (c.status() == Compilation.Status.SUCCESS) {
      ClassLoader loader = loader(c);
      for (Program p : batch) {
        runOne(p, loader, stats);
      }
      return;
    }
    for (Program p : batch) {
      Compilation one = compile(List.of(p));
      if (one.status() == Compilation.Status.SUCCESS) {
        runOne(p, loader(one), stats);
        continue;
      }
      String tag = null;
      for (Diagnostic<? extends JavaFileObject> d : one.errors()) {
        String msg = d.getMessage(Locale.ROOT);
        String file = d.getSource() == null ? "" : d.getSource().getName();
        if (msg.startsWith("[Async") && file.contains("/fz/P")) {
          tag = msg.substring(0, Math.min(msg.length(), msg.indexOf(';') > 0 ? msg.indexOf(';') : 60));
          if (tag.contains("[AsyncInternalError]")) {
            tag = null;
          }
          break;
        }
      }
      if (tag != null) {
        stats.rejected.merge(tag, 1, Integer::sum);
      } else {
        stats.failures.add("program " + p.id() + " does not compile after processing:\n" + one.errors()
            + "\n" + p.asyncSource());
      }
    }
  }

  private static void runOne(Program p, ClassLoader loader, Stats stats) throws Exception {
    String expected = outcome(p, loader, "fz.Q" + p.id(), false);
    String actual = outcome(p, loader, "fz.AsyncP" + p.id(), true);
    stats.ran++;
    if (!expected.equals(actual)) {
      stats.mismatches++;
      stats.failures.add("program " + p.id() + " (seed " + p.seed() + ") differs:\n  plain:    " + expected
          + "\n  compiled: " + actual + "\n" + p.asyncSource());
    }
  }

  @SuppressWarnings("unchecked")
  private static String outcome(Program p, ClassLoader loader, String className, boolean async) throws Exception {
    FuzzHost host = new FuzzHost(p.seed(), 40);
    Object instance = loader.loadClass(className).getConstructor().newInstance();
    String result;
    try {
      Coroutine<Integer> c = (Coroutine<Integer>) instance.getClass().getMethod("run", FuzzHost.class)
          .invoke(instance, host);
      result = "ok:" + Baton.run(c, Clock.virtual());
    } catch (InvocationTargetException e) {
      result = "threw:" + describe(e.getCause());
    } catch (RuntimeException | Error e) {
      result = "threw:" + describe(e);
    }
    return host.trace + " -> " + result;
  }

  private static String describe(Throwable t) {
    return t.getClass().getName() + ":" + t.getMessage();
  }

  /** Loads the classes of a compilation, parent-first for everything else. */
  public static ClassLoader loader(Compilation c) throws IOException {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      String path = f.toUri().getPath();
      int at = path.indexOf("CLASS_OUTPUT/");
      String name = (at >= 0 ? path.substring(at + "CLASS_OUTPUT/".length()) : path.substring(1))
          .replace(".class", "").replace('/', '.');
      try (InputStream in = f.openInputStream()) {
        classes.put(name, in.readAllBytes());
      }
    }
    return new ClassLoader(DifferentialFuzzTest.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }
}
