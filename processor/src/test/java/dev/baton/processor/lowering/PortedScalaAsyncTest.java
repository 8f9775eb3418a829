package dev.baton.processor.lowering;

import dev.baton.processor.lowering.Twins.Program;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Programs ported from scala-async's test suite ({@code scala/scala-async}, the last tree with the macro
 * implementation's tests, {@code src/test/scala/scala/async/run/}: {@code anf/AnfTransformSpec},
 * {@code match0/Match0}, {@code ifelse0..4}, {@code ifelse0/WhileSpec}, {@code await0}, {@code block0/1},
 * {@code nesteddef}, {@code toughtype}, {@code hygiene}, {@code lazyval}, {@code live/LiveVariablesSpec},
 * {@code exceptions}, {@code noawait}, {@code stackoverflow}, {@code late/LateExpansion}). The Scala
 * transform's hard cases (await inside nested expressions, matches and {@code if}s used as values, by-name
 * arguments, loops, local definitions, names that shadow one another) are written again in Java as
 * Baton programs ({@code repro.ScalaN}) and run as {@link Twins}: a future becomes {@code s(v)} (an
 * {@code @Async} helper that checkpoints and returns {@code v}), a failed one {@code boom(e)}.
 *
 * <p>Translation: a Scala {@code match} becomes a switch (a pattern switch with {@code when} guards on
 * Java 21, a record pattern for a case class extractor), an {@code if} or a block used as a value a
 * conditional or a switch expression with {@code yield}, a local {@code def} a method of a local class, a
 * by-name argument a {@code Supplier} (a lambda, so without await), a {@code lazy val} a holder. Programs
 * numbered from 100 go past upstream in the same spirit: switch expressions as operands, nested switch
 * expressions, conditionals nested three deep, awaits in {@code instanceof} conditions, colon-form string,
 * enum and char switches that fall through, same-named locals in sibling blocks, many live locals of
 * mixed types, 100,000 awaits in one loop.
 *
 * <p>Not ported: what only the Scala compiler can express (named and default arguments beyond the
 * evaluation order they imply, existential and singleton types beyond Java's wildcards and inner classes,
 * value classes: records stand in for them; the type-checker tests of {@code uncheckedBounds},
 * {@code awaitInImplicitApply}, {@code LateExpansion.testIsInstanceOfType/testArrayLocalModule/
 * testAfterRefchecksIssue}; {@code futures/FutureSpec}, which tests {@code scala.concurrent.Future};
 * {@code SyncOptimizationSpec}, {@code WarningsSpec}, {@code neg/}; {@code ExceptionalTest}, whose fatal
 * errors are an executor's business); an extractor that awaits in its {@code unapply} (Java patterns call
 * no user code: ported as a guard that awaits).
 */
class PortedScalaAsyncTest {
  /** Helpers: {@code s(v)} suspends and returns v; {@code boom(e)} suspends and throws e; {@code check(b)} asserts. */
  private static final String UTIL = """
        @Async public static <T> Coroutine<T> s(T v) { await(checkpoint()); return done(v); }
        @Async public static <T> Coroutine<T> boom(RuntimeException e) { await(checkpoint()); throw e; }
        @Async public static Coroutine<Integer> base(int x) { await(checkpoint()); return done(x + 2); }
        static void check(boolean b) { if (!b) { throw new AssertionError("check failed"); } }
        static <T> T fail() { throw new UnsupportedOperationException("???"); }
      """;

  private static final String HEAD = Twins.HEAD + "import java.util.function.*;\n";

  private static Program p(int n, String expected, String body) {
    return new Program("Scala", n, false, expected, HEAD + body.replace("§UTIL", UTIL));
  }

  private static Program p21(int n, String expected, String body) {
    return new Program("Scala", n, true, expected, HEAD + body.replace("§UTIL", UTIL));
  }

  /** IfElse1.m5's condition: {@code depth} conditionals nested in one another's condition, an await on every arm. */
  private static String deepCondition(int depth) {
    String e = "await(pred())";
    for (int i = 0; i < depth; i++) {
      e = "(" + e + " ? await(pred()) : false)";
    }
    return e;
  }

  static final List<Program> PROGRAMS = new ArrayList<>(List.of(
      // anf/AnfTransformSpec: simple ANF transform (m), 2 (m2), 3 (m3), ANF transform of assigning the result
      // of an if-else (m4: the if as a value), Unit-typed if-else in tail position (futureUnitIfElse)
      p(1, "12 25 14 15 14", """
          public class §C {
            §UTIL
            static volatile int result;
            @Async public static Coroutine<Integer> m(int y) { return done(await(base(y))); }
            @Async public static Coroutine<Integer> m2(int y) { return done(await(base(y)) + await(base(y + 1))); }
            @Async public static Coroutine<Integer> m3(int y) {
              int z = 0;
              if (y > 0) {
                z = await(base(y)) + 2;
              } else {
                z = await(base(y)) - 2;
              }
              return done(z);
            }
            @Async public static Coroutine<Integer> m4(int y) {
              int z = y > 0 ? await(base(y)) + 2 : await(base(y)) - 2;
              return done(z + 1);
            }
            @Async public static Coroutine<Void> unitIfElse(int y) {
              if (y > 0) {
                result = await(base(y)) + 2;
              } else {
                result = await(base(y)) - 2;
              }
              return done();
            }
            public static String go() {
              String r = run(§A.m(10)) + " " + run(§A.m2(10)) + " " + run(§A.m3(10)) + " " + run(§A.m4(10));
              run(§A.unitIfElse(10));
              return r + " " + result;
            }
          }
          """),
      // anf/AnfTransformSpec: inlining block does not produce duplicate definition, ... in tail position:
      // blocks declaring the same name as a local awaited before or after them (Java cannot shadow a local,
      // so the blocks are siblings), and a block as the value of the method (a switch expression's yield)
      p(2, "12,42,7 42", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> one() {
              int f = 12;
              String r;
              {
                int x = await(s(f));
                r = "" + x;
              }
              {
                int x = 42;
                r += "," + x;
              }
              int x = await(s(7));
              return done(r + "," + x);
            }
            @Async public static Coroutine<Integer> two() {
              int f = 12;
              int x = await(s(f));
              return done(switch (x) {
                default -> {
                  int y = 42;
                  yield y;
                }
              });
            }
            public static String go() { return run(§A.one()) + " " + run(§A.two()); }
          }
          """),
      // anf/AnfTransformSpec: match as expression 1, match as expression 2 (a guard that fails, then the
      // default case; the value of a match in tail position)
      p(3, "2 103", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> one() {
              int x = switch ("") { default -> await(s(1)) + 1; };
              return done(x);
            }
            @Async public static Coroutine<Integer> two() {
              boolean no = false;
              int x = switch ("") {
                case "" -> no ? await(s(1)) + 1 : 2 + await(s(1));
                default -> fail();
              };
              int y = x;
              return done(switch ("") { default -> await(s(y)) + 100; });
            }
            public static String go() { return run(§A.one()) + " " + run(§A.two()); }
          }
          """),
      // anf/AnfTransformSpec: match as expression 2, with the Scala guard as a Java 21 `when`
      p21(4, "103", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> two() {
              Object e = "";
              int x = switch (e) {
                case String t when t.isEmpty() && false -> await(s(1)) + 1;
                default -> 2 + await(s(1));
              };
              int y = x;
              return done(switch (e) { case Object o -> await(s(y)) + 100; });
            }
            public static String go() { return "" + run(§A.two()); }
          }
          """),
      // anf/AnfTransformSpec: nestedAwaitAsBareExpression, nestedAwaitInBlock, nestedAwaitInIf
      p(5, "true true true", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> m() {
              boolean a = await(s(await(s("")).isEmpty()));
              boolean b;
              {
                int unit = 0;
                b = await(s(await(s("")).isEmpty()));
              }
              boolean c = "".isEmpty() ? await(s(await(s("")).isEmpty())) : false;
              return done(a + " " + b + " " + c);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // anf/AnfTransformSpec: byNameExpressionsArentLifted, awaitInNonPrimaryParamSectionWithLazy1/2,
      // awaitWithLazy: a by-name argument that would throw (a Supplier) beside an awaited one; a curried
      // call whose first section's result is kept across the await in the second
      p(6, "1 0 0 0", """
          public class §C {
            §UTIL
            static int foo(Supplier<Object> ignored, int b) { return b; }
            static Function<Integer, Integer> lazyFirst(Supplier<Integer> a) { return b -> b; }
            static Function<Supplier<Integer>, Integer> lazySecond(int a) { return b -> a; }
            static int withLazy(int a, Supplier<Integer> b) { return a; }
            @Async public static Coroutine<String> m() {
              int r1 = foo(() -> fail(), await(s(1)));
              int r2 = lazyFirst(() -> fail()).apply(await(s(0)));
              int r3 = lazySecond(await(s(0))).apply(() -> fail());
              int r4 = withLazy(await(s(0)), () -> fail());
              return done(r1 + " " + r2 + " " + r3 + " " + r4);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // anf/AnfTransformSpec: evaluationOrderRespected, awaitInNonPrimaryParamSection1,
      // namedArgumentsRespectEvaluationOrder / namedAndDefaultArgumentsRespectEvaluationOrder (a default
      // argument evaluated after the awaited one): the local def `next` is a method of a local class
      p(7, "(1,2) a0 = 1, b0 = 2 (2,1) (1,2)", """
          public class §C {
            §UTIL
            static String foo(int a, int b) { return "(" + a + "," + b + ")"; }
            static Function<Integer, String> curried(int a0) { return b0 -> "a0 = " + a0 + ", b0 = " + b0; }
            @Async public static Coroutine<String> m() {
              class Counter {
                int i;
                int next() { i += 1; return i; }
                String fooB(int b) { return foo(next(), b); }
                String fooA(int a) { return foo(a, next()); }
              }
              Counter c = new Counter();
              String r = foo(c.next(), await(s(c.next())));
              Counter d = new Counter();
              r += " " + curried(d.next()).apply(await(s(d.next())));
              Counter e = new Counter();
              r += " " + e.fooB(await(s(e.next())));
              Counter g = new Counter();
              r += " " + g.fooA(await(s(g.next())));
              return done(r);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // anf/AnfTransformSpec: repeatedParams1, repeatedParams2, awaitInNonPrimaryParamSection2: awaits among
      // varargs elements, a spread array, an async counter awaited in both argument lists
      p(8, "[1, 2, 3, 4] [1, 2, 3] a0 = 1, b0 = 2", """
          public class §C {
            §UTIL
            static int gi;
            static List<Integer> foo(int a, Integer... b) { return Arrays.asList(b); }
            static int id(int i) { return i; }
            static String foo2(int a0, Integer... b0) { return "a0 = " + a0 + ", b0 = " + b0[0]; }
            static Integer[] cons(int h, List<Integer> t) {
              List<Integer> l = new ArrayList<>();
              l.add(h);
              l.addAll(t);
              return l.toArray(new Integer[0]);
            }
            @Async public static Coroutine<Integer> get() { await(checkpoint()); gi += 1; return done(gi); }
            @Async public static Coroutine<String> m() {
              List<Integer> r1 = foo(await(s(0)), id(1), id(2), id(3), await(s(4)));
              List<Integer> r2 = foo(await(s(0)), List.of(id(1), id(2), id(3)).toArray(new Integer[0]));
              String r3 = foo2(await(get()), cons(await(get()), await(s(List.<Integer>of()))));
              return done(r1 + " " + r2 + " " + r3);
            }
            public static String go() { gi = 0; return run(§A.m()); }
          }
          """),
      // anf/AnfTransformSpec: awaitInThrow, awaitInTyped (a cast), awaitInAssign, awaitOkInReciever
      p(9, "msg: 0|msg: 0|1|3", """
          public class §C {
            §UTIL
            static class Foo { Function<Integer, Integer> bar(int a) { return b -> a + b; } }
            @Async public static Coroutine<String> thrower() {
              throw new IllegalStateException("msg: " + await(s(0)));
            }
            @Async public static Coroutine<String> typed() {
              return done(((String) ("msg: " + await(s(0)))).toString());
            }
            @Async public static Coroutine<Integer> assign() {
              int x = 0;
              x = await(s(1));
              return done(x);
            }
            @Async public static Coroutine<Integer> receiver() {
              return done(await(s(new Foo())).bar(1).apply(2));
            }
            public static String go() {
              String r;
              try {
                r = run(§A.thrower());
              } catch (IllegalStateException e) {
                r = e.getMessage();
              }
              return r + "|" + run(§A.typed()) + "|" + run(§A.assign()) + "|" + run(§A.receiver());
            }
          }
          """),
      // anf/AnfTransformSpec: nothingTypedIf, nothingTypedMatch: every branch after the await throws
      p(11, "case a case a case c", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> ifs(boolean t) {
              if (t) {
                int n = await(s(1));
                if (n < 2) {
                  throw new RuntimeException("case a");
                } else {
                  throw new RuntimeException("case b");
                }
              } else {
                return done("case c");
              }
            }
            @Async public static Coroutine<String> match(int k) {
              String r = switch (k) {
                case 0 -> {
                  int n = await(s(1));
                  switch (n) {
                    case 1:
                      throw new RuntimeException("case a");
                    default:
                      throw new RuntimeException("case b");
                  }
                }
                default -> "case c";
              };
              return done(r);
            }
            static String t(Supplier<String> f) {
              try {
                return f.get();
              } catch (RuntimeException e) {
                return e.getMessage();
              }
            }
            public static String go() {
              return t(() -> run(§A.ifs(true))) + " " + t(() -> run(§A.match(0))) + " " + t(() -> run(§A.match(1)));
            }
          }
          """),
      // match0/Match0: support await in a simple match expression (1, 2): colon-form cases with their own
      // awaited locals; a local declared in one case and assigned in the next (Java's switch-block scope);
      // no case matches: Scala's MatchError
      p(12, "14 5 5 0 MatchError", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m2(int y) {
              int z = 0;
              switch (y) {
                case 10:
                  int x1 = await(base(y));
                  z = x1 + 2;
                  break;
                case 20:
                  int x2 = await(base(y));
                  z = x2 - 2;
                  break;
                default:
                  throw new IllegalStateException("MatchError");
              }
              return done(z);
            }
            @Async public static Coroutine<Integer> m3(int y) {
              int z = 0;
              switch (y) {
                case 0:
                  int x = await(base(y));
                  z = x - 2;
                  break;
                case 1:
                  x = await(base(y));
                  z = x + 2;
                  break;
              }
              return done(z);
            }
            public static String go() {
              String r = run(§A.m2(10)) + " " + run(§A.m3(1)) + " " + run(§A.m3(1)) + " " + run(§A.m3(0));
              try {
                run(§A.m2(5));
              } catch (IllegalStateException e) {
                r += " " + e.getMessage();
              }
              return r;
            }
          }
          """),
      // match0/Match0: support await in a match expression with binds (`op @ Some(x)`): a record pattern and
      // a type pattern in a switch over a sealed interface
      p21(13, "2 0 2", """
          public class §C {
            §UTIL
            sealed interface Opt {}
            record Some(Object v) implements Opt {}
            record None() implements Opt {}
            @Async public static Coroutine<Integer> binds(Opt o) {
              return done(switch (o) {
                case Some(Integer x) -> {
                  check(o.equals(new Some(1)));
                  yield x + await(s(x));
                }
                case Some(Object other) -> -1;
                case None n -> await(s(0));
              });
            }
            @Async public static Coroutine<Integer> typePattern(Opt o) {
              return done(switch (o) {
                case Some op -> ((Integer) op.v()) + await(s((Integer) op.v()));
                case None n -> await(s(0));
              });
            }
            public static String go() {
              return run(§A.binds(new Some(1))) + " " + run(§A.binds(new None())) + " " + run(§A.typePattern(new Some(1)));
            }
          }
          """),
      // match0/Match0: support await referring to pattern matching vals (`val o @ Some(y) = opt` between
      // awaits, then a block binding the same names)
      p21(14, "Some[v=],true", """
          public class §C {
            §UTIL
            sealed interface Opt {}
            record Some(Object v) implements Opt {}
            record None() implements Opt {}
            @Async public static Coroutine<String> m() {
              int x = 1;
              Opt opt = new Some("");
              await(s(0));
              if (!(opt instanceof Some(String y))) {
                throw new IllegalStateException("MatchError");
              }
              Some o = (Some) opt;
              {
                if (new Some(".") instanceof Some(String y2)) {
                  check(y2.equals("."));
                }
              }
              await(s(0));
              return done(await(s(o + "," + y.isEmpty())));
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // match0/Match0: await in scrutinee (the scrutinee an await of a conditional that awaits), guards
      p21(15, "3", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m() {
              return done(switch (await(s("".isEmpty() ? await(s(1)) : §C.<Integer>fail()))) {
                case Integer x when x < 0 -> fail();
                case Integer y -> y * await(s(3));
              });
            }
            public static String go() { return "" + run(§A.m()); }
          }
          """),
      // match0/Match0: duplicateBindName: two cases bind `buf` at different types
      p21(16, "0 2 -1", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m4(Object m) {
              return done(switch (m) {
                case String buf -> buf.length() + await(s(0));
                case Double buf -> buf.intValue() + await(s(2));
                default -> -1;
              });
            }
            public static String go() { return run(§A.m4("")) + " " + run(§A.m4(0.5)) + " " + run(§A.m4(1)); }
          }
          """),
      // match0/Match0: bugCastBoxedUnitToStringMatch, bugCastBoxedUnitToStringIf
      p(17, "5 5", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> match() {
              int p2 = await(s(5));
              return done(switch ("foo") {
                case "foo" -> String.valueOf(p2);
                default -> "?";
              });
            }
            @Async public static Coroutine<String> cond() {
              int p2 = await(s(5));
              boolean t = true;
              return done(t ? String.valueOf(p2) : Integer.toString(p2));
            }
            public static String go() { return run(§A.match()) + " " + run(§A.cond()); }
          }
          """),
      // ifelse0/IfElse0: support await in a simple if-else expression; await in condition (a block
      // `{await(true); await(true)}` as the condition: a switch expression's block)
      p(18, "14 1", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m2(int y) {
              int z = 0;
              if (y > 0) {
                int x1 = await(base(y));
                z = x1 + 2;
              } else {
                int x2 = await(base(y));
                z = x2 - 2;
              }
              return done(z);
            }
            @Async public static Coroutine<Integer> cond() {
              int r;
              if (switch (0) {
                default -> {
                  await(s(true));
                  yield await(s(true));
                }
              }) {
                r = await(s(1));
              } else {
                r = fail();
              }
              return done(r);
            }
            public static String go() { return run(§A.m2(10)) + " " + run(§A.cond()); }
          }
          """),
      // ifelse0/WhileSpec: whiling1, whiling2, nestedWhile, whileExpr, doWhile, whileAwaitCondition,
      // doWhileAwaitCondition
      p(19, "2 0 100 done 123123 false false", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> whiling1() {
              int xxx = 0;
              int y = 0;
              while (xxx < 3) {
                y = await(s(xxx));
                xxx = xxx + 1;
              }
              return done(y);
            }
            @Async public static Coroutine<Integer> whiling2() {
              int xxx = 0;
              int y = 0;
              boolean never = false;
              while (never) {
                y = await(s(xxx));
                xxx = xxx + 1;
              }
              return done(y);
            }
            @Async public static Coroutine<Integer> nestedWhile() {
              int sum = 0;
              int i = 0;
              while (i < 5) {
                int j = 0;
                while (j < 5) {
                  sum += await(s(i)) * await(s(j));
                  j += 1;
                }
                i += 1;
              }
              return done(sum);
            }
            @Async public static Coroutine<String> whileExpr() {
              boolean cond = true;
              while (cond) {
                cond = false;
                await(s(22));
              }
              return done("done");
            }
            @Async public static Coroutine<String> doWhile() {
              int b = 0;
              String x = "";
              do {
                x += "1";
                x += await(s("2"));
                x += "3";
                b += await(s(1));
              } while (b < 2);
              return done(await(s(x)));
            }
            @Async public static Coroutine<Boolean> whileAwaitCondition() {
              boolean b = true;
              while (await(s(b))) {
                b = false;
              }
              return done(await(s(b)));
            }
            @Async public static Coroutine<Boolean> doWhileAwaitCondition() {
              boolean b = true;
              do {
                b = false;
              } while (await(s(b)));
              return done(b);
            }
            public static String go() {
              return run(§A.whiling1()) + " " + run(§A.whiling2()) + " " + run(§A.nestedWhile()) + " "
                  + run(§A.whileExpr()) + " " + run(§A.doWhile()) + " " + run(§A.whileAwaitCondition()) + " "
                  + run(§A.doWhileAwaitCondition());
            }
          }
          """),
      // ifelse1/IfElse1: await in a nested if-else expression 1..4 (and the branches that do not await)
      p(20, "14 14 14 14 0 0 -5 -5", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m1(int y) {
              int z = 0;
              if (y > 0) {
                if (y > 100) {
                  int five = 5;
                } else {
                  int x1 = await(base(y));
                  z = x1 + 2;
                }
              } else {
                int x2 = await(base(y));
                z = x2 - 2;
              }
              return done(z);
            }
            @Async public static Coroutine<Integer> m2(int y) {
              int z = 0;
              if (y > 0) {
                if (y < 100) {
                  int x1 = await(base(y));
                  z = x1 + 2;
                } else {
                  int five = 5;
                }
              } else {
                int x2 = await(base(y));
                z = x2 - 2;
              }
              return done(z);
            }
            @Async public static Coroutine<Integer> m3(int y) {
              int z = 0;
              if (y < 0) {
                int x2 = await(base(y));
                z = x2 - 2;
              } else {
                if (y > 100) {
                  int five = 5;
                } else {
                  int x1 = await(base(y));
                  z = x1 + 2;
                }
              }
              return done(z);
            }
            @Async public static Coroutine<Integer> m4(int y) {
              int z = 0;
              if (y < 0) {
                int x2 = await(base(y));
                z = x2 - 2;
              } else {
                if (y < 100) {
                  int x1 = await(base(y));
                  z = x1 + 2;
                } else {
                  int five = 5;
                }
              }
              return done(z);
            }
            public static String go() {
              return run(§A.m1(10)) + " " + run(§A.m2(10)) + " " + run(§A.m3(10)) + " " + run(§A.m4(10)) + " "
                  + run(§A.m1(200)) + " " + run(§A.m2(200)) + " " + run(§A.m3(-5)) + " " + run(§A.m4(-5));
            }
          }
          """),
      // ifelse1/IfElse1: await in deeply-nested if-else conditions (m5: 20 conditionals nested in one
      // another's condition, an await in every condition and every then-arm)
      p(21, "true 22", """
          public class §C {
            §UTIL
            static int calls;
            @Async public static Coroutine<Boolean> pred() { await(checkpoint()); calls++; return done(true); }
            @Async public static Coroutine<Boolean> m5() {
              return done(§DEEP ? await(pred()) : false);
            }
            public static String go() { calls = 0; return run(§A.m5()) + " " + calls; }
          }
          """.replace("§DEEP", deepCondition(20))),
      // ifelse2/ifelse2, ifelse3/IfElse3: variables of the same name in different blocks (x, and w declared
      // after the await); then same names at different types in sibling branches and loop bodies
      p(22, "14 16 a1099511627776pq010 s1.5pq010", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m(int y) {
              int z = 0;
              if (y > 0) {
                int x = await(base(y));
                z = x + 2;
              } else {
                int x = await(base(y));
                z = x - 2;
              }
              return done(z);
            }
            @Async public static Coroutine<Integer> m3(int y) {
              int z = 0;
              if (y > 0) {
                int x1 = await(base(y));
                int w = x1 + 2;
                z = w + 2;
              } else {
                int x2 = await(base(y));
                int w = x2 + 2;
                z = w - 2;
              }
              return done(z);
            }
            @Async public static Coroutine<String> mixed(int y) {
              String r = "";
              if (y > 0) {
                long x = await(s(1L << 40));
                String w = "a";
                await(s(0));
                r = w + x;
              } else {
                String x = await(s("s"));
                double w = 1.5;
                await(s(0));
                r = x + w;
              }
              for (int i = 0; i < 2; i++) {
                char x = (char) ('p' + i);
                await(s(0));
                r += x;
              }
              for (int i = 0; i < 2; i++) {
                Integer x = i * 10;
                await(s(0));
                r += x;
              }
              return done(r);
            }
            public static String go() {
              return run(§A.m(10)) + " " + run(§A.m3(10)) + " " + run(§A.mixed(1)) + " " + run(§A.mixed(-1));
            }
          }
          """),
      // ifelse4/IfElse4: await result with complex type containing skolem (a wildcard-typed value awaited,
      // used in two ifs, one awaiting again)
      p(23, "foo foo", """
          public class §C {
            §UTIL
            static class F<A> {}
            static class S<A> {
              final String id;
              S(String id) { this.id = id; }
            }
            interface P {}
            record K(F<?> f) {}
            static <T> T identity(T t) { return t; }
            @Async public static <A> Coroutine<S<A>> result(F<A> f) { await(checkpoint()); return done(new S<A>("foo")); }
            @Async public static Coroutine<String> go2(K k) {
              S<?> res = await(result(k.f()));
              if (true) {
                identity(res);
              }
              if (true) {
                identity(res);
                await(result(k.f()));
              }
              return done(res.id);
            }
            @Async public static <A extends Comparable<A> & P> Coroutine<String> bounded(F<A> f) {
              S<A> res = await(result(f));
              await(s(0));
              return done(identity(res).id);
            }
            public static String go() { return run(§A.go2(new K(null))) + " " + run(§A.bounded(null)); }
          }
          """),
      // await0/Await0Spec: An async method support a simple await (double, float, char, short, byte)
      p(24, "26.0 12 12 12", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Double> m1(double x) { await(checkpoint()); return done(x + 2.0); }
            @Async public static Coroutine<Float> m2(float x) { await(checkpoint()); return done(x + 2.0f); }
            @Async public static Coroutine<Character> m3(char x) { await(checkpoint()); return done((char) (x + 2)); }
            @Async public static Coroutine<Short> m4(short x) { await(checkpoint()); return done((short) (x + 2)); }
            @Async public static Coroutine<Byte> m5(byte x) { await(checkpoint()); return done((byte) (x + 2)); }
            @Async public static Coroutine<String> m0(int y) {
              double x1 = await(m1((double) y));
              float x2 = await(m2((float) y));
              char x3 = await(m3((char) y));
              short x4 = await(m4((short) y));
              byte x5 = await(m5((byte) y));
              return done((x1 + x2 + 2.0) + " " + (int) x3 + " " + x4 + " " + x5);
            }
            public static String go() { return run(§A.m0(10)); }
          }
          """),
      // block0/AsyncSpec: simple await, several awaits in sequence; block1/block1: support a simple await
      p(25, "14 26 26", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m2(int y) {
              int x = await(base(y));
              return done(x + 2);
            }
            @Async public static Coroutine<Integer> m3(int y) {
              int x1 = await(base(y));
              int x2 = await(base(y + 2));
              return done(x1 + x2);
            }
            @Async public static Coroutine<Integer> m4(int y) {
              int x1 = await(base(y));
              int x2 = await(base(y + 2));
              return done(x1 + x2);
            }
            public static String go() { return run(§A.m2(10)) + " " + run(§A.m3(10)) + " " + run(§A.m4(10)); }
          }
          """),
      // nesteddef/NestedDef: nestedDef (local defs: methods of a local class that read locals awaited before
      // them; the receiver kept across the awaited argument), nestedFunction (lambdas), nestedDefTransitive1/2,
      // mutuallyRecursive1/2
      p(26, "(0.0,44.0,2) (0.0,44.0,2) 0 0 0 0", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> nestedDef() {
              int a = 0;
              int x = await(s(a)) - 1;
              int local = 43;
              class L {
                double bar(double d) { return -d + a + local; }
                String foo(Object z) { return "(" + (double) a + "," + bar(x) + "," + z + ")"; }
              }
              return done(new L().foo(await(s(2))));
            }
            @Async public static Coroutine<String> nestedFunction() {
              int a = 0;
              int x = await(s(a)) - 1;
              int local = 43;
              DoubleUnaryOperator bar = d -> -d + a + local;
              Function<Object, String> foo = z -> "(" + (double) a + "," + bar.applyAsDouble(x) + "," + z + ")";
              return done(foo.apply(await(s(2))));
            }
            @Async public static Coroutine<Integer> transitive1() {
              int a = 0;
              int x = await(s(a)) - 1;
              class T {
                int bar() { return a; }
                int foo() { return bar(); }
              }
              return done(new T().foo());
            }
            @Async public static Coroutine<Integer> transitive2() {
              int a = 0;
              int x = await(s(a)) - 1;
              class T {
                int bar() { return a; }
                int foo() { return bar(); }
              }
              return done(0);
            }
            @Async public static Coroutine<Integer> mutual1() {
              int a = 0;
              int x = await(s(a)) - 1;
              boolean t = true;
              class M {
                int foo() { return t ? 0 : bar(); }
                int bar() { return t ? 0 : foo(); }
              }
              return done(new M().bar());
            }
            @Async public static Coroutine<Integer> mutual2() {
              int a = 0;
              boolean t = true;
              class M {
                int foo() { return t ? 0 : bar(); }
                int bar() { return t ? 0 : foo(); }
              }
              int x = await(s(a)) - 1;
              return done(new M().bar());
            }
            public static String go() {
              return run(§A.nestedDef()) + " " + run(§A.nestedFunction()) + " " + run(§A.transitive1()) + " "
                  + run(§A.transitive2()) + " " + run(§A.mutual1()) + " " + run(§A.mutual2());
            }
          }
          """),
      // toughtype/ToughType: propogates tough types (a wildcard list and a nested class awaited),
      // patternMatchingPartialFunction, patternMatchingPartialFunctionNested, patternMatchingFunction
      p(27, "0,Inner 3 -3 3", """
          public class §C {
            §UTIL
            static class Inner { public String toString() { return "Inner"; } }
            @Async public static Coroutine<String> m2() {
              List<?> y = await(s((List<?>) List.of()));
              Inner z = await(s(new Inner()));
              return done(y.size() + "," + z);
            }
            @Async public static Coroutine<String> functions() {
              await(s(1));
              int a = await(s(1));
              Function<Integer, Integer> f = x -> x + a;
              int r1 = await(s(f.apply(2)));
              int neg1 = -1;
              Function<Integer, Integer> g = x -> ((Function<Integer, Integer>) y -> neg1 * y).apply(x + a);
              int r2 = await(s(g.apply(2)));
              IntUnaryOperator h = x -> x + a;
              return done(r1 + " " + r2 + " " + await(s(h.applyAsInt(2))));
            }
            public static String go() { return run(§A.m2()) + " " + run(§A.functions()); }
          }
          """),
      // toughtype/ToughType: existentialBindIssue19 (a pattern binding of a wildcard type, copied and
      // reassigned, live across the await; named `s` like the helper method), existentialIfElse0
      p(28, "0 1", """
          public class §C {
            §UTIL
            record ContainerImpl<A>(A value) {}
            @Async public static Coroutine<Integer> m7(Object a) {
              if (a instanceof List<?> s) {
                int x = s.size();
                List<?> ss = s;
                ss = s;
                return done(await(s(x)) + ss.size());
              }
              throw new IllegalStateException("MatchError");
            }
            @Async public static Coroutine<ContainerImpl<?>> ifElse() {
              Object a = List.of(1);
              if (true) {
                List<?> buf = List.of(1);
                int foo = await(s(5));
                Object e0 = buf.get(0);
                return done(new ContainerImpl<>(e0));
              } else {
                return fail();
              }
            }
            public static String go() { return run(§A.m7(List.of())) + " " + run(§A.ifElse()).value(); }
          }
          """),
      // toughtype/ToughType: existentialMatch: a type-pattern case binding a wildcard list, awaiting, then a
      // generic record built from an element
      p21(29, "ContainerImpl[value=1]", """
          public class §C {
            §UTIL
            record ContainerImpl<A>(A value) {}
            @Async public static Coroutine<ContainerImpl<?>> foo() {
              Object a = List.of(1);
              return done(switch (a) {
                case List<?> buf -> {
                  int foo = await(s(5));
                  Object e0 = buf.get(0);
                  yield new ContainerImpl<>(e0);
                }
                default -> throw new IllegalStateException("MatchError");
              });
            }
            public static String go() { return "" + run(§A.foo()); }
          }
          """),
      // toughtype/ToughType: ticket66Nothing (the awaited failure is rethrown as the same object),
      // ticket83ValueClass, ticket86NestedValueClass (await of an await of a value's method),
      // ticket86MatchedValueClass, awaitOfAbstractType (a generic method's type variable across awaits),
      // valueClassT106
      p(31, "same true 42! Optional.empty 1 whatever return type", """
          public class §C {
            §UTIL
            record IntWrapper(String value) {}
            @Async public static Coroutine<String> plusStr(IntWrapper w) { await(checkpoint()); return done(w.value() + "!"); }
            @Async public static Coroutine<Optional<String>> doAThing(IntWrapper w) { await(checkpoint()); return done(Optional.empty()); }
            @Async public static Coroutine<Integer> nothing(RuntimeException e) { return done(await(§C.<Integer>boom(e))); }
            @Async public static Coroutine<IntWrapper> t83() {
              IntWrapper uid = new IntWrapper("foo");
              return done(await(s(uid)));
            }
            @Async public static Coroutine<String> t86() {
              IntWrapper a = new IntWrapper("42");
              return done(await(plusStr(await(s(a)))));
            }
            @Async public static Coroutine<Optional<String>> matched() {
              Optional<IntWrapper> o = Optional.of(new IntWrapper("value!"));
              if (o.isPresent()) {
                IntWrapper valueHolder = o.get();
                return done(await(doAThing(valueHolder)));
              } else {
                return done(Optional.empty());
              }
            }
            static <A> A combine(A a1, A a2) { return a1; }
            @Async public static <A> Coroutine<A> combineAsync(A a1, A a2) { return done(combine(await(s(a1)), await(s(a2)))); }
            @Async public static Coroutine<String> t106() {
              switch ("whatever value") {
                default:
                  await(s("whatever return type"));
                  new IntWrapper("value class matters");
              }
              return done("whatever return type");
            }
            public static String go() {
              RuntimeException e = new RuntimeException();
              String r;
              try {
                run(§A.nothing(e));
                r = "none";
              } catch (RuntimeException c) {
                r = c == e ? "same" : "other";
              }
              return r + " " + run(§A.t83()).equals(new IntWrapper("foo")) + " " + run(§A.t86()) + " "
                  + run(§A.matched()) + " " + run(§A.combineAsync(1, 2)) + " " + run(§A.t106());
            }
          }
          """),
      // toughtype/ToughType: ticket86MatchedParameterizedValueClass, ticket86PrivateValueClass: a nested
      // record pattern binding a generic record's component, awaited with
      p21(32, "value! none", """
          public class §C {
            §UTIL
            sealed interface Opt<T> {}
            record Some<T>(T v) implements Opt<T> {}
            record None<T>() implements Opt<T> {}
            record ParamWrapper<T>(T value) {}
            @Async public static Coroutine<String> doAThing(ParamWrapper<String> p) { await(checkpoint()); return done(p.value()); }
            @Async public static Coroutine<String> m(Opt<ParamWrapper<String>> o) {
              return done(switch (o) {
                case Some<ParamWrapper<String>>(ParamWrapper<String> valueHolder) -> await(doAThing(valueHolder));
                case None<ParamWrapper<String>> n -> "none";
              });
            }
            public static String go() {
              return run(§A.m(new Some<>(new ParamWrapper<>("value!")))) + " " + run(§A.m(new None<>()));
            }
          }
          """),
      // hygiene/Hygiene: is hygenic (locals and parameters named state, result, resume), external var as
      // result of await 1..3 (a field assigned the await, in branches, and `ext = x + await(2)`), is hygenic
      // nested
      p(33, "(25,result,resume) 12 12 14 (25,result,resume)", """
          public class §C {
            §UTIL
            static int ext;
            static Object resume() { return "resume"; }
            @Async public static Coroutine<String> hygienic(int state, Object result) {
              int f1 = state + 2;
              int x = await(s(f1));
              Object y = await(s(result));
              Object z = await(s(resume()));
              return done("(" + x + "," + y + "," + z + ")");
            }
            @Async public static Coroutine<Void> ext1() { ext = await(s(12)); return done(); }
            @Async public static Coroutine<Void> ext2(int inp) {
              if (inp > 0) {
                ext = await(s(12));
              } else {
                ext = await(s(10));
              }
              return done();
            }
            @Async public static Coroutine<Void> ext3(int inp) {
              int x = inp > 0 ? await(s(12)) : await(s(10));
              ext = x + await(s(2));
              return done();
            }
            @Async public static Coroutine<Integer> plus2(int state) { return done(state + 2); }
            @Async public static Coroutine<String> nested(int state, Object result) {
              int x = await(plus2(state));
              Object y = await(s(result));
              Object z = await(s(await(s(resume()))));
              return done("(" + x + "," + y + "," + z + ")");
            }
            public static String go() {
              String r = run(§A.hygienic(23, "result"));
              run(§A.ext1());
              r += " " + ext;
              ext = 0;
              run(§A.ext2(10));
              r += " " + ext;
              ext = 0;
              run(§A.ext3(10));
              return r + " " + ext + " " + run(§A.nested(23, "result"));
            }
          }
          """),
      // hygiene/Hygiene: is hygenic, with locals named like the generated code's members ($step, $value,
      // $state, $s0, $await, $complete, $loop, $t, this$0) and like the helpers (s, base), live across awaits
      p(34, "7v3m9t5l8 10 12", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> m(int $state) {
              int $step = 7;
              String $value = "v";
              int $s0 = 3;
              Object $m = "m";
              int value = 9;
              String $t = "t";
              int $await = await(s(5));
              String $loop = "l";
              int $complete = 8;
              await(s(0));
              int s = await(s($state));
              int base = await(base(s));
              return done($step + $value + $s0 + $m + value + $t + $await + $loop + $complete + " " + s + " " + base);
            }
            public static String go() { return run(§A.m(10)); }
          }
          """),
      // lazyval/LazyValSpec: lazyValAllowed (a lazy val, forced after the await, once)
      p(35, "43", """
          public class §C {
            §UTIL
            static final class Lazy<T> {
              private Supplier<T> init;
              private T v;
              Lazy(Supplier<T> init) { this.init = init; }
              T get() {
                if (init != null) {
                  v = init.get();
                  init = null;
                }
                return v;
              }
            }
            @Async public static Coroutine<Integer> m() {
              int[] x = {0};
              Lazy<Integer> y = new Lazy<>(() -> {
                x[0] += 1;
                return 42;
              });
              check(x[0] == 0);
              int z = await(s(1));
              int result = y.get() + x[0];
              check(x[0] == 1);
              y.get();
              check(x[0] == 1);
              return done(result);
            }
            public static String go() { return "" + run(§A.m()); }
          }
          """),
      // live/LiveVariablesSpec: zero out fields of reference type, of type Any, do not zero out fields of
      // primitive type, of value class type, zero out fields after use in loop
      p(36, "2 Cell[v=2] Cell[v=2] 2 21", """
          public class §C {
            §UTIL
            record Cell<T>(T v) {}
            record Meter(long len) {}
            static final class MCell<T> {
              T v;
              MCell(T v) { this.v = v; }
            }
            @Async public static Coroutine<Cell<Integer>> m1(Cell<Integer> x) { await(checkpoint()); return done(new Cell<>(x.v() + 1)); }
            @Async public static Coroutine<Meter> mm(Cell<Integer> x) { await(checkpoint()); return done(new Meter(x.v() + 1)); }
            @Async public static Coroutine<String> m2(Object x) { await(checkpoint()); return done(x.toString()); }
            @Async public static Coroutine<Integer> add(MCell<Integer> x, int y) { await(checkpoint()); return done(x.v + y); }
            @Async public static Coroutine<String> ref() {
              Cell<Integer> a = await(s(new Cell<>(1)));
              Cell<Integer> b = await(m1(a));
              return done(await(m2(b.v())));
            }
            @Async public static Coroutine<String> any() {
              Cell<Integer> a = await(s(new Cell<>(1)));
              Object b = await(m1(a));
              return done(await(m2(b)));
            }
            @Async public static Coroutine<String> prim() {
              int a = await(s(1));
              Object b = await(m1(new Cell<>(a)));
              return done(await(m2(b)));
            }
            @Async public static Coroutine<String> value() {
              Cell<Integer> a = await(s(new Cell<>(1)));
              Meter b = await(mm(a));
              return done(await(m2(b.len())));
            }
            @Async public static Coroutine<Integer> loop() {
              MCell<Integer> a = await(s(new MCell<>(1)));
              MCell<Integer> y = new MCell<>(0);
              while (a.v < 10) {
                a.v = a.v + 1;
                y = new MCell<>(await(s(a)).v + 1);
              }
              return done(await(add(a, y.v)));
            }
            public static String go() {
              return run(§A.ref()) + " " + run(§A.any()) + " " + run(§A.prim()) + " " + run(§A.value()) + " " + run(§A.loop());
            }
          }
          """),
      // live/LiveVariablesSpec: don't zero captured fields captured lambda, by-name, nested class (an
      // anonymous class), nested object (a local class), nested def: each returned and called after the
      // method has finished
      p(37, "x x x x x", """
          public class §C {
            §UTIL
            static <A> Supplier<A> func0(Supplier<A> a) { return () -> a.get(); }
            @Async public static Coroutine<Supplier<String>> lambda() {
              String x = "x";
              String y = "y";
              await(s(0));
              new StringBuilder(y).reverse();
              Supplier<String> f = () -> x;
              await(s(0));
              return done(f);
            }
            @Async public static Coroutine<Supplier<String>> byName() {
              String x = "x";
              String y = "y";
              await(s(0));
              new StringBuilder(y).reverse();
              Supplier<String> f = func0(() -> x);
              await(s(0));
              return done(f);
            }
            @Async public static Coroutine<Supplier<String>> anon() {
              String x = "x";
              String y = "y";
              await(s(0));
              new StringBuilder(y).reverse();
              Supplier<String> f = new Supplier<String>() {
                public String get() { return x; }
              };
              await(s(0));
              return done(f);
            }
            @Async public static Coroutine<Supplier<String>> object() {
              String x = "x";
              String y = "y";
              await(s(0));
              new StringBuilder(y).reverse();
              class F implements Supplier<String> {
                public String get() { return x; }
              }
              F f = new F();
              await(s(0));
              return done(f);
            }
            @Async public static Coroutine<Supplier<String>> def() {
              String x = "x";
              String y = "y";
              await(s(0));
              new StringBuilder(y).reverse();
              class D { String xx() { return x; } }
              Supplier<String> f = new D()::xx;
              await(s(0));
              return done(f);
            }
            public static String go() {
              return run(§A.lambda()).get() + " " + run(§A.byName()).get() + " " + run(§A.anon()).get() + " "
                  + run(§A.object()).get() + " " + run(§A.def()).get();
            }
          }
          """),
      // live/LiveVariablesSpec: capture bug (a binding of a case's record pattern captured by a lambda
      // created after an await in the case), dontNullOutVarsOfTypeNothing_t104
      p21(38, "B1[]48 ok", """
          public class §C {
            §UTIL
            sealed interface Base {}
            record B1() implements Base {}
            record B2() implements Base {}
            record Pair(Base b, int r) {}
            static int getMore(Base b) { return 4; }
            @Async public static Coroutine<Supplier<String>> baz() {
              List<Pair> outer = List.of(new Pair(new B1(), 8));
              return done(switch (outer.get(0)) {
                case Pair(B1 a, int r) -> {
                  int ents = await(s(getMore(a)));
                  yield () -> {
                    check(a != null);
                    return "" + a + ents + r;
                  };
                }
                case Pair(B2 b, int x) -> () -> fail();
              });
            }
            @Async public static Coroutine<Void> errorGenerator(double r) {
              await(checkpoint());
              throw new IllegalStateException(r < 0 ? "too low" : "too high");
            }
            @Async public static Coroutine<String> t104() {
              double num = Math.random();
              if (num < 0 || num > 1) {
                await(errorGenerator(num));
              }
              return done(num * 2 <= 2 ? "ok" : "bad");
            }
            public static String go() { return run(§A.baz()).get() + " " + run(§A.t104()); }
          }
          """),
      // exceptions/ExceptionsSpec: uncaught exception within async, ... after await, await failing future
      // within async, await failing future within async after await (a ClassCastException from the cast of
      // an awaited value)
      p(39, "IllegalStateException:problem IllegalStateException:illegal length: 5 IllegalStateException:problem ClassCastException", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> a() { throw new IllegalStateException("problem"); }
            @Async public static Coroutine<Integer> b() {
              int len = await(s("five!".length()));
              throw new IllegalStateException("illegal length: " + len);
            }
            @Async public static Coroutine<Integer> c() {
              int x = await(§C.<Integer>boom(new IllegalStateException("problem")));
              return done(x * 2);
            }
            @Async public static Coroutine<String> d() {
              int a = await(s(5));
              int b = (Integer) await(s((Object) String.valueOf(a * 2)));
              String c = await(s(String.valueOf(7 * 2)));
              return done(b + "-" + c);
            }
            static String t(Supplier<Object> f) {
              try {
                return "" + f.get();
              } catch (RuntimeException e) {
                return e.getClass().getSimpleName() + (e.getMessage() == null || e instanceof ClassCastException ? "" : ":" + e.getMessage());
              }
            }
            public static String go() {
              return t(() -> run(§A.a())) + " " + t(() -> run(§A.b())) + " " + t(() -> run(§A.c())) + " " + t(() -> run(§A.d()));
            }
          }
          """),
      // noawait/NoAwaitSpec: async block without await (1, 2), async expr without await
      p(40, "1 1 1", """
          public class §C {
            §UTIL
            static int foo() { return 1; }
            @Async public static Coroutine<Integer> one() {
              foo();
              return done(foo());
            }
            @Async public static Coroutine<Integer> two() {
              class X { int x() { return 0; } }
              return done(new X().x() > 0 ? 0 : 1);
            }
            @Async public static Coroutine<Integer> expr() { return done(foo()); }
            public static String go() { return run(§A.one()) + " " + run(§A.two()) + " " + run(§A.expr()); }
          }
          """),
      // stackoverflow/StackOverflowSpec: stackSafety (a long loop whose await is never reached; 10^7 rounds
      // rather than 10^8 to keep the test quick)
      p(41, "0", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m() {
              int i = 10_000_000;
              boolean never = false;
              while (i > 0) {
                if (never) {
                  await(s(0));
                }
                i -= 1;
              }
              return done(i);
            }
            public static String go() { return "" + run(§A.m()); }
          }
          """),
      // late/LateExpansion: testGuard (an await in a guard), testExtractor and testNestedMatchExtractor (the
      // awaiting extractor as a guard that awaits, in a nested match)
      p21(42, "okay true true", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> guard() {
              Object e = "";
              return done(switch (e) {
                case String x when await(s(false)) -> fail();
                default -> "okay";
              });
            }
            @Async public static Coroutine<Boolean> extractor() {
              Object e = "";
              return done(switch (e) {
                case String a when await(s(a)).equals(a) && "".isEmpty() -> a.equals(await(s(a)));
                default -> false;
              });
            }
            @Async public static Coroutine<Boolean> nested() {
              Object e = "";
              return done(switch (e) {
                case String t when "".isEmpty() -> switch (e) {
                  case String a when await(s(a)).equals(t) -> a.equals(t);
                  default -> false;
                };
                default -> false;
              });
            }
            public static String go() { return run(§A.guard()) + " " + run(§A.extractor()) + " " + run(§A.nested()); }
          }
          """),
      // late/LateExpansion: testCombo (guards that await extractors, the first two failing)
      p21(43, "case 3: blerg3", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> ex1(String a) { await(checkpoint()); return done(a + 1); }
            @Async public static Coroutine<String> ex2(String a) { await(checkpoint()); return done(a + 3); }
            @Async public static Coroutine<String> m() {
              Object r = "blerg";
              String r1 = switch (r) {
                case String x when " ".isEmpty() -> "case 2: " + x;
                case String x when await(ex2(await(ex1(x)))).equals("xxx") -> "case 1: " + x;
                case String x -> "case 3: " + await(ex2(x));
                default -> "none";
              };
              return done(r1);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // late/LateExpansion: polymorphicMethod (a bounded type variable's values from two awaits in a switch
      // expression's arm)
      p(44, "[C, C]", """
          public class §C {
            §UTIL
            static class C { public String toString() { return "C"; } }
            @Async public static <A extends C> Coroutine<A> foo(A a) { await(checkpoint()); return done(a); }
            @Async public static <CC extends C> Coroutine<String> test1(CC c) {
              List<CC> x = switch (0) {
                case 1 -> throw new IllegalStateException();
                default -> List.of(await(foo(c)), await(foo(c)));
              };
              return done(x.toString());
            }
            public static String go() { return run(§A.test1(new C())); }
          }
          """),
      // late/LateExpansion: shadowing, shadowing2, shadowingRefinedTypes (a type pattern of a subinterface
      // binding a value of a generic interface type, an awaited Optional matched in its case)
      p21(45, "true true", """
          public class §C {
            §UTIL
            interface Base {}
            static class Sub implements Base {}
            interface Foo<T extends Base> {}
            interface Bar extends Foo<Sub> {}
            static class BarImpl implements Bar {}
            @Async public static <T extends Base> Coroutine<Optional<Foo<T>>> func(Foo<T> f) { await(checkpoint()); return done(Optional.empty()); }
            @Async public static <T extends Base> Coroutine<Foo<T>> m(Foo<T> foo) {
              return done(switch (foo) {
                case Bar bar -> {
                  Optional<Foo<T>> res = await(func(foo));
                  yield switch (res.isPresent() ? 1 : 0) {
                    case 1 -> res.get();
                    default -> foo;
                  };
                }
                default -> foo;
              });
            }
            @Async public static Coroutine<Object> shadowing(Object any) {
              switch (any) {
                case Bar foo -> {
                  await(s(""));
                  switch (0) {
                    default -> check(foo != null);
                  }
                }
                default -> { }
              }
              return done(any);
            }
            public static String go() {
              Bar b = new BarImpl();
              return (run(§A.m(b)) == b) + " " + (run(§A.shadowing(b)) == b);
            }
          }
          """),
      // late/LateExpansion: testNegativeArraySizeException, testNegativeArraySizeExceptionFine1 (a match
      // as a call's or constructor's first argument, an await in the second), testByNameOwner,
      // testByNameOwner2 (a by-name block with its own local after an await inside a match)
      p(46, "(2,4.2) 2/4.2 7/4.2 1 1", """
          public class §C {
            §UTIL
            static String foo(Object foo, Object bar) { return "(" + foo + "," + bar + ")"; }
            static <T> T byName(Supplier<T> fn) { return fn.get(); }
            static class Foobar {
              final int foo;
              final double bar;
              Foobar(int foo, double bar) { this.foo = foo; this.bar = bar; }
              public String toString() { return foo + "/" + bar; }
            }
            static class Bleh { <T> T byName(Supplier<T> fn) { return fn.get(); } }
            @Async public static Coroutine<Double> getValue() { await(checkpoint()); return done(4.2); }
            @Async public static Coroutine<Integer> asyncCall() { await(checkpoint()); return done(0); }
            @Async public static Coroutine<String> func(Object f) {
              return done(foo(switch (f.toString()) { default -> 2; }, await(getValue())));
            }
            @Async public static Coroutine<Foobar> fine1(Object f) {
              return done(new Foobar(f instanceof Integer x && x > 4 ? x : switch (f.toString()) { default -> 2; }, await(getValue())));
            }
            @Async public static Coroutine<Integer> jerk() {
              int pointless = switch (1) {
                default -> {
                  await(asyncCall());
                  yield byName(() -> {
                    int whyDoHateMe = 1;
                    return whyDoHateMe;
                  });
                }
              };
              return done(pointless);
            }
            @Async public static Coroutine<Integer> slob() {
              int pointless = await(s(new Bleh())).byName(() -> {
                int whyDoHateMeToo = 1;
                return whyDoHateMeToo;
              });
              return done(pointless);
            }
            public static String go() {
              return run(§A.func(4)) + " " + run(§A.fine1(4)) + " " + run(§A.fine1(7)) + " " + run(§A.jerk()) + " " + run(§A.slob());
            }
          }
          """),
      // Beyond upstream (anf/AnfTransformSpec, match as expression): a switch expression as an operand, its
      // selector and arms awaiting, one arm a block with an awaited local; a field read before it, changed
      // by the awaits
      p(100, "13 29 19 / 113 129 119", """
          public class §C {
            §UTIL
            static int field;
            @Async public static Coroutine<Integer> bump(int v) { await(checkpoint()); field += 100; return done(v); }
            @Async public static Coroutine<Integer> m(int x) {
              return done(1 + switch (await(s(x))) {
                case 1 -> await(s(12));
                case 2 -> {
                  int z = await(s(14));
                  yield z * 2;
                }
                default -> {
                  int z = await(s(9));
                  yield z * 2;
                }
              });
            }
            @Async public static Coroutine<Integer> f(int x) {
              field = 0;
              return done(field + 1 + switch (await(bump(x))) {
                case 1 -> await(bump(12));
                case 2 -> {
                  int z = await(bump(14));
                  yield z * 2;
                }
                default -> {
                  int z = await(bump(9));
                  yield z * 2;
                }
              } + field);
            }
            public static String go() {
              return run(§A.m(1)) + " " + run(§A.m(2)) + " " + run(§A.m(3)) + " / " + (run(§A.f(1)) - 200 + 100) + " "
                  + (run(§A.f(2)) - 200 + 100) + " " + (run(§A.f(3)) - 200 + 100);
            }
          }
          """),
      // Beyond upstream (match as expression, nested matches): switch expressions nested in selectors and
      // arms, colon-form switch expressions that fall through to a yield, awaits everywhere
      p(101, "111 120 203 300 400 / 6 6 3", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> m(int a, int b) {
              return done(switch (await(s(a))) {
                case 1 -> switch (switch (await(s(b))) { case 0 -> 1; default -> await(s(b)); }) {
                  case 1 -> await(s(100)) + switch (await(s(a + b))) { case 1 -> await(s(11)); default -> 0; };
                  default -> await(s(100)) + await(s(20));
                };
                case 2 -> 200 + switch (b) {
                  case 3 -> await(s(3));
                  default -> { int q = await(s(b)); yield q; }
                };
                default -> {
                  int k = switch (await(s(a)) * 100) { case 300 -> await(s(300)); default -> 400; };
                  yield k;
                }
              });
            }
            @Async public static Coroutine<Integer> colon(int k) {
              int r = switch (k) {
                case 0:
                  int acc = await(s(1));
                case 1:
                  acc = (k == 1 ? 0 : 1) + await(s(2));
                case 2:
                  acc = await(s(3)) + (k == 2 ? 0 : 3);
                  yield acc;
                default:
                  yield -1;
              };
              return done(r);
            }
            public static String go() {
              return run(§A.m(1, 0)) + " " + run(§A.m(1, 2)) + " " + run(§A.m(2, 3)) + " " + run(§A.m(3, 0)) + " "
                  + run(§A.m(4, 0)) + " / " + run(§A.colon(0)) + " " + run(§A.colon(1)) + " " + run(§A.colon(2));
            }
          }
          """),
      // Beyond upstream (ifelse1 m5, `if` as a value): conditionals nested three deep, an await in every
      // condition and arm; the order of the awaits logged
      p(102, "1:abd 2:abD 3:aBe 4:aBE 5:Acf 6:AcF 7:ACg 8:ACG", """
          public class §C {
            §UTIL
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Boolean> b(String n, boolean v) { await(checkpoint()); log.append(v ? n.toUpperCase() : n); return done(v); }
            @Async public static Coroutine<Integer> m(boolean x, boolean y, boolean z) {
              return done(await(b("a", x))
                  ? (await(b("c", y)) ? (await(b("g", z)) ? await(s(8)) : await(s(7))) : (await(b("f", z)) ? await(s(6)) : await(s(5))))
                  : (await(b("b", y)) ? (await(b("e", z)) ? await(s(4)) : await(s(3))) : (await(b("d", z)) ? await(s(2)) : await(s(1)))));
            }
            public static String go() {
              StringBuilder r = new StringBuilder();
              for (int i = 0; i < 8; i++) {
                log.setLength(0);
                int v = run(§A.m((i & 4) != 0, (i & 2) != 0, (i & 1) != 0));
                r.append(i == 0 ? "" : " ").append(v).append(':').append(log);
              }
              return r.toString();
            }
          }
          """),
      // Beyond upstream (match0 await in scrutinee, toughtype existentialBindIssue19): awaits in instanceof
      // pattern conditions: the tested value awaited, the binding used in a later awaiting operand, a negated
      // pattern whose binding lives after the if, a while loop over an awaited pattern
      p(103, "abc:3 short int:7 small:2 [a, bb, ccc]", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> cond(Object o) {
              if (await(s(o)) instanceof String str && str.length() > await(s(2))) {
                return done(str + ":" + await(s(str.length())));
              } else if (o instanceof String str && await(s(str)).length() <= 2) {
                return done("short");
              }
              if (!(await(s(o)) instanceof Integer i) || i > await(s(5))) {
                return done(o instanceof Integer j ? "int:" + await(s(j)) : "other");
              }
              return done("small:" + await(s(i)));
            }
            @Async public static Coroutine<List<String>> drain(Iterator<Object> it) {
              List<String> out = new ArrayList<>();
              Object next = it.next();
              while (await(s(next)) instanceof String t) {
                out.add(await(s(t)));
                next = it.hasNext() ? it.next() : null;
              }
              return done(out);
            }
            public static String go() {
              return run(§A.cond("abc")) + " " + run(§A.cond("ab")) + " " + run(§A.cond(7)) + " " + run(§A.cond(2)) + " "
                  + run(§A.drain(List.<Object>of("a", "bb", "ccc").iterator()));
            }
          }
          """),
      // Beyond upstream (match0: colon-form cases with awaits): string, enum and char switches that fall
      // through from one awaiting case into the next
      p(104, "abc bc c z | RGB GB B | 1xy xy y ?", """
          public class §C {
            §UTIL
            enum Color { RED, GREEN, BLUE, BLACK }
            @Async public static Coroutine<String> str(String k) {
              String r = "";
              switch (k) {
                case "a":
                  r += await(s("a"));
                case "b":
                  r += await(s("b"));
                case "c":
                  r += await(s("c"));
                  break;
                default:
                  r = await(s("z"));
              }
              return done(r);
            }
            @Async public static Coroutine<String> en(Color c) {
              StringBuilder r = new StringBuilder();
              switch (c) {
                case RED:
                  r.append(await(s("R")));
                case GREEN:
                  r.append(await(s("G")));
                case BLUE: {
                  String b = await(s("B"));
                  r.append(b);
                  break;
                }
                default:
              }
              return done(r.toString());
            }
            @Async public static Coroutine<String> ch(char c) {
              String r = "";
              switch (await(s(c))) {
                case '1':
                  r += 1;
                case 'x':
                  r += await(s('x'));
                case 'y':
                  r += (char) (await(s('x')) + 1);
                  break;
                default:
                  r = "?";
              }
              return done(r);
            }
            public static String go() {
              return run(§A.str("a")) + " " + run(§A.str("b")) + " " + run(§A.str("c")) + " " + run(§A.str("d")) + " | "
                  + run(§A.en(Color.RED)) + " " + run(§A.en(Color.GREEN)) + " " + run(§A.en(Color.BLUE)) + run(§A.en(Color.BLACK))
                  + " | " + run(§A.ch('1')) + " " + run(§A.ch('x')) + " " + run(§A.ch('y')) + " " + run(§A.ch('q'));
            }
          }
          """),
      // Beyond upstream (live/LiveVariablesSpec, await0): many live locals of mixed types, changed between
      // awaits and read at the end
      p(105, "3 5 c 8 9000000001 2.5 3.25 false s! [1, 2] 9 [l] 17 null", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> m() {
              byte b = 1;
              short sh = 2;
              char c = 'a';
              int i = 3;
              long l = 9_000_000_000L;
              float f = 1.5f;
              double d = 2.25;
              boolean z = true;
              String str = "s";
              int[] arr = {1};
              List<String> list = new ArrayList<>();
              Integer boxed = 4;
              Object nul = null;
              long[] la = {0};
              await(s(0));
              b += await(s((byte) 2));
              sh += 3;
              c = (char) (c + await(s(1)));
              i = i + await(s(5));
              l += await(s(1L));
              await(s(0));
              f += await(s(1.0f));
              d += await(s(1.0));
              z = !await(s(z));
              str += await(s("!"));
              arr = new int[] {arr[0], await(s(2))};
              list.add(await(s("l")));
              boxed = boxed + await(s(5));
              la[0] += await(s(17L));
              c++;
              return done(b + " " + sh + " " + c + " " + i + " " + l + " " + f + " " + d + " " + z + " " + str + " "
                  + Arrays.toString(arr) + " " + boxed + " " + list + " " + la[0] + " " + nul);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // Beyond upstream (ifelse2/3 same names in sibling blocks): the same names in sibling try, catch and
      // finally blocks, switch rule blocks and lambdas' bodies, at different types, each live across awaits
      p(106, "t1 c:boom f2.5 | r1x r2 7 | 3", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> tries() {
              String r = "";
              try {
                String v = await(s("t"));
                int n = await(s(1));
                r += v + n;
              } finally {
                double v = await(s(2.5));
                r += " f" + v;
              }
              try {
                int v = await(§C.<Integer>boom(new IllegalStateException("boom")));
                r += v;
              } catch (IllegalStateException v) {
                String n = await(s("c:"));
                r = r.replace(" f", " " + n + v.getMessage() + " f");
              }
              return done(r);
            }
            @Async public static Coroutine<String> rules(int k) {
              String r = switch (k) {
                case 1 -> {
                  String v = "r" + await(s(1));
                  char x = await(s('x'));
                  yield v + x;
                }
                case 2 -> {
                  int v = await(s(2));
                  yield "r" + v;
                }
                default -> {
                  long v = await(s(7L));
                  Function<Long, String> x = y -> "" + y;
                  yield x.apply(v);
                }
              };
              return done(r);
            }
            @Async public static Coroutine<Integer> lambdas() {
              Function<Integer, Integer> f = x -> { int v = x + 1; return v; };
              int v = await(s(1));
              Function<Integer, Integer> g = x -> { int w = x * 2; return w; };
              int w = await(s(f.apply(v)));
              return done(g.apply(w) - 1);
            }
            public static String go() {
              return run(§A.tries()) + " | " + run(§A.rules(1)) + " " + run(§A.rules(2)) + " " + run(§A.rules(3)) + " | " + run(§A.lambdas());
            }
          }
          """),
      // Beyond upstream (stackoverflow/StackOverflowSpec): 100,000 awaits in one loop, of coroutines that
      // complete without suspending and of ones that suspend; the stack stays constant
      p(107, "4999950000 4999950000 100000", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> now(int v) { return done(v); }
            @Async public static Coroutine<Long> sumNow() {
              long t = 0;
              for (int i = 0; i < 100_000; i++) {
                t += await(now(i));
              }
              return done(t);
            }
            @Async public static Coroutine<Long> sumSuspending() {
              long t = 0;
              int i = 0;
              while (i < 100_000) {
                t += await(s(i++));
              }
              return done(t);
            }
            @Async public static Coroutine<Integer> checkpoints() {
              int n = 0;
              do {
                await(checkpoint());
                n++;
              } while (n < 100_000);
              return done(n);
            }
            public static String go() { return run(§A.sumNow()) + " " + run(§A.sumSuspending()) + " " + run(§A.checkpoints()); }
          }
          """),
      // Beyond upstream (exceptions/ExceptionsSpec, match as expression): awaits in try, catch and finally of
      // a switch expression's arm, the finally overriding nothing but logging; a return inside try with an
      // awaiting finally
      p(108, "v1:fin e:bad:fin | 5 [try, fin:5]", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> arm(boolean bad) {
              StringBuilder log = new StringBuilder();
              String r = switch (await(s(bad ? 1 : 0))) {
                case 0 -> {
                  try {
                    yield "v" + await(s(1));
                  } finally {
                    log.append(":").append(await(s("fin")));
                  }
                }
                default -> {
                  try {
                    yield "v" + await(§C.<Integer>boom(new IllegalStateException("bad")));
                  } catch (IllegalStateException e) {
                    yield "e:" + await(s(e.getMessage()));
                  } finally {
                    log.append(":").append(await(s("fin")));
                  }
                }
              };
              return done(r + log);
            }
            @Async public static Coroutine<Integer> ret(List<String> log) {
              int x = 0;
              try {
                x = await(s(5));
                log.add("try");
                return done(x);
              } finally {
                log.add("fin:" + await(s(x)));
              }
            }
            public static String go() {
              List<String> log = new ArrayList<>();
              return run(§A.arm(false)) + " " + run(§A.arm(true)) + " | " + run(§A.ret(log)) + " " + log;
            }
          }
          """),
      // Beyond upstream (anf/AnfTransformSpec awaitInAssign, ifelse0 whiling): compound assignments whose
      // right operand is a switch expression or conditional that awaits, to a local, an array element and a
      // field, with the variable read before the await
      p(109, "12 [0, 31] 105 ab!", """
          public class §C {
            §UTIL
            static int total = 100;
            @Async public static Coroutine<String> m(int k) {
              int x = 2;
              x += switch (k) { case 1 -> await(s(10)); default -> await(s(20)); };
              int[] a = {0, 1};
              a[await(s(1))] += k > 0 ? await(s(30)) : await(s(40));
              total += switch (await(s(k))) { case 1 -> { int q = await(s(5)); yield q; } default -> 0; };
              String t = "a";
              t += await(s("b")) + (k == 1 ? await(s("!")) : "?");
              return done(x + " " + Arrays.toString(a) + " " + total + " " + t);
            }
            public static String go() { total = 100; return run(§A.m(1)); }
          }
          """)));

  /**
   * Programs that found printer bugs, fixed with them. 10 (AnfTransformSpec.caseBodyMustBeTypedAsUnit)
   * and its reduction 110: a local constant used as a case label became a frame field in the generated
   * code ({@code constant expression required}); a constant variable is now printed as its value. 30
   * (ToughType.singletonTypeIssue17) and its reduction 111: a qualified inner class creation
   * {@code a.new B()} was written {@code a.new Scala30.A.B()} ({@code '(' expected}).
   */
  static final List<Program> PRINTER_FINDINGS = List.of(
      // anf/AnfTransformSpec: caseBodyMustBeTypedAsUnit: the case labels are local constants (`final int`),
      // declared before the await and used as labels after it
      p(10, "1.0 -1.0 0.0 up", """
          public class §C {
            §UTIL
            @Async public static Coroutine<String> sign(int v) {
              final int Up = 1;
              final int Down = 2;
              double sign = switch (await(s(v))) {
                case Up -> 1.0;
                case Down -> -1.0;
                default -> 0.0;
              };
              return done("" + sign);
            }
            @Async public static Coroutine<String> word() {
              final int Up = 1;
              final int Down = Up + 1;
              await(s(0));
              String w = "";
              switch (await(s(1))) {
                case Up:
                  w = "up";
                  break;
                case Down:
                  w = "down";
                  break;
              }
              return done(w);
            }
            public static String go() {
              return run(§A.sign(1)) + " " + run(§A.sign(2)) + " " + run(§A.sign(3)) + " " + run(§A.word());
            }
          }
          """),
      // toughtype/ToughType: singletonTypeIssue17 (an instance of an inner class of a local value: `a.new B()`,
      // also with an awaited outer instance and kept across awaits)
      p(30, "0 a:b a:b", """
          public class §C {
            §UTIL
            static class A {
              final String n;
              A(String n) { this.n = n; }
              class B { public String toString() { return n + ":b"; } }
            }
            static int foo(A.B b) { return 0; }
            @Async public static Coroutine<String> m() {
              A a = new A("a");
              int r = await(s(foo(a.new B())));
              A.B b = await(s(a)).new B();
              await(s(0));
              String t = "" + a.new B();
              return done(r + " " + b + " " + t);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // Finding 1, reduced from 10: a local constant (`final int UP = 1`) used as a case label in a method
      // that awaits; the generated code makes it a frame field, no longer a constant expression
      p(110, "up other", """
          public class §C {
            @Async public static Coroutine<String> m(int v) {
              final int UP = 1;
              await(checkpoint());
              switch (v) {
                case UP: return done("up");
                default: return done("other");
              }
            }
            public static String go() { return run(§A.m(1)) + " " + run(§A.m(2)); }
          }
          """),
      // Finding 2, reduced from 30: a qualified inner class instance creation `a.new B()` in a method that
      // awaits; the generated code writes `a.new Scala111.A.B()`, which is not Java
      p(111, "b", """
          public class §C {
            static class A { class B { public String toString() { return "b"; } } }
            @Async public static Coroutine<String> m() {
              A a = new A();
              await(checkpoint());
              return done("" + a.new B());
            }
            public static String go() { return run(§A.m()); }
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

  @Test
  void printerFindingsPlainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(PRINTER_FINDINGS);
  }

  /** Local constants as case labels and {@code a.new B()} compile and behave like their plain twins. */
  @Test
  @Tag("fuzz-strict")
  void printerFindingsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PRINTER_FINDINGS);
  }
}
