package dev.baton.processor.lowering;

import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Programs ported from the Kotlin compiler's coroutine codegen tests
 * ({@code JetBrains/kotlin}, {@code compiler/testData/codegen/box/coroutines/}): each upstream box
 * test's semantics rewritten as a Java {@code @Async} program whose {@code go()} encodes the log of
 * suspension points and values the upstream test asserts. Run as twins (see {@link Twins}).
 */
class PortedKotlinTest {
  /** Helpers every program may use: {@code s(v)} suspends and returns v; {@code boom(e)} suspends and throws e. */
  private static final String UTIL = """
        @Async public static <T> Coroutine<T> s(T v) { await(checkpoint()); return done(v); }
        @Async public static <T> Coroutine<T> boom(RuntimeException e) { await(checkpoint()); throw e; }
      """;

  private static Program k(int n, String expected, String body) {
    return new Program("Kotlin", n, false, expected, Twins.HEAD + body.replace("§UTIL", UTIL));
  }

  private static Program k21(int n, String expected, String body) {
    return new Program("Kotlin", n, true, expected, Twins.HEAD + body.replace("§UTIL", UTIL));
  }

  static final List<Program> PROGRAMS = List.of(
      // controlFlow/breakFinally.kt: a labeled break out of two nested for-each loops runs both finally blocks
      k(1, "AC!ED!@*finally.", """
          public class §C {
            static String result;
            §UTIL
            @Async public Coroutine<String> m() {
              result = "";
              try {
                outer:
                for (String x : List.of("A", "B")) {
                  try {
                    result += await(s(x));
                    for (String y : List.of("C", "D")) {
                      try {
                        result += await(§A.s(y));
                        if (y.equals("D")) { break outer; }
                      } finally {
                        result += "!";
                      }
                      result += "E";
                    }
                  } finally {
                    result += "@";
                  }
                  result += "ignore";
                }
                result += "*";
              } finally {
                result += "finally";
              }
              result += ".";
              return done(result);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // controlFlow/breakStatement.kt: break of the outer loop by label, and of the inner loop
      k(2, "OQW. OQKQ.", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> outer() {
              String r = "";
              outer:
              for (String x : List.of("O", "K")) {
                r += await(s(x));
                for (String y : List.of("Q", "W")) {
                  r += await(s(y));
                  if (y.equals("W")) { break outer; }
                }
              }
              return done(r + ".");
            }
            @Async public Coroutine<String> inner() {
              String r = "";
              for (String x : List.of("O", "K")) {
                r += await(s(x));
                for (String y : List.of("Q", "W")) {
                  if (y.equals("W")) { break; }
                  r += await(s(y));
                }
              }
              return done(r + ".");
            }
            public static String go() { return run(new §A().outer()) + " " + run(new §A().inner()); }
          }
          """),
      // controlFlow/labeledWhile.kt: break@outer from an inner while whose body suspends
      k(3, "0,0;@;0,1;@;0,2;@;0,3;@;done;@;", """
          public class §C {
            static String log;
            @Async public static Coroutine<Void> suspendAndContinue() { await(checkpoint()); log += "@;"; return done(); }
            @Async public Coroutine<String> m() {
              log = "";
              int i = 0;
              int j = 0;
              outer:
              while (i < 10) {
                while (j < 10) {
                  if (i + j > 3) break outer;
                  log += i + "," + j + ";";
                  await(suspendAndContinue());
                  j++;
                }
                log += "i++;";
                i++;
              }
              log += "done;";
              await(suspendAndContinue());
              return done(log);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // controlFlow/doubleBreak.kt: a do-while(true) around a do-while(false), breaks of each by label
      k(4, "slh;rlh;rlb;slt;slh;rlh;rlc;slb;return;", """
          public class §C {
            String result = "";
            int count = 0;
            void log(String v) { result += v; }
            boolean check() { return count > 1; }
            @Async public Coroutine<Void> foo() { await(checkpoint()); count++; return done(); }
            @Async public Coroutine<Void> test() {
              suspendLoop:
              do {
                log("slh;");
                await(foo());
                regularLoop:
                do {
                  log("rlh;");
                  if (!check()) {
                    log("rlb;");
                    break regularLoop;
                  }
                  log("rlc;");
                  if (check()) {
                    log("slb;");
                    break suspendLoop;
                  }
                  log("fail1;");
                } while (false);
                log("slt;");
              } while (true);
              return done();
            }
            @Async public Coroutine<String> m() {
              await(this.test());
              result += "return;";
              return done(result);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // controlFlow/switchLikeWhen.kt: a string switch statement whose arms suspend, inside a loop. Upstream
      // (JS backend only) expects "A;[B][C]!"; in Java, result += e saves result before e runs (JLS 15.26.2),
      // so the "[" the suspension appends is overwritten
      k(5, "A;B]C]!", """
          public class §C {
            static String result;
            @Async public static <T> Coroutine<T> sw(T v) { result += "["; await(checkpoint()); return done(v); }
            @Async public Coroutine<String> m() {
              result = "";
              for (String v : List.of("A", "B", "C")) {
                switch (v) {
                  case "A" -> result += "A;";
                  case "B" -> result += await(sw(v)) + "]";
                  default -> result += await(sw(v)) + "]!";
                }
              }
              return done(result);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // controlFlow/whenWithSuspensions.kt: a switch with a multi-label case, one arm suspends, one is empty
      k(6, "a012b", """
          public class §C {
            static String result;
            static void id(String s) { result += s; }
            @Async public static Coroutine<Void> bar() { await(checkpoint()); return done(); }
            @Async public static Coroutine<Void> foo(int a) {
              switch (a) {
                case 0: {
                  id("0");
                  await(bar());
                  break;
                }
                case 1, 2:
                  id("" + a);
                  break;
                default:
              }
              return done();
            }
            @Async public static Coroutine<Void> body() {
              await(foo(0));
              await(foo(1));
              await(foo(2));
              return done();
            }
            public static String go() {
              result = "";
              id("a");
              run(§A.body());
              id("b");
              return result;
            }
          }
          """),
      // controlFlow/kt22694_1_3.kt: a sequence builder's yields in the arms of an enum switch
      k(7, "[start, A, end][start, BCD, end][start, BCD, end][start, BCD, end][start, E, end][start, end]", """
          public class §C {
            enum Foo { A, B, C, D, E, F }
            List<String> out = new ArrayList<>();
            @Async public Coroutine<Void> yieldIt(String v) { await(checkpoint()); out.add(v); return done(); }
            @Async public Coroutine<List<String>> sequence(Foo a) {
              await(yieldIt("start"));
              switch (a) {
                case A -> await(yieldIt("A"));
                case B, C, D -> { await(yieldIt("BCD")); }
                case E -> { await(yieldIt("E")); }
                default -> {}
              }
              await(yieldIt("end"));
              return done(out);
            }
            public static String go() {
              String r = "";
              for (Foo f : Foo.values()) { r += run(new §A().sequence(f)); }
              return r;
            }
          }
          """),
      // controlFlow/throwFromCatch.kt: a catch block that suspends and throws; the outer finally suspends
      k(8, "suspend(1);throw(exception);suspend(caught);throw(fromCatch);suspend(finally);caught(fromCatch);", """
          public class §C {
            static String result;
            @Async public static <T> Coroutine<T> suspendAndLog(T v) { result += "suspend(" + v + ");"; await(checkpoint()); return done(v); }
            @Async public static Coroutine<Void> suspendLogAndThrow(RuntimeException e) {
              result += "throw(" + e.getMessage() + ");";
              await(checkpoint());
              throw e;
            }
            @Async public static Coroutine<Void> body() {
              try {
                try {
                  await(suspendAndLog("1"));
                  await(suspendLogAndThrow(new RuntimeException("exception")));
                } catch (RuntimeException e) {
                  await(suspendAndLog("caught"));
                  await(suspendLogAndThrow(new RuntimeException("fromCatch")));
                }
              } finally {
                await(suspendAndLog("finally"));
              }
              await(suspendAndLog("ignore"));
              return done();
            }
            public static String go() {
              result = "";
              try {
                run(§A.body());
              } catch (RuntimeException e) {
                result += "caught(" + e.getMessage() + ");";
              }
              return result;
            }
          }
          """),
      // controlFlow/returnFromFinally.kt: a return whose value suspends, inside try; the finally runs after it
      k(9, "suspend(OK);finally;return(OK);", """
          public class §C {
            static String result;
            static <T> T id(T v) { return v; }
            @Async public static <T> Coroutine<T> suspendAndLog(T v) { result += "suspend(" + v + ");"; await(checkpoint()); return done(v); }
            @Async public static Coroutine<String> body() {
              try {
                if (id(23) == 23) {
                  return done(await(suspendAndLog("OK")));
                }
              } finally {
                result += "finally;";
              }
              result += "afterFinally;";
              return done("shouldNotReach");
            }
            public static String go() {
              result = "";
              String v = run(§A.body());
              result += "return(" + v + ");";
              return result;
            }
          }
          """),
      // controlFlow/finallyCatch.kt: a finally that suspends and throws overrides the try's return; catch continues the loop
      k(10, "OK 3", """
          public class §C {
            static int calls;
            @Async public static Coroutine<Void> excs() { await(checkpoint()); calls++; throw new IllegalStateException("!!!"); }
            @Async public static Coroutine<Void> fff() { await(checkpoint()); return done(); }
            @Async public static Coroutine<String> bars() {
              int i = 0;
              String s = "";
              while (i < 3) {
                ++i;
                s += "FAIL" + i + ";";
                try {
                  try {
                    await(fff());
                    return done(s);
                  } finally {
                    await(excs());
                  }
                } catch (IllegalStateException x) {
                  continue;
                }
              }
              return done("OK");
            }
            public static String go() { calls = 0; return run(§A.bars()) + " " + calls; }
          }
          """),
      // controlFlow/multipleCatchBlocksSuspend.kt: the third of four catch clauses, every one suspends
      k(11, "OK", """
          public class §C {
            static class Exception1 extends RuntimeException { Exception1(String m) { super(m); } }
            static class Exception2 extends RuntimeException { Exception2(String m) { super(m); } }
            static class Exception3 extends RuntimeException { Exception3(String m) { super(m); } }
            @Async public static Coroutine<Void> foo() { await(checkpoint()); return done(); }
            @Async public static Coroutine<String> body() {
              String t;
              try {
                await(foo());
                throw new Exception3("K");
              } catch (Exception1 e1) {
                await(foo());
                t = "e1";
              } catch (Exception2 e2) {
                await(foo());
                t = "e2";
              } catch (Exception3 e3) {
                await(foo());
                t = e3.getMessage();
              } catch (RuntimeException e) {
                await(foo());
                t = "e";
              }
              return done("O" + t);
            }
            public static String go() { return run(§A.body()); }
          }
          """),
      // controlFlow/complexChainSuspend.kt: nested suspend calls whose arguments come out of try/catch/finally with suspending cleanup
      k(12, "OK", """
          public class §C {
            @Async public static Coroutine<Void> cleanup() { await(checkpoint()); return done(); }
            @Async public static Coroutine<String> concat(String x, String y) { await(checkpoint()); return done(x + y); }
            @Async public static Coroutine<Void> throwsAfterCleanup() {
              try {
                throw new IllegalStateException();
              } finally {
                await(cleanup());
              }
            }
            @Async public static Coroutine<String> first(String x, String y) { await(checkpoint()); return done(x); }
            @Async public static Coroutine<String> o() {
              try {
                try {
                  return done("O");
                } finally {
                  String ignored = "1";
                }
              } catch (RuntimeException e) {
                throw e;
              } finally {
                await(cleanup());
              }
            }
            @Async public static Coroutine<String> kk() {
              try {
                await(throwsAfterCleanup());
                throw new IllegalStateException();
              } catch (RuntimeException e) {
                return done("K");
              } finally {
                await(cleanup());
              }
            }
            @Async public static Coroutine<String> body() {
              String a;
              try { a = ""; } finally { String z = "0"; }
              return done("" + await(concat(a, "" + await(concat(await(first(await(o()), "2")), await(first(await(kk()), "4")))))));
            }
            public static String go() { return run(§A.body()); }
          }
          """),
      // controlFlow/throwFromFinally.kt: a finally that suspends, then rethrows an Error saved in the try
      k(13, "try;try(t);catch;return;", """
          public class §C {
            String result = "";
            int count = 0;
            void expect(int i) { if (++count != i) throw new IllegalStateException("EXPECTED " + i); }
            void log(String v) { result += v; }
            @Async public Coroutine<Throwable> makeException(int i) { await(checkpoint()); expect(i); return done(new Error("CHECK")); }
            @Async public Coroutine<Void> rethrowException(int i, Throwable t) {
              await(checkpoint());
              expect(i);
              if (t instanceof Error e) throw e;
              return done();
            }
            @Async public Coroutine<Void> test() {
              Throwable exception = null;
              expect(1);
              try {
                exception = await(makeException(2));
                log("try(t);");
              } finally {
                await(rethrowException(3, exception));
                log("FAIL2");
              }
              log("FAIL3");
              return done();
            }
            @Async public Coroutine<String> m() {
              try {
                log("try;");
                await(test());
              } catch (Error e) {
                log("catch;");
              }
              log("return;");
              return done(result);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // controlFlow_finally1.kt, controlFlow_finally3.kt: the try's value survives a finally that suspends
      k(14, "f1;s1;117|f1;s1;117", """
          public class §C {
            static String sb;
            static int f1() { sb += "f1;"; return 117; }
            static int f2() { sb += "f2;"; return 1; }
            @Async public static Coroutine<Integer> s1() { sb += "s1;"; await(checkpoint()); return done(42); }
            @Async public static Coroutine<Integer> asValue() {
              try {
                return done(f1());
              } catch (RuntimeException t) {
                return done(f2());
              } finally {
                await(s1());
              }
            }
            @Async public static Coroutine<Integer> asAssignment() {
              int result = 0;
              try {
                result = f1();
              } catch (RuntimeException t) {
                result = f2();
              } finally {
                await(s1());
              }
              return done(result);
            }
            public static String go() {
              sb = "";
              int a = run(§A.asValue());
              String first = sb + a;
              sb = "";
              int b = run(§A.asAssignment());
              return first + "|" + sb + b;
            }
          }
          """),
      // controlFlow_finally5.kt, controlFlow_finally7.kt: a suspension that throws, caught; nested finally assigns from a suspension
      k(15, "s1;f2;finally;1|s1;f2;finally1;s2;finally2;42", """
          public class §C {
            static String sb;
            static int f2() { sb += "f2;"; return 1; }
            @Async public static Coroutine<Integer> s1() { sb += "s1;"; await(checkpoint()); throw new Error(); }
            @Async public static Coroutine<Integer> s2() { sb += "s2;"; await(checkpoint()); return done(42); }
            @Async public static Coroutine<Integer> five() {
              int result = 0;
              try {
                result = await(s1());
              } catch (Error t) {
                result = f2();
              } finally {
                sb += "finally;";
              }
              return done(result);
            }
            @Async public static Coroutine<Integer> seven() {
              int result = 0;
              try {
                try {
                  result = await(s1());
                } catch (Error t) {
                  result = f2();
                } finally {
                  sb += "finally1;";
                  result = await(s2());
                }
              } finally {
                sb += "finally2;";
              }
              return done(result);
            }
            public static String go() {
              sb = "";
              int a = run(§A.five());
              String first = sb + a;
              sb = "";
              int b = run(§A.seven());
              return first + "|" + sb + b;
            }
          }
          """),
      // controlFlow_tryCatch3.kt, controlFlow_tryCatch5.kt: try as a value; the catch suspends before it reads the exception
      k(16, "s2;f2;1|s2;s1;Error;42", """
          public class §C {
            static String sb;
            static int f2() { sb += "f2;"; return 1; }
            @Async public static Coroutine<Integer> s1() { sb += "s1;"; await(checkpoint()); return done(42); }
            @Async public static Coroutine<Integer> s2() { sb += "s2;"; await(checkpoint()); throw new Error("Error"); }
            @Async public static Coroutine<Integer> three() {
              try {
                return done(await(s2()));
              } catch (Error t) {
                return done(f2());
              }
            }
            @Async public static Coroutine<Integer> five() {
              int result;
              try {
                result = await(s2());
              } catch (Error t) {
                int x = await(s1());
                sb += t.getMessage() + ";";
                result = x;
              }
              return done(result);
            }
            public static String go() {
              sb = "";
              int a = run(§A.three());
              String first = sb + a;
              sb = "";
              int b = run(§A.five());
              return first + "|" + sb + b;
            }
          }
          """),
      // controlFlow_while1.kt, controlFlow_while2.kt: a while whose single-statement body assigns from a suspension
      k(17, "s3;s3;s3;3", """
          public class §C {
            static String sb;
            @Async public static Coroutine<Integer> s3(int v) { sb += "s3;"; await(checkpoint()); return done(v); }
            @Async public static Coroutine<Integer> body() {
              int result = 0;
              while (result < 3)
                result = await(s3(result)) + 1;
              return done(result);
            }
            public static String go() { sb = ""; int r = run(§A.body()); return sb + r; }
          }
          """),
      // controlFlow_chain.kt: a suspension's result is the receiver of the next suspension (foo().bar())
      k(18, "bar;1", """
          public class §C {
            static String sb;
            @Async public Coroutine<Void> bar() { await(checkpoint()); sb += "bar;"; return done(); }
            @Async public static Coroutine<§C> foo() { await(checkpoint()); return done(new §A()); }
            @Async public static Coroutine<Integer> body() {
              await(await(foo()).bar());
              return done(1);
            }
            public static String go() { sb = ""; int r = run(§A.body()); return sb + r; }
          }
          """),
      // controlFlow/suspendInStringTemplate.kt: suspensions inside a string template that is a suspension's argument
      k(19, "OK OKOK!", """
          public class §C {
            @Async public static Coroutine<String> foo(String str) { await(checkpoint()); return done(str); }
            @Async public static Coroutine<String> test() {
              return foo("" + await(foo("O")) + await(foo("K")));
            }
            @Async public static Coroutine<String> test2() {
              String x = "O";
              return done(x + await(foo("K")) + x + await(foo("K")) + '!');
            }
            public static String go() { return run(§A.test()) + " " + run(§A.test2()); }
          }
          """),
      // tryCatchFinallyWithHandleResult.kt: try/catch/finally whose every block suspends; checked and unchecked exceptions
      k(20, "OK;OK;OK;OK;OK;OK;OK;OK;", """
          public class §C {
            static boolean wasCalled;
            @Async public static Coroutine<String> value(String v) { await(checkpoint()); return done(v); }
            @Async public static Coroutine<String> exception(Exception e) throws Exception { await(checkpoint()); throw e; }
            static void commonThrow(Exception t) throws Exception { throw t; }
            @Async public static Coroutine<String> c1() {
              try { await(value("<none>")); return done(await(value("OK"))); }
              catch (RuntimeException e) { return done(await(value("fail 1"))); }
              finally { await(value("ignored 1")); wasCalled = true; }
            }
            @Async public static Coroutine<String> c2() throws Exception {
              try { return done(await(exception(new RuntimeException("M")))); }
              catch (RuntimeException e) {
                if (!e.getMessage().equals("M")) throw new RuntimeException("fail 2");
                return done(await(value("OK")));
              } finally { await(value("ignored 2")); wasCalled = true; }
            }
            @Async public static Coroutine<String> c3() throws Exception {
              try { return done(await(exception(new Exception("OK")))); }
              catch (RuntimeException e) { await(value("fail")); throw new RuntimeException("fail 3"); }
              finally { await(value("ignored 3")); wasCalled = true; }
            }
            @Async public static Coroutine<String> c4() throws Exception {
              try { return done(await(exception(new Exception("OK")))); }
              catch (RuntimeException e) { await(value("fail")); return done("xyz"); }
              finally { await(value("ignored 4")); wasCalled = true; }
            }
            @Async public static Coroutine<String> c5() throws Exception {
              try { return done(await(exception(new Exception("M2")))); }
              catch (RuntimeException e) { await(value("fail")); throw new RuntimeException("fail 4"); }
              catch (Exception e) {
                if (!e.getMessage().equals("M2")) throw new Exception("fail 5: " + e.getMessage());
                return done(await(value("OK")));
              } finally { await(value("ignored 4")); wasCalled = true; }
            }
            @Async public static Coroutine<String> c6() throws Exception {
              try { await(value("123")); commonThrow(new RuntimeException("M3")); return done(await(value("456"))); }
              catch (RuntimeException e) {
                if (!e.getMessage().equals("M3")) throw new Exception("fail 6: " + e.getMessage());
                return done(await(value("OK")));
              } finally { await(value("ignored 5")); wasCalled = true; }
            }
            @Async public static Coroutine<String> c7() throws Exception {
              try { await(value("123")); commonThrow(new Exception("OK")); return done(await(value("456"))); }
              catch (RuntimeException e) { await(value("fail")); throw new RuntimeException("fail 7"); }
              finally { await(value("ignored 6")); wasCalled = true; }
            }
            @Async public static Coroutine<String> c8() throws Exception {
              try { await(value("123")); commonThrow(new Exception("M3")); return done(await(value("456"))); }
              catch (RuntimeException e) { await(value("fail")); throw new RuntimeException("fail 8"); }
              catch (Exception e) {
                if (!e.getMessage().equals("M3")) throw new Exception("fail 9: " + e.getMessage());
                return done(await(value("OK")));
              } finally { await(value("ignored 7")); wasCalled = true; }
            }
            interface Body { Coroutine<String> get() throws Exception; }
            static String builder(Body b) {
              wasCalled = false;
              String r;
              try {
                r = run(b.get());
              } catch (Exception e) {
                r = e.getMessage();
              }
              return (wasCalled ? r : "not called " + r) + ";";
            }
            public static String go() {
              return builder(§A::c1) + builder(§A::c2) + builder(§A::c3) + builder(§A::c4)
                  + builder(§A::c5) + builder(§A::c6) + builder(§A::c7) + builder(§A::c8);
            }
          }
          """),
      // nestedTryCatch.kt: nested try/catch(/finally) with suspensions, exceptions caught at the inner or the outer level
      k(21, "OK;OK;OK;", """
          public class §C {
            static boolean wasCalled;
            @Async public static Coroutine<String> value(String v) { await(checkpoint()); return done(v); }
            @Async public static Coroutine<String> exception(Exception e) throws Exception { await(checkpoint()); throw e; }
            @Async public static Coroutine<String> c1() {
              String r = "#";
              try {
                try {
                  await(value("<ignored>"));
                  r = await(value("OK"));
                } catch (RuntimeException e) {
                  r = await(value("fail 1"));
                }
              } finally {
                wasCalled = true;
              }
              return done(r);
            }
            @Async public static Coroutine<String> c2() {
              String r = "#";
              try {
                try {
                  r = await(exception(new RuntimeException("M1")));
                } catch (RuntimeException e) {
                  if (!e.getMessage().equals("M1")) throw new RuntimeException("fail 2");
                  wasCalled = true;
                  r = await(value("OK"));
                }
              } catch (Exception e) {
                r = await(value("fail 3"));
              }
              return done(r);
            }
            @Async public static Coroutine<String> c3() {
              String r = "#";
              try {
                try {
                  r = await(exception(new Exception("M2")));
                } catch (RuntimeException e) {
                  r = await(value("fail 4"));
                } finally {
                  wasCalled = true;
                }
              } catch (Exception e) {
                if (!e.getMessage().equals("M2")) throw new RuntimeException("fail 5");
                r = await(value("OK"));
              }
              return done(r);
            }
            interface Body { Coroutine<String> get(); }
            static String builder(Body b) {
              wasCalled = false;
              String r = run(b.get());
              return (wasCalled ? r : "not called " + r) + ";";
            }
            public static String go() { return builder(§A::c1) + builder(§A::c2) + builder(§A::c3); }
          }
          """),
      // handleException.kt: exceptions that end a coroutine: thrown directly, by a plain call, by a suspension, from a catch
      k(22, "OK;OK;OK;OK;OK;", """
          public class §C {
            @Async public static Coroutine<String> exception(Exception e) throws Exception { await(checkpoint()); throw e; }
            static void commonThrow(RuntimeException t) { throw t; }
            @Async public static Coroutine<Void> c1() { if (true) throw new RuntimeException("OK"); return done(); }
            @Async public static Coroutine<Void> c2() { commonThrow(new RuntimeException("OK")); return done(); }
            @Async public static Coroutine<Void> c3() throws Exception { await(exception(new RuntimeException("OK"))); return done(); }
            @Async public static Coroutine<Void> c4() throws Exception {
              try {
                await(exception(new RuntimeException("fail 1")));
              } catch (RuntimeException e) {
                await(exception(new RuntimeException("OK")));
              }
              return done();
            }
            @Async public static Coroutine<Void> c5() throws Exception {
              try {
                await(exception(new Exception("OK")));
              } catch (RuntimeException e) {
                await(exception(new RuntimeException("fail 3")));
                throw new RuntimeException("fail 4");
              }
              return done();
            }
            interface Body { Coroutine<Void> get() throws Exception; }
            static String builder(Body b) {
              try {
                run(b.get());
                return "no exception;";
              } catch (Exception e) {
                return e.getMessage() + ";";
              }
            }
            public static String go() {
              return builder(§A::c1) + builder(§A::c2) + builder(§A::c3) + builder(§A::c4) + builder(§A::c5);
            }
          }
          """),
      // suspendInCycle.kt: suspensions in the branches of an if / else if inside a counted loop
      k(23, "-01?2+", """
          public class §C {
            int i = 0;
            @Async public Coroutine<Integer> suspendHere() { await(checkpoint()); return done(i++); }
            @Async public Coroutine<String> suspendThere() { await(checkpoint()); return done("?"); }
            @Async public Coroutine<String> m() {
              String result = "";
              result += "-";
              for (int i = 0; i <= 5; i++) {
                if (i % 2 == 0) {
                  result += await(suspendHere()).toString();
                } else if (i == 3) {
                  result += await(suspendThere());
                }
              }
              result += "+";
              return done(result);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // longRangeInSuspendCall.kt: a long range's bounds, one of them suspended for, passed to a suspension
      k(24, "1234567890124 1234567890122", """
          public class §C {
            @Async public static Coroutine<Long> getLong() { await(checkpoint()); return done(1234567890123L); }
            @Async public static Coroutine<Long> suspendHere(long start, long endInclusive) { await(checkpoint()); return done(start + endInclusive); }
            @Async public static Coroutine<String> body() {
              long result = await(suspendHere(1L, await(getLong())));
              long d = -1L;
              long other = await(suspendHere(d, await(getLong())));
              return done(result + " " + other);
            }
            public static String go() { return run(§A.body()); }
          }
          """),
      // varSpilling/nullSpilling.kt: a null argument (a literal, and a local only ever assigned null) held across two suspensions
      k(25, "OK OK", """
          public class §C {
            @Async public static Coroutine<String> foo(String v) { await(checkpoint()); return done(v); }
            static String bar(String x, String y, String z) {
              if (x != null) throw new RuntimeException("fail 0");
              return y + z;
            }
            @Async public static Coroutine<String> baz1() { return done(bar(null, await(foo("O")), await(foo("K")))); }
            @Async public static Coroutine<String> baz2() {
              String x = null;
              for (int i = 1; i <= 3; i++) { x = null; }
              return done(bar(x, await(foo("O")), await(foo("K"))));
            }
            public static String go() { return run(§A.baz1()) + " " + run(§A.baz2()); }
          }
          """),
      // varSpilling/kt19475.kt: a while(true) left by break before a loop that adds suspension results to a list
      k(26, "[OK, OK]", """
          public class §C {
            @Async public static Coroutine<String> suspendHere() { await(checkpoint()); return done("OK"); }
            @Async public static Coroutine<List<String>> body() {
              List<String> result = new ArrayList<>();
              while (true) {
                if (result.size() == 0) {
                  break;
                }
              }
              for (int i = 1; i <= 2; i++) {
                result.add(await(suspendHere()));
              }
              return done(result);
            }
            public static String go() { return run(§A.body()).toString(); }
          }
          """),
      // returnByLabel.kt: a result assigned from a suspension, then an early return of a constant
      k(27, "56 OK", """
          public class §C {
            static String result;
            @Async public static Coroutine<String> suspendHere() { await(checkpoint()); return done("OK"); }
            @Async public static Coroutine<Integer> body() {
              result = await(suspendHere());
              if (result != null) return done(56);
              return done(0);
            }
            public static String go() { result = ""; int r = run(§A.body()); return r + " " + result; }
          }
          """),
      // varSpilling/safeCallElvis.kt: a safe call with an elvis fallback (c?.method() ?: log(it)), here suspending
      k(28, "OK m", """
          public class §C {
            static String res;
            static class C { String method() { return "m"; } }
            @Async public static Coroutine<String> error(Object message) { await(checkpoint()); res = (String) message; return done(res); }
            @Async public static Coroutine<String> foo(String it, C c) {
              String r = (c != null ? c.method() : null) != null ? c.method() : await(error(it));
              return done(r);
            }
            public static String go() {
              res = "FAIL";
              run(§A.foo("OK", null));
              return res + " " + run(§A.foo("no", new C()));
            }
          }
          """),
      // varSpilling/kt38925.kt: a boolean local evaluated as an argument before a suspending argument
      k(29, "OK false", """
          public class §C {
            static String res;
            @Async public static Coroutine<String> ifEmpty(String s, String d) { await(checkpoint()); return done(s.isEmpty() ? d : s); }
            static String baz(boolean p, String s) { res = Objects.requireNonNull(s); return s + " " + p; }
            @Async public static Coroutine<String> body() {
              boolean p = false;
              return done(baz(p, await(ifEmpty("", "OK"))));
            }
            public static String go() { res = "FAIL"; return run(§A.body()); }
          }
          """),
      // controlFlow/forWithStep.kt: a long-typed stepped for loop whose body suspends
      k(30, "#20#25#30.", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m() {
              String result = "";
              for (long x = 20L; x <= 30L; x += 5L) {
                for (String it : List.of("#")) {
                  result += it + await(s(x)).toString();
                }
              }
              result += ".";
              return done(result);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // varSpilling/ (debugMode/simple.kt, noCleanup/*): every primitive type, arrays and nulls live across suspensions
      k(31, "7 300 x 40000000000 1.5 2.25 true [1, 2] null ab | 8 301 y 40000000001 2.5 4.25 false [1, 9] null ab", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m() {
              byte b = 7;
              short sh = 300;
              char c = 'x';
              long l = 40_000_000_000L;
              float f = 1.5f;
              double d = 2.25;
              boolean z = true;
              int[] a = {1, 2};
              String n = null;
              StringBuilder sb = new StringBuilder("a");
              await(checkpoint());
              sb.append('b');
              String before = b + " " + sh + " " + c + " " + l + " " + f + " " + d + " " + z + " " + Arrays.toString(a) + " " + n + " " + sb;
              b += await(s((byte) 1));
              sh++;
              await(checkpoint());
              c = (char) (c + await(s(1)));
              l += await(s(1L));
              f += await(s(1.0f));
              d *= 2; d -= await(s(0.25));
              z = !await(s(z));
              a[1] = await(s(9));
              n = await(s((String) null));
              return done(before + " | " + b + " " + sh + " " + c + " " + l + " " + f + " " + d + " " + z + " " + Arrays.toString(a) + " " + n + " " + sb);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // tailCallOptimizations/simple.kt, tailCallOptimizations/unit/simple.kt: a suspension in tail position (here: return of a coroutine)
      k(32, "OK 55 null", """
          public class §C {
            static int sum;
            @Async public static Coroutine<String> callee() { await(checkpoint()); return done("OK"); }
            @Async public static Coroutine<String> tail() { return callee(); }
            @Async public static Coroutine<Integer> count(int n, int acc) {
              if (n == 0) return done(acc);
              await(checkpoint());
              return count(n - 1, acc + n);
            }
            @Async public static Coroutine<Void> add(int n) { await(checkpoint()); sum += n; return done(); }
            @Async public static Coroutine<Void> unitTail() { return add(5); }
            public static String go() { sum = 0; return run(§A.tail()) + " " + run(§A.count(10, 0)) + " " + run(§A.unitTail()); }
          }
          """),
      // controlFlow/doWhileStatement.kt, whileStatement.kt, forStatement.kt, forContinue.kt: loop conditions and continue with suspensions
      k(35, "do:123 while:123 for:0134 cont:1x3x", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m() {
              String r = "do:";
              int i = 1;
              do {
                r += await(s(i));
              } while (await(s(++i)) <= 3);
              r += " while:";
              i = 1;
              while (await(s(i)) <= 3) {
                r += i;
                i = await(s(i + 1));
              }
              r += " for:";
              for (int j = await(s(0)); j < await(s(5)); j += await(s(1))) {
                if (j == 2) continue;
                r += j;
              }
              r += " cont:";
              outer:
              for (int x = 1; x <= 3; x++) {
                for (int y = 0; y < 2; y++) {
                  if (x == 2) continue outer;
                  if (await(s(y)) == 1) { r += "x"; continue outer; }
                  r += x;
                }
              }
              return done(r);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // controlFlow/ifStatement.kt, ifExpression: suspensions in if conditions and in both arms of conditional expressions
      k(36, "T:yes F:no a2 3 1", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> cond(boolean c) {
              if (await(s(c))) {
                return done("T:" + await(s("yes")));
              } else {
                return done("F:" + await(s("no")));
              }
            }
            @Async public Coroutine<String> expr(int k) {
              String a = k > 0 ? "a" + await(s(k)) : await(s("b"));
              int n = await(s(k)) > 1 ? (await(s(true)) ? 3 : 4) : await(s(5));
              int m = k < 0 ? 0 : k == 2 ? await(s(1)) : 2;
              return done(a + " " + n + " " + m);
            }
            public static String go() {
              return run(new §A().cond(true)) + " " + run(new §A().cond(false)) + " " + run(new §A().expr(2));
            }
          }
          """),
      // controlFlow/whenWithSuspensions.kt as an expression: a switch expression with a suspending selector and arms
      k(37, "zero-1 one two many:7 none", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m(int k) {
              String r = switch (await(s(k))) {
                case 0 -> "zero" + await(s(-1));
                case 1 -> { String t = await(s("one")); yield t; }
                case 2 -> "two";
                default -> {
                  if (k < 0) yield await(s("none"));
                  yield "many:" + await(s(k));
                }
              };
              return done(r);
            }
            public static String go() {
              return run(new §A().m(0)) + " " + run(new §A().m(1)) + " " + run(new §A().m(2)) + " "
                  + run(new §A().m(7)) + " " + run(new §A().m(-3));
            }
          }
          """),
      // switch statements with fallthrough between suspending cases (the when branches of controlFlow/switchLikeWhen.kt, colon form)
      k(38, "0:abc 1:bc 2:c 3:d", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m(int k) {
              String r = k + ":";
              switch (await(s(k))) {
                case 0:
                  r += await(s("a"));
                case 1:
                  r += "b";
                case 2:
                  r += await(s("c"));
                  break;
                default:
                  r += await(s("d"));
              }
              return done(r);
            }
            public static String go() {
              return run(new §A().m(0)) + " " + run(new §A().m(1)) + " " + run(new §A().m(2)) + " " + run(new §A().m(3));
            }
          }
          """),
      // Java 21 pattern switch: the when with subject and guards (when (x) { is String -> ... }) with suspending guards and arms
      k21(39, "str:HELLO short int:42 other", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m(Object o) {
              String r = switch (o) {
                case String str when str.length() > await(s(3)) -> "str:" + await(s(str.toUpperCase()));
                case String str -> "short";
                case Integer i when await(s(i > 0)) -> "int:" + await(s(i));
                default -> await(s("other"));
              };
              return done(r);
            }
            public static String go() {
              return run(new §A().m("hello")) + " " + run(new §A().m("hi")) + " " + run(new §A().m(42)) + " " + run(new §A().m(-1));
            }
          }
          """),
      // evaluation order of arguments with side effects around suspensions (Kotlin's argument spilling: varSpilling, correctOrder1.kt)
      k(40, "f(0,1,1,2) a=[5, 12, 0] 6", """
          public class §C {
            static String log;
            @Async public static <T> Coroutine<T> s(T v) { log += "s" + v + ";"; await(checkpoint()); return done(v); }
            static String f(int a, int b, int c, int d) { return "f(" + a + "," + b + "," + c + "," + d + ")"; }
            @Async public Coroutine<String> m() {
              log = "";
              int i = 0;
              String r = f(i++, await(s(i)), i, ++i);
              int[] a = {5, 2, 0};
              int j = 1;
              a[j++] += await(s(10));
              int n = j + await(s(j)) * 2 - (j = 0);
              return done(r + " a=" + Arrays.toString(a) + " " + n);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // short-circuit operands that suspend (the && / || of Kotlin's if conditions in controlFlow/ifStatementCompound.kt)
      k(41, "FF:s1;| TT:s1;s2;s3;| TF:s1;s2;s3;s3;|", """
          public class §C {
            static String log;
            @Async public static Coroutine<Boolean> t(int n, boolean v) { log += "s" + n + ";"; await(checkpoint()); return done(v); }
            @Async public Coroutine<String> m(boolean a, boolean b) {
              log = "";
              boolean x = await(t(1, a)) && (await(t(2, b)) || await(t(3, true)));
              boolean y = !a || await(t(3, b)) ;
              return done((a ? "T" : "F") + (x && !b ? "F" : b ? "T" : "F") + ":" + log + "|");
            }
            public static String go() {
              return run(new §A().m(false, false)) + " " + run(new §A().m(true, true)) + " " + run(new §A().m(true, false));
            }
          }
          """),
      // recursion through suspensions and exceptions through several suspending frames, each with a suspending finally
      k(42, "55 f1;f2;f3;boom@3", """
          public class §C {
            static String log;
            @Async public static Coroutine<Integer> fib(int n) {
              if (n < 2) return done(n);
              await(checkpoint());
              return done(await(fib(n - 1)) + await(fib(n - 2)));
            }
            @Async public static Coroutine<Integer> deep(int n) {
              try {
                if (n == 3) {
                  await(checkpoint());
                  throw new IllegalStateException("boom@" + n);
                }
                return done(await(deep(n + 1)));
              } finally {
                await(checkpoint());
                if (n > 0) log += "f" + (4 - n) + ";";
              }
            }
            @Async public static Coroutine<String> top() {
              String r;
              try {
                r = "" + await(deep(0));
              } catch (IllegalStateException e) {
                r = e.getMessage();
              }
              return done(log + r);
            }
            public static String go() {
              log = "";
              return run(§A.fib(10)) + " " + run(§A.top());
            }
          }
          """),
      // generic suspend functions and a generic class (bridges/interfaceGenericDefault.kt, interfaceSpecialization.kt)
      k(43, "b 3 [x, y] x", """
          public class §C<T> {
            T stored;
            @Async public static <U extends Comparable<U>> Coroutine<U> max(U a, U b) {
              await(checkpoint());
              return done(a.compareTo(b) >= 0 ? a : b);
            }
            @Async public Coroutine<T> store(T v) { await(checkpoint()); stored = v; return done(v); }
            @Async public <R extends List<T>> Coroutine<R> addTo(R list, T v) { list.add(await(store(v))); return done(list); }
            public static String go() {
              §C<String> c = new §A<>();
              List<String> l = new ArrayList<>();
              run(c.addTo(l, "x"));
              return run(§A.max("a", "b")) + " " + run(§A.max(3, 2)) + " " + run(c.addTo(l, "y")) + " " + l.get(0);
            }
          }
          """),
      // suspend functions called through an interface (bridges/*, tailCallOptimizations/interfaceDelegation.kt): an interface whose method returns a coroutine, implemented by method references to @Async methods
      k(44, "one:1 two:2 1", """
          public class §C {
            interface Source<T> { Coroutine<T> get(int k); }
            @Async public static Coroutine<String> one(int k) { await(checkpoint()); return done("one:" + k); }
            @Async public Coroutine<String> two(int k) { await(checkpoint()); return done("two:" + k); }
            @Async public Coroutine<String> via(Source<String> a, Source<String> b, Source<Integer> c) {
              return done(await(a.get(1)) + " " + await(b.get(2)) + " " + await(c.get(0)));
            }
            public static String go() {
              §C self = new §A();
              return run(self.via(§A::one, self::two, k -> §A.len("x")));
            }
            @Async public static Coroutine<Integer> len(String s) { await(checkpoint()); return done(s.length()); }
          }
          """),
      // unitTypeReturn/ (coroutineReturn.kt, suspendNonLocalReturn.kt): Unit-returning suspensions awaited as statements and as values
      k(45, "ab null ret", """
          public class §C {
            static String log;
            @Async public static Coroutine<Void> unit(String s) { await(checkpoint()); log += s; return done(); }
            @Async public static Coroutine<Void> early(boolean b) {
              if (b) { await(unit("b")); return done(); }
              await(unit("never"));
              return done();
            }
            @Async public static Coroutine<String> m() {
              await(unit("a"));
              Void v = await(early(true));
              Object o = await(unit(""));
              return done(log + " " + v + (o == null ? " ret" : " ?"));
            }
            public static String go() { log = ""; return run(§A.m()); }
          }
          """),
      // varSpilling/cleanup (if.kt, when.kt, backEdge.kt): a local assigned on one path only and read after a suspension on a back edge
      k(46, "0:-;1:v1;2:v1;3:v3;", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m() {
              String r = "";
              String kept = null;
              for (int i = 0; i < 4; i++) {
                String local;
                if (i % 2 == 1) {
                  local = await(s("v" + i));
                  kept = local;
                } else {
                  await(checkpoint());
                }
                r += i + ":" + (kept == null ? "-" : kept) + ";";
              }
              return done(r);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // ifExpression / elvis (varSpilling/safeCallElvis.kt, boxingUnboxingInsideTheSuspendFunction.kt): conditional
      // expressions whose suspending operand decides the type (numeric promotion, unboxing of null), char arithmetic, boxed identity
      k(47, "1;Integer;npe;98x;a1;true;1001; 2;String;0;98x;a1;true;1001;", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m(boolean flag) {
              String r = "";
              long l = flag ? await(s(1)) : 2L;
              r += l + ";";
              Object o = flag ? await(s(1)) : "x";
              r += o.getClass().getSimpleName() + ";";
              try {
                int v = flag ? await(s((Integer) null)) : 0;
                r += v + ";";
              } catch (NullPointerException e) {
                r += "npe;";
              }
              char c = 'a';
              r += c + await(s(1)) + "x;";
              r += "" + c + await(s(1)) + ";";
              Integer boxed = 1000;
              Integer same = await(s(boxed));
              r += (same == boxed) + ";";
              boxed++;
              await(checkpoint());
              r += boxed + ";";
              return done(r);
            }
            public static String go() { return run(new §A().m(true)) + " " + run(new §A().m(false)); }
          }
          """),
      // controlFlow/returnWithFinally.kt, breakFinally.kt: yield out of try/catch in a switch expression; a continue in a
      // suspending finally discards a pending return; a labeled break out of a switch through a suspending finally
      k(48, "-1 20 0 | 01end2 | AfBf", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Integer> bad() { await(checkpoint()); throw new IllegalStateException("x"); }
            @Async public Coroutine<Integer> sw(int k) {
              int v = switch (k) {
                case 1 -> {
                  try {
                    yield await(bad());
                  } catch (IllegalStateException e) {
                    yield await(s(-1));
                  }
                }
                case 2 -> {
                  try {
                    yield await(s(20));
                  } finally {
                    await(checkpoint());
                  }
                }
                default -> 0;
              };
              return done(v);
            }
            @Async public Coroutine<String> loop() {
              String r = "";
              for (int i = 0; i < 3; i++) {
                try {
                  if (i < 2) return done("early" + i);
                  r += "end";
                } finally {
                  r += await(s(i));
                  if (i < 2) continue;
                }
              }
              return done(r);
            }
            @Async public Coroutine<String> brk() {
              String w = "";
              outer:
              for (String x : List.of("a", "b", "c")) {
                try {
                  switch (await(s(x))) {
                    case "a":
                      w += "A";
                      break;
                    case "b":
                      w += "B";
                      break outer;
                    default:
                      w += "?";
                  }
                } finally {
                  w += await(s("f"));
                }
              }
              return done(w);
            }
            public static String go() {
              §C c = new §A();
              return run(c.sw(1)) + " " + run(c.sw(2)) + " " + run(c.sw(3)) + " | " + run(c.loop()) + " | " + run(c.brk());
            }
          }
          """),
      // controlFlow/multipleCatchBlocksSuspend.kt, throwFromCatch.kt: a multi-catch that suspends then wraps, a catch that suspends then rethrows
      k(49, "wrapped:ise<IllegalStateException wrapped:iae<IllegalArgumentException uoe", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m(int k) {
              try {
                try {
                  if (k == 1) throw new IllegalStateException("ise");
                  if (k == 2) throw new IllegalArgumentException("iae");
                  await(boom(new UnsupportedOperationException("uoe")));
                } catch (IllegalStateException | IllegalArgumentException e) {
                  String m = await(s(e.getMessage()));
                  throw new RuntimeException("wrapped:" + m, e);
                } catch (RuntimeException e) {
                  await(checkpoint());
                  throw e;
                }
              } catch (RuntimeException outer) {
                return done(outer.getMessage() + (outer.getCause() != null ? "<" + outer.getCause().getClass().getSimpleName() : ""));
              }
              return done("none");
            }
            public static String go() { return run(new §A().m(1)) + " " + run(new §A().m(2)) + " " + run(new §A().m(3)); }
          }
          """),
      // boxingUnboxingInsideTheSuspendFunction.kt (for ((k, v) in foo())), suspendInCycle.kt: loops over a suspension's map,
      // over an array replaced in the body (the array is evaluated once), a char switch on a suspension
      k(50, "OK 6 b!", """
          public class §C {
            §UTIL
            @Async public static Coroutine<Map<String, String>> foo() {
              await(checkpoint());
              Map<String, String> m = new LinkedHashMap<>();
              m.put("O", "K");
              return done(m);
            }
            @Async public Coroutine<String> m() {
              String result = "";
              for (Map.Entry<String, String> e : await(foo()).entrySet()) {
                result += e.getKey() + await(s(e.getValue()));
              }
              int[] arr = {1, 2, 3};
              int sum = 0;
              for (int x : arr) {
                arr = new int[] {100};
                sum += await(s(x));
              }
              String c = switch (await(s('b'))) {
                case 'a' -> "a";
                case 'b' -> "b" + await(s('!'));
                default -> "?";
              };
              return done(result + " " + sum + " " + c);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // varSpilling (primitive spilling, refinedIntTypesAnalysis.kt): compound assignments to array elements of every width,
      // with suspensions in the index and the right operand (implicit narrowing, widening of the boxed result)
      k(51, "[6, 8, -9] 3.0 -31062 c x1y", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m() {
              long[] a = {1, 2, 3};
              int i = 0;
              a[await(s(i))] += await(s(5));
              a[i + 1] <<= await(s(2));
              a[await(s(2))] -= a[0] * await(s(2));
              double[] d = {1.5};
              d[0] *= await(s(2));
              short[] sh = {10};
              sh[0] += await(s(100000));
              char[] cs = {'a'};
              cs[0] += await(s(2));
              String[] strs = {"x"};
              strs[0] += await(s(1)) + "y";
              return done(Arrays.toString(a) + " " + d[0] + " " + sh[0] + " " + cs[0] + " " + strs[0]);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // varSpilling/thisUnspill.kt: field reads on both sides of a suspension that changes the field keep Java's left-to-right order
      k(52, "5 2 123", """
          public class §C {
            int count = 1;
            static int total = 1;
            @Async public Coroutine<Integer> incr() { await(checkpoint()); count++; return done(count); }
            @Async public static Coroutine<Integer> digit(int d) { await(checkpoint()); return done(d); }
            @Async public Coroutine<String> m() {
              int sum = count + await(incr()) + count;
              total = total * 10 + await(digit(2));
              total = total * 10 + await(digit(3));
              return done(sum + " " + count + " " + total);
            }
            public static String go() { total = 1; return run(new §A().m()); }
          }
          """),
      // controlFlow/doWhileWithInline.kt, doWhileStatement.kt: continue in a do-while goes to its suspending condition
      k(53, "134", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m() {
              int i = 0;
              String r = "";
              do {
                i++;
                if (i == 2) continue;
                r += await(s(i));
              } while (await(s(i)) < 4);
              return done(r);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // suspend functions on abstract classes (bridges/mapSuspendAbstractClear.kt, tailCallOptimizations/unit/override*.kt):
      // an @Async method of an abstract class calls the subclass's implementation around its suspensions
      k(54, "7+7=14 3+3=6", """
          public abstract class §C {
            abstract int weight();
            @Async public Coroutine<String> m() {
              int w = weight();
              await(checkpoint());
              return done(w + "+" + weight() + "=" + (w + await(done(weight()))));
            }
            public static String go() {
              return run(new Heavy§C().m()) + " " + run(new Light§C().m());
            }
          }
          class Heavy§C extends §A { int weight() { return 7; } }
          class Light§C extends §A { int weight() { return 3; } }
          """),
      // anonymousObject.kt, capturedOuterThis.kt, captureMutableLocalVariableInsideCoroutineBlock.kt: an anonymous class and
      // lambdas that capture suspended-for locals and the outer this, created before a suspension and called after it
      k(55, "20 15 15 [0, 10, 20]", """
          public class §C {
            §UTIL
            int count = 5;
            int twice() { return count * 2; }
            @Async public Coroutine<String> m() {
              int base = await(s(10));
              java.util.function.Supplier<Integer> f = new java.util.function.Supplier<>() {
                public Integer get() { return base + §C.this.twice(); }
              };
              await(checkpoint());
              java.util.function.IntSupplier g = () -> base + this.count;
              java.util.function.IntSupplier h = () -> base + count;
              List<java.util.function.IntSupplier> fs = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                int k = await(s(i));
                fs.add(() -> k * 10);
              }
              List<Integer> vs = new ArrayList<>();
              for (java.util.function.IntSupplier x : fs) { vs.add(x.getAsInt()); }
              return done(f.get() + " " + g.getAsInt() + " " + h.getAsInt() + " " + vs);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // anonymousObject.kt (objects in a coroutine): a local record and a local class declared in a split block, instances
      // created in a loop capturing per-iteration locals, used across suspensions
      k(56, "P[a=1, b=x] 3 [p0, p1, p2]", """
          public class §C {
            §UTIL
            @Async public Coroutine<String> m() {
              record P(int a, String b) {}
              P p = new P(await(s(1)), "x");
              await(checkpoint());
              class Acc {
                int n;
                void add(int k) { n += k; }
              }
              Acc acc = new Acc();
              acc.add(await(s(1)));
              acc.add(await(s(2)));
              List<Object> named = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                String tag = await(s("p" + i));
                class Named {
                  public String toString() { return tag; }
                }
                named.add(new Named());
              }
              return done(p + " " + acc.n + " " + named);
            }
            public static String go() { return run(new §A().m()); }
          }
          """));

  /**
   * {@code return e} of a coroutine inside try/catch, try/finally or try-with-resources: a call there
   * is not a tail call, the callee runs inside the try (its exception is caught, the finally and the
   * close run after it). Found by this port: the processor ended the frame first and awaited
   * {@code e} after leaving the try; it now awaits it in place (docs/lowering.md, "return").
   */
  static final List<Program> RETURN_IN_TRY = List.of(
      // tailCallOptimizations/tryCatch.kt, tryCatchTailCall.kt: a call in tail position inside try is not a tail call: its exception is caught
      k(101, "caught:M", """
          public class §C {
            @Async public static Coroutine<String> thrower() { await(checkpoint()); throw new IllegalStateException("M"); }
            @Async public static Coroutine<String> catchException() {
              try {
                return thrower();
              } catch (IllegalStateException e) {
                return done("caught:" + e.getMessage());
              }
            }
            public static String go() {
              try {
                return run(§A.catchException());
              } catch (IllegalStateException e) {
                return "escaped:" + e.getMessage();
              }
            }
          }
          """),
      // tailCallOptimizations (tryCatch.kt's finally variant): a call in tail position inside try runs before the finally
      k(102, "callee;finally;OK", """
          public class §C {
            static String log;
            @Async public static Coroutine<String> callee() { log += "callee;"; await(checkpoint()); return done("OK"); }
            @Async public static Coroutine<String> m() {
              try {
                return callee();
              } finally {
                log += "finally;";
              }
            }
            public static String go() { log = ""; String r = run(§A.m()); return log + r; }
          }
          """),
      // the same for a try-with-resources: the call in tail position runs before the resource is closed
      k(103, "callee;close;OK", """
          public class §C {
            static String log;
            static class Res implements AutoCloseable { public void close() { log += "close;"; } }
            @Async public static Coroutine<String> callee() { log += "callee;"; await(checkpoint()); return done("OK"); }
            @Async public static Coroutine<String> m() {
              try (Res r = new Res()) {
                return callee();
              }
            }
            public static String go() { log = ""; String r = run(§A.m()); return log + r; }
          }
          """));

  /** Each program's plain twin returns the output the upstream test asserts (in Java terms). */
  @Test
  void plainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(PROGRAMS);
  }

  @Test
  void returnInTryPlainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(RETURN_IN_TRY);
  }

  /** Each program compiles through the processor and behaves like its plain twin. */
  @Test
  @Tag("fuzz-strict")
  void compiledTwinsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PROGRAMS);
  }

  /** A returned coroutine inside a try that catches, finishes or closes runs inside it. */
  @Test
  @Tag("fuzz-strict")
  void aReturnedCoroutineRunsInsideItsTry() {
    Twins.assertCompiledTwins(RETURN_IN_TRY);
  }
}
