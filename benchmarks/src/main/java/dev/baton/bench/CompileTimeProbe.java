package dev.baton.bench;

import dev.baton.processor.AsyncProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The processor's compile-time cost: javac (in process, warmed up) on one generated source file with
 * {@code methods} {@code @Async} methods, once with the Baton processor and once with
 * {@code -proc:none} (the same bodies then compile as plain Java). Prints
 * {@code compile Baton withMs=.. withoutMs=.. overheadMs=.. msPerMethod=.. methods=..}, medians of 7.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar dev.baton.bench.CompileTimeProbe [methods]}
 */
public final class CompileTimeProbe {
  private CompileTimeProbe() {}

  public static void main(String[] args) throws IOException {
    int methods = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    String source = source(methods);
    Path out = Files.createTempDirectory("baton-compile");
    for (int i = 0; i < 3; i++) { // warm javac and the processor up
      compile(source, out, true);
      compile(source, out, false);
    }
    double[] with = new double[rounds];
    double[] without = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      with[i] = compile(source, out, true);
      without[i] = compile(source, out, false);
    }
    double w = median(with);
    double wo = median(without);
    System.out.println(String.format(Locale.ROOT,
        "compile Baton withMs=%.1f withoutMs=%.1f overheadMs=%.1f msPerMethod=%.3f methods=%d",
        w, wo, w - wo, (w - wo) / methods, methods));
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /** Milliseconds for one javac run; fails loudly if the source does not compile. */
  private static double compile(String source, Path out, boolean withProcessor) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-s", out.toString(),
        "-cp", System.getProperty("java.class.path"), "--release", "17", "-nowarn"));
    if (!withProcessor) {
      options.add("-proc:none");
    }
    SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///bench/Generated.java"),
        SimpleJavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    JavaCompiler.CompilationTask task = javac.getTask(null, null, null, options, null, List.of(file));
    if (withProcessor) {
      task.setProcessors(List.of(new AsyncProcessor()));
    }
    long start = System.nanoTime();
    boolean ok = task.call();
    long end = System.nanoTime();
    if (!ok) {
      throw new IllegalStateException("the generated source does not compile");
    }
    return (end - start) / 1e6;
  }

  /** {@code methods} @Async methods over the usual constructs: loops, try/finally, awaited operands. */
  static String source(int methods) {
    StringBuilder b = new StringBuilder("""
        package bench;
        import static dev.baton.Baton.*;
        import dev.baton.*;
        import dev.baton.annotations.*;
        import java.util.*;
        public class Generated {
          @Async public Coroutine<Integer> value(int x) {
            await(checkpoint());
            return done(x);
          }
        """);
    for (int i = 0; i < methods; i++) {
      b.append(String.format(Locale.ROOT, """
            @Async public Coroutine<Integer> m%d(List<String> log, int n) {
              int sum = 0;
              for (int i = 0; i < n; i++) {
                try {
                  sum += await(value(i)) * %d;
                  if (sum > 1000 && i %% 2 == 0) {
                    log.add("big " + await(value(sum)));
                    continue;
                  }
                } finally {
                  log.add("step " + i);
                }
              }
              String s = n > 2 ? "x" + await(value(n)) : "y";
              switch (s.length()) {
                case 1 -> log.add(s);
                default -> sum += await(value(s.length()));
              }
              return done(sum);
            }
          """, i, i % 7 + 1));
    }
    return b.append("}\n").toString();
  }
}
