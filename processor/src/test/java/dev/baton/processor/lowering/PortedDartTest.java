package dev.baton.processor.lowering;

import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Test programs of the Dart SDK's language tests for async functions (dart-lang/sdk,
 * {@code tests/language/async/}, {@code tests/language/await/} and {@code tests/language/async_await_test.dart}),
 * their semantics written again in Java as {@link Twins} programs ({@code repro.DartN}). The comment above
 * each program names the upstream file and test (group, test name or function); its expected string is
 * what the upstream test expects, translated.
 *
 * <p>Translation: a Dart {@code Future.value(v)} is {@code fv(v)} (an {@code @Async} helper that
 * checkpoints), {@code Future.error(m)} is {@code fe(m)}/{@code ei(m)} (checkpoints, then throws
 * {@code Err(m)}), an {@code await} of a non-future value is {@code await(done(v))}, Dart's
 * {@code throw "s"} is {@code throw new Err("s")} (or {@code thr("s")} where Dart keeps dead code after
 * it), {@code rethrow} is {@code throw e}, a failed test is {@code E:message} in the output,
 * cascades are sequential calls, {@code ??} and {@code ??=} explicit null checks, interpolation
 * concatenation, Dart's {@code continue label} to a switch case a labeled loop around the switch.
 *
 * <p>Not ported: microtask-ordering tests ({@code async/async_test}'s "async starts synchronously",
 * "await value is delayed", {@code await/started_immediately_test}, {@code async/error_timing_test},
 * {@code await/nonfuture_test}, {@code await/for_cancel_test}); static-type tests with no Java form
 * ({@code congruence_*}, {@code return_types_*}, {@code await_flatten_test}, {@code derive_future_type_test},
 * {@code await_type_check_test}, {@code covariant_type_test}, {@code dcall_type_test}, {@code FutureOr},
 * user-defined {@code Future} implementations, {@code await_with_*_context_test}, {@code identifier_test},
 * {@code await_syntax_test}); async closures and local async functions (an {@code await} in a lambda
 * is refused by design, [AsyncAwaitInLambda]): they become {@code @Async} methods; {@code async*} with
 * {@code yield}; {@code assert} with an await (the output would depend on {@code -ea}).
 */
class PortedDartTest {
  /** Helpers every program has: the log, a future value, failed futures, throwing helpers, a runner that reports {@code Err}. */
  private static final String COMMON = """
        static String log = "";
        static class Err extends RuntimeException { Err(String m) { super(m); } }
        @Async public static <T> Coroutine<T> fv(T x) { await(checkpoint()); return done(x); }
        @Async public static <T> Coroutine<T> fe(String m) { await(checkpoint()); throw new Err(m); }
        @Async public static Coroutine<Integer> ei(String m) { await(checkpoint()); throw new Err(m); }
        static <T> Coroutine<T> throwNow(String m) { throw new Err(m); }
        static void thr(String m) { throw new Err(m); }
        static boolean yes() { return log != null; }
        static String r(java.util.function.Supplier<?> s) {
          try { return String.valueOf(s.get()); } catch (Err e) { return "E:" + e.getMessage(); }
        }
      """;

  private static Program p(int n, String expected, String members) {
    return new Program("Dart", n, expected, Twins.HEAD + "public class §C {\n" + COMMON + members + "}\n");
  }

  static final List<Program> PROGRAMS = List.of(
      // async_await_test.dart group "basic": async w/o await, async throws, await future, await value,
      // await null, await await, await throw, throw before await, async await error, async flattens futures (+ error)
      p(1, "42 E:err 42 42 null 42 E:err E:err E:err 42 E:err", """
          @Async public static Coroutine<Integer> noAwait() { return done(42); }
          @Async public static Coroutine<Integer> throwsErr() {
            if (yes()) throw new Err("err");
            return done(42);
          }
          @Async public static Coroutine<Integer> awaitFuture() { var x = await(fv(42)); return done(x); }
          @Async public static Coroutine<Integer> awaitValue() { var x = await(done(42)); return done(x); }
          @Async public static Coroutine<String> awaitNull() {
            String x = await(done((String) null));
            return done(x == null ? "null" : x);
          }
          @Async public static Coroutine<Integer> awaitAwait() { return done(await(done(await(fv(42))))); }
          @Async public static Coroutine<Integer> awaitThrow() {
            await(throwNow("err"));
            return done(42);
          }
          @Async public static Coroutine<Integer> throwBeforeAwait() {
            Coroutine<Integer> x = throwNow("err");
            await(x);
            return done(42);
          }
          @Async public static Coroutine<Integer> awaitError() { await(fe("err")); return done(42); }
          @Async public static Coroutine<Integer> flattens() { return fv(42); }
          @Async public static Coroutine<Integer> flattensErr() { return ei("err"); }
          public static String go() {
            return String.join(" ", r(() -> run(§A.noAwait())), r(() -> run(§A.throwsErr())), r(() -> run(§A.awaitFuture())),
                r(() -> run(§A.awaitValue())), r(() -> run(§A.awaitNull())), r(() -> run(§A.awaitAwait())),
                r(() -> run(§A.awaitThrow())), r(() -> run(§A.throwBeforeAwait())), r(() -> run(§A.awaitError())),
                r(() -> run(§A.flattens())), r(() -> run(§A.flattensErr())));
          }
          """),
      // async_await_test.dart group "basic": await for, await for w/ await, await for empty (a memory object stream
      // filled before the loop, so no interleaving)
      p(2, "45 45 0", """
          @Async public static Coroutine<Integer> sum(boolean withAwait, int n) {
            var st = createMemoryObjectStream(16);
            for (int k = 0; k < n; k++) st.sendStream().sendNowait(k);
            st.sendStream().close();
            int i = 0;
            for (@Await Object o : st.receiveStream()) {
              i += withAwait ? await(fv((Integer) o)) : (Integer) o;
            }
            return done(i);
          }
          public static String go() { return run(§A.sum(false, 10)) + " " + run(§A.sum(true, 10)) + " " + run(§A.sum(false, 0)); }
          """),
      // async_await_test.dart group "for": await in for-loop, for-init, for-test, for-incr, in empty for-loop (1, 2),
      // break before await in for-loop (1, 2), continue before await, continue after await
      p(3, "420 50 50 30 0 0 84 84 378 378", """
          @Async public static Coroutine<Integer> inLoop() {
            int v = 0;
            for (int i = 0; i < 10; i++) { v += await(fv(42)); }
            return done(v);
          }
          @Async public static Coroutine<Integer> inInit() {
            int v = 0;
            for (int i = await(fv(42)); i >= 0; i -= 10) { v += 10; }
            return done(v);
          }
          @Async public static Coroutine<Integer> inTest() {
            int v = 0;
            for (int i = 0; i < await(fv(42)); i += 10) { v += 10; }
            return done(v);
          }
          @Async public static Coroutine<Integer> inIncr() {
            int v = 0;
            for (int i = 0; i < 100; i += await(fv(42))) { v += 10; }
            return done(v);
          }
          @Async public static Coroutine<Integer> empty() {
            int v = 0;
            for (int i = 0; i > 0; i += 1) { v += await(fv(42)); }
            return done(v);
          }
          @Async public static Coroutine<Integer> empty2() {
            int v = 0;
            for (int i = 0; i > 0; i += await(fv(1))) { v += 1; }
            return done(v);
          }
          @Async public static Coroutine<Integer> breakBefore() {
            int v = 0;
            for (int i = 0; i < 10; i += 1) {
              if (i == 2) break;
              v += await(fv(42));
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> breakBefore2() {
            int v = 0;
            for (int i = 0; i < 10; i += await(fv(1))) {
              if (i == 2) break;
              v += 42;
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> continueBefore() {
            int v = 0;
            for (int i = 0; i < 10; i += 1) {
              if (i == 2) continue;
              v += await(fv(42));
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> continueAfter() {
            int v = 0;
            for (int i = 0; i < 10; i += 1) {
              var j = await(fv(42));
              if (i == 2) continue;
              v += j;
            }
            return done(v);
          }
          public static String go() {
            return String.join(" ", "" + run(§A.inLoop()), "" + run(§A.inInit()), "" + run(§A.inTest()), "" + run(§A.inIncr()),
                "" + run(§A.empty()), "" + run(§A.empty2()), "" + run(§A.breakBefore()), "" + run(§A.breakBefore2()),
                "" + run(§A.continueBefore()), "" + run(§A.continueAfter()));
          }
          """),
      // async_await_test.dart group "for": await err in for-loop, for-init, for-test, for-incr
      p(4, "E:err E:err E:err E:err", """
          @Async public static Coroutine<Integer> inLoop() {
            int v = 0;
            for (int i = 0; i < 10; i++) { v += await(ei("err")); }
            return done(v);
          }
          @Async public static Coroutine<Integer> inInit() {
            int v = 0;
            for (int i = await(ei("err")); i >= 0; i -= 10) { v += 10; }
            return done(v);
          }
          @Async public static Coroutine<Integer> inTest() {
            int v = 0;
            for (int i = 0; i < await(ei("err")); i += 10) { v += 10; }
            return done(v);
          }
          @Async public static Coroutine<Integer> inIncr() {
            int v = 0;
            for (int i = 0; i < 100; i += await(ei("err"))) { v += 10; }
            return done(v);
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inLoop())), r(() -> run(§A.inInit())), r(() -> run(§A.inTest())),
                r(() -> run(§A.inIncr())));
          }
          """),
      // async_await_test.dart group "while": await in while-loop, in while-test, await err in loop, in test,
      // break before await, break after await, continue before await, continue after await
      p(5, "420 50 E:err E:err 84 126 378 378", """
          @Async public static Coroutine<Integer> inLoop(boolean err) {
            int v = 0;
            int i = 0;
            while (i < 10) {
              v += await(err ? ei("err") : fv(42));
              i++;
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> inTest(boolean err) {
            int v = 0;
            int i = 0;
            while (i < await(err ? ei("err") : fv(42))) {
              v += 10;
              i += 10;
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> breakBefore() {
            int v = 0;
            int i = 0;
            while (i < 10) {
              if (i == 2) break;
              v += await(fv(42));
              i += 1;
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> breakAfter() {
            int v = 0;
            int i = 0;
            while (i < 10) {
              v += await(fv(42));
              if (i == 2) break;
              i += 1;
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> continueBefore() {
            int v = 0;
            int i = 0;
            while (i < 10) {
              i += 1;
              if (i == 2) continue;
              v += await(fv(42));
            }
            return done(v);
          }
          @Async public static Coroutine<Integer> continueAfter() {
            int v = 0;
            int i = 0;
            while (i < 10) {
              i += 1;
              int j = await(fv(42));
              if (i == 2) continue;
              v += j;
            }
            return done(v);
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inLoop(false))), r(() -> run(§A.inTest(false))), r(() -> run(§A.inLoop(true))),
                r(() -> run(§A.inTest(true))), r(() -> run(§A.breakBefore())), r(() -> run(§A.breakAfter())),
                r(() -> run(§A.continueBefore())), r(() -> run(§A.continueAfter())));
          }
          """),
      // async_await_test.dart group "do-while": await in loop, in test, await err in loop, in test,
      // break before await, break after await, continue before await, continue after await
      p(6, "420 50 E:err E:err 84 126 378 378", """
          @Async public static Coroutine<Integer> inLoop(boolean err) {
            int v = 0;
            int i = 0;
            do {
              v += await(err ? ei("err") : fv(42));
              i++;
            } while (i < 10);
            return done(v);
          }
          @Async public static Coroutine<Integer> inTest(boolean err) {
            int v = 0;
            int i = 0;
            do {
              v += 10;
              i += 10;
            } while (i < await(err ? ei("err") : fv(42)));
            return done(v);
          }
          @Async public static Coroutine<Integer> breakBefore() {
            int v = 0;
            int i = 0;
            do {
              if (i == 2) break;
              v += await(fv(42));
              i += 1;
            } while (i < 10);
            return done(v);
          }
          @Async public static Coroutine<Integer> breakAfter() {
            int v = 0;
            int i = 0;
            do {
              v += await(fv(42));
              if (i == 2) break;
              i += 1;
            } while (i < 10);
            return done(v);
          }
          @Async public static Coroutine<Integer> continueBefore() {
            int v = 0;
            int i = 0;
            do {
              i += 1;
              if (i == 2) continue;
              v += await(fv(42));
            } while (i < 10);
            return done(v);
          }
          @Async public static Coroutine<Integer> continueAfter() {
            int v = 0;
            int i = 0;
            do {
              i += 1;
              int j = await(fv(42));
              if (i == 2) continue;
              v += j;
            } while (i < 10);
            return done(v);
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inLoop(false))), r(() -> run(§A.inTest(false))), r(() -> run(§A.inLoop(true))),
                r(() -> run(§A.inTest(true))), r(() -> run(§A.breakBefore())), r(() -> run(§A.breakAfter())),
                r(() -> run(§A.continueBefore())), r(() -> run(§A.continueAfter())));
          }
          """),
      // async_await_test.dart group "for-in": await in for-in, await in for-in iterable, await err in for-in,
      // await err in for-in iterable, break before await in for-in (futures made by suppliers, so they start when awaited)
      p(7, "6 6 E:err E:err 3", """
          static List<java.util.function.Supplier<Coroutine<Integer>>> futs(boolean err) {
            List<java.util.function.Supplier<Coroutine<Integer>>> l = new ArrayList<>();
            for (int x : List.of(1, 2, 3)) l.add(() -> err && x == 1 ? §A.ei("err") : §A.fv(x));
            return l;
          }
          @Async public static Coroutine<Integer> inForIn(boolean err) {
            var v = 0;
            for (var fut : futs(err)) { v += await(fut.get()); }
            return done(v);
          }
          @Async public static Coroutine<Integer> inIterable(boolean err) {
            var v = 0;
            for (var i : await(err ? §A.<List<Integer>>fe("err") : fv(List.of(1, 2, 3)))) { v += i; }
            return done(v);
          }
          @Async public static Coroutine<Integer> breakBefore() {
            var v = 0;
            for (var fut : futs(false)) {
              if (v == 3) break;
              v += await(fut.get());
            }
            return done(v);
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inForIn(false))), r(() -> run(§A.inIterable(false))),
                r(() -> run(§A.inForIn(true))), r(() -> run(§A.inIterable(true))), r(() -> run(§A.breakBefore())));
          }
          """),
      // async_await_test.dart group "try-catch": try-no-catch, await in body, throw before await in body,
      // try-catch await in catch, try-catch await error in catch, try-catch-rethrow
      p(8, "42 42 42 42 E:err E:err", """
          @Async public static Coroutine<String> noCatch() {
            try {
              return done(await(done("42")));
            } catch (Err e) {
              return done("37");
            }
          }
          @Async public static Coroutine<String> inBody() {
            try {
              await(fe("42"));
            } catch (Err e) {
              return done(e.getMessage());
            }
            return done("none");
          }
          @Async public static Coroutine<String> throwBefore(int i) {
            try {
              if (i >= 0) throw new Err("42");
              return done(await(fv("10")));
            } catch (Err e) {
              return done(e.getMessage());
            }
          }
          @Async public static Coroutine<String> inCatch() {
            try {
              throw new Err("42");
            } catch (Err e) {
              return done(await(fv(e.getMessage())));
            }
          }
          @Async public static Coroutine<String> errInCatch() {
            try {
              throw new Err("42");
            } catch (Err e) {
              await(fe("err"));
            }
            return done("none");
          }
          @Async public static Coroutine<String> rethrow() {
            try {
              await(fe("err"));
            } catch (Err e) {
              if (e.getMessage().equals("42")) return done("x");
              throw e;
            }
            return done("none");
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.noCatch())), r(() -> run(§A.inBody())), r(() -> run(§A.throwBefore(0))),
                r(() -> run(§A.inCatch())), r(() -> run(§A.errInCatch())), r(() -> run(§A.rethrow())));
          }
          """),
      // async_await_test.dart group "try-finally": await in body, await in finally, await err in body,
      // await err in finally, await err in both, await err in body, override in finally
      p(9, "42 42/37 E:err E:err E:err 42", """
          static int x;
          @Async public static Coroutine<Integer> inBody() {
            try {
              return done(await(fv(42)));
            } finally {
              // nothing
            }
          }
          @Async public static Coroutine<Integer> inFinally() {
            try {
              return done(42);
            } finally {
              x = await(fv(37));
            }
          }
          @Async public static Coroutine<Integer> errInBody() {
            try {
              return done(await(ei("err")));
            } finally {
              // nothing
            }
          }
          @Async public static Coroutine<Integer> errInFinally() {
            try {
              return done(42);
            } finally {
              await(fe("err"));
            }
          }
          @Async public static Coroutine<Integer> errInBoth() {
            try {
              await(fe("not err"));
            } finally {
              await(fe("err"));
            }
            return done(0);
          }
          @Async public static Coroutine<Integer> override() {
            try {
              return done(await(ei("err")));
            } finally {
              return done(42);
            }
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inBody())), r(() -> run(§A.inFinally())) + "/" + x, r(() -> run(§A.errInBody())),
                r(() -> run(§A.errInFinally())), r(() -> run(§A.errInBoth())), r(() -> run(§A.override())));
          }
          """),
      // async_await_test.dart group "try-finally": await in body, override in finally (break label);
      // await, override in finally; throw in body, await, override in finally 3; await err in body, override in finally 2
      p(10, "42 42/37 42/37 42", """
          static int x;
          @Async public static Coroutine<Integer> a() {
            label: try {
              return done(await(fv(37)));
            } finally {
              break label;
            }
            return done(42);
          }
          @Async public static Coroutine<Integer> b() {
            label: try {
              return done(87);
            } finally {
              x = await(fv(37));
              break label;
            }
            return done(42);
          }
          @Async public static Coroutine<Integer> c() {
            label: try {
              throw new Err("err");
            } finally {
              x = await(fv(37));
              break label;
            }
            return done(42);
          }
          @Async public static Coroutine<Integer> d() {
            label: try {
              return done(await(ei("err")));
            } finally {
              break label;
            }
            return done(42);
          }
          public static String go() {
            String s = r(() -> run(§A.a()));
            x = 0;
            s += " " + r(() -> run(§A.b())) + "/" + x;
            x = 0;
            s += " " + r(() -> run(§A.c())) + "/" + x;
            return s + " " + r(() -> run(§A.d()));
          }
          """),
      // async_await_test.dart group "try-finally": await in body, no-exit in finally; no-exit after await in finally;
      // exit after continue, await in finally; no-exit before await in finally 2; no-exit after await in finally
      p(11, "42 10 0 42 42", """
          @Async public static Coroutine<Integer> a() {
            for (int i = 0; i < 10; i++) {
              try {
                return done(await(done(i)));
              } finally {
                continue;
              }
            }
            return done(42);
          }
          @Async public static Coroutine<Integer> b() {
            int i = 0;
            for (; i < 10; i++) {
              try {
                break;
              } finally {
                await(fv(42));
                continue;
              }
            }
            return done(i);
          }
          @Async public static Coroutine<Integer> c() {
            int i = 0;
            for (; i < 10; i++) {
              try {
                continue;
              } finally {
                await(fv(42));
                break;
              }
            }
            return done(i);
          }
          @Async public static Coroutine<Integer> d() {
            for (int i = 0; i < 10; i++) {
              try {
                return done(i);
              } finally {
                if (i >= 0) continue;
                await(fv(42));
              }
            }
            return done(42);
          }
          @Async public static Coroutine<Integer> e() {
            for (int i = 0; i < 10; i++) {
              try {
                return done(i);
              } finally {
                await(fv(42));
                continue;
              }
            }
            return done(42);
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.a())), r(() -> run(§A.b())), r(() -> run(§A.c())), r(() -> run(§A.d())),
                r(() -> run(§A.e())));
          }
          """),
      // async_await_test.dart group "try-finally": nested finallies, nested finallies 2, nested finallies 3,
      // nested finallies, throw
      p(12, "42/74 42/74 42 E:err/74", """
          static int x;
          @Async public static Coroutine<Integer> a() {
            try {
              try {
                return done(42);
              } finally {
                x = await(fv(37));
              }
            } finally {
              x += await(fv(37));
            }
          }
          @Async public static Coroutine<Integer> b() {
            label: try {
              try {
                break label;
              } finally {
                x = await(fv(37));
              }
            } finally {
              x += await(fv(37));
            }
            return done(42);
          }
          @Async public static Coroutine<Integer> c() {
            label: try {
              try {
                break label;
              } finally {
                return done(await(fv(42)));
              }
            } finally {
              break label;
            }
            return done(42);
          }
          @Async public static Coroutine<Integer> d() {
            try {
              try {
                throw new Err("err");
              } finally {
                x = await(fv(37));
              }
            } finally {
              x += await(fv(37));
            }
          }
          public static String go() {
            x = 0;
            String s = r(() -> run(§A.a())) + "/" + x;
            x = 0;
            s += " " + r(() -> run(§A.b())) + "/" + x;
            s += " " + r(() -> run(§A.c()));
            x = 0;
            return s + " " + r(() -> run(§A.d())) + "/" + x;
          }
          """),
      // async_await_test.dart group "try-catch-finally": await in body, await in catch, not hit,
      // await in catch, hit, await in finally
      p(13, "42 42 42 42/37", """
          static int x;
          static int id(int v) { return v; }
          @Async public static Coroutine<Integer> a() {
            try {
              return done(await(fv(42)));
            } catch (Err e) {
              throw new NullPointerException();
            } finally {
              if (id(42) == id(10)) return done(10);
            }
          }
          @Async public static Coroutine<Integer> b() {
            try {
              return done(id(42));
            } catch (Err e) {
              await(fe("err"));
            } finally {
              if (id(42) == id(10)) return done(10);
            }
            return done(0);
          }
          @Async public static Coroutine<Integer> c() {
            try {
              if (yes()) throw new Err("42");
              return done(0);
            } catch (Err e) {
              return done(await(fv(Integer.parseInt(e.getMessage()))));
            } finally {
              if (id(42) == id(10)) return done(10);
            }
          }
          @Async public static Coroutine<Integer> d() {
            try {
              return done(id(42));
            } catch (Err e) {
              throw new NullPointerException();
            } finally {
              x = await(fv(37));
              if (id(42) == id(10)) return done(10);
            }
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.a())), r(() -> run(§A.b())), r(() -> run(§A.c())), r(() -> run(§A.d())) + "/" + x);
          }
          """),
      // async_await_test.dart group "switch": await in expression, await err in expression, await in case,
      // await err in case, continue before await in case, continue after await in case (Dart's `continue label`
      // to case 1: a labeled loop around the switch that re-enters it with the value of case 1)
      p(14, "42 E:err 42 E:err 42 42", """
          @Async public static Coroutine<Integer> inExpr(int v, boolean err) {
            switch (await(err ? ei("err") : fv(v))) {
              case 1: return done(1);
              case 2: return done(42);
              default: return done(3);
            }
          }
          @Async public static Coroutine<Integer> inCase(int v, boolean err) {
            switch (v) {
              case 1: return done(1);
              case 2: return done(await(err ? ei("err") : fv(42)));
              default: return done(3);
            }
          }
          @Async public static Coroutine<Integer> continueBefore(int v) {
            int s = v;
            sw: while (true) {
              switch (s) {
                case 1: return done(42);
                case 2:
                  if (v <= 2) { s = 1; continue sw; }
                  return done(await(fv(10)));
                default: return done(3);
              }
            }
          }
          @Async public static Coroutine<Integer> continueAfter(int v) {
            int s = v;
            sw: while (true) {
              switch (s) {
                case 1: return done(42);
                case 2:
                  await(fv(10));
                  s = 1;
                  continue sw;
                default: return done(3);
              }
            }
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inExpr(2, false))), r(() -> run(§A.inExpr(2, true))),
                r(() -> run(§A.inCase(2, false))), r(() -> run(§A.inCase(2, true))), r(() -> run(§A.continueBefore(2))),
                r(() -> run(§A.continueAfter(2))));
          }
          """),
      // async_await_test.dart group "if": await in test, await err in test, await in then, await err in then,
      // await in then with else, await err in then with else, await in else, await err in else,
      // await in else-if test, await in else-if then
      p(15, "42 E:err 42 E:err 42 E:err 42 E:err 42 42", """
          @Async public static Coroutine<Integer> inTest(boolean v, boolean err) {
            if (await(err ? §A.<Boolean>fe("err") : fv(v))) {
              return done(42);
            } else {
              return done(37);
            }
          }
          @Async public static Coroutine<Integer> inThen(boolean v, boolean err) {
            if (v) {
              return done(await(err ? ei("err") : fv(42)));
            }
            return done(37);
          }
          @Async public static Coroutine<Integer> inThenElse(boolean v, boolean err) {
            if (v) {
              return done(await(err ? ei("err") : fv(42)));
            } else {
              return done(87);
            }
          }
          @Async public static Coroutine<Integer> inElse(boolean v, boolean err) {
            if (v) {
              return done(37);
            } else {
              return done(await(err ? ei("err") : fv(42)));
            }
          }
          @Async public static Coroutine<Integer> elseIfTest(boolean v) {
            if (v) {
              return done(37);
            } else if (!await(fv(v))) {
              return done(42);
            } else {
              return done(37);
            }
          }
          @Async public static Coroutine<Integer> elseIfThen(boolean v) {
            if (v) {
              return done(37);
            } else if (!v) {
              return done(await(fv(42)));
            } else {
              return done(37);
            }
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inTest(true, false))), r(() -> run(§A.inTest(true, true))),
                r(() -> run(§A.inThen(true, false))), r(() -> run(§A.inThen(true, true))),
                r(() -> run(§A.inThenElse(true, false))), r(() -> run(§A.inThenElse(true, true))),
                r(() -> run(§A.inElse(false, false))), r(() -> run(§A.inElse(false, true))),
                r(() -> run(§A.elseIfTest(false))), r(() -> run(§A.elseIfThen(false))));
          }
          """),
      // async_await_test.dart group "conditional operator": await in test, await err in test, await in then,
      // await err in then, await in else, await err in else
      p(16, "42 E:err 42 E:err 42 E:err", """
          @Async public static Coroutine<Integer> inTest(boolean v, boolean err) {
            return done(await(err ? §A.<Boolean>fe("err") : fv(v)) ? 42 : 37);
          }
          @Async public static Coroutine<Integer> inThen(boolean v, boolean err) {
            return done(v ? await(err ? ei("err") : fv(42)) : 37);
          }
          @Async public static Coroutine<Integer> inElse(boolean v, boolean err) {
            return done(v ? 37 : await(err ? ei("err") : fv(42)));
          }
          public static String go() {
            return String.join(" ", r(() -> run(§A.inTest(true, false))), r(() -> run(§A.inTest(true, true))),
                r(() -> run(§A.inThen(true, false))), r(() -> run(§A.inThen(true, true))),
                r(() -> run(§A.inElse(false, false))), r(() -> run(§A.inElse(false, true))));
          }
          """),
      // async_await_test.dart group "await expression": local variable, parameter, final local variable,
      // unary prefix operator, suffix operator, unary postfix operator, suffix operator + increment (1, 2),
      // unary pre-increment operator, suffix operator + pre-increment, assignment operator, assignment-op operator,
      // binary operator, ternary operator
      p(17, "42 42 42 42 42 42/43 42/43 42/43 42 42/42 42/42 42/42 42 42 37", """
          @Async public static Coroutine<String> all(int p, int t) {
            List<String> out = new ArrayList<>();
            var l42 = 42;
            out.add("" + await(done(l42)));
            out.add("" + await(done(p)));
            final int v42 = 42;
            out.add("" + await(done(v42)));
            out.add("" + -await(done(-42)));
            int[] v = {42};
            out.add("" + await(done(v[0])));
            var x = 42;
            out.add(await(done(x++)) + "/" + x);
            v = new int[] {42};
            out.add(await(done(v[0]++)) + "/" + v[0]);
            v = new int[] {42};
            out.add(v[await(done(0))]++ + "/" + v[0]);
            x = 41;
            out.add("" + await(done(++x)));
            v = new int[] {41};
            out.add(await(done(++v[0])) + "/" + v[0]);
            x = 37;
            out.add(await(done(x = 42)) + "/" + x);
            x = 37;
            out.add(await(done(x += 5)) + "/" + x);
            out.add("" + (await(done(10 + 11)) + await(done(10 + 11))));
            out.add("" + await(t == 10 ? fv(42) : done(37)));
            out.add("" + await(t == 11 ? fv(42) : done(37)));
            return done(String.join(" ", out));
          }
          public static String go() { return run(§A.all(42, 10)); }
          """),
      // async_await_test.dart group "await expression": top-level/static/instance function call, with await argument,
      // getter call (Dart getters are methods here)
      p(18, "42 42 42 42 42 42 42 42 42", """
          @Async public Coroutine<Integer> instanceMethod(int f) { return done(await(done(f))); }
          @Async public Coroutine<Integer> instanceGetter() { return done(await(fv(42))); }
          @Async public static Coroutine<Integer> topMethod(int f) { return done(await(done(f))); }
          @Async public static Coroutine<Integer> staticGetter() { return done(await(fv(42))); }
          @Async public static Coroutine<String> all() {
            List<Integer> out = new ArrayList<>();
            out.add(await(topMethod(42)));
            out.add(await(§A.topMethod(42)));
            §C a = new §A();
            out.add(await(a.instanceMethod(42)));
            out.add(await(topMethod(await(done(42)))));
            out.add(await(§A.topMethod(await(fv(42)))));
            out.add(await(a.instanceMethod(await(done(42)))));
            out.add(await(staticGetter()));
            out.add(await(§A.staticGetter()));
            out.add(await(new §A().instanceGetter()));
            String s = "";
            for (int i : out) s += (s.isEmpty() ? "" : " ") + i;
            return done(s);
          }
          public static String go() { return run(§A.all()); }
          """),
      // await/postfix_expr_test.dart: post0, post1, pref0, pref1, sum (s += a[await i++]), sum2 (await i++ as the for update)
      p(19, "10 21 11 23 10 10", """
          @Async public static Coroutine<Integer> post0(int a) { return done(await(done(a++))); }
          @Async public static Coroutine<Integer> post1(int a) { return done(await(done(a++)) + await(done(a++))); }
          @Async public static Coroutine<Integer> pref0(int a) { return done(await(done(++a))); }
          @Async public static Coroutine<Integer> pref1(int a) { return done(await(done(++a)) + await(done(++a))); }
          @Async public static Coroutine<Integer> sum(List<Integer> a) {
            var s = 0;
            for (int i = 0; i < a.size(); /* nothing */) {
              s += a.get(await(done(i++)));
            }
            return done(s);
          }
          @Async public static Coroutine<Integer> sum2(int n) {
            int i, s = 0;
            for (i = 1; i <= n; await(done(i++))) {
              var j = await(done(i));
              s += j;
            }
            return done(s);
          }
          public static String go() {
            return run(§A.post0(10)) + " " + run(§A.post1(10)) + " " + run(§A.pref0(10)) + " " + run(§A.pref1(10)) + " "
                + run(§A.sum(List.of(1, 2, 3, 4))) + " " + run(§A.sum2(4));
          }
          """),
      // await/await_test.dart: staticMembers, instanceMembers (Dart getters and setters are methods here)
      p(20, "2 2 2 2 3 5 | 2 2 2 2 5", """
          static int staticField = 1;
          static int staticGetter() { return staticField; }
          static int staticSetter(int val) { staticField = val; return val; }
          static int staticFoo(int param) { return param; }
          int field = 1;
          int getter() { return field; }
          int setter(int val) { field = val; return val; }
          int foo(int param) { return param; }
          static int dummy() { return 1; }
          @Async public static Coroutine<String> staticMembers() {
            var a = staticField + await(done(dummy()));
            var f = (staticField = 1) + await(fv(dummy()));
            var b = staticGetter() + await(done(dummy()));
            var c = staticSetter(1) + await(fv(dummy()));
            var d = staticFoo(2) + await(done(dummy()));
            var e = staticField + staticGetter() + staticSetter(1) + staticFoo(1) + await(fv(dummy()));
            return done(a + " " + f + " " + b + " " + c + " " + d + " " + e);
          }
          @Async public static Coroutine<String> instanceMembers() {
            var inst = new §C();
            var a = inst.field + await(done(dummy()));
            var b = inst.getter() + await(fv(dummy()));
            var c = inst.setter(1) + await(done(dummy()));
            var d = inst.foo(1) + await(fv(dummy()));
            var e = inst.field + inst.getter() + (inst.field = 1) + inst.foo(1) + await(done(dummy()));
            return done(a + " " + b + " " + c + " " + d + " " + e);
          }
          public static String go() { return run(§A.staticMembers()) + " | " + run(§A.instanceMembers()); }
          """),
      // await/await_test.dart: others (interpolation with awaits, b[cnt] = await, b[0] + await) and conditionals
      p(21, "1 1 someString|1|2 | true false 2", """
          static int globalVariable = 1;
          static int dummy() { return 1; }
          @Async public static Coroutine<String> others() {
            var a = globalVariable + " " + await(fv(dummy())) + " " + await(done("someString"));
            var cnt = 2;
            int[] b = {1, 2, 3};
            b[cnt] = await(fv(dummy()));
            var e = b[0] + await(done(dummy()));
            return done(a + "|" + b[cnt] + "|" + e);
          }
          @Async public static Coroutine<String> conditionals() {
            var a = false;
            var b = true;
            var c = (a || b) || await(fv(false));
            var d = (a || b) ? a : await(fv(true));
            Object ao = a;
            var e = (ao instanceof Integer) ? await(fv(1)) : 2;
            try {
              var f = (ao instanceof Integer) ? await(fv(1)) : 2;
            } catch (Err ex) {
            }
            return done(c + " " + d + " " + e);
          }
          public static String go() { return run(§A.others()) + " | " + run(§A.conditionals()); }
          """),
      // await/await_test.dart: controlFlow (for with awaits in init, test and update; while; do-while; if; throw await;
      // await (throw); try/catch/rethrow/finally with awaits in each; switch), for both `id` (await(done(x))) and `future` (fv)
      p(22, "5 5 5 if string string 0 0 0 string 0 case2 42 | 5 5 5 if string string 0 0 0 string 0 case2 42", """
          @Async public static <T> Coroutine<T> func(boolean future, T v) {
            if (future) return fv(v);
            return done(v);
          }
          @Async public static Coroutine<String> controlFlow(boolean fut) {
            List<String> out = new ArrayList<>();
            var c = 0;
            for (var i = await(func(fut, 0)); await(func(fut, i < 5)); await(func(fut, i++))) {
              c++;
            }
            out.add("" + c);
            c = 0;
            while (await(func(fut, c < 5))) c++;
            out.add("" + c);
            c = 0;
            do {
              c++;
            } while (await(func(fut, c < 5)));
            out.add("" + c);
            if (await(func(fut, c == 5))) {
              out.add("if");
            } else {
              out.add("unreachable");
            }
            try {
              throw new Err(await(func(fut, "string")));
            } catch (Err e) {
              out.add(e.getMessage());
            }
            try {
              await(throwNow("string"));
            } catch (Err e) {
              out.add(e.getMessage());
            }
            try {
              try {
                throw new Err("string");
              } catch (Err e) {
                out.add("" + await(func(fut, 0)));
                throw e;
              } finally {
                out.add("" + await(func(fut, 0)));
              }
            } catch (Err e) {
              out.add("" + await(func(fut, 0)));
              out.add(e.getMessage());
            } finally {
              out.add("" + await(func(fut, 0)));
            }
            switch (await(func(fut, 2))) {
              case 2:
                out.add("case2");
                break;
              default:
                out.add("unreachable");
            }
            out.add("" + await(func(fut, 42)));
            return done(String.join(" ", out));
          }
          public static String go() { return run(§A.controlFlow(false)) + " | " + run(§A.controlFlow(true)); }
          """),
      // await/exceptions_test.dart: test0, test1 (on int catch, throw e + 1), test2 (on String catch in nested tries,
      // return in finally overrides), awaitFoo (await of a call that throws synchronously)
      p(23, "1 2 abcd E:Error", """
          @Async public static Coroutine<Void> test0_1() { if (yes()) throw new Err("1"); return done(); }
          @Async public static Coroutine<String> test0() {
            try {
              await(test0_1());
            } catch (Err e) {
              return done(e.getMessage());
            }
            return done("none");
          }
          @Async public static Coroutine<Void> test1_2() {
            try {
              await(test0_1());
            } catch (Err e) {
              throw new Err("" + (Integer.parseInt(e.getMessage()) + 1));
            }
            return done();
          }
          @Async public static Coroutine<String> test1() {
            try {
              await(test1_2());
            } catch (Err e) {
              return done(e.getMessage());
            }
            return done("none");
          }
          @Async public static Coroutine<Void> test2_1() {
            try {
              throw new Err("a");
            } catch (Err e) {
              throw new Err(e.getMessage() + "b");
            }
          }
          @Async public static Coroutine<String> test2() {
            String x = null;
            try {
              try {
                await(test2_1());
              } catch (Err e) {
                var y = await(fv(e.getMessage() + "c"));
                throw new Err(y);
              }
            } catch (Err e) {
              x = e.getMessage() + "d";
              return done("?");
            } finally {
              return done(x);
            }
          }
          static Coroutine<Void> foo() { throw new Err("Error"); }
          @Async public static Coroutine<Void> awaitFoo() {
            await(foo());
            return done();
          }
          public static String go() {
            String result = "";
            for (int i = 0; i < 10; i++) {
              result = run(§A.test0()) + " " + run(§A.test1()) + " " + run(§A.test2());
            }
            return result + " " + r(() -> run(§A.awaitFoo()));
          }
          """),
      // async/control_structures_test.dart: asyncIf, asyncFor, asyncTryCatchFinally (return in finally overrides),
      // asyncTryCatchLoop, asyncImplicitReturn
      p(24, "1 2 1 2 3 1 3 444 13 null", """
          @Async public static Coroutine<Integer> asyncIf(boolean condition) {
            if (condition) {
              return done(1);
            } else {
              return done(2);
            }
          }
          @Async public static Coroutine<Integer> asyncFor(boolean condition) {
            for (int i = 0; i < 10; i++) {
              if (i == 5 && condition) {
                return done(1);
              }
            }
            return done(2);
          }
          @Async public static Coroutine<Integer> asyncTryCatchFinally(boolean overrideInFinally, boolean doThrow) {
            try {
              if (doThrow) throw new Err("444");
              return done(1);
            } catch (Err e) {
              return done(Integer.parseInt(e.getMessage()));
            } finally {
              if (overrideInFinally) return done(3);
            }
          }
          @Async public static Coroutine<Integer> asyncTryCatchLoop() {
            var i = 0;
            var throwz = 13;
            while (true) {
              try {
                throw new Err("" + throwz);
              } catch (Err e) {
                if (i == throwz) {
                  return done(Integer.parseInt(e.getMessage()));
                }
              } finally {
                i++;
              }
            }
          }
          @Async public static Coroutine<Object> asyncImplicitReturn() {
            try {
            } catch (Err e) {
            } finally {
            }
            return done(null);
          }
          public static String go() {
            String s = "";
            for (int i = 0; i < 10; i++) {
              s = run(§A.asyncIf(true)) + " " + run(§A.asyncIf(false)) + " " + run(§A.asyncFor(true)) + " " + run(§A.asyncFor(false))
                  + " " + run(§A.asyncTryCatchFinally(true, false)) + " " + run(§A.asyncTryCatchFinally(false, false))
                  + " " + run(§A.asyncTryCatchFinally(true, true)) + " " + run(§A.asyncTryCatchFinally(false, true))
                  + " " + run(§A.asyncTryCatchLoop()) + " " + run(§A.asyncImplicitReturn());
            }
            return s;
          }
          """),
      // async/break_in_finally_test.dart: then42, then43 (a labeled try whose finally breaks the label), now42, now43
      p(25, "42 43 42 43", """
          @Async public static Coroutine<Integer> then43() {
            label: try {
              return done(await(done(42)));
            } finally {
              break label;
            }
            return done(await(done(43)));
          }
          @Async public static Coroutine<Integer> then42() {
            label: try {
              return done(await(done(42)));
            } finally {
            }
          }
          static int now43() {
            label: try {
              return 42;
            } finally {
              break label;
            }
            return 43;
          }
          public static String go() { return run(§A.then42()) + " " + run(§A.then43()) + " " + 42 + " " + now43(); }
          """),
      // async/continue_label_test.dart: test1 (two loop variables), test2, test3 (variables not declared in the
      // initializer), test4 (nested loop continuing the outer label), every await_in_* variant at once
      p(26, "5 5 5 5", """
          @Async public static Coroutine<Integer> test1() {
            var r = 0;
            label:
            for (int i = 1, j = await(fv(10)); i < 10 && j > await(fv(-5)); j--, i += await(fv(1))) {
              if (i < await(fv(5)) || j < -5) {
                continue label;
              }
              r++;
            }
            return done(r);
          }
          @Async public static Coroutine<Integer> test2() {
            var r = 0;
            label:
            for (var i = await(fv(0)); i < await(fv(10)); i += await(fv(1))) {
              if (i < await(fv(5))) {
                continue label;
              }
              r++;
            }
            return done(r);
          }
          @Async public static Coroutine<Integer> test3() {
            int r = 0, i, j;
            label:
            for (i = await(fv(0)); i < await(fv(10)); i += await(fv(1))) {
              if (i < await(fv(5))) {
                continue label;
              }
              r++;
            }
            return done(r);
          }
          @Async public static Coroutine<Integer> test4() {
            var r = 0;
            label:
            for (var i = await(fv(0)); i < await(fv(10)); i += await(fv(1))) {
              if (i < await(fv(5))) {
                for (int k = 0; k < 10; k++) {
                  continue label;
                }
              }
              r++;
            }
            return done(r);
          }
          public static String go() { return run(§A.test1()) + " " + run(§A.test2()) + " " + run(§A.test3()) + " " + run(§A.test4()); }
          """),
      // async/finally_rethrow_test.dart: foo (on String catch awaits and throws e, finally awaits)
      p(27, "error", """
          @Async public static Coroutine<Void> foo() {
            try {
              await(done(1));
              throw new Err("error");
            } catch (Err e) {
              await(done(2));
              throw e;
            } finally {
              await(done(3));
            }
          }
          @Async public static Coroutine<String> main() {
            String error = "no error";
            try {
              await(foo());
            } catch (Err e) {
              error = e.getMessage();
            }
            return done(error);
          }
          public static String go() { return run(§A.main()); }
          """),
      // async/switch_test.dart: foo1, foo2 (switch on an await, await in a case), foo3, foo4, with and without default
      p(28, "1 4 2 1 4 2 1 4 2 1 4 2 | 1 4 0 1 4 0 1 4 0 1 4 0", """
          @Async public static Coroutine<Integer> foo1(int a, boolean withDefault) {
            int k = 0;
            switch (a) {
              case 1:
                await(done(3));
                k += 1;
                break;
              case 2:
                k += a;
                return done(k + 2);
              default: if (withDefault) k = 2;
            }
            return done(k);
          }
          @Async public static Coroutine<Integer> foo2(int a, boolean withDefault) {
            int k = 0;
            switch (await(fv(a))) {
              case 1:
                await(done(3));
                k += 1;
                break;
              case 2:
                k += await(fv(a));
                return done(k + 2);
              default: if (withDefault) k = 2;
            }
            return done(k);
          }
          @Async public static Coroutine<Integer> foo3(int a, boolean withDefault) {
            int k = 0;
            switch (a) {
              case 1:
                k += 1;
                break;
              case 2:
                k += a;
                return done(k + 2);
              default: if (withDefault) k = 2;
            }
            return done(k);
          }
          @Async public static Coroutine<Integer> foo4(Integer value, boolean withDefault) {
            int k = 0;
            switch (await(fv(value))) {
              case 1:
                k += 1;
                break;
              case 2:
                k += 2;
                return done(2 + k);
              default: if (withDefault) k = 2;
            }
            return done(k);
          }
          public static String go() {
            String s = "";
            for (boolean d : new boolean[] {true, false}) {
              if (!d) s += "| ";
              for (int a = 1; a <= 3; a++) s += run(§A.foo1(a, d)) + " ";
              for (int a = 1; a <= 3; a++) s += run(§A.foo2(a, d)) + " ";
              for (int a = 1; a <= 3; a++) s += run(§A.foo3(a, d)) + " ";
              for (int a = 1; a <= 3; a++) s += run(§A.foo4(a, d)) + " ";
            }
            return s.trim();
          }
          """),
      // async/throw_in_catch_test.dart: foo1 .. foo6 (the Tracer's trace is the output, "X" when the error escapes)
      p(29, "abceX/Error2 abdeX/Error2 abde abcd abcdX/Error2 abcde", """
          static String trace = "";
          static String runTest(java.util.function.Supplier<?> fun) {
            trace = "";
            try {
              fun.get();
            } catch (Err e) {
              trace += "X/" + e.getMessage();
            }
            return trace;
          }
          @Async public static Coroutine<Void> foo1() {
            try {
              trace += "a";
              await(fv(3));
              trace += "b";
              thr("Error");
            } catch (Err error) {
              trace += "c";
              thr("Error2");
              trace += "d";
            } finally {
              trace += "e";
            }
            trace += "f";
            return done();
          }
          @Async public static Coroutine<Void> foo2() {
            try {
              trace += "a";
              await(fv(3));
              trace += "b";
              thr("Error");
              trace += "c";
            } catch (Err error) {
              trace += "d";
              await(fe("Error2"));
            } finally {
              trace += "e";
            }
            trace += "f";
            return done();
          }
          @Async public static Coroutine<Void> foo3() {
            try {
              trace += "a";
              await(fv(3));
              trace += "b";
              thr("Error");
              trace += "c";
            } catch (Err error) {
              trace += "d";
              return done();
            } finally {
              trace += "e";
            }
            trace += "f";
            return done();
          }
          @Async public static Coroutine<Void> foo4() {
            try {
              try {
                await(fv(3));
                trace += "a";
                throw new Err("Error");
              } catch (Err error) {
                trace += "b";
                throw new Err("Error2");
              }
            } catch (Err error) {
              trace += "c";
            }
            trace += "d";
            return done();
          }
          @Async public static Coroutine<Void> foo5() {
            try {
              trace += "a";
              try {
                await(fv(3));
                trace += "b";
                throw new Err("Error");
              } catch (Err error) {
                trace += "c";
                throw new Err("Error2");
              }
            } finally {
              trace += "d";
            }
          }
          @Async public static Coroutine<Void> foo6() {
            try {
              try {
                await(fv(3));
                trace += "a";
                throw new Err("Error");
              } catch (Err error) {
                trace += "b";
                throw new Err("Error2");
              } finally {
                trace += "c";
                thr("Error3");
              }
            } catch (Err error) {
              trace += "d";
            }
            trace += "e";
            return done();
          }
          public static String go() {
            return String.join(" ", runTest(() -> run(§A.foo1())), runTest(() -> run(§A.foo2())), runTest(() -> run(§A.foo3())),
                runTest(() -> run(§A.foo4())), runTest(() -> run(§A.foo5())), runTest(() -> run(§A.foo6())));
          }
          """),
      // async/throw_in_catch_test.dart: foo7 .. foo12 (break and continue in finally eat the pending error or return)
      p(30, "abcdX/Error3 abcdX/Error3 abcef abcdefgabcdefghi abcdaef abcdfg", """
          static String trace = "";
          static String runTest(java.util.function.Supplier<?> fun) {
            trace = "";
            try {
              fun.get();
            } catch (Err e) {
              trace += "X/" + e.getMessage();
            }
            return trace;
          }
          @Async public static Coroutine<Void> foo7() {
            try {
              try {
                await(fv(3));
                trace += "a";
                throw new Err("Error");
              } catch (Err error) {
                trace += "b";
                throw new Err("Error2");
              } finally {
                trace += "c";
                thr("Error3");
              }
            } finally {
              trace += "d";
            }
          }
          @Async public static Coroutine<Void> foo8() {
            try {
              try {
                await(fv(3));
                trace += "a";
                throw new Err("Error");
              } catch (Err error) {
                trace += "b";
                return done();
              } finally {
                trace += "c";
                thr("Error3");
              }
            } finally {
              trace += "d";
            }
          }
          @Async public static Coroutine<Void> foo9() {
            try {
              while (true) {
                try {
                  await(fv(3));
                  trace += "a";
                  throw new Err("Error");
                } catch (Err error) {
                  trace += "b";
                  return done();
                } finally {
                  trace += "c";
                  break;
                }
              }
            } finally {
              trace += "e";
            }
            trace += "f";
            return done();
          }
          @Async public static Coroutine<Void> foo10() {
            try {
              int i = 0;
              while (true) {
                try {
                  try {
                    trace += "a";
                    throw new Err("Error");
                  } catch (Err error) {
                    trace += "b";
                    try {
                      await(fv(3));
                      throw new Err("Error2");
                    } catch (Err error2) {
                      trace += "c";
                    } finally {
                      trace += "d";
                    }
                    trace += "e";
                    throw new Err("Error3");
                  } finally {
                    trace += "f";
                    if (i == 0) continue;
                    if (i == 1) break;
                  }
                } finally {
                  trace += "g";
                  i++;
                }
              }
            } finally {
              trace += "h";
            }
            trace += "i";
            return done();
          }
          @Async public static Coroutine<Void> foo11() {
            try {
              boolean firstTime = true;
              while (true) {
                trace += "a";
                if (firstTime) {
                  try {
                    await(fv(3));
                    trace += "b";
                    throw new Err("Error");
                  } catch (Err error) {
                    trace += "c";
                    firstTime = false;
                    continue;
                  } finally {
                    trace += "d";
                  }
                } else {
                  trace += "e";
                  return done();
                }
              }
            } finally {
              trace += "f";
            }
          }
          @Async public static Coroutine<Void> foo12() {
            try {
              boolean firstTime = true;
              while (true) {
                trace += "a";
                if (firstTime) {
                  try {
                    await(fv(3));
                    trace += "b";
                    throw new Err("Error");
                  } catch (Err error) {
                    trace += "c";
                    firstTime = false;
                    continue;
                  } finally {
                    trace += "d";
                    break;
                  }
                } else {
                  trace += "e";
                  return done();
                }
              }
            } finally {
              trace += "f";
            }
            trace += "g";
            return done();
          }
          public static String go() {
            return String.join(" ", runTest(() -> run(§A.foo7())), runTest(() -> run(§A.foo8())), runTest(() -> run(§A.foo9())),
                runTest(() -> run(§A.foo10())), runTest(() -> run(§A.foo11())), runTest(() -> run(§A.foo12())));
          }
          """),
      // async/throw_in_catch_test.dart: foo13 .. foo18 (awaits inside finally blocks, return in finally)
      p(31, "acdefgX/Error abcdefgX/Error3 abcdefg abcdfg abcdef abcde", """
          static String trace = "";
          static String runTest(java.util.function.Supplier<?> fun) {
            trace = "";
            try {
              fun.get();
            } catch (Err e) {
              trace += "X/" + e.getMessage();
            }
            return trace;
          }
          @Async public static Coroutine<Void> foo13() {
            try {
              try {
                trace += "a";
                return done();
              } catch (Err error) {
                trace += "b";
              } finally {
                trace += "c";
                try {
                  try {
                    await(fv(3));
                    trace += "d";
                    thr("Error");
                  } finally {
                    trace += "e";
                  }
                } finally {
                  trace += "f";
                }
              }
            } finally {
              trace += "g";
            }
            trace += "h";
            return done();
          }
          @Async public static Coroutine<Void> foo14() {
            try {
              try {
                trace += "a";
                throw new Err("Error");
              } catch (Err error) {
                trace += "b";
                try {
                  await(fv(3));
                  throw new Err("Error2");
                } catch (Err error2) {
                  trace += "c";
                } finally {
                  trace += "d";
                }
                trace += "e";
                throw new Err("Error3");
              } finally {
                trace += "f";
              }
            } finally {
              trace += "g";
            }
          }
          @Async public static Coroutine<Void> foo15() {
            try {
              try {
                trace += "a";
                throw new Err("Error");
              } catch (Err error) {
                trace += "b";
                try {
                  await(fv(3));
                  throw new Err("Error2");
                } catch (Err error2) {
                  trace += "c";
                } finally {
                  trace += "d";
                }
                trace += "e";
                throw new Err("Error3");
              } finally {
                trace += "f";
                return done();
              }
            } finally {
              trace += "g";
            }
          }
          @Async public static Coroutine<Void> foo16() {
            try {
              try {
                trace += "a";
                throw new Err("Error");
              } catch (Err error) {
                trace += "b";
                try {
                  await(fv(3));
                  throw new Err("Error2");
                } catch (Err error2) {
                  trace += "c";
                } finally {
                  trace += "d";
                  return done();
                }
              } finally {
                trace += "f";
              }
            } finally {
              trace += "g";
            }
          }
          @Async public static Coroutine<Void> foo17() {
            try {
              trace += "a";
            } finally {
              try {
                trace += "b";
                throw new Err("Error");
              } catch (Err error) {
                await(fv(3));
                trace += "c";
              } finally {
                trace += "d";
              }
              trace += "e";
            }
            trace += "f";
            return done();
          }
          @Async public static Coroutine<Void> foo18() {
            try {
              trace += "a";
            } finally {
              try {
                trace += "b";
              } finally {
                await(fv(3));
                trace += "c";
              }
              trace += "d";
            }
            trace += "e";
            return done();
          }
          public static String go() {
            return String.join(" ", runTest(() -> run(§A.foo13())), runTest(() -> run(§A.foo14())), runTest(() -> run(§A.foo15())),
                runTest(() -> run(§A.foo16())), runTest(() -> run(§A.foo17())), runTest(() -> run(§A.foo18())));
          }
          """),
      // async/and_or_test.dart: test1 (&& and || of two awaits, every combination), test2 (evaluation trace)
      p(32, "false false false true false true true true | a a ab ab ab ab a a", """
          static String trace = "";
          static boolean traceA(boolean x) { trace += "a"; return x; }
          static boolean traceB(boolean x) { trace += "b"; return x; }
          @Async public static Coroutine<String> test1() {
            List<Boolean> out = new ArrayList<>();
            boolean[] f = {false, true};
            for (boolean x : f) for (boolean y : f) out.add(await(fv(x)) && await(done(y)));
            for (boolean x : f) for (boolean y : f) out.add(await(done(x)) || await(fv(y)));
            String s = "";
            for (boolean b : out) s += b + " ";
            return done(s.trim());
          }
          @Async public static Coroutine<String> test2() {
            String s = "";
            boolean[] f = {false, true};
            for (boolean x : f) for (boolean y : f) {
              trace = "";
              boolean b = await(fv(traceA(x))) && await(fv(traceB(y)));
              s += trace + " ";
            }
            for (boolean x : f) for (boolean y : f) {
              trace = "";
              boolean b = await(fv(traceA(x))) || await(fv(traceB(y)));
              s += trace + " ";
            }
            return done(s.trim());
          }
          public static String go() { return run(§A.test1()) + " | " + run(§A.test2()); }
          """),
      // await/null_aware_test.dart (x ??= await f(); y = y ?? await f(): f is never called) and
      // await/and_ifnull_test.dart ((await foo(x)) ?? "bar").toUpperCase()
      p(33, "1 1 FOO BAR", """
          @Async public static Coroutine<Integer> f() {
            log += "unreachable";
            return done(null);
          }
          @Async public static Coroutine<String> foo(boolean x) { return done(x ? "foo" : null); }
          @Async public static Coroutine<String> bar(boolean x) {
            String t;
            return done(((t = await(foo(x))) != null ? t : "bar").toUpperCase());
          }
          @Async public static Coroutine<String> main() {
            Integer x = 1;
            if (x == null) x = await(f());
            Integer y = 1;
            y = y != null ? y : await(f());
            return done(x + " " + y + log + " " + await(bar(true)) + " " + await(bar(false)));
          }
          public static String go() { return run(§A.main()); }
          """),
      // await/in_cascade_test.dart: []..add(await _m()) (the cascade's receiver is created before the await)
      // and async/regression_23058_test.dart (x.foo == 2 ? 42 : x.foo with a side-effecting getter)
      p(34, "42 1 1", """
          static class B {
            int x = 0;
            int foo() { return x == -1 ? 0 : x++; }
          }
          B x = new B();
          @Async public static Coroutine<Integer> m_() { return done(42); }
          @Async public Coroutine<List<Integer>> m() {
            List<Integer> l;
            (l = new ArrayList<>()).add(await(m_()));
            return done(l);
          }
          @Async public Coroutine<Integer> foo() {
            return done(x.foo() == 2 ? 42 : x.foo());
          }
          @Async public Coroutine<Integer> fooAwait() {
            return done(await(fv(x.foo())) == 2 ? 42 : await(fv(x.foo())));
          }
          public static String go() { return run(new §A().m()).get(0) + " " + run(new §A().foo()) + " " + run(new §A().fooAwait()); }
          """),
      // async/regression_64112_test.dart: testTryFinallyOr (changed |= await applyState(value) in try/finally)
      p(35, "true/true false/true true/true", """
          static boolean finallyRan = false;
          @Async public static Coroutine<Boolean> applyState(boolean val) { return done(val); }
          @Async public static Coroutine<Boolean> testTryFinallyOr(boolean initial, boolean value) {
            var changed = initial;
            finallyRan = false;
            try {
              changed |= await(applyState(value));
              return done(changed);
            } finally {
              finallyRan = true;
            }
          }
          public static String go() {
            String s = run(§A.testTryFinallyOr(false, true)) + "/" + finallyRan;
            s += " " + run(§A.testTryFinallyOr(false, false)) + "/" + finallyRan;
            return s + " " + run(§A.testTryFinallyOr(true, false)) + "/" + finallyRan;
          }
          """),
      // async/regression_64099_test.dart: |=, &=, ^= with an await in loops; v | await, await | v, &, ^ both sides;
      // testConditionalReuse
      p(36, "true false true false false true false false true true true false false true true 42 5", """
          @Async public static Coroutine<Boolean> f(int i) { await(checkpoint()); return done(i % 2 == 0); }
          @Async public static Coroutine<Boolean> forOr(int n) { boolean v = false; for (int i = 0; i < n; i++) { v |= await(f(i)); } return done(v); }
          @Async public static Coroutine<Boolean> whileOr(int n) { boolean v = false; int i = 0; while (i < n) { v |= await(f(i)); i++; } return done(v); }
          @Async public static Coroutine<Boolean> and(int n) { boolean v = true; for (int i = 0; i < n; i++) { v &= await(f(i)); } return done(v); }
          @Async public static Coroutine<Boolean> xor(int n) { boolean v = false; for (int i = 0; i < n; i++) { v ^= await(f(i)); } return done(v); }
          @Async public static Coroutine<Boolean> orL(int n) { boolean v = false; for (int i = 0; i < n; i++) { v = v | await(f(i)); } return done(v); }
          @Async public static Coroutine<Boolean> orR(int n) { boolean v = false; for (int i = 0; i < n; i++) { v = await(f(i)) | v; } return done(v); }
          @Async public static Coroutine<Boolean> andL(int n) { boolean v = true; for (int i = 0; i < n; i++) { v = v & await(f(i)); } return done(v); }
          @Async public static Coroutine<Boolean> andR(int n) { boolean v = true; for (int i = 0; i < n; i++) { v = await(f(i)) & v; } return done(v); }
          @Async public static Coroutine<Boolean> xorL(int n) { boolean v = false; for (int i = 0; i < n; i++) { v = v ^ await(f(i)); } return done(v); }
          @Async public static Coroutine<Boolean> xorR(int n) { boolean v = false; for (int i = 0; i < n; i++) { v = await(f(i)) ^ v; } return done(v); }
          @Async public static Coroutine<Integer> conditionalReuse(boolean cond) {
            return done(cond ? Math.abs(await(fv(42))) : await(fv("hello")).length());
          }
          public static String go() {
            return String.join(" ", "" + run(§A.forOr(4)), "" + run(§A.forOr(0)), "" + run(§A.whileOr(4)), "" + run(§A.whileOr(0)),
                "" + run(§A.and(4)), "" + run(§A.and(1)), "" + run(§A.and(2)), "" + run(§A.xor(4)), "" + run(§A.xor(1)),
                "" + run(§A.orL(4)), "" + run(§A.orR(4)), "" + run(§A.andL(4)), "" + run(§A.andR(4)), "" + run(§A.xorL(1)),
                "" + run(§A.xorR(1)), "" + run(§A.conditionalReuse(true)), "" + run(§A.conditionalReuse(false)));
          }
          """),
      // async/regression_64130_test.dart: (await getNull()) != null && await ..., (await getNull()) == null || await ...
      p(37, "false true", """
          @Async public static Coroutine<String> getNull() { return done(null); }
          @Async public static Coroutine<Boolean> testAnd() { return done(await(getNull()) != null && await(fv(true))); }
          @Async public static Coroutine<Boolean> testOr() { return done(await(getNull()) == null || await(fv(false))); }
          public static String go() { return run(§A.testAnd()) + " " + run(§A.testOr()); }
          """),
      // async/return_throw_test.dart: g returns f() (not awaited) inside a try; f's error is caught by g's catch
      p(38, "g", """
          @Async public static Coroutine<String> f() { if (yes()) throw new Err("f"); return done("x"); }
          @Async public static Coroutine<String> g() {
            try {
              return f();
            } catch (Err e) {
              return done("g");
            }
          }
          public static String go() { return run(§A.g()); }
          """),
      // async/rethrow_test.dart: throwString (await in catch, then throw e), rethrowString (await in catch, then rethrow)
      p(39, "E:exceptionalString E:exceptionalString", """
          @Async public static Coroutine<Void> throwString() {
            try {
              throw new Err("exceptionalString");
            } catch (Err e) {
              await(done(1));
              throw new Err(e.getMessage());
            }
          }
          @Async public static Coroutine<Void> rethrowString() {
            try {
              throw new Err("exceptionalString");
            } catch (Err e) {
              await(done(1));
              throw e;
            }
          }
          public static String go() { return r(() -> run(§A.throwString())) + " " + r(() -> run(§A.rethrowString())); }
          """),
      // await/regression_test.dart: testSideEffects (await foo(a++, a++)), testNamedArguments (addLater(a: 5, b: 10))
      // and testNestedFunctions (later(...).then(later) becomes two awaits)
      p(40, "10,11 12 15 0 Asterix and Obelix", """
          @Async public static Coroutine<String> foo(int a1, int a2) { return done(a1 + "," + a2); }
          @Async public static Coroutine<Integer> addLater(int a, int b) { return fv(a + b); }
          @Async public static Coroutine<String> later(String v) { return fv(v); }
          @Async public static Coroutine<String> main() {
            int a = 10;
            String s = await(foo(a++, a++));
            s += " " + a;
            var sum = await(addLater(5, 10));
            s += " " + sum;
            sum = await(addLater(-11, 11));
            s += " " + sum;
            var x = await(later(await(later("Asterix"))));
            var o = await(later(await(fv("Obelix"))));
            return done(s + " " + x + " and " + o);
          }
          public static String go() { return run(§A.main()); }
          """),
      // async_await_test.dart group "await expression" ("suffix operator + increment 2": v[await 0]++) and
      // await/await_test.dart others (b[cnt] = await dummy()), widened to compound assignments: a[await i] += await j,
      // (await o).f += await v, (await o).f++, ++(await o).f, a[await i]--, (await o).arr[await i] *= await j, o.s += ...
      p(41, "25 9 9 30 29 4 stu", """
          static class O { int f; int[] arr = {1, 2, 3}; String s = "s"; }
          @Async public static Coroutine<String> m() {
            int[] a = {10, 20, 30};
            a[await(fv(1))] += await(fv(5));
            O o = new O();
            (await(fv(o))).f += await(fv(7));
            (await(fv(o))).f++;
            int pre = ++(await(fv(o))).f;
            int post = a[await(fv(2))]--;
            await(fv(o)).arr[await(fv(0))] *= await(fv(4));
            o.s += await(fv("t")) + await(done("u"));
            return done(a[1] + " " + o.f + " " + pre + " " + post + " " + a[2] + " " + o.arr[0] + " " + o.s);
          }
          public static String go() { return run(§A.m()); }
          """),
      // await/regression_test.dart testSideEffects (operands are evaluated left to right around an await),
      // for array stores: the array, then the index, then the right side
      p(42, "AIR;AIRJ;AIR; [11, 5, 2]", """
          static int[] arr(String t, int[] a) { log += t; return a; }
          static int idx(String t, int i) { log += t; return i; }
          @Async public static <T> Coroutine<T> lg(String t, T v) { log += t; await(checkpoint()); return done(v); }
          @Async public static Coroutine<String> m() {
            int[] a = {1, 2, 3};
            arr("A", a)[idx("I", 0)] += await(lg("R", 10));
            log += ";";
            arr("A", a)[await(lg("I", 1))] = await(lg("R", 5)) + idx("J", 0);
            log += ";";
            await(lg("A", a))[idx("I", 2)] -= await(lg("R", 1));
            log += ";";
            return done(log + " " + Arrays.toString(a));
          }
          public static String go() { return run(§A.m()); }
          """),
      // async_await_test.dart "await err in ..." tests and await/exceptions_test.dart, at every operand position, with
      // Java's rules: a compound assignment checks its array, index or receiver before the right side, a simple one after;
      // an unboxing or a division fails before a later await; a call's null receiver fails after its arguments
      p(43, "R3R4R6R10R12R13 npe,aioobe,npe3,aioobe4,npe,npe6,idx,rhs1,rhs1,recv,arg2,npe10,npe,div,div12,cce,e13", """
          static class O { int f; int m(int x) { return x; } }
          @Async public static <T> Coroutine<T> lg(String t, T v) { log += t; await(checkpoint()); return done(v); }
          static int three(int a, int b, int c) { return a + b + c; }
          @Async public static Coroutine<String> m() {
            List<String> out = new ArrayList<>();
            int[] nul = null;
            int[] two = {1, 2};
            O on = null;
            try { nul[0] += await(lg("R1", 1)); } catch (NullPointerException e) { out.add("npe"); }
            try { two[5] += await(lg("R2", 1)); } catch (ArrayIndexOutOfBoundsException e) { out.add("aioobe"); }
            try { nul[0] = await(lg("R3", 1)); } catch (NullPointerException e) { out.add("npe3"); }
            try { two[5] = await(lg("R4", 1)); } catch (ArrayIndexOutOfBoundsException e) { out.add("aioobe4"); }
            try { on.f += await(lg("R5", 1)); } catch (NullPointerException e) { out.add("npe"); }
            try { on.f = await(lg("R6", 1)); } catch (NullPointerException e) { out.add("npe6"); }
            try { two[await(ei("idx"))] += await(lg("R7", 1)); } catch (Err e) { out.add(e.getMessage()); }
            try { two[0] += await(ei("rhs")); } catch (Err e) { out.add(e.getMessage() + two[0]); }
            try { two[0] = await(ei("rhs")); } catch (Err e) { out.add(e.getMessage() + two[0]); }
            try { (await(§A.<O>fe("recv"))).f += await(lg("R8", 1)); } catch (Err e) { out.add(e.getMessage()); }
            try { out.add("" + three(await(fv(1)), await(ei("arg2")), await(lg("R9", 3)))); } catch (Err e) { out.add(e.getMessage()); }
            try { out.add("" + on.m(await(lg("R10", 1)))); } catch (NullPointerException e) { out.add("npe10"); }
            Integer n = null;
            try { int k = n + await(lg("R11", 1)); out.add("" + k); } catch (NullPointerException e) { out.add("npe"); }
            int z = 0;
            try { int q = 5 / z + await(lg("R11", 1)); out.add("" + q); } catch (ArithmeticException e) { out.add("div"); }
            try { int q = 5 / await(lg("R12", 0)); out.add("" + q); } catch (ArithmeticException e) { out.add("div12"); }
            Object obj = 1;
            try { String t = (String) obj + await(lg("R11", "x")); out.add(t); } catch (ClassCastException e) { out.add("cce"); }
            try { String t = "" + await(lg("R13", "x")) + await(ei("e13")) + await(lg("R14", "y")); out.add(t); } catch (Err e) { out.add(e.getMessage()); }
            return done(log + " " + String.join(",", out));
          }
          public static String go() { return run(§A.m()); }
          """),
      // async/this_bound_test.dart: testA (a.foo(await false, ...) sees this.a), testB (b.f(await change(b)): Java
      // reads the field b.f before the argument, so the function the await replaced is the one called: 499 and 42
      // where Dart, which reads the getter after the arguments, gets 99 and 10)
      p(44, "-1 0 499 42", """
          static class A {
            int a = -1;
            int foo(boolean ignored, int val) { return this.a; }
          }
          static class B {
            java.util.function.IntUnaryOperator f;
            int b = 10;
            B(java.util.function.IntUnaryOperator f) { this.f = f; }
            int bar(int x) { return b; }
          }
          static int foo(int x) { return 499; }
          static int bar(int x) { return 42; }
          @Async public static Coroutine<Integer> change(B x) { x.f = y -> 99; return done(0); }
          @Async public static Coroutine<String> test() {
            var a = new A();
            int r1 = a.foo(await(done(false)), -1);
            a.a = 0;
            int r2 = a.foo(await(fv(false)), 0);
            var b = new B(§C::foo);
            int r3 = b.f.applyAsInt(await(change(b)));
            var b2 = new B(§C::bar);
            int r4 = b2.f.applyAsInt(await(done((b2.f = b2::bar) == null ? 1 : 2)));
            return done(r1 + " " + r2 + " " + r3 + " " + r4);
          }
          public static String go() { return run(§A.test()); }
          """),
      // async/await_catch_regression_test.dart: await of the catch parameter, await (exception = await e)
      p(45, "42 42", """
          @Async public static Coroutine<Void> foo() { if (yes()) throw new Err("42"); return done(); }
          @Async public static Coroutine<String> test() {
            Err exception = null;
            String printed = "";
            try {
              await(foo());
            } catch (Err e) {
              printed = await(done(e)).getMessage();
              await(done(exception = await(done(e))));
            }
            return done(printed + " " + exception.getMessage());
          }
          public static String go() { return run(§A.test()); }
          """),
      // async_await_test.dart group "switch" (continue label to another case) in Java's form: fallthrough between cases
      // whose bodies await, a break inside a block in a case, a default reached by fallthrough
      p(46, "abcd bc cd d", """
          @Async public static Coroutine<String> f(int v) {
            String s = "";
            switch (v) {
              case 1: s += await(fv("a"));
              case 2: s += await(fv("b"));
              case 3: {
                s += "c";
                if (v == 2) break;
              }
              default: s += await(done("d"));
            }
            return done(s);
          }
          public static String go() { return run(§A.f(1)) + " " + run(§A.f(2)) + " " + run(§A.f(3)) + " " + run(§A.f(4)); }
          """),
      // async_await_test.dart group "try-finally" (nested finallies 2 and 3) with a labeled block: break out of two
      // nested trys whose finallies await, and a break in an inner finally that discards a pending error
      p(47, "tf1f2 tf1f2Z E:inner/tf1", """
          @Async public static Coroutine<String> a() {
            log = "";
            outer: {
              try {
                try {
                  log += "t";
                  if (yes()) break outer;
                } finally {
                  log += await(fv("f1"));
                }
                log += "X";
              } finally {
                log += await(fv("f2"));
              }
              log += "Y";
            }
            return done(log);
          }
          @Async public static Coroutine<String> b() {
            log = "";
            outer: {
              try {
                try {
                  log += "t";
                  throw new Err("inner");
                } finally {
                  log += await(fv("f1"));
                  if (yes()) break outer;
                }
              } finally {
                log += await(fv("f2"));
              }
            }
            return done(log + "Z");
          }
          @Async public static Coroutine<String> c() {
            log = "";
            outer: {
              try {
                log += "t";
                thr("inner");
              } finally {
                log += await(fv("f1"));
              }
            }
            return done(log + "Z");
          }
          public static String go() { return run(§A.a()) + " " + run(§A.b()) + " " + r(() -> run(§A.c())) + "/" + log; }
          """),
      // await/for_use_local_test.dart (sumStream: a local accumulated across await for) with locals of the same name in
      // sibling blocks and loop locals captured by lambdas after an await
      p(48, "45 1two 0,10,20", """
          @Async public static Coroutine<Integer> sumStream() {
            var st = createMemoryObjectStream(16);
            for (int k = 0; k < 10; k++) st.sendStream().sendNowait(k);
            st.sendStream().close();
            int accum = 0;
            for (@Await Object v : st.receiveStream()) {
              accum += await(fv((Integer) v));
            }
            return done(accum);
          }
          @Async public static Coroutine<String> locals() {
            String s = "";
            {
              int x = await(fv(1));
              s += x;
            }
            {
              String x = await(fv("two"));
              s += x;
            }
            List<java.util.function.IntSupplier> fs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
              int j = await(fv(i));
              fs.add(() -> j * 10);
            }
            String t = "";
            for (var f : fs) t += (t.isEmpty() ? "" : ",") + f.getAsInt();
            return done(s + " " + t);
          }
          public static String go() { return run(§A.sumStream()) + " " + run(§A.locals()); }
          """),
      // async_await_test.dart group "switch" (await in expression, await in case) as a Java switch expression:
      // an await as the selector, in an arrow arm, in a block arm before yield, and a throwing arm
      p(49, "11 21 E:d", """
          @Async public static Coroutine<Integer> f(int v) {
            int r = switch (await(fv(v))) {
              case 1 -> await(fv(10)) + 1;
              case 2 -> {
                int t = await(fv(20));
                yield t + 1;
              }
              default -> throw new Err("d");
            };
            return done(r);
          }
          public static String go() { return r(() -> run(§A.f(1))) + " " + r(() -> run(§A.f(2))) + " " + r(() -> run(§A.f(3))); }
          """),
      // async/control_structures_test.dart asyncTryCatchLoop with awaits in the try, the catch (continue) and the finally
      p(50, "e3/3 4", """
          static int fin;
          @Async public static Coroutine<String> loop() {
            int i = 0;
            fin = 0;
            while (true) {
              try {
                await(fe("e" + i));
              } catch (Err e) {
                if (await(fv(i)) == 3) return done(e.getMessage() + "/" + fin);
                continue;
              } finally {
                fin += await(fv(1));
                i++;
              }
            }
          }
          public static String go() { return run(§A.loop()) + " " + fin; }
          """),
      // async/continue_label_test.dart test4 (a nested loop continuing the outer label) with a try/finally that awaits
      // around the continue
      p(51, "00..10..20..", """
          @Async public static Coroutine<String> f() {
            String s = "";
            outer:
            for (int i = 0; i < 3; i++) {
              for (int j = 0; j < 3; j++) {
                try {
                  if (j == 1) continue outer;
                  s += i + "" + j;
                } finally {
                  s += await(fv("."));
                }
              }
            }
            return done(s);
          }
          public static String go() { return run(§A.f()); }
          """),
      // async_await_test.dart group "await expression" (binary operator, function call w/ await) in array initializers,
      // constructor arguments and varargs, with a side effect between the awaits
      p(52, "[1, 1, 3] [1, 2] 2:x-y 123", """
          static class P { final String s; P(int a, String b, int c) { s = a + b + c; } }
          static String fmt(String f, Object... xs) { return xs.length + ":" + String.format(f, xs); }
          @Async public static Coroutine<String> f() {
            int x = 1;
            int[] a = {await(fv(1)), x++, await(fv(3))};
            List<Integer> l = List.of(await(fv(x - 1)), await(done(x)));
            String v = fmt("%s-%s", await(fv("x")), await(done("y")));
            String p = new P(await(fv(1)), "" + x++ + await(fv("")), await(fv(x))).s;
            return done(Arrays.toString(a) + " " + l + " " + v + " " + p);
          }
          public static String go() { return run(§A.f()); }
          """),
      // async/regression_64099_test.dart (compound assignments whose right side awaits), widened to the implicit
      // narrowing casts of Java's compound assignments: char, byte, short, long shifts, boxed and String targets
      p(53, "b 44 -31072 8589934592 2147483647 nullx 8 9", """
          @Async public static Coroutine<String> f() {
            char c = 'a';
            c += await(fv(1));
            byte b = 10;
            b *= await(fv(30));
            short sh = 1000;
            sh *= await(fv(100));
            long l = 1;
            l <<= await(fv(33));
            int x = -2;
            x >>>= await(fv(1));
            String s = null;
            s += await(fv("x"));
            Integer boxed = 5;
            boxed += await(fv(3));
            Integer post = boxed++;
            return done(c + " " + b + " " + sh + " " + l + " " + x + " " + s + " " + post + " " + boxed);
          }
          public static String go() { return run(§A.f()); }
          """),
      // async/regression_64130_test.dart ((await getNull()) != null && await ...) with a type pattern on the awaited
      // value, its binding used in the right operand of && after another await
      p(54, "yes no no", """
          @Async public static Coroutine<String> f(Object o) {
            if (await(fv(o)) instanceof String str && str.length() == await(fv(1))) {
              return done("yes");
            }
            return done("no");
          }
          public static String go() { return run(§A.f("s")) + " " + run(§A.f("ss")) + " " + run(§A.f(1)); }
          """),
      // async_await_test.dart group "conditional operator" nested: awaits in every operand of nested ?: and in the
      // operands of && and || inside them
      p(55, "t-t:1 t-f:2 f-t:true f-f:false", """
          @Async public static Coroutine<String> f(boolean a, boolean b) {
            Object r = await(fv(a))
                ? (await(fv(b)) ? await(fv(1)) : await(done(2)))
                : (Object) (await(fv(b)) && await(fv(!a)) || await(done(false)));
            return done((a ? "t" : "f") + "-" + (b ? "t" : "f") + ":" + r);
          }
          public static String go() {
            return run(§A.f(true, true)) + " " + run(§A.f(true, false)) + " " + run(§A.f(false, true)) + " " + run(§A.f(false, false));
          }
          """),
      // async_await_test.dart group "for-in" (await in for-in iterable): the iterable is evaluated once, before the
      // first await, even when the body assigns the variable it came from
      p(56, "1+2+3 a.b.c", """
          @Async public static Coroutine<String> f() {
            int[] arr = {1, 2, 3};
            String s = "";
            for (int e : arr) {
              arr = new int[] {9};
              s += (s.isEmpty() ? "" : "+") + await(fv(e));
            }
            List<String> l = new ArrayList<>(List.of("a", "b", "c"));
            String t = "";
            for (String e : l) {
              t += (t.isEmpty() ? "" : ".") + await(done(e));
            }
            return done(s + " " + t);
          }
          public static String go() { return run(§A.f()); }
          """),
      // async_await_test.dart groups "for-in" and "for" (break before await, continue after await) over a list
      // iterator kept across awaits, with labeled break and continue from a nested loop
      p(57, "a1 a2 b1 c1 c2 c3", """
          @Async public static Coroutine<String> f() {
            List<String> out = new ArrayList<>();
            outer:
            for (String k : List.of("a", "b", "c", "d")) {
              for (int i = 1; i <= 3; i++) {
                String v = await(fv(k + i));
                if (k.equals("a") && i == 3) continue outer;
                out.add(v);
                if (k.equals("b")) continue outer;
                if (k.equals("c") && i == 3) break outer;
              }
            }
            return done(String.join(" ", out));
          }
          public static String go() { return run(§A.f()); }
          """),
      // async_await_test.dart group "do-while" (await in test) with side effects in a short-circuit condition
      p(58, "0123/4 32/1", """
          @Async public static Coroutine<String> f() {
            int i = 0;
            String s = "";
            do {
              s += await(fv(i));
            } while (await(fv(i < 10)) && i++ < 3);
            s += "/" + i + " ";
            while (i > 0 && await(fv(i--)) > 2) s += i;
            return done(s + "/" + i);
          }
          public static String go() { return run(§A.f()); }
          """),
      // async_await_test.dart group "async declarations" ("async in async"): recursive coroutines awaiting each other
      p(59, "55 3", """
          @Async public static Coroutine<Integer> fib(int n) {
            if (n < 2) return done(n);
            return done(await(fib(n - 1)) + await(fib(n - 2)));
          }
          @Async public static Coroutine<Integer> depth(int n) {
            if (n == 0) return fv(0);
            int d = await(depth(n - 1));
            return done(d + 1);
          }
          public static String go() { return run(§A.fib(10)) + " " + run(§A.depth(3)); }
          """),
      // async_await_test.dart group "async declarations" (instanceMethod, topMethod) as generic and instance methods:
      // a bounded type variable's locals across awaits, fields of this updated between awaits, super calls after awaits
      new Program("Dart", 60, "c 3 base:2 sub:3", Twins.HEAD + """
          class Dart60Base { int n; String who() { return "base:" + n; } }
          public class §C extends Dart60Base {
          """ + COMMON + """
            @Override String who() { return "sub:" + n; }
            @Async public Coroutine<String> both() {
              n = await(fv(2));
              String a = super.who();
              n += await(fv(1));
              return done(a + " " + who());
            }
            @Async public static <T extends Comparable<T>> Coroutine<T> max(List<T> xs) {
              T best = null;
              for (T x : xs) {
                T y = await(fv(x));
                if (best == null || y.compareTo(best) > 0) best = y;
              }
              return done(best);
            }
            public static String go() {
              return run(§A.max(List.of("a", "c", "b"))) + " " + run(§A.max(List.of(1, 3, 2))) + " " + run(new §A().both());
            }
          }
          """));

  /**
   * Programs the processor refuses, cannot compile or miscompiles (see DART-FINDINGS.md): only their plain twins
   * are checked here, so each still means what its comment says.
   */
  static final List<Program> OPEN = List.of(

  );

  /** Every program is valid Java that gives the upstream output (translated) when each await returns at once. */
  @Test
  void plainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(PROGRAMS);
  }

  /** The open programs' plain twins are valid too. */
  @Test
  void openProgramsPlainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(OPEN);
  }

  /** Each program compiles through the processor and behaves like its plain twin. */
  @Test
  @Tag("fuzz-strict")
  void compiledTwinsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PROGRAMS);
  }
}
