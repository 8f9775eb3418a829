package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/**
 * The minimal reproductions at the end of issue 10, one source each, every one valid Java.
 *
 * <p>Each source is a template: {@code §C} is the user's class and {@code §A} the class that runs
 * it. The compiled twin is the user's class {@code repro.ReproN} compiled with the processor and run
 * through {@code repro.AsyncReproN}; the plain twin {@code repro.PlainReproN} is the same text with
 * {@code dev.baton.Baton} replaced by the synchronous {@code difffuzz.sync.SyncBaton}, compiled
 * without the processor. Both twins' {@code go()} must return the same string (the expected one).
 *
 * <p>{@link #plainTwinsCompileAndRun} runs in every build: it checks the reproductions themselves.
 * {@link #compiledTwinsBehaveLikeThePlainTwins} (tagged {@code fuzz-strict}) runs in every build too:
 * the processor compiles all of them, and each compiled twin must behave as its plain twin. The Java 21 reproduction is compiled with
 * {@code --release 21} and runs only on JDK 21+.
 */
class ReproductionsTest {
  private static Program r(int n, boolean java21, String expected, String template) {
    return new Program("Repro", n, java21, expected, template);
  }

  private static final String HEAD = """
      package repro;
      §IMPORTS
      import dev.baton.annotations.Async;
      import java.util.*;
      """;

  static final List<Program> REPROS = List.of(
      // 1. compound assignment to a field with an awaited right operand
      r(1, false, "42", HEAD + """
          public class §C {
            int f = 1;
            @Async public Coroutine<Integer> m() { f += await(done(41)); return done(f); }
            public static String go() { return "" + run(new §A().m()); }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """),
      // 2. instanceof patterns in statements that await (the binding spans an await / does not)
      r(2, false, "5 6 0", HEAD + """
          public class §C {
            @Async public Coroutine<Integer> m(Object o) {
              if (o instanceof String s) { await(checkpoint()); return done(s.length()); }
              return done(0);
            }
            @Async public Coroutine<Integer> n(Object o) {
              int n = await(done(1)) + (o instanceof String s ? s.length() : 0);
              return done(n);
            }
            public static String go() {
              return run(new §A().m("hello")) + " " + run(new §A().n("hello")) + " " + run(new §A().m(3));
            }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """),
      // 3. await in a colon-form switch expression; an arrow switch inside a colon case
      r(3, false, "42 0 42", HEAD + """
          public class §C {
            @Async public Coroutine<Integer> m(int k) {
              int r = switch (k) { case 1: yield await(done(42)); default: yield 0; };
              return done(r);
            }
            @Async public Coroutine<Integer> n(int k) {
              int r = switch (k) {
                case 1: int v = switch (k) { default -> await(done(42)); }; yield v;
                default: yield 0;
              };
              return done(r);
            }
            public static String go() {
              return run(new §A().m(1)) + " " + run(new §A().m(2)) + " " + run(new §A().n(1));
            }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """),
      // 4. var typed by a call through the generated class
      r(4, false, "42 42", HEAD + """
          public class §C {
            @Async public static Coroutine<Integer> h() { return done(41); }
            @Async public Coroutine<Integer> m() {
              var x = await(§A.h());
              return done(x + 1);
            }
            @Async public Coroutine<Integer> n() {
              int s = 0;
              for (var x : List.of(await(§A.h()))) { s += x + 1; }
              return done(s);
            }
            public static String go() { return run(new §A().m()) + " " + run(new §A().n()); }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """),
      // 5. an array initializer with an await
      r(5, false, "42", HEAD + """
          public class §C {
            @Async public Coroutine<Integer> m() {
              int[] a = {await(done(40)), 2};
              return done(a[0] + a[1]);
            }
            public static String go() { return "" + run(new §A().m()); }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """),
      // 6. a for-init var across awaits; a generic method comparing an awaited List<Integer> element
      r(6, false, "3 true", HEAD + """
          public class §C {
            @Async public Coroutine<Integer> m() {
              int n = 0;
              for (var i = 0; i < 3; i++) { n += await(done(i)); }
              return done(n);
            }
            @Async public <T> Coroutine<Boolean> g(T unused, List<Integer> xs) {
              return done(await(done(xs.get(0))) < 5);
            }
            public static String go() {
              return run(new §A().m()) + " " + run(new §A().g("u", List.of(1)));
            }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """),
      // 7. checked exceptions: a throwing call before an await, and awaiting a throwing static @Async method
      r(7, false, "3 CE:no 7 CE:h", HEAD + """
          public class §C {
            static class CE extends Exception {
              CE(String m) { super(m); }
            }
            static boolean fail;
            static int f() throws CE { if (fail) throw new CE("no"); return 1; }
            @Async public Coroutine<Integer> m() throws CE {
              int x = f() + await(done(2));
              return done(x);
            }
            @Async public static Coroutine<Integer> h(boolean bad) throws CE {
              if (bad) throw new CE("h");
              return done(6);
            }
            @Async public Coroutine<Integer> n(boolean bad) throws CE {
              return done(await(§A.h(bad)) + 1);
            }
            static String attempt(java.util.concurrent.Callable<Integer> c) {
              try {
                return "" + c.call();
              } catch (Exception e) {
                return e.getClass().getSimpleName() + ":" + e.getMessage();
              }
            }
            public static String go() {
              String a = attempt(() -> run(new §A().m()));
              fail = true;
              String b = attempt(() -> run(new §A().m()));
              fail = false;
              return a + " " + b + " " + attempt(() -> run(new §A().n(false))) + " " + attempt(() -> run(new §A().n(true)));
            }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """),
      // 8. Java 21: record patterns over a sealed interface, and a guarded type pattern
      r(8, true, "27 12 long hello short", HEAD + """
          public class §C {
            sealed interface Shape permits Circle, Rect {}
            record Circle(int r) implements Shape {}
            record Rect(int w, int h) implements Shape {}
            @Async public Coroutine<Integer> area(Shape s) {
              int a = switch (s) {
                case Circle(int r) -> await(done(3 * r * r));
                case Rect(int w, int h) -> w * await(done(h));
              };
              return done(a);
            }
            @Async public Coroutine<String> label(Object o) {
              String l = switch (o) {
                case String s when s.length() > 3 -> await(done("long " + s));
                case String s -> "short";
                default -> "other";
              };
              return done(l);
            }
            public static String go() {
              return run(new §A().area(new Circle(3))) + " " + run(new §A().area(new Rect(3, 4))) + " "
                  + run(new §A().label("hello")) + " " + run(new §A().label("hi"));
            }
            public static void main(String[] args) { System.out.println(go()); }
          }
          """));

  /** The reproductions are valid Java: their plain twins compile and give the expected output (every build). */
  @Test
  void plainTwinsCompileAndRun() {
    Twins.assertPlainTwins(REPROS);
  }

  /** Each reproduction compiles through the processor and behaves like its plain twin. */
  @Test
  @Tag("fuzz-strict")
  void compiledTwinsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(REPROS);
  }

  /** The Java 21 reproduction on its own (JDK 21+ only). */
  @Test
  @Tag("fuzz-strict")
  @EnabledForJreRange(min = JRE.JAVA_21)
  void java21ReproductionCompilesWithRelease21() {
    Program r = REPROS.get(7);
    assertEquals(r.expected(), Twins.go(r, false));
  }
}
