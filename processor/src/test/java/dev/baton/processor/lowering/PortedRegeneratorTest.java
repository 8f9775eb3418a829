package dev.baton.processor.lowering;

import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Programs ported from facebook/regenerator's generator and async suites ({@code test/tests.es6.js},
 * {@code test/async.js}) and TypeScript's async-downlevel conformance cases
 * ({@code tests/cases/conformance/async/es5} and {@code es2017}), each run as {@link Twins}.
 *
 * <p>A generator's {@code yield v} becomes {@code await(y(v))}: {@code y} logs {@code v} and
 * resumes with the number of yields so far, as regenerator's {@code check()} sends {@code i} back
 * with {@code next(i)}; {@code id(v)} logs {@code v} and resumes with {@code v}. A program's output
 * is the log and the result (or {@code !message} for an exception) of each call, so the expected
 * strings are the upstream yield sequences and return values.
 */
class PortedRegeneratorTest {
  private static Program p(int n, String expected, String members) {
    return new Program("Regen", n, expected, Twins.HEAD + "public class §C {\n" + COMMON + members + "}\n");
  }

  /** The helpers every program has: the log, the yields, a thrower and the runner of one call. */
  private static final String COMMON = """
        static class E extends RuntimeException {
          final int v;
          E(String m) { super(m); v = 0; }
          E(int v) { super("" + v); this.v = v; }
        }
        final List<Object> log = new ArrayList<>();
        int sent;
        boolean always = true;
        @Async public Coroutine<Integer> y(Object v) { log.add(v); return done(++sent); }
        @Async public Coroutine<Integer> id(int v) { log.add(v); return done(v); }
        static void raise(String m) { throw new E(m); }
        String out(java.util.function.Supplier<Object> s) {
          String r;
          try {
            r = String.valueOf(s.get());
          } catch (E e) {
            r = "!" + e.getMessage();
          }
          String res = log + " " + r;
          log.clear();
          sent = 0;
          return res;
        }
      """;

  /** regenerator's usingAbrupt(abruptType, finallyAbruptType): an abrupt completion in a try, another in its finally. */
  private static final String ABRUPT = """
        @Async public Coroutine<Integer> gen(String abrupt, String fin) {
          await(y(0));
          for (;;) {
            try {
              await(y(1));
              if ("return".equals(abrupt)) {
                return done(2);
              } else if ("break".equals(abrupt)) {
                break;
              } else if ("continue".equals(abrupt)) {
                abrupt = "return";
                continue;
              }
            } finally {
              await(y(3));
              if ("return".equals(fin)) {
                return done(4);
              } else if ("break".equals(fin)) {
                break;
              } else if ("continue".equals(fin)) {
                fin = null;
                continue;
              }
            }
          }
          return done(5);
        }
      """;

  /** A receiver whose calls log themselves, for the call-ordering programs. */
  private static final String STEP = """
        static final class Step {
          final String tag;
          final List<Object> log;
          Step(String tag, List<Object> log) { this.tag = tag; this.log = log; }
          Step m(Object a) { log.add(tag + "(" + a + ")"); return new Step(tag + a, log); }
          void m3(Object a, Object b, Object c) { log.add(tag + "(" + a + "," + b + "," + c + ")"); }
          @Override public String toString() { return tag; }
        }
        @Async public Coroutine<Step> st(String t) { log.add(t); return done(new Step(t, log)); }
      """;

  static final List<Program> PROGRAMS = List.of(
      // regenerator tests.es6.js, "simple argument yielder": should yield only its first argument;
      // should support multiple yields in expression ((yield 0) + (yield 0) resumed with 1 and 2)
      p(1, "[oyez] null | [0, 0] 3", """
            @Async public Coroutine<Void> gen(Object x) { await(y(x)); return done(); }
            @Async public Coroutine<Integer> two() { return done(await(y(0)) + await(y(0))); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen("oyez"))) + " | " + g.out(() -> run(g.two()));
            }
          """),
      // regenerator tests.es6.js, "range generator": the empty range; the range 0..n-1
      p(2, "[] null | [0, 1, 2, 3, 4] null", """
            @Async public Coroutine<Void> range(int n) {
              for (int i = 0; i < n; ++i) { await(y(i)); }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.range(0))) + " | " + g.out(() -> run(g.range(5)));
            }
          """),
      // regenerator tests.es6.js, "collatz generator": seven, fifty two (yield of an assignment and of n >>= 1)
      p(3, "[7, 22, 11, 34, 17, 52, 26, 13, 40, 20, 10, 5, 16, 8, 4, 2, 1] 16 | [52, 26, 13, 40, 20, 10, 5, 16, 8, 4, 2, 1] 11", """
            @Async public Coroutine<Integer> gen(int n) {
              int count = 0;
              await(id(n));
              while (n != 1) {
                count += 1;
                if (n % 2 != 0) {
                  await(id(n = n * 3 + 1));
                } else {
                  await(id(n >>= 1));
                }
              }
              return done(count);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(7))) + " | " + g.out(() -> run(g.gen(52)));
            }
          """),
      // regenerator tests.es6.js, "try-catch generator": should catch static / dynamic exceptions properly
      p(4, "[0, 1, 2, 3] null | [0, 1, 5, 3] null | [0, 1, 2, 3] null | [0, 1, 5, 3] null", """
            @Async public Coroutine<Void> usingThrow(int x) {
              await(y(0));
              try {
                await(y(1));
                if (x % 2 == 0) throw new E("2");
                await(y(x));
              } catch (E e) {
                await(y(e.getMessage()));
              }
              await(y(3));
              return done();
            }
            @Async public Coroutine<Void> usingRaise(int x) {
              await(y(0));
              try {
                await(y(1));
                if (x % 2 == 0) raise("2");
                await(y(x));
              } catch (E e) {
                await(y(e.getMessage()));
              }
              await(y(3));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.usingThrow(4))) + " | " + g.out(() -> run(g.usingThrow(5)))
                  + " | " + g.out(() -> run(g.usingRaise(4))) + " | " + g.out(() -> run(g.usingRaise(5)));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should execute finally blocks statically / dynamically
      // (a return in the finally replaces the thrown exception)
      p(5, "[0, 1, 4] 5 | [0, 1, 6] 7 | [0, 1, 4] 5 | [0, 1, 6] 7", """
            @Async public Coroutine<Integer> usingThrow(boolean condition) {
              await(y(0));
              try {
                await(y(1));
                if (always) throw new E("2");
                await(y(3));
              } finally {
                if (condition) {
                  await(y(4));
                  return done(5);
                }
                await(y(6));
                return done(7);
              }
            }
            @Async public Coroutine<Integer> usingRaise(boolean condition) {
              await(y(0));
              try {
                await(y(1));
                raise("2");
                await(y(3));
              } finally {
                if (condition) {
                  await(y(4));
                  return done(5);
                }
                await(y(6));
                return done(7);
              }
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.usingThrow(true))) + " | " + g.out(() -> run(g.usingThrow(false)))
                  + " | " + g.out(() -> run(g.usingRaise(true))) + " | " + g.out(() -> run(g.usingRaise(false)));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should honor return, break, continue (usingAbrupt)
      p(6, "[0, 1, 3] 2 | [0, 1, 3] 5 | [0, 1, 3, 1, 3] 2", ABRUPT + """
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen("return", null))) + " | " + g.out(() -> run(g.gen("break", null)))
                  + " | " + g.out(() -> run(g.gen("continue", null)));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should override abrupt with return, break, continue
      p(7, "[0, 1, 3] 4 | [0, 1, 3] 4 | [0, 1, 3] 4 | [0, 1, 3] 5 | [0, 1, 3] 5 | [0, 1, 3] 5"
          + " | [0, 1, 3, 1, 3] 2 | [0, 1, 3, 1, 3] 5 | [0, 1, 3, 1, 3] 2", ABRUPT + """
            public static String go() {
              var g = new §A();
              StringBuilder b = new StringBuilder();
              for (String fin : new String[] {"return", "break", "continue"}) {
                for (String abrupt : new String[] {"return", "break", "continue"}) {
                  b.append(b.length() == 0 ? "" : " | ").append(g.out(() -> run(g.gen(abrupt, fin))));
                }
              }
              return b.toString();
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should execute finally blocks before throwing
      p(8, "[0, 2, 3, 4] null | [0, 1, 3] !uncaught", """
            @Async public Coroutine<Void> uncaught(boolean condition) {
              try {
                await(y(0));
                if (condition) {
                  await(y(1));
                  raise("uncaught");
                }
                await(y(2));
              } finally {
                await(y(3));
              }
              await(y(4));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.uncaught(false))) + " | " + g.out(() -> run(g.uncaught(true)));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should throw correct error when finally contains catch
      p(9, "[0, 1, 2] !right", """
            @Async public Coroutine<Void> gen() {
              try {
                await(y(0));
                raise("right");
              } finally {
                await(y(1));
                try {
                  raise("wrong");
                } catch (E err) {
                  if (err.getMessage().equals("wrong")) await(y(2));
                }
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should run finally after break within try
      p(10, "[0, 1, 2, 3] null", """
            @Async public Coroutine<Void> gen() {
              try {
                await(y(0));
                while (true) {
                  await(y(1));
                  break;
                }
              } finally {
                await(y(2));
              }
              await(y(3));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should return the correct value when overridden by finally
      p(11, "[1] 3", """
            @Async public Coroutine<Integer> gen() {
              try {
                return done(await(y(1)));
              } finally {
                return done(3);
              }
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should let the last finally block override all others
      p(12, "[1] 4 | [1] 3", """
            @Async public Coroutine<Integer> gen(boolean condition) {
              try {
                try {
                  return done(await(y(1)));
                } finally {
                  return done(2);
                }
              } finally {
                try {
                  return done(3);
                } finally {
                  if (condition) {
                    return done(4);
                  }
                }
              }
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(true))) + " | " + g.out(() -> run(g.gen(false)));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator": should allow additional yields during finally propagation
      // (upstream's .return(5) value is here what the second yield resumes with: 2)
      p(13, "[1, oyez] 4 | [1, oyez] 2", """
            @Async public Coroutine<Integer> gen(boolean condition) {
              try {
                try {
                  return done(await(y(1)));
                } finally {
                  return done(2);
                }
              } finally {
                try {
                  return done(await(y("oyez")));
                } finally {
                  if (condition) {
                    return done(4);
                  }
                }
              }
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(true))) + " | " + g.out(() -> run(g.gen(false)));
            }
          """),
      // regenerator tests.es6.js, "try-catch-finally generator": should statically / dynamically catch and then
      // finalize (throw yield x: the catch throws what its yield resumes with)
      p(14, "[0, 1, 2, 5, 3, 6] null | [0, 1, 2, 5, 3, 6] null", """
            @Async public Coroutine<Void> gen(boolean dynamic) {
              await(y(0));
              try {
                try {
                  await(y(1));
                  if (dynamic) raise("2"); else if (always) throw new E("2");
                  await(y(3));
                } catch (E x) {
                  throw new E("" + await(y(x.getMessage())));
                } finally {
                  await(y(5));
                }
              } catch (E thrown) {
                await(y(thrown.getMessage()));
              }
              await(y(6));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(false))) + " | " + g.out(() -> run(g.gen(true)));
            }
          """),
      // regenerator tests.es6.js, "try-catch-finally generator": should execute catch and finally blocks at most once
      p(15, "[a, b, c, d, e, f] null", """
            int one = 1;
            @Async public Coroutine<Void> gen() {
              try {
                switch (one) {
                  case 1:
                    await(y("a"));
                    break;
                  default:
                    break;
                }
                throw new E("error");
              } catch (E e) {
                if (!e.getMessage().equals("error")) throw e;
                await(y("b"));
                do {
                  do {
                    await(y("c"));
                    break;
                  } while (false);
                  await(y("d"));
                  break;
                } while (false);
                await(y("e"));
              } finally {
                await(y("f"));
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "try-catch-finally generator": should handle backwards jumps in labeled loops
      p(16, "[0, 1, 2, 5, 0, 1, 3, 4, 5, 7] null", """
            @Async public Coroutine<Void> gen() {
              boolean firstTime = true;
              outer:
              while (true) {
                await(y(0));
                try {
                  while (true) {
                    await(y(1));
                    if (firstTime) {
                      firstTime = false;
                      await(y(2));
                      continue outer;
                    } else {
                      await(y(3));
                      break;
                    }
                  }
                  await(y(4));
                  if (always) break;
                } finally {
                  await(y(5));
                }
                await(y(6));
              }
              await(y(7));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "try-catch-finally generator": should handle loop continue statements properly
      // (g.throw(error) at the first yield: here the first awaited coroutine throws)
      p(17, "[try, 2, catch, finally, try, 2, finally, decrement, try, 1, finally, decrement] null", """
            boolean throwOnce = true;
            @Async public Coroutine<Integer> yieldOrThrow(int v) {
              log.add(v);
              if (throwOnce) {
                throwOnce = false;
                throw new E("thrown");
              }
              return done(v);
            }
            @Async public Coroutine<Void> gen() {
              int c = 2;
              while (c > 0) {
                try {
                  log.add("try");
                  await(yieldOrThrow(c));
                } catch (E e) {
                  log.add("catch");
                  continue;
                } finally {
                  log.add("finally");
                }
                log.add("decrement");
                --c;
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "dynamic exception": should be dispatched correctly
      p(18, "[asdf] null | [] asdf", """
            static String fn(String name, String x) {
              if (name.equals("f")) throw new E(x);
              return x;
            }
            @Async public Coroutine<String> gen(String x, String fname) {
              try {
                return done(fn(fname, x));
              } catch (E thrown) {
                await(y(thrown.getMessage()));
              }
              return done(null);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen("asdf", "f"))) + " | " + g.out(() -> run(g.gen("asdf", "g")));
            }
          """),
      // regenerator tests.es6.js, "nested finally blocks": should statically / dynamically execute in order
      p(19, "[1, thrown, 2, 3] null | [1, thrown, 2, 3] null", """
            @Async public Coroutine<Void> gen(boolean dynamic) {
              try {
                try {
                  try {
                    if (dynamic) raise("thrown"); else if (always) throw new E("thrown");
                  } finally {
                    await(y(1));
                  }
                } catch (E thrown) {
                  await(y(thrown.getMessage()));
                } finally {
                  await(y(2));
                }
              } finally {
                await(y(3));
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(false))) + " | " + g.out(() -> run(g.gen(true)));
            }
          """),
      // regenerator tests.es6.js, "yield chain": should have correct associativity
      p(20, "[5, 1, 2, 3] 4 | [asdf, 1, 2, 3] 4", """
            @Async public Coroutine<Integer> gen(Object n) {
              return done(await(y(await(y(await(y(await(y(n)))))))));
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(5))) + " | " + g.out(() -> run(g.gen("asdf")));
            }
          """),
      // regenerator tests.es6.js, "delegated yield": should delegate correctly; should cope with empty delegatees
      // (yield* of a generator is an await of an @Async method)
      p(21, "[0, 1, 0, 3, 2, 3] null | [0, 3] null | [0, 1] null | [] null", """
            @Async public Coroutine<Void> gen(boolean condition) {
              await(y(0));
              if (condition) {
                await(y(1));
                await(gen(false));
                await(y(2));
              }
              await(y(3));
              return done();
            }
            @Async public Coroutine<Void> empty(boolean condition) {
              if (condition) {
                await(y(0));
                await(empty(false));
                await(y(1));
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(true))) + " | " + g.out(() -> run(g.gen(false)))
                  + " | " + g.out(() -> run(g.empty(true))) + " | " + g.out(() -> run(g.empty(false)));
            }
          """),
      // regenerator tests.es6.js, "delegated yield": should support deeper nesting (the delegate passed in is
      // passed as its argument: a coroutine stored before it is awaited runs eagerly in the plain twin);
      // should pass sent values through
      p(22, "[5, 4, 3, 5, 15, 6] null | [6, 1, 2, zxcv] null", """
            @Async public Coroutine<Void> outer(int n) {
              await(id(n));
              await(middle(n - 1, n + 10));
              await(id(n + 1));
              return done();
            }
            @Async public Coroutine<Void> middle(int n, int plusTen) {
              await(id(n));
              await(inner(n - 1));
              await(id(n + 1));
              await(inner(plusTen));
              return done();
            }
            @Async public Coroutine<Void> inner(int n) { await(id(n)); return done(); }
            @Async public Coroutine<Void> outer2(int n) {
              await(inner2(n << 1));
              await(y("zxcv"));
              return done();
            }
            @Async public Coroutine<Integer> inner2(int n) { return done(await(y(await(y(await(y(n))))))); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.outer(5))) + " | " + g.out(() -> run(g.outer2(3)));
            }
          """),
      // regenerator tests.es6.js, "delegated yield": should be governed by enclosing try statements
      p(23, "[0, 2, 1, 0, 1, 4] null | [0, 4, 3, thrown, 4] null", """
            @Async public Coroutine<Void> outer(int n) {
              try {
                await(y(0));
                await(inner(n));
                await(y(1));
              } catch (E err) {
                await(y(err.getMessage()));
              }
              await(y(4));
              return done();
            }
            @Async public Coroutine<Void> inner(int n) {
              while (n-- > 0) {
                try {
                  if (n == 3) raise("thrown");
                } finally {
                  await(y(n));
                }
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.outer(3))) + " | " + g.out(() -> run(g.outer(5)));
            }
          """),
      // regenerator tests.es6.js, "delegated yield": should execute finally blocks of delegate generators
      // (upstream returns the value .return(3) sends; here what the yield resumes with: 1); "yield* expression
      // results": have correct values, can be used in complex expressions; "delegated yield": should work as a subexpression
      p(24, "[1, 2, child, parent] 1 | [0, 1] 2 | [2, 3, 2, 3] 10 | [] 3", """
            @Async public Coroutine<Integer> parent() {
              try {
                return done(await(child()));
              } finally {
                log.add("parent");
              }
            }
            @Async public Coroutine<Integer> child() {
              try {
                return done(await(y(1)));
              } finally {
                await(y(2));
                log.add("child");
              }
            }
            @Async public Coroutine<Integer> foo() { await(y(0)); return done(await(bar())); }
            @Async public Coroutine<Integer> bar() { await(y(1)); return done(2); }
            @Async public Coroutine<Integer> foo2() { return done(await(bar2()) + await(bar2())); }
            @Async public Coroutine<Integer> bar2() { return done(await(id(2)) + await(id(3))); }
            @Async public Coroutine<Integer> arg(int a) { return done(a); }
            @Async public Coroutine<Integer> sub() { return done(1 + await(arg(2))); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.parent())) + " | " + g.out(() -> run(g.foo())) + " | "
                  + g.out(() -> run(g.foo2())) + " | " + g.out(() -> run(g.sub()));
            }
          """),
      // regenerator tests.es6.js, "call expression ordering": should be correct with chained calls (#244);
      // when the callee is a member expression: should allow vars assigned in the callee to be used in the args (#379)
      p(25, "[f, 2, f(1), 3, f1(2)] f12 | [o, o(o)] o", STEP + """
            @Async public Coroutine<String> chained() {
              return done(await(st("f")).m(await(y(2))).m(await(y(3))).tag);
            }
            @Async public Coroutine<String> assignedInCallee() {
              Step ref;
              (ref = await(st("o"))).m(ref.tag);
              return done(ref.tag);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.chained())) + " | " + g.out(() -> run(g.assignedInCallee()));
            }
          """),
      // regenerator tests.es6.js, "call expression ordering", when the callee is a member expression: should be
      // correct when only the callee / only the arguments / the callee and the arguments contain yield
      // (JS's comma operator (yield, step(1)) is second(await(...), step(1)))
      p(26, "[y, 1, 2, s1(s2)] null | [1, 2, y, 3, s1(s2,1,s3)] null | [y, 1, 2, z, 3, s1(s2,2,s3)] null", STEP + """
            Step step(int n) { log.add(n); return new Step("s" + n, log); }
            static <T> T second(Object a, T b) { return b; }
            @Async public Coroutine<Void> callee() { second(await(y("y")), step(1)).m(step(2)); return done(); }
            @Async public Coroutine<Void> args() { step(1).m3(step(2), await(y("y")), step(3)); return done(); }
            @Async public Coroutine<Void> both() {
              second(await(y("y")), step(1)).m3(step(2), await(y("z")), step(3));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.callee())) + " | " + g.out(() -> run(g.args())) + " | " + g.out(() -> run(g.both()));
            }
          """),
      // regenerator tests.es6.js, "object literal generator": should yield the correct object (a record for the literal)
      p(27, "[1, 2, P[a=0, b=2]] null | [4, 2, P[a=3, b=2]] null", """
            record P(int a, int b) {}
            @Async public Coroutine<Void> gen(int a, int b) {
              await(y(new P(a - await(y(a)), await(y(b)))));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(1, 2))) + " | " + g.out(() -> run(g.gen(4, 2)));
            }
          """),
      // regenerator tests.es6.js, "object literals with multiple yields": should receive different sent values
      p(28, "[a, b, c, d, e, f] R[a=1, b=2, c=7, d=[5, 6]]", """
            record R(int a, int b, int c, List<Integer> d) {}
            static int sum(int x, int y) { return x + y; }
            @Async public Coroutine<R> gen() {
              return done(new R(await(y("a")), await(y("b")), sum(await(y("c")), await(y("d"))),
                  List.of(await(y("e")), await(y("f")))));
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "new expressions": should be able to contain yield sub-expressions
      // (the constructor itself cannot come from a yield in Java)
      p(29, "[1, 2, A[first=1, second=2]] 3", """
            record A(int first, int second) {}
            @Async public Coroutine<Integer> gen() {
              return done(await(y(new A(await(y(1)), await(y(2))))));
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js, "block binding": should translate block binding correctly; ... with iife correctly
      // (Java forbids shadowing a local: the outer a is a3; the closures are lambdas without awaits)
      p(30, "[1, 2, 3] null | [2, 1, 0] null", """
            @Async public Coroutine<Void> blocks() {
              int a0 = 0, a1 = 1;
              int a3 = 3;
              {
                int a = 1;
                await(id(a + a0));
              }
              {
                int a = 2;
                await(id(a - 1 + a1));
              }
              await(id(a3));
              return done();
            }
            @Async public Coroutine<Void> closures() {
              List<java.util.function.IntSupplier> arr = new ArrayList<>();
              for (int x = 0; x < 3; x++) {
                int y = x;
                arr.add(() -> y);
              }
              {
                java.util.function.IntSupplier x;
                while ((x = arr.isEmpty() ? null : arr.remove(arr.size() - 1)) != null) {
                  await(id(x.getAsInt()));
                }
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.blocks())) + " | " + g.out(() -> run(g.closures()));
            }
          """),
      // regenerator tests.es6.js, "labeled break and continue statements": should be able to exit multiple try statements
      p(31, "[0, 1, 0, 2, 3, 4, breaking, 6] !first"
          + " | [0, 1, 0, 2, 3, 4, continuing, 1, 2, 3, 4, continuing, 2, 2, 3, 4, continuing, 6] !first"
          + " | [0, 1, 0, 2, 3, 4, 5] !fourth", """
            @Async public Coroutine<Void> gen(int n, String which) {
              try {
                await(y(0));
                raise("first");
              } finally {
                await(y(1));
                loop:
                for (int i = 0; i < n; ++i) {
                  await(y(i));
                  try {
                    raise("second");
                  } finally {
                    await(y(2));
                    try {
                      raise("third");
                    } finally {
                      await(y(3));
                      try {
                        raise("fourth");
                      } finally {
                        await(y(4));
                        if (which.equals("break")) {
                          await(y("breaking"));
                          break loop;
                        }
                        if (which.equals("continue")) {
                          await(y("continuing"));
                          continue loop;
                        }
                        await(y(5));
                      }
                    }
                  }
                }
                await(y(6));
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(1, "break"))) + " | " + g.out(() -> run(g.gen(3, "continue")))
                  + " | " + g.out(() -> run(g.gen(3, "neither")));
            }
          """),
      // regenerator tests.es6.js, "labeled break and continue statements": should allow breaking from any labeled statement
      p(32, "[0, 9] null | [0, 1, 2, 8, 9] null | [0, 1, 2, 8, 1, 2, 8, 9] null"
          + " | [0, 1, 2, 4, 8, 1, 2, 4, 5, 8, 1, 2, 4, 5, 6, 9] null", """
            @Async public Coroutine<Void> gen(int limit) {
              await(y(0));
              for (int i = 0; i < limit; ++i) {
                await(y(1));
                label1: {
                  await(y(2));
                  if (always) break label1;
                  await(y(3));
                }
                label2:
                if (limit == 3) label3: {
                  await(y(4));
                  if (i == 0) break label2;
                  await(y(5));
                  if (i == 1) break label3;
                  label4: await(y(6));
                  // this breaks from the for loop
                  if (i == 2) xxx: break;
                  await(y(7));
                }
                // a no-op
                xxx: break xxx;
                await(y(8));
              }
              await(y(9));
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(0))) + " | " + g.out(() -> run(g.gen(1))) + " | "
                  + g.out(() -> run(g.gen(2))) + " | " + g.out(() -> run(g.gen(3)));
            }
          """),
      // regenerator tests.es6.js, "for loop with var decl and no update expression"; "empty while loops"
      p(33, "[0] null", """
            @Async public Coroutine<Void> gen(boolean x) {
              for (int i = await(id(0)); x; ) {
              }
              while (x) {
              }
              do {
              } while (x);
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(false)));
            }
          """),
      // regenerator tests.es6.js, "for-of loops": should work inside of generators (permutations; the nested
      // generator is awaited for the list of its permutations, which the for-each walks)
      p(34, "[[1, 3, 2], [3, 1, 2], [3, 2, 1], [1, 2, 3], [2, 1, 3], [2, 3, 1]] 6 | [[]] 1 | [[2, 1], [1, 2]] 2", """
            @Async public Coroutine<List<List<Integer>>> perms(List<Integer> list, boolean top) {
              List<List<Integer>> out = new ArrayList<>();
              if (list.size() < 2) {
                out.add(list);
                if (top) await(y(list));
                return done(out);
              }
              List<Integer> first = list.subList(0, 1);
              for (List<Integer> perm : await(perms(list.subList(1, list.size()), false))) {
                for (int i = 0; i < list.size(); ++i) {
                  List<Integer> p = new ArrayList<>(perm.subList(0, i));
                  p.addAll(first);
                  p.addAll(perm.subList(i, perm.size()));
                  out.add(p);
                  if (top) await(y(p));
                }
              }
              return done(out);
            }
            @Async public Coroutine<Integer> count(List<Integer> list) { return done(await(perms(list, true)).size()); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.count(List.of(1, 3, 2)))) + " | " + g.out(() -> run(g.count(List.of())))
                  + " | " + g.out(() -> run(g.count(List.of(2, 1))));
            }
          """),
      // regenerator tests.es6.js, "expressions containing yield subexpressions": should evaluate all subexpressions
      // before yielding; should work even with getter member expressions; should evaluate all array elements
      // before yielding (each awaited coroutine changes the field the expression read before it)
      p(35, "[setX] 10 | [b] 4 | [setA] [1, 2, 3]", """
            int x;
            int a;
            int bCount;
            int b() { return ++bCount; }
            @Async public Coroutine<Integer> setX(int v) { log.add("setX"); x = v; return done(v); }
            @Async public Coroutine<Integer> readB() { log.add("b"); b(); return done(2); }
            @Async public Coroutine<Integer> setA() { log.add("setA"); a = 3; return done(2); }
            @Async public Coroutine<Integer> product() { x = 2; return done(x * await(setX(5))); }
            @Async public Coroutine<Integer> getter() { bCount = 1; return done(b() + await(readB())); }
            @Async public Coroutine<List<Integer>> elements() { a = 1; return done(List.of(a, await(setA()), a)); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.product())) + " | " + g.out(() -> run(g.getter())) + " | "
                  + g.out(() -> run(g.elements()));
            }
          """),
      // regenerator tests.es6.js, "expressions containing yield subexpressions": should handle callee member
      // expressions correctly; should handle implicit stringification correctly; array spread
      p(36, "[push] [2] | [s] 1,2,3 | [[1, 2]] [0, 1, 2, 3]", """
            List<Integer> arr = new ArrayList<>();
            String s;
            static List<Integer> concat(List<Integer> l, int v) { l.add(v); return l; }
            @Async public Coroutine<Integer> push() { log.add("push"); arr.add(1); return done(2); }
            @Async public Coroutine<String> changeS() { log.add("s"); s = "4,5"; return done(",3"); }
            @Async public Coroutine<List<Integer>> callee() { arr = concat(new ArrayList<>(arr), await(push())); return done(arr); }
            @Async public Coroutine<String> stringify() { s = "1,2"; return done(s + await(changeS())); }
            @Async public Coroutine<List<Integer>> spread() {
              List<Integer> r = new ArrayList<>(List.of(0));
              r.addAll(await(listOf(1, 2)));
              r.add(3);
              return done(r);
            }
            @Async public Coroutine<List<Integer>> listOf(int a, int b) { log.add(List.of(a, b)); return done(List.of(a, b)); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.callee())) + " | " + g.out(() -> run(g.stringify())) + " | " + g.out(() -> run(g.spread()));
            }
          """),
      // regenerator async.js, "nested async function calls": should evaluate in the right order
      p(37, "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] null", """
            @Async public Coroutine<Integer> innerMost(int marker) { log.add(marker); return done(await(done(marker))); }
            @Async public Coroutine<Void> inner(int marker) {
              log.add(marker);
              if (await(innerMost(marker + 1)) != marker + 1) throw new E("innerMost");
              log.add(marker + 2);
              if (await(innerMost(marker + 3)) != marker + 3) throw new E("innerMost");
              log.add(marker + 4);
              return done();
            }
            @Async public Coroutine<Void> outer() {
              log.add(0);
              await(inner(1));
              log.add(6);
              await(inner(7));
              log.add(12);
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.outer()));
            }
          """),
      // regenerator async.js, "rejected promises": should cause await expressions to throw; should be returned by
      // exceptional async functions (through three awaits)
      p(38, "[] did throw | [] did not throw | [] !rejected | [] did not throw", """
            @Async public Coroutine<String> rejectOrNot(boolean reject) {
              if (reject) throw new E("rejected");
              return done("did not throw");
            }
            @Async public Coroutine<String> f(boolean reject) {
              try {
                return done(await(rejectOrNot(reject)));
              } catch (E e) {
                return done("did throw");
              }
            }
            @Async public Coroutine<String> e(boolean arg) {
              if (arg) throw new E("rejected");
              return done("did not throw");
            }
            @Async public Coroutine<String> f2(boolean arg) { return done(await(e(arg))); }
            @Async public Coroutine<String> g2(boolean arg) { return done(await(f2(arg))); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.f(true))) + " | " + g.out(() -> run(g.f(false))) + " | "
                  + g.out(() -> run(g.g2(true))) + " | " + g.out(() -> run(g.g2(false)));
            }
          """),
      // TypeScript es5/es2017 awaitBinaryExpression1-3: await p || a, await p && a, await p + a (and the short
      // circuit that skips an await on the right)
      p(39, "[p true] true | [p false, a] true | [p true, a] true | [p false] false | [a] false | [a, p true] true"
          + " | [p 1] 3 | [p 1] 4", """
            int f;
            @Async public Coroutine<Boolean> pb(boolean v) { log.add("p " + v); return done(v); }
            @Async public Coroutine<Integer> pi(int v) { log.add("p " + v); f = 10; return done(v); }
            boolean a(boolean v) { log.add("a"); return v; }
            @Async public Coroutine<Boolean> or(boolean p) { boolean b = await(pb(p)) || a(true); return done(b); }
            @Async public Coroutine<Boolean> and(boolean p) { boolean b = await(pb(p)) && a(true); return done(b); }
            @Async public Coroutine<Boolean> andSkips() { return done(a(false) && await(pb(true))); }
            @Async public Coroutine<Boolean> orRuns() { return done(a(false) || await(pb(true))); }
            @Async public Coroutine<Integer> plus() { f = 2; int b = await(pi(1)) + f; return done(b - 10 + 2); }
            @Async public Coroutine<Integer> plusLeft() { f = 3; int b = f + await(pi(1)); return done(b); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.or(true))) + " | " + g.out(() -> run(g.or(false))) + " | "
                  + g.out(() -> run(g.and(true))) + " | " + g.out(() -> run(g.and(false))) + " | "
                  + g.out(() -> run(g.andSkips())) + " | " + g.out(() -> run(g.orRuns())) + " | "
                  + g.out(() -> run(g.plus())) + " | " + g.out(() -> run(g.plusLeft()));
            }
          """),
      // TypeScript es5/es2017 awaitBinaryExpression5 (o.a = await p) and assignments: the target and the left
      // operand of a compound assignment are evaluated before the await, which here changes them
      p(40, "[target, index, p 5] 0,5,0 | [p 1] 11 | [target, index, p 1] 0,21,0 | [o, p 7] 7", """
            int f;
            int[] arr = new int[3];
            static final class O { int a; }
            O o = new O();
            @Async public Coroutine<Integer> p(int v) { log.add("p " + v); f = 100; arr = new int[3]; arr[1] = 20; return done(v); }
            int[] target() { log.add("target"); return arr; }
            int index() { log.add("index"); return 1; }
            O obj() { log.add("o"); return o; }
            static String show(int[] a) { return a[0] + "," + a[1] + "," + a[2]; }
            @Async public Coroutine<String> element() {
              arr = new int[3];
              int[] old = arr;
              target()[index()] = await(p(5));
              return done(show(old));
            }
            @Async public Coroutine<Integer> compoundField() { f = 10; f += await(p(1)); return done(f); }
            @Async public Coroutine<String> compoundElement() {
              arr = new int[] {0, 20, 0};
              int[] old = arr;
              target()[index()] += await(p(1));
              return done(show(old));
            }
            @Async public Coroutine<Integer> field() { obj().a = await(p(7)); return done(o.a); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.element())) + " | " + g.out(() -> run(g.compoundField())) + " | "
                  + g.out(() -> run(g.compoundElement())) + " | " + g.out(() -> run(g.field()));
            }
          """),
      // TypeScript es5/es2017 awaitCallExpression2-4, 6-8: fn(await p, a, a), fn(a, await p, a), (await pfn)(a, a, a),
      // o.fn(await p, a, a), o.fn(a, await p, a), (await po).fn(a, a, a); the await changes a
      p(41, "[p 1] 1,2,2 | [p 1] 0,1,2 | [p 0] 2,2,2 | [o, p 1] 1,2,2 | [o, p 1] 0,1,2 | [p 0] 2,2,2", """
            int a;
            static final class Fn {
              String fn(int x, int y, int z) { return x + "," + y + "," + z; }
            }
            Fn o = new Fn();
            Fn o() { log.add("o"); return o; }
            static String fn(int x, int y, int z) { return x + "," + y + "," + z; }
            @Async public Coroutine<Integer> p(int v) { log.add("p " + v); a = 2; return done(v); }
            @Async public Coroutine<Fn> po() { log.add("p 0"); a = 2; return done(o); }
            @Async public Coroutine<String> c2() { a = 0; return done(fn(await(p(1)), a, a)); }
            @Async public Coroutine<String> c3() { a = 0; return done(fn(a, await(p(1)), a)); }
            @Async public Coroutine<String> c4() { a = 0; return done(await(po()).fn(a, a, a)); }
            @Async public Coroutine<String> c6() { a = 0; return done(o().fn(await(p(1)), a, a)); }
            @Async public Coroutine<String> c7() { a = 0; return done(o().fn(a, await(p(1)), a)); }
            @Async public Coroutine<String> c8() { a = 0; return done(await(po()).fn(a, a, a)); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.c2())) + " | " + g.out(() -> run(g.c3())) + " | " + g.out(() -> run(g.c4()))
                  + " | " + g.out(() -> run(g.c6())) + " | " + g.out(() -> run(g.c7())) + " | " + g.out(() -> run(g.c8()));
            }
          """),
      // TypeScript es5/es2017 asyncAwait (f14: an await in a labeled block left by break) and
      // await_unaryExpression (!await, -await, await x++, ~await)
      p(42, "[1] 1 | [false, 3, 42, 7] true,-3,42,43,-8", """
            @Async public Coroutine<Boolean> pb(boolean v) { log.add(v); return done(v); }
            @Async public Coroutine<Integer> f14() {
              int r = 0;
              block: {
                r = await(id(1));
                if (always) break block;
                r = 2;
              }
              return done(r);
            }
            @Async public Coroutine<String> unary() {
              int x = 42;
              boolean n = !await(pb(false));
              int m = -await(id(3));
              int post = await(id(x++));
              int t = ~await(id(7));
              return done(n + "," + m + "," + post + "," + x + "," + t);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.f14())) + " | " + g.out(() -> run(g.unary()));
            }
          """),
      // TypeScript es2017 element access and for-of: arr[await p], (await p)[i], for (x of await p) with awaits in
      // the body; regenerator tests.es6.js "for-of loops": should work for generators (the range)
      p(43, "[1, [10, 20, 30], 0, 1, 2] 20,10,63", """
            @Async public Coroutine<List<Integer>> list() { List<Integer> l = List.of(10, 20, 30); log.add(l); return done(l); }
            @Async public Coroutine<String> gen() {
              int[] arr = {10, 20, 30};
              int e = arr[await(id(1))];
              int first = (await(list())).get(0);
              int sum = 0;
              int i = 0;
              for (int x : List.of(10, 20, 30)) {
                sum += x + await(id(i++));
              }
              return done(e + "," + first + "," + sum);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // TypeScript es2017 try statements (awaits in try, catch and finally; a catch that rethrows after an await);
      // regenerator "completion records": an exception thrown in a finally replaces the pending return or exception
      p(44, "[1, 2] !fin | [1, 2] !b2 | [1, c, f] !again", """
            @Async public Coroutine<Integer> returnReplaced() {
              try {
                return done(await(id(1)));
              } finally {
                await(id(2));
                if (always) throw new E("fin");
                await(id(3));
              }
            }
            @Async public Coroutine<Integer> throwReplaced() {
              try {
                await(id(1));
                raise("a");
              } finally {
                if (always) throw new E("b" + await(id(2)));
              }
              return done(0);
            }
            @Async public Coroutine<Integer> rethrow() {
              try {
                await(id(1));
                raise("once");
              } catch (E e) {
                await(y("c"));
                throw new E("again");
              } finally {
                await(y("f"));
              }
              return done(0);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.returnReplaced())) + " | " + g.out(() -> run(g.throwReplaced())) + " | "
                  + g.out(() -> run(g.rethrow()));
            }
          """),
      // regenerator tests.es6.js, "switch statement generator" (Java case labels are constants: the awaits move to
      // the discriminant and the case bodies, with fallthrough, break and continue)
      p(45, "[2, x, y, 0, d] 1 | [1, y] 1 | [9, d] 1", """
            @Async public Coroutine<Integer> gen(int a) {
              int r = 0;
              for (int i = 0; i < 2; i++) {
                switch (await(id(a)) - i) {
                  case 2:
                    await(y("x"));
                  case 1:
                    await(y("y"));
                    r++;
                    if (i == 0 && a == 2) { a = 0; continue; }
                    break;
                  case 0:
                    await(y("z"));
                    r += 2;
                    break;
                  default:
                    await(y("d"));
                    return done(1);
                }
                if (a == 1) break;
              }
              return done(r);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(2))) + " | " + g.out(() -> run(g.gen(1))) + " | " + g.out(() -> run(g.gen(9)));
            }
          """),
      // regenerator tests.es6.js, "catch parameter shadowing": should leave outer variables unmodified; should allow
      // nested catch parameters (renamed: Java forbids the shadowing; the catch parameter is reassigned across awaits)
      p(46, "[3, 4, 1, 4, 8, 2] null | [e1, e2, e1] null", """
            @Async public Coroutine<Void> gen(int x) {
              int y = x + 1;
              try {
                throw new E(x + 2);
              } catch (E e) {
                await(id(e.v));
                e = new E(e.v + 1);
                await(id(e.v));
              }
              await(id(x));
              try {
                throw new E(x + 3);
              } catch (E e) {
                await(id(e.v));
                e = new E(e.v * 2);
                await(id(e.v));
              }
              await(id(y));
              return done();
            }
            @Async public Coroutine<Void> nested() {
              try {
                raise("e1");
              } catch (E e) {
                await(y(e.getMessage()));
                try {
                  raise("e2");
                } catch (E e2) {
                  await(y(e2.getMessage()));
                }
                await(y(e.getMessage()));
              }
              return done();
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(1))) + " | " + g.out(() -> run(g.nested()));
            }
          """),
      // TypeScript es2017 loops: awaits in a for loop's init, condition and update, a while condition and a
      // do-while condition; a labeled continue from an inner loop whose update awaits
      p(47, "[0, 3, 1, 3, 1, 3, 1, 3, 1, 1, 0, 0, 1, 1, 1, 1] 3,1,2,[00, 10, 20]", """
            @Async public Coroutine<String> gen() {
              int sum = 0;
              for (int i = await(id(0)); i < await(id(3)); i += await(id(1))) {
                sum += i;
              }
              int w = 3;
              while (await(id(w > 1 ? 1 : 0)) == 1) { w--; }
              int d = 0;
              do { d++; } while (await(id(d < 2 ? 0 : 1)) == 0 && d < 2);
              List<String> seen = new ArrayList<>();
              outer:
              for (int i = 0; i < 3; i = i + await(id(1)) - 1 + 1) {
                for (int j = 0; j < 3; j += await(id(i))) {
                  seen.add("" + i + j);
                  continue outer;
                }
              }
              return done(sum + "," + w + "," + d + "," + seen);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // TypeScript es2017 assignments, with Java's implicit narrowing: a compound assignment whose awaited right
      // operand is wider than the variable (byte += int, char += int, int += double, long >>>= int, Integer += int)
      p(49, "[300, 1, 1.7, 3, 1] 54,b,11,536870911,6", """
            @Async public Coroutine<Double> dbl(double v) { log.add(v); return done(v); }
            @Async public Coroutine<String> gen() {
              byte b = 10;
              b += await(id(300));
              char c = 'a';
              c += await(id(1));
              int i = 10;
              i += await(dbl(1.7));
              long l = -1L;
              l >>>= await(id(3)) + 32;
              Integer boxed = 5;
              boxed += await(id(1));
              return done(b + "," + c + "," + i + "," + l + "," + boxed);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js "expressions containing yield subexpressions", Java's conditional typing: an awaited
      // operand of a conditional is promoted (Integer against double), boxed against a reference type, and an
      // awaited element of an array compound assignment with a postfix index
      p(50, "[1, 2, 5] 1,Integer,2,Integer,[7, 0],1", """
            @Async public Coroutine<String> gen(boolean c) {
              Object o = c ? await(id(1)) : 2.0;
              Object p = !c ? "s" : await(id(2));
              int[] arr = new int[2];
              int k = 0;
              arr[k++] += await(id(5)) + 2;
              return done(o + "," + o.getClass().getSimpleName() + "," + p + "," + p.getClass().getSimpleName()
                  + "," + Arrays.toString(arr) + "," + k);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(true)));
            }
          """),
      // TypeScript es2017 element access: awaits in array dimensions, in the array a for-each walks, on the array
      // of a postfix increment, in a throw, in a try-with-resources initializer
      p(51, "[2, 3, [4, 5], 6, open r, 7, close r] 2x3,9,5,6,7 | [8] !boom8", """
            final class Res implements AutoCloseable {
              final String n;
              Res(String n) { this.n = n; log.add("open " + n); }
              @Override public void close() { log.add("close " + n); }
            }
            int[] shared = {4, 5};
            @Async public Coroutine<int[]> arr() { log.add(Arrays.toString(shared)); return done(shared); }
            @Async public Coroutine<Res> res(String n) { return done(new Res(n)); }
            @Async public Coroutine<E> exc(int v) { log.add(v); return done(new E("boom" + v)); }
            @Async public Coroutine<String> gen() {
              int[][] m = new int[await(id(2))][await(id(3))];
              int s = 0;
              for (int v : await(arr())) {
                s += v;
              }
              await(done(shared))[1]++;
              int x = await(id(6));
              int z;
              try (Res r = await(res("r"))) {
                z = await(id(7));
              }
              return done(m.length + "x" + m[0].length + "," + s + "," + (shared[1] - 1) + "," + x + "," + z);
            }
            @Async public Coroutine<Void> thrower() { throw await(exc(8)); }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen())) + " | " + g.out(() -> run(g.thrower()));
            }
          """),
      // regenerator tests.es6.js "try-finally generator" (should override abrupt with continue / break), Java forms:
      // a continue in a finally discards a pending return, a break out of a finally discards a pending exception
      p(52, "[1, f, 1, f, 1, f] 3 | [1, f] caught-none", """
            @Async public Coroutine<Integer> discardReturn() {
              int n = 0;
              while (n < 3) {
                try {
                  n++;
                  return done(await(id(1)) * 100);
                } finally {
                  await(y("f"));
                  if (always) continue;
                }
              }
              return done(n);
            }
            @Async public Coroutine<String> discardThrow() {
              String r = "caught-none";
              out:
              {
                try {
                  await(id(1));
                  raise("lost");
                } finally {
                  await(y("f"));
                  if (always) break out;
                }
                r = "after";
              }
              return done(r);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.discardReturn())) + " | " + g.out(() -> run(g.discardThrow()));
            }
          """),
      // regenerator tests.es6.js "switch statement generator" with a string and an enum discriminant that are awaited
      p(53, "[b, B] b1b2,B", """
            enum K { A, B, C }
            @Async public Coroutine<String> str(String s) { log.add(s); return done(s); }
            @Async public Coroutine<K> kind(K k) { log.add(k); return done(k); }
            @Async public Coroutine<String> gen() {
              String r = "";
              switch (await(str("b"))) {
                case "a":
                  r += "a";
                case "b":
                  r += "b1";
                case "c":
                  r += "b2";
                  break;
                default:
                  r += "d";
              }
              String e = switch (await(kind(K.B))) {
                case A -> "A";
                case B -> { String t = "B"; yield t; }
                case C -> "C";
              };
              return done(r + "," + e);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // TypeScript es2017 binary expressions: x = x++ + await, postfix and prefix on locals around awaits, and an
      // assignment whose right operand assigns the same variable after an await
      p(54, "[10, 20, 30] 15,15,24,30", """
            @Async public Coroutine<String> gen() {
              int x = 5;
              x = x++ + await(id(10));
              int y = x++;
              int z = ++x + 0 * await(id(20)) + x + 24 - 2 * x;
              int w = 1;
              w = (w = await(id(30))) + 0 * w;
              return done(x - 2 + "," + y + "," + z + "," + w);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js "labeled break and continue statements", a do-while whose condition awaits: a
      // continue in the body goes to the condition; a labeled break leaves a switch inside a try/finally in a loop
      p(55, "[c1, 1, c2, 2, f] 3", """
            @Async public Coroutine<Integer> cond(int i) { log.add("c" + i); return done(i); }
            @Async public Coroutine<Integer> gen() {
              int i = 0;
              loop:
              do {
                i++;
                try {
                  switch (i) {
                    case 3:
                      break loop;
                    default:
                      if (i < 3) continue;
                  }
                } finally {
                  if (i == 3) await(y("f"));
                }
                log.add("never");
              } while (await(cond(i)) > 0 && await(id(i)) > 0);
              return done(i);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen()));
            }
          """),
      // regenerator tests.es6.js "block binding": should translate block binding with iife correctly, with an await in
      // the loop body: each closure (lambda, anonymous class) keeps its own iteration's local
      p(56, "[0, 1, 2] 012,012 | [1, s] 1s", """
            @Async public Coroutine<String> closures() {
              List<java.util.function.IntSupplier> lambdas = new ArrayList<>();
              List<Object> anons = new ArrayList<>();
              for (int x = 0; x < 3; x++) {
                int y = x;
                lambdas.add(() -> y);
                anons.add(new Object() { @Override public String toString() { return "" + y; } });
                await(id(y));
              }
              String a = "";
              for (java.util.function.IntSupplier s : lambdas) a += s.getAsInt();
              String b = "";
              for (Object o : anons) b += o;
              return done(a + "," + b);
            }
            @Async public Coroutine<String> siblings() {
              String r = "";
              {
                int a = await(id(1));
                r += a;
              }
              {
                String a = "s";
                await(y(a));
                r += a;
              }
              return done(r);
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.closures())) + " | " + g.out(() -> run(g.siblings()));
            }
          """),
      // regenerator tests.es6.js, "try-finally generator" with a non-@Await try-with-resources: the resources close
      // before the finally runs, after the awaits of the body, also when the body throws
      p(48, "[1, 2, close b, close a, f] 3 | [1, close b, close a, caught x, f] 4", """
            final class Res implements AutoCloseable {
              final String n;
              Res(String n) { this.n = n; }
              @Override public void close() { log.add("close " + n); }
            }
            @Async public Coroutine<Integer> gen(boolean fail) {
              try (Res a = new Res("a"); Res b = new Res("b")) {
                await(id(1));
                if (fail) raise("x");
                await(id(2));
                return done(3);
              } catch (E e) {
                log.add("caught " + e.getMessage());
                return done(4);
              } finally {
                await(y("f"));
              }
            }
            public static String go() {
              var g = new §A();
              return g.out(() -> run(g.gen(false))) + " | " + g.out(() -> run(g.gen(true)));
            }
          """));

  /** Each ported program, run as plain Java, gives the upstream output. */
  @Test
  void plainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(PROGRAMS);
  }

  /** Each ported program compiles through the processor and behaves like its plain twin. */
  @Test
  @Tag("fuzz-strict")
  void compiledTwinsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PROGRAMS);
  }
}
