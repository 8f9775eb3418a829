package dev.baton.processor.lowering;

import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * More programs of the C# and Kotlin compilers' async test suites, ported as {@link Twins} programs
 * ({@code repro.MoreN}) after {@link PortedRoslynTest} and {@link PortedKotlinTest}: Roslyn's
 * {@code CodeGenAwaitUsingTests} (C#'s {@code await using} as {@code try (@Await R r = ...)} with an
 * {@link dev.baton.lowlevel.AsyncExit} resource), the {@code CodeGenAsyncTests} the first round left out,
 * pattern switches with awaits, and Kotlin's {@code stackUnwinding/}, {@code varSpilling/},
 * {@code suspendInTheMiddleOfObjectConstruction*}, {@code suspendCallsInArguments}, {@code lastExpressionIsLoop},
 * {@code lastStatementInc}, {@code multipleInvokeCalls} and more. The comment above each program names the
 * upstream file and test; the expected string is the upstream expected output, translated.
 *
 * <p>{@code §RES} is an async resource {@code R} (a name logged by its constructor; an optional failure
 * thrown by its dispose, before it suspends when {@code early}): its plain twin's {@code close()} logs
 * and throws what its compiled {@code $aexit} logs around a suspension and yields, with JLS suppression.
 */
class PortedMoreTest {
  /** An async resource whose dispose suspends between its start and its end, and the log it writes. */
  private static final String RES = """
        static StringBuilder log = new StringBuilder();
        static class R implements AutoCloseable, dev.baton.lowlevel.AsyncExit {
          final String name;
          final String failure;
          final boolean early;
          R(String name) { this(name, null, false); }
          R(String name, String failure, boolean early) {
            this.name = name;
            this.failure = failure;
            this.early = early;
            log.append("ctor" + name + " ");
          }
          public void close() {
            if (failure != null && early) throw new RuntimeException(failure);
            log.append("dispose" + name + "_start ");
            log.append("dispose" + name + "_end ");
            if (failure != null) throw new RuntimeException(failure);
          }
          public dev.baton.Awaitable<Throwable> $aexit(Throwable pending) { return §A.exitR(this, pending); }
        }
        @Async public static Coroutine<Throwable> exitR(R r, Throwable pending) {
          if (r.failure != null && r.early) throw new RuntimeException(r.failure);
          log.append("dispose" + r.name + "_start ");
          await(checkpoint());
          log.append("dispose" + r.name + "_end ");
          if (r.failure == null) return done(pending);
          RuntimeException x = new RuntimeException(r.failure);
          if (pending == null) return done(x);
          pending.addSuppressed(x);
          return done(pending);
        }
      """;

  /** Helpers: {@code s(v)} suspends and returns v; {@code boom(e)} suspends and throws e. */
  private static final String UTIL = """
        @Async public static <T> Coroutine<T> s(T v) { await(checkpoint()); return done(v); }
        @Async public static <T> Coroutine<T> boom(RuntimeException e) { await(checkpoint()); throw e; }
      """;

  private static Program m(int n, String expected, String body) {
    return new Program("More", n, false, expected, Twins.HEAD + body.replace("§RES", RES).replace("§UTIL", UTIL));
  }

  private static Program m21(int n, String expected, String body) {
    return new Program("More", n, true, expected, Twins.HEAD + body.replace("§RES", RES).replace("§UTIL", UTIL));
  }

  static final List<Program> PROGRAMS = List.of(
      // CodeGenAwaitUsingTests.TestWithMultipleResources: two async resources in one try; disposed in reverse order,
      // each dispose suspends between its start and its end
      m(1, "ctor1 ctor2 body dispose2_start dispose2_end dispose1_start dispose1_end", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> main() {
              try (@Await R s1 = new R("1"); @Await R s2 = new R("2")) {
                log.append("body ");
                return done();
              }
            }
            public static String go() { log.setLength(0); run(§A.main()); return log.toString().trim(); }
          }
          """),
      // CodeGenAwaitUsingTests.TestInCatchBlock: an async resource inside a catch block
      m(2, "try using dispose_start dispose_end end", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> main() {
              try {
                log.append("try ");
                throw new IllegalArgumentException();
              } catch (IllegalArgumentException e) {
                try (@Await R x = new R("")) {
                  log.append("using ");
                }
                log.append("end");
              }
              return done();
            }
            public static String go() { log.setLength(0); run(§A.main()); return log.toString().replace("ctor ", ""); }
          }
          """),
      // CodeGenAwaitUsingTests.TestInFinallyBlock and TestRegularAwaitInFinallyBlock: an async resource, then a plain
      // await, inside a finally block; the method's value after it
      m(3, "using dispose_start dispose_end before after return 1", """
          public class §C {
            §RES
            @Async public static Coroutine<Integer> main() {
              try {
              } finally {
                try (@Await R x = new R("")) {
                  log.append("using ");
                }
                log.append("before ");
                await(checkpoint());
                log.append("after ");
              }
              log.append("return ");
              return done(1);
            }
            public static String go() { log.setLength(0); int r = run(§A.main()); return log.toString().replace("ctor ", "") + r; }
          }
          """),
      // CodeGenAwaitUsingTests.TestThrowingDisposeAsync: the dispose throws before it suspends; a catch around the
      // statement sees it, and the code after the try is skipped
      m(4, "using caught message", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> main() {
              try {
                try (@Await R x = new R("", "message", true)) {
                  log.append("using ");
                }
              } catch (RuntimeException e) {
                log.append("caught " + e.getMessage());
                return done();
              }
              log.append("SKIPPED");
              return done();
            }
            public static String go() { log.setLength(0); run(§A.main()); return log.toString().replace("ctor ", ""); }
          }
          """),
      // CodeGenAwaitUsingTests.TestWithDeclaration, TestWithExpression_01: a return with a value (and a plain return)
      // from the body: the value is computed before the dispose, returned after it
      m(5, "body dispose_start dispose_end 1 | body dispose_start dispose_end null", """
          public class §C {
            §RES
            @Async public static Coroutine<Integer> withValue() {
              try (@Await R x = new R("")) {
                log.append("body ");
                return done(1);
              }
            }
            @Async public static Coroutine<Void> plain() {
              try (@Await R x = new R("")) {
                log.append("body ");
                return done();
              }
            }
            public static String go() {
              log.setLength(0);
              Integer a = run(§A.withValue());
              log.append(a).append(" | ");
              Object b = run(§A.plain());
              log.append(b);
              return log.toString().replace("ctor ", "");
            }
          }
          """),
      // CodeGenAwaitUsingTests.TestWithNullExpression, TestWithNullNullableExpression: a null async resource is not disposed
      m(6, "body | body2 7", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> a() {
              try (@Await R x = null) {
                log.append("body");
                return done();
              }
            }
            @Async public static Coroutine<Integer> b(R maybe) {
              try (@Await R x = maybe) {
                log.append("body2 ");
                return done(await(s(7)));
              }
            }
            §UTIL
            public static String go() {
              log.setLength(0);
              run(§A.a());
              log.append(" | ");
              int v = run(§A.b(null));
              return log.toString() + v;
            }
          }
          """),
      // CodeGenAwaitUsingTests (TestThrowingDisposeAsync with a failing body): the body throws, the dispose throws too;
      // in Java the dispose's exception is added to the body's as suppressed (JLS 14.20.3.1)
      m(7, "ctor1 ctor2 body dispose2_start dispose2_end dispose1_start dispose1_end caught body [dispose2, dispose1]", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> main() {
              try {
                try (@Await R a = new R("1", "dispose1", false); @Await R b = new R("2", "dispose2", false)) {
                  log.append("body ");
                  await(s(0));
                  throw new IllegalStateException("body");
                }
              } catch (IllegalStateException e) {
                List<String> sup = new ArrayList<>();
                for (Throwable t : e.getSuppressed()) sup.add(t.getMessage());
                log.append("caught " + e.getMessage() + " " + sup);
              }
              return done();
            }
            §UTIL
            public static String go() { log.setLength(0); run(§A.main()); return log.toString(); }
          }
          """),
      // CodeGenAwaitUsingTests (a dispose that fails after a normal body, with a second resource): the outer resource
      // is still disposed, and its own failure is suppressed into the inner one's
      m(8, "ctor1 ctor2 body dispose2_start dispose2_end dispose1_start dispose1_end caught dispose2 [dispose1]", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> main() {
              try {
                try (@Await R a = new R("1", "dispose1", false); @Await R b = new R("2", "dispose2", false)) {
                  log.append("body ");
                }
              } catch (RuntimeException e) {
                List<String> sup = new ArrayList<>();
                for (Throwable t : e.getSuppressed()) sup.add(t.getMessage());
                log.append("caught " + e.getMessage() + " " + sup);
              }
              return done();
            }
            public static String go() { log.setLength(0); run(§A.main()); return log.toString(); }
          }
          """),
      // CodeGenAwaitUsingTests (await using in loops): continue and break out of the body wait for the dispose, then jump
      m(9, "ctor0 b0 dispose0_start dispose0_end ctor1 dispose1_start dispose1_end ctor2 dispose2_start dispose2_end after", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> main() {
              for (int i = 0; i < 5; i++) {
                try (@Await R r = new R("" + i)) {
                  if (i == 1) continue;
                  if (i == 2) break;
                  log.append("b" + await(s(i)) + " ");
                }
              }
              log.append("after");
              return done();
            }
            §UTIL
            public static String go() { log.setLength(0); run(§A.main()); return log.toString(); }
          }
          """),
      // CodeGenAwaitUsingTests (resource declarations with awaits): initializers that await; the second one fails,
      // so only the first resource is disposed
      m(10, "ctor1 ctor2 body dispose2_start dispose2_end dispose1_start dispose1_end | ctor1 dispose1_start dispose1_end caught init2", """
          public class §C {
            §RES
            @Async public static Coroutine<R> make(String n) { await(checkpoint()); return done(new R(n)); }
            @Async public static Coroutine<Void> main(boolean failSecond) {
              try {
                try (@Await R a = await(§A.make("1")); @Await R b = failSecond ? await(§A.<R>boom(new IllegalStateException("init2"))) : new R(await(s("2")))) {
                  log.append("body ");
                }
              } catch (IllegalStateException e) {
                log.append("caught " + e.getMessage());
              }
              return done();
            }
            §UTIL
            public static String go() {
              log.setLength(0);
              run(§A.main(false));
              log.append("| ");
              run(§A.main(true));
              return log.toString();
            }
          }
          """),
      // CodeGenAwaitUsingTests (await using with catch and finally clauses on the same try): dispose, then catch, then finally
      m(11, "ctor body dispose_start dispose_end catch boom finally", """
          public class §C {
            §RES
            @Async public static Coroutine<Void> main() {
              try (@Await R r = new R("")) {
                log.append("body ");
                await(§A.<Void>boom(new IllegalStateException("boom")));
              } catch (IllegalStateException e) {
                log.append("catch " + e.getMessage() + " ");
                await(checkpoint());
              } finally {
                await(checkpoint());
                log.append("finally");
              }
              return done();
            }
            §UTIL
            public static String go() { log.setLength(0); run(§A.main()); return log.toString(); }
          }
          """),
      // CodeGenAwaitUsingTests (await using inside a switch expression arm): the yield's value is computed in the body,
      // the dispose runs before the switch expression completes
      m(12, "ctorA dispose_start dispose_end 10 | ctorB disposeB_start disposeB_end 20 | 0", """
          public class §C {
            §RES
            @Async public static Coroutine<Integer> pick(int k) {
              int v = switch (k) {
                case 1 -> {
                  try (@Await R r = new R("A")) {
                    yield await(s(10));
                  }
                }
                case 2 -> {
                  try (@Await R r = new R("B")) {
                    int w = await(s(20));
                    yield w;
                  }
                }
                default -> 0;
              };
              log.append(v);
              return done(v);
            }
            §UTIL
            public static String go() {
              log.setLength(0);
              run(§A.pick(1));
              log.append(" | ");
              run(§A.pick(2));
              log.append(" | ");
              run(§A.pick(3));
              return log.toString().replace("disposeA", "dispose");
            }
          }
          """),
      // CodeGenAwaitUsingTests / CodeGenUsingStatementTests: an async resource and a plain AutoCloseable in one try,
      // closed in reverse order, the plain one synchronously
      m(13, "ctorA openP body closeP disposeA_start disposeA_end | ctorA openP body closeP disposeA_start disposeA_end caught x", """
          public class §C {
            §RES
            static class P implements AutoCloseable {
              P() { log.append("openP "); }
              public void close() { log.append("closeP "); }
            }
            @Async public static Coroutine<Void> main(boolean fail) {
              try {
                try (@Await R a = new R("A"); P p = new P()) {
                  log.append("body ");
                  await(checkpoint());
                  if (fail) throw new IllegalStateException("x");
                }
              } catch (IllegalStateException e) {
                log.append("caught " + e.getMessage());
              }
              return done();
            }
            public static String go() {
              log.setLength(0);
              run(§A.main(false));
              log.append("| ");
              run(§A.main(true));
              return log.toString().trim();
            }
          }
          """),
      // CodeGenAsyncTests.Conformance_Awaiting_Methods_Generic01: an @Async generic method whose type parameter is bounded
      // by a class, awaiting a coroutine obtained from its bounded argument
      m(14, "0", """
          public class §C {
            static int count = 0;
            static class MyTask<T> {
              T value;
              MyTask(T value) { this.value = value; }
              Coroutine<T> get() { return §A.s(value); }
            }
            §UTIL
            @Async public static <U extends MyTask<Integer>> Coroutine<Integer> test(U u) {
              int tests = 0;
              try {
                tests++;
                int rez = await(u.get());
                if (rez == 0) count++;
                return done(count - tests);
              } finally {
                count += 0;
              }
            }
            public static String go() { count = 0; return "" + run(§A.test(new MyTask<>(0))); }
          }
          """),
      // CodeGenAsyncTests.Conformance_Awaiting_Methods_Method01 and Conformance_Awaiting_Methods_Method05: an interface
      // method (with varargs, generic in a bounded awaitable type) implemented by a class, awaited through the interface
      m(15, "0 0", """
          public class §C {
            static int count = 0;
            interface IExplicit { Coroutine<Void> method(int... x); }
            interface IImplicit { <T extends Coroutine<String>> T method(java.math.BigDecimal... d); }
            static class C1 implements IExplicit {
              public Coroutine<Void> method(int... x) { return §A.bump(x.length == 0 ? 1 : x[0]); }
            }
            static class Impl implements IImplicit {
              @SuppressWarnings("unchecked")
              public <T extends Coroutine<String>> T method(java.math.BigDecimal... d) { return (T) §A.sum(d); }
            }
            @Async public static Coroutine<Void> bump(int by) { await(checkpoint()); count += by; return done(); }
            @Async public static Coroutine<String> sum(java.math.BigDecimal[] d) {
              await(checkpoint());
              count++;
              java.math.BigDecimal r = java.math.BigDecimal.ZERO;
              for (java.math.BigDecimal x : d) r = r.add(x);
              return done(r.toString());
            }
            @Async public static Coroutine<String> test() {
              int tests = 0;
              tests++;
              IExplicit e = new C1();
              await(e.method());
              int r1 = count - tests;
              count = 0;
              tests = 0;
              Impl i = new Impl();
              tests++;
              String s = await(i.<Coroutine<String>>method(new java.math.BigDecimal("3"), new java.math.BigDecimal("4")));
              int r2 = count - tests + (s.equals("7") ? 0 : 100);
              return done(r1 + " " + r2);
            }
            public static String go() { count = 0; return run(§A.test()); }
          }
          """),
      // CodeGenAsyncTests.Conformance_Awaiting_Methods_Accessible010: a protected static generic @Async method of a base
      // class, called unqualified from an @Async method of a subclass
      m(16, "0 base:1", """
          public class §C extends Test§C {
            static int count = 0;
            @Async public static Coroutine<String> test() {
              int x = await(getValue(1));
              if (x != 1) count++;
              String y = "base:" + await(Test§C.getValue(x));
              return done(count + " " + y);
            }
            public static String go() { return run(§A.test()); }
          }
          class Test§C {
            @Async protected static <T> Coroutine<T> getValue(T t) {
              await(checkpoint());
              return done(t);
            }
          }
          """),
      // CodeGenAsyncTests.AwaitInDelegateConstructor: a function object produced by an await, converted and called
      m(17, "0", """
          public class §C {
            static int test = 0;
            static int count = 0;
            @Async public static Coroutine<java.util.function.Function<Integer, String>> bar() {
              count++;
              await(checkpoint());
              return done(p1 -> p1.toString());
            }
            @Async public static Coroutine<Integer> test() {
              try {
                test++;
                java.util.function.Function<Integer, Object> f = (java.util.function.Function<Integer, Object>) (java.util.function.Function<Integer, ?>) await(§A.bar());
                Object x = f.apply(1);
                if (!"1".equals(x)) count--;
              } finally {
                count += 0;
              }
              return done(test - count);
            }
            public static String go() { test = 0; count = 0; return "" + run(§A.test()); }
          }
          """),
      // CodeGenAsyncTests.Struct02: a field holding a coroutine, awaited as t and as this.t in an instance @Async method
      m(18, "0", """
          public class §C {
            static int count = 0;
            Coroutine<Integer> t;
            §UTIL
            @Async public Coroutine<Integer> test() {
              int tests = 0;
              try {
                tests++;
                t = s(1);
                int x = await(t);
                if (x == 1) count++;
                tests++;
                t = s(1);
                int x2 = await(this.t);
                if (x2 == 1) count++;
              } finally {
                count += 0;
              }
              return done(count - tests);
            }
            public static String go() { count = 0; return "" + run(new §A().test()); }
          }
          """),
      // CodeGenAsyncTests.Delegate10: a delegate with an out parameter (Java: a one-element array) and an event (a list
      // of them) awaited in try/catch
      m(19, "0 [x, x]", """
          public class §C {
            static int count = 0;
            interface MyDel<U> { Coroutine<Void> call(Object[] out); }
            static class MyClass<T> {
              MyDel<T> myDel;
              List<MyDel<T>> myEvent = new ArrayList<>();
              static Coroutine<Void> meth(Object[] t) { t[0] = "x"; return §A.inc(); }
            }
            @Async public static Coroutine<Void> inc() { await(checkpoint()); count++; return done(); }
            @Async public static <T> Coroutine<Void> triggerEvent(MyClass<T> c, T p) {
              try {
                Object[] box = {p};
                for (MyDel<T> d : c.myEvent) await(d.call(box));
                throw new IllegalStateException();
              } catch (IllegalStateException e) {
                count += 5;
              }
              return done();
            }
            @Async public static Coroutine<String> test() {
              int tests = 0;
              tests++;
              MyClass<String> ms = new MyClass<>();
              ms.myDel = MyClass::meth;
              Object[] str = {""};
              await(ms.myDel.call(str));
              tests++;
              ms.myEvent.add(MyClass::meth);
              await(§A.triggerEvent(ms, (String) str[0]));
              List<String> seen = new ArrayList<>();
              seen.add((String) str[0]);
              seen.add((String) str[0]);
              return done((count - tests - 5) + " " + seen);
            }
            public static String go() { count = 0; return run(§A.test()); }
          }
          """),
      // CodeGenAsyncTests.Inference: await of an awaited argument in a generic class's static method; a generic method
      // whose type parameter is bounded by Coroutine<U>
      m(20, "0", """
          public class §C {
            static int count = 0;
            static class Test {
              Coroutine<String> goo() { return §A.s("abc"); }
            }
            static class TestCase<U> {
              static <U, T extends Coroutine<U>> T getValue1(T t) { return t; }
            }
            §UTIL
            @Async public static Coroutine<Object> getValue(Object x) { await(checkpoint()); return done(x); }
            @Async public static Coroutine<Integer> test() {
              int tests = 0;
              Test t = new Test();
              tests++;
              Object x1 = await(§A.getValue(await(t.goo())));
              if ("abc".equals(x1)) count++;
              tests++;
              String x2 = await(TestCase.<String, Coroutine<String>>getValue1(t.goo()));
              if (x2.equals("abc")) count++;
              return done(count - tests);
            }
            public static String go() { count = 0; return "" + run(§A.test()); }
          }
          """),
      // CodeGenAsyncTests.Property21: base.MyProp after an await, where the class overrides the property
      m(21, "0 5 5", """
          public class §C extends Base§C {
            @Override int myProp() { return 5; }
            @Async public Coroutine<Integer> getBaseMyProp() { await(checkpoint()); return done(super.myProp()); }
            @Async public Coroutine<String> test() {
              int b = await(getBaseMyProp());
              int own = myProp();
              await(checkpoint());
              return done(b + " " + own + " " + this.myProp());
            }
            public static String go() { return run(new §A().test()); }
          }
          class Base§C {
            int myProp() { return 0; }
          }
          """),
      // CodeGenAsyncTests.Init19: an object initializer (Java: constructor arguments) whose first await throws;
      // the later arguments are never evaluated, and a catch clause chosen by type
      m(22, "0 methodCount=0 later=0", """
          public class §C {
            static int count = 0;
            static int methodCount = 0;
            static int later = 0;
            static class FieldAccessException extends RuntimeException {}
            static class ObjInit {
              int async; Coroutine<Void> t; long l;
              ObjInit(int async, Coroutine<Void> t, long l) { this.async = async; this.t = t; this.l = l; }
            }
            static <T> T throwIt(T i) { methodCount++; throw new ArithmeticException(); }
            @Async public static <T> Coroutine<T> getVal(T x) { await(checkpoint()); throwIt(x); return done(x); }
            @Async public static Coroutine<Integer> failing() { await(checkpoint()); throw new FieldAccessException(); }
            @Async public static Coroutine<Long> myProperty() { await(checkpoint()); later++; throw new IllegalStateException(); }
            static Coroutine<Void> mark() { later++; return done(); }
            @Async public static Coroutine<String> test() {
              int tests = 0;
              tests++;
              try {
                ObjInit obj = new ObjInit(await(§A.failing()), mark(), await(§A.myProperty()));
                await(obj.t);
              } catch (FieldAccessException e) {
                count++;
              } catch (RuntimeException e) {
                count--;
              }
              return done((count - tests) + " methodCount=" + methodCount + " later=" + later);
            }
            public static String go() { count = 0; methodCount = 0; later = 0; return run(§A.test()); }
          }
          """),
      // CodeGenAsyncTests.Await43 and Await44: operators returning awaitables (Java: static methods), applied to an
      // awaited operand, then awaited; an implicit conversion to an awaitable (Java: a method returning one)
      m(23, "0", """
          public class §C {
            static int count = 0;
            static class MyClass {
              static Coroutine<Void> times(MyClass c, int x) { return §A.inc(); }
              static Coroutine<Void> plus(MyClass c, long x) { return §A.inc(); }
              Coroutine<Void> toTask() { return §A.inc(); }
            }
            @Async public static Coroutine<Void> inc() { await(checkpoint()); count++; return done(); }
            @Async public static Coroutine<MyClass> dy() { await(checkpoint()); return done(new MyClass()); }
            @Async public static Coroutine<Long> dd() { await(checkpoint()); return done(1L); }
            @Async public static Coroutine<Integer> test() {
              int tests = 0;
              try {
                tests++;
                await(MyClass.times(await(§A.dy()), 5));
                tests++;
                MyClass d = new MyClass();
                await(MyClass.plus(d, await(§A.dd())));
                tests++;
                Coroutine<Void> t1 = d.toTask();
                await(t1);
              } catch (RuntimeException ex) {
                count = -100;
              }
              return done(count - tests);
            }
            public static String go() { count = 0; return "" + run(§A.test()); }
          }
          """),
      // CodeGenAsyncTests.Async_Conformance_Awaiting_indexer23: an indexer (Java: get/set) whose index is an await and
      // whose element is a coroutine, awaited; the element is a function
      m(24, "0 123", """
          public class §C {
            static int count = 0;
            static class MyStruct<T> {
              T t;
              T get(T index) { return t; }
              void set(T index, T value) { t = value; }
            }
            @Async public static Coroutine<java.util.function.IntSupplier> fn() { await(checkpoint()); return done(() -> 123); }
            @Async public static Coroutine<Coroutine<java.util.function.IntSupplier>> goo(Coroutine<java.util.function.IntSupplier> d) {
              await(checkpoint());
              count++;
              return done(d);
            }
            @Async public static Coroutine<String> test() {
              int tests = 0;
              MyStruct<Coroutine<java.util.function.IntSupplier>> ms = new MyStruct<>();
              ms.set(null, §A.fn());
              count++;
              tests++;
              java.util.function.IntSupplier x = await(ms.get(await(§A.goo(null))));
              if (x.getAsInt() == 123) tests++;
              return done((count - tests) + " " + x.getAsInt());
            }
            public static String go() { count = 0; return run(§A.test()); }
          }
          """),
      // CodeGenAsyncTests.Dynamic: return await d, for a coroutine received as a parameter (as a value and as a tail call)
      m(25, "42", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Object> f1(Coroutine<Object> d) { return done(await(d)); }
            @Async public static Coroutine<Integer> f2(Coroutine<Integer> d) { return d; }
            @Async public static Coroutine<Integer> test() {
              int a = (Integer) await(§A.f1(s(21)));
              int b = await(§A.f2(s(21)));
              return done(a + b);
            }
            public static String go() { return "" + run(§A.test()); }
          }
          """),
      // stackUnwinding/exception.kt, stackUnwinding/simple.kt: a suspend call that throws before it suspends, as a try's value
      m(26, "OK OK", """
          public class §C {
            @Async public static Coroutine<String> suspendHere() { throw new RuntimeException("OK"); }
            @Async public static Coroutine<String> simple() { await(checkpoint()); return done("OK"); }
            @Async public static Coroutine<String> main() {
              String result;
              try { result = await(§A.suspendHere()); } catch (RuntimeException e) { result = e.getMessage(); }
              return done(result + " " + await(§A.simple()));
            }
            public static String go() { return run(§A.main()); }
          }
          """),
      // stackUnwinding/rethrowInFinally.kt and rethrowInFinallyWithSuspension.kt (KT-28207): a finally that throws after
      // the try failed (at once, or after a suspension) must not run again
      m(27, "OK OK", """
          public class §C {
            static String result;
            static int count;
            @Async public static Coroutine<Void> throwHere(boolean suspendFirst) {
              if (suspendFirst) await(checkpoint());
              throw new RuntimeException("Do not catch me");
            }
            @Async public static Coroutine<Void> body(boolean suspendFirst) throws Exception {
              try {
                await(§A.throwHere(suspendFirst));
                count = 1;
              } finally {
                if (count == 0) {
                  count = 2;
                  result = "O";
                  throw new Exception("K");
                } else if (count == 2) {
                  result = "FAIL: execution gets into infinite loop";
                } else {
                  result = "FAIL: exception has not been thrown";
                }
              }
              return done();
            }
            static String once(boolean suspendFirst) {
              result = "";
              count = 0;
              try { run(§A.body(suspendFirst)); } catch (Exception x) { result += x.getMessage(); }
              return result;
            }
            public static String go() { return once(false) + " " + once(true); }
          }
          """),
      // stackUnwinding/suspendInCycle.kt: 10001 iterations, suspending on every even one and on i == 3
      m(28, "OK 5004", """
          public class §C {
            @Async public static Coroutine<Integer> suspendHere() { await(checkpoint()); return done(1); }
            @Async public static Coroutine<String> suspendThere() { await(checkpoint()); return done("?"); }
            @Async public static Coroutine<String> main() {
              String result = "";
              result += "-";
              for (int i = 0; i <= 10000; i++) {
                if (i % 2 == 0) {
                  result += await(§A.suspendHere()).toString();
                } else if (i == 3) {
                  result += await(§A.suspendThere());
                }
              }
              result += "+";
              return done(result);
            }
            public static String go() {
              String mustBe = "-";
              for (int i = 0; i <= 10000; i++) {
                if (i % 2 == 0) mustBe += "1"; else if (i == 3) mustBe += "?";
              }
              mustBe += "+";
              String r = run(§A.main());
              return (r.equals(mustBe) ? "OK" : "fail") + " " + r.length();
            }
          }
          """),
      // suspendInTheMiddleOfObjectConstruction.kt: constructor calls whose arguments suspend, before and after plain ones,
      // nested, conditional, and of long/double types; constructor and argument side effects in order
      m(29, "OK #OK #OK #OK #OK 1234567890123#3.14#OK | a(O) a(K) A a(O) a(K) A",
          """
          public class §C {
            static StringBuilder log = new StringBuilder();
            static class A {
              final String first, second;
              A(String first, String second) { this.first = first; this.second = second; log.append("A "); }
              public String toString() { return first + second; }
            }
            static class B {
              final String first, second, third;
              B(String first, String second, String third) { this.first = first; this.second = second; this.third = third; }
              public String toString() { return first + second + third; }
            }
            static class C {
              final long first; final double second; final String third;
              C(long first, double second, String third) { this.first = first; this.second = second; this.third = third; }
              public String toString() { return first + "#" + second + "#" + third; }
            }
            static String a(String v) { log.append("a(" + v + ") "); return v; }
            @Async public static Coroutine<String> suspendHere() { await(checkpoint()); return done("K"); }
            @Async public static <T> Coroutine<T> suspendWithArgument(T v) { await(checkpoint()); return done(v); }
            @Async public static Coroutine<String> main() {
              List<String> out = new ArrayList<>();
              Object local = new A(a("O"), a(await(§A.suspendHere())));
              out.add(local.toString());
              local = new A(a(await(§A.suspendWithArgument("O"))), a(await(§A.suspendHere())));
              local = new B("#", await(§A.suspendWithArgument("O")), await(§A.suspendHere()));
              out.add(local.toString());
              local = new B(await(§A.suspendWithArgument("#")), "O", await(§A.suspendHere()));
              out.add(local.toString());
              local = new B("#", new B("", "O", await(§A.suspendWithArgument(""))).toString(), await(§A.suspendHere()));
              out.add(local.toString());
              boolean condition = local.toString().equals("#OK");
              local = new B(
                  !condition ? "1" : await(§A.suspendWithArgument("#")),
                  condition ? await(§A.suspendWithArgument("O")) : "2",
                  condition ? await(§A.suspendHere()) : await(§A.suspendWithArgument("3")));
              out.add(local.toString());
              local = new C(1234567890123L, await(§A.suspendWithArgument(3.14)), await(§A.suspendWithArgument("OK")));
              out.add(local.toString());
              return done(String.join(" ", out));
            }
            public static String go() { log.setLength(0); String r = run(§A.main()); return r + " | " + log.toString().trim(); }
          }
          """),
      // suspendInTheMiddleOfObjectConstructionWithJumpOut.kt: leaving a half-built constructor call (Java: a throw from
      // an argument, caught to break the loop), before and after the suspending arguments, nested, in a switch arm
      m(30, "#OK|#OK|#OK|#OK|#OK|1234567890123#3.14#42#OK|args=16", """
          public class §C {
            static int args;
            static class Jump extends RuntimeException {}
            static class A { final String s; A(String a, String b) { s = a + b; } public String toString() { return s; } }
            static class B { final String s; B(String a, String b, String c) { s = a + b + c; } public String toString() { return s; } }
            static class C {
              final String s;
              C(long a, double b, int c, String d) { s = a + "#" + b + "#" + c + "#" + d; }
              public String toString() { return s; }
            }
            static <T> T jump() { throw new Jump(); }
            static <T> T arg(T v) { args++; return v; }
            @Async public static Coroutine<String> suspendHere() { await(checkpoint()); return done("K"); }
            @Async public static <T> Coroutine<T> with(T v) { await(checkpoint()); args++; return done(v); }
            @Async public static Coroutine<String> main() {
              List<String> out = new ArrayList<>();
              boolean condition = true;
              for (int count = 0; count <= 3; count++) {
                Object local;
                try {
                  local = new A(count > 0 ? jump() : "O", await(§A.suspendHere()));
                } catch (Jump j) { break; }
                out.add("#" + local);
              }
              for (int count = 0; count <= 3; count++) {
                Object local;
                try {
                  local = new B(count > 0 ? jump() : "#", await(§A.with("O")), await(§A.suspendHere()));
                } catch (Jump j) { break; }
                out.add(local.toString());
              }
              for (int count = 0; count <= 3; count++) {
                Object local;
                try {
                  local = new B(await(§A.with("#")), count > 0 ? jump() : "O", await(§A.suspendHere()));
                } catch (Jump j) { break; }
                out.add(local.toString());
              }
              for (int count = 0; count <= 3; count++) {
                Object local;
                try {
                  local = new B(arg("#"), new B("", count > 0 ? jump() : "O", await(§A.with(""))).toString(), await(§A.suspendHere()));
                } catch (Jump j) { break; }
                out.add(local.toString());
              }
              loop:
              for (int count = 0; count <= 3; count++) {
                Object local;
                try {
                  local = new B(
                      !condition ? "1" : await(§A.with("#")),
                      switch (count) {
                        case 0 -> condition ? await(§A.with("O")) : "2";
                        default -> throw new Jump();
                      },
                      condition ? await(§A.suspendHere()) : await(§A.with("3")));
                } catch (Jump j) { break loop; }
                out.add(local.toString());
              }
              for (int count = 0; count <= 3; count++) {
                Object local;
                try {
                  local = new C(arg(1234567890123L), await(§A.with(3.14)), arg(42), count > 0 ? jump() : await(§A.with("OK")));
                } catch (Jump j) { break; }
                out.add(local.toString());
              }
              out.add("args=" + args);
              return done(String.join("|", out));
            }
            public static String go() { args = 0; return run(§A.main()); }
          }
          """),
      // suspendCallsInArguments.kt: suspending and plain calls nested as each other's arguments, with i++ in every argument
      m(31, "1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16; x4 x=64 y=10 z=10", """
          public class §C {
            static int x, y, z;
            @Async public static Coroutine<String> foo(int i) { x++; await(checkpoint()); return done(i + ";"); }
            @Async public static Coroutine<String> bars(String p1, String p2, String p3, String p4) {
              y++;
              await(checkpoint());
              return done(p1 + p2 + p3 + p4);
            }
            static String bar(String p1, String p2, String p3, String p4) { z++; return p1 + p2 + p3 + p4; }
            @Async public static Coroutine<String> r1() {
              int i = 1;
              return done(await(§A.bars(
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))),
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))),
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))),
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))))));
            }
            @Async public static Coroutine<String> r2() {
              int i = 1;
              return done(await(§A.bars(
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))),
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))),
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))),
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))))));
            }
            @Async public static Coroutine<String> r3() {
              int i = 1;
              String result = bar(
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))),
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))),
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))),
                  await(§A.bars(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)))));
              return done(result);
            }
            @Async public static Coroutine<String> r4() {
              int i = 1;
              String result = bar(
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))),
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))),
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))),
                  bar(await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++)), await(§A.foo(i++))));
              return done(result);
            }
            public static String go() {
              x = y = z = 0;
              Set<String> rs = new LinkedHashSet<>(List.of(run(§A.r1()), run(§A.r2()), run(§A.r3()), run(§A.r4())));
              return String.join(",", rs) + " x4 x=" + x + " y=" + y + " z=" + z;
            }
          }
          """),
      // lastExpressionIsLoop.kt: a body whose last statement is a for, a while or a do-while that suspends; the coroutine
      // completes after the loop
      m(32, "56 78 910", """
          public class §C {
            static String result;
            @Async public static Coroutine<Void> suspendHere(String v) { result += v; await(checkpoint()); return done(); }
            @Async public static Coroutine<Void> r1() { for (int i = 5; i <= 6; i++) { await(§A.suspendHere("" + i)); } return done(); }
            @Async public static Coroutine<Void> r2() { int i = 7; while (i <= 8) { await(§A.suspendHere("" + i)); i++; } return done(); }
            @Async public static Coroutine<Void> r3() { int i = 9; do { await(§A.suspendHere("" + i)); i++; } while (i <= 10); return done(); }
            static String one(java.util.function.Supplier<Coroutine<Void>> c) { result = ""; run(c.get()); return result; }
            public static String go() { return one(() -> §A.r1()) + " " + one(() -> §A.r2()) + " " + one(() -> §A.r3()); }
          }
          """),
      // lastStatementInc.kt, lastStatementIncrement*: a field incremented before a suspension and decremented after it
      // (postfix and prefix, as the last statement)
      m(33, "0 0 OK", """
          public class §C {
            static int result;
            @Async public static Coroutine<String> suspendHere() { await(checkpoint()); return done("OK"); }
            @Async public static Coroutine<Void> b1() {
              result++;
              if (!await(§A.suspendHere()).equals("OK")) throw new RuntimeException("fail 2");
              result--;
              return done();
            }
            @Async public static Coroutine<Integer> b2() {
              int local = result;
              --result;
              if (!await(§A.suspendHere()).equals("OK")) throw new RuntimeException("fail 4");
              ++result;
              return done(local++ + local--);
            }
            public static String go() {
              result = 0;
              run(§A.b1());
              String a = "" + result;
              int v = run(§A.b2());
              return a + " " + result + " " + (v == 1 ? "OK" : "fail " + v);
            }
          }
          """),
      // multipleInvokeCalls.kt, multipleInvokeCallsInsideInlineLambda*: two instances of the same coroutine, with captured
      // values and long/String parameters, suspended and resumed in alternation (Java: two tasks of one task group)
      m(34, "OK OK OK OK|OK OK OK OK", """
          public class §C {
            String result = "fail";
            @Async public Coroutine<Void> one(int suspensions, long a, String b, String x, String y) {
              if (a != 1234567890123456789L || !b.equals("Q")) return done();
              for (int i = 0; i < suspensions; i++) {
                await(checkpoint());
              }
              result = x + y;
              return done();
            }
            @Async public static Coroutine<String> main() {
              List<§C> cs = new ArrayList<>();
              try (@Await var tg = createTaskGroup()) {
                for (int n = 0; n < 2; n++) {
                  for (int susp = 0; susp <= 3; susp++) {
                    §C c = new §A();
                    cs.add(c);
                    tg.startSoon(c.one(susp, 1234567890123456789L, "Q", "O", "K"));
                  }
                }
              }
              StringBuilder sb = new StringBuilder();
              for (int k = 0; k < cs.size(); k++) sb.append(k == 4 ? "|" : k == 0 ? "" : " ").append(cs.get(k).result);
              return done(sb.toString());
            }
            public static String go() { return run(§A.main()); }
          }
          """),
      // controlFlow_finally2.kt, controlFlow_finally4.kt, controlFlow_finally6.kt: a try's value with a suspending finally;
      // a suspension's value assigned in a try whose finally logs; a suspension's Error through an inner finally to an outer catch
      m(35, "f1 s1 117 | s1 finally 42 | s1e finally error 0", """
          public class §C {
            static StringBuilder sb = new StringBuilder();
            @Async public static Coroutine<Integer> s1() { sb.append("s1 "); await(checkpoint()); return done(42); }
            @Async public static Coroutine<Integer> s1e() { sb.append("s1e "); await(checkpoint()); throw new Error("error"); }
            static int f1() { sb.append("f1 "); return 117; }
            static int f2() { sb.append("f2 "); return 1; }
            static int result;
            @Async public static Coroutine<Void> b2() {
              int x;
              try { x = f1(); } catch (Throwable t) { x = f2(); } finally { await(§A.s1()); }
              result = x;
              return done();
            }
            @Async public static Coroutine<Void> b4() {
              try { result = await(§A.s1()); } catch (Throwable t) { result = f2(); } finally { sb.append("finally "); }
              return done();
            }
            @Async public static Coroutine<Void> b6() {
              try {
                try { result = await(§A.s1e()); } catch (ClassCastException t) { result = f2(); } finally { sb.append("finally "); }
              } catch (Error t) {
                sb.append(t.getMessage()).append(' ');
              }
              return done();
            }
            static String one(java.util.function.Supplier<Coroutine<Void>> c) { sb.setLength(0); result = 0; run(c.get()); return sb.toString() + result; }
            public static String go() { return one(() -> §A.b2()) + " | " + one(() -> §A.b4()) + " | " + one(() -> §A.b6()); }
          }
          """),
      // controlFlow_tryCatch1.kt, controlFlow_tryCatch2.kt, controlFlow_tryCatch4.kt: try as a value whose body suspends
      // (and succeeds, or fails with an Error) and whose catch is a plain call
      m(36, "s1 42 | s2 f2 1 | f1 117", """
          public class §C {
            static StringBuilder sb = new StringBuilder();
            @Async public static Coroutine<Integer> s1() { sb.append("s1 "); await(checkpoint()); return done(42); }
            @Async public static Coroutine<Integer> s2() { sb.append("s2 "); await(checkpoint()); throw new Error(); }
            static int f1() { sb.append("f1 "); return 117; }
            static int f2() { sb.append("f2 "); return 1; }
            static int result;
            @Async public static Coroutine<Void> t2() {
              try { result = await(§A.s1()); } catch (Throwable t) { result = f2(); }
              return done();
            }
            @Async public static Coroutine<Void> t4() {
              int x;
              try { x = await(§A.s2()); } catch (Throwable t) { x = f2(); }
              result = x;
              return done();
            }
            @Async public static Coroutine<Void> t1() {
              int x;
              try { x = f1(); } catch (Throwable t) { x = await(§A.s1()); }
              result = x;
              await(checkpoint());
              return done();
            }
            static String one(java.util.function.Supplier<Coroutine<Void>> c) { sb.setLength(0); result = 0; run(c.get()); return sb.toString() + result; }
            public static String go() { return one(() -> §A.t2()) + " | " + one(() -> §A.t4()) + " | " + one(() -> §A.t1()); }
          }
          """),
      // varSpilling/kt64139.kt: a local reassigned in a do-while body before a suspension keeps the new value after the loop
      m(37, "OK 1", """
          public class §C {
            record Data(int x) {}
            @Async public static Coroutine<String> main() {
              Data data = new Data(0);
              boolean finished = false;
              do {
                data = new Data(1);
                await(checkpoint());
                finished = true;
              } while (!finished);
              return done((data.x() == 1 ? "OK" : "fail") + " " + data.x());
            }
            public static String go() { return run(§A.main()); }
          }
          """),
      // varSpilling/kt79276.kt: a float traced before a try whose body and catch suspend, the catch rethrows, the finally traces
      m(38, "1.0S2 | 1.0SS2 caught X", """
          public class §C {
            static StringBuilder trace = new StringBuilder();
            @Async public static Coroutine<Void> someSuspendFun(boolean fail) {
              trace.append("S");
              await(checkpoint());
              if (fail) throw new IllegalStateException("X");
              return done();
            }
            @Async public static Coroutine<Void> test(boolean fail) {
              float f = 1F;
              trace.append(f);
              try {
                await(§A.someSuspendFun(fail));
              } catch (Throwable throwable) {
                await(§A.someSuspendFun(false));
                throw throwable;
              } finally {
                int two = 2;
                trace.append(two);
              }
              return done();
            }
            public static String go() {
              trace.setLength(0);
              run(§A.test(false));
              trace.append(" | ");
              try { run(§A.test(true)); } catch (IllegalStateException e) { trace.append(" caught ").append(e.getMessage()); }
              return trace.toString();
            }
          }
          """),
      // featureIntersection/breakWithNonEmptyStack.kt: append("ignore", a.foo() ?: break) leaves a call whose first
      // argument is already evaluated; Java: a pattern switch on the suspension's result whose null arm throws to a break
      m21(39, "OK|args=3", """
          public class §C {
            static String result;
            static int args;
            static class Brk extends RuntimeException {}
            static class A {
              List<String> queue = new ArrayList<>(Arrays.asList("O", "K", null));
              Coroutine<String> foo() { return §A.take(this); }
            }
            @Async public static Coroutine<String> take(A a) { await(checkpoint()); return done(a.queue.remove(0)); }
            @Async public static Coroutine<Void> append(String ignore, String x) { await(checkpoint()); result += x; return done(); }
            static String ignore() { args++; return "ignore"; }
            @Async public static Coroutine<Void> bar() {
              A a = new A();
              while (true) {
                try {
                  await(§A.append(ignore(), switch (await(a.foo())) {
                    case null -> throw new Brk();
                    case String s -> s;
                  }));
                } catch (Brk b) {
                  break;
                }
              }
              return done();
            }
            public static String go() { result = ""; args = 0; run(§A.bar()); return result + "|args=" + args; }
          }
          """),
      // Variation of CodeGenAsyncTests.AwaitSwitch with C# recursive patterns (Java 21 record patterns): an awaited
      // selector, guards that await, arms that await, a nested record pattern, and the default
      m21(40, "circle:3->28 | rect:2x5->10 | big rect | line(1,2)->(3,4) | other:x", """
          public class §C {
            sealed interface Shape permits Circle, Rect, Line, Other {}
            record Point(int x, int y) {}
            record Circle(int r) implements Shape {}
            record Rect(int w, int h) implements Shape {}
            record Line(Point a, Point b) implements Shape {}
            record Other(String s) implements Shape {}
            §UTIL
            @Async public static Coroutine<String> describe(Shape shape) {
              String d = switch (await(s(shape))) {
                case Circle(int r) when r > await(s(0)) -> "circle:" + r + "->" + (int) (Math.PI * r * await(s(r)));
                case Circle c -> "empty circle";
                case Rect(int w, int h) when w * h > await(s(100)) -> "big rect";
                case Rect(int w, int h) -> "rect:" + w + "x" + h + "->" + await(s(w * h));
                case Line(Point(var x1, var y1), Point(int x2, int y2)) -> "line(" + x1 + "," + y1 + ")->(" + await(s(x2)) + "," + y2 + ")";
                case Other o -> "other:" + await(s(o.s()));
              };
              return done(d);
            }
            public static String go() {
              List<String> out = new ArrayList<>();
              for (Shape sh : List.of(new Circle(3), new Rect(2, 5), new Rect(20, 10), new Line(new Point(1, 2), new Point(3, 4)), new Other("x"))) {
                out.add(run(§A.describe(sh)));
              }
              return String.join(" | ", out);
            }
          }
          """),
      // Variation of CodeGenAsyncTests.AwaitSwitch (Java 21 pattern switch statement): type patterns with awaiting guards
      // evaluated in order (a guard's side effects show which ran), case null, and a pattern variable used after an await
      m21(41, "g1 g2 int:big:50 | g1 int:7 | str:abc | null | g1 g2 int:big:5000 | other:1.5", """
          public class §C {
            static StringBuilder log = new StringBuilder();
            §UTIL
            @Async public static Coroutine<Boolean> guard(String name, boolean v) { log.append(name).append(' '); await(checkpoint()); return done(v); }
            @Async public static Coroutine<Void> m(Object o) {
              switch (o) {
                case null -> log.append("null");
                case Integer i when await(§A.guard("g1", i > 10)) && await(§A.guard("g2", i < 100000)) -> {
                  int big = await(s(i));
                  log.append("int:big:").append(big * (i > 1000 ? 1 : 1));
                }
                case Integer i -> log.append("int:").append(await(s(i)));
                case String str -> { await(checkpoint()); log.append("str:").append(str); }
                default -> log.append("other:").append(await(s(o)));
              }
              return done();
            }
            public static String go() {
              log.setLength(0);
              Object[] xs = {50, 7, "abc", null, 5000, 1.5};
              for (int k = 0; k < xs.length; k++) {
                if (k > 0) log.append(" | ");
                run(§A.m(xs[k]));
              }
              return log.toString();
            }
          }
          """),
      // Variation of CodeGenAsyncEHTests.AsyncInCatch* and CodeGenAwaitUsingTests: an await in a catch of an exception
      // thrown by an async resource's initializer, inside a loop with continue, and a finally that awaits
      m(42, "i0:caught init0 fin | ctor1 body1 dispose1_start dispose1_end fin | i2:caught init2 fin | end", """
          public class §C {
            §RES
            §UTIL
            @Async public static Coroutine<R> open(int i) {
              await(checkpoint());
              if (i % 2 == 0) throw new IllegalStateException("init" + i);
              return done(new R("" + i));
            }
            @Async public static Coroutine<Void> main() {
              for (int i = 0; i < 3; i++) {
                try {
                  try (@Await R r = await(§A.open(i))) {
                    log.append("body" + await(s(i)) + " ");
                  }
                } catch (IllegalStateException e) {
                  log.append("i" + i + ":");
                  await(checkpoint());
                  log.append("caught " + e.getMessage() + " ");
                  continue;
                } finally {
                  await(checkpoint());
                  log.append("fin | ");
                }
              }
              log.append("end");
              return done();
            }
            public static String go() { log.setLength(0); run(§A.main()); return log.toString(); }
          }
          """));

  /** Each program's plain twin returns the output the upstream test asserts (in Java terms). */
  @Test
  void plainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(PROGRAMS);
  }

  /** Each program compiles through the processor and behaves like its plain twin. */
  @Test
  @Tag("fuzz-strict")
  void compiledTwinsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PROGRAMS);
  }
}
