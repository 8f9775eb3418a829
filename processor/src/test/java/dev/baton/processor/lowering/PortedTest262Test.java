package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.processor.difffuzz.InMemoryJavac;
import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Programs ported from tc39/test262 (async functions, {@code await} expressions, and the assignment,
 * compound-assignment, conditional and logical operators whose operand order shows when an operand
 * awaits) and from CPython's {@code Lib/test/test_coroutines.py} ({@code CoroutineTest}), each run as
 * {@link Twins}. Each program is our own Java rewrite of the upstream test's semantics (JavaScript's
 * left-to-right reference/value order is Java's, JLS 15.7 and 15.26); the comment above it names the
 * upstream file and test. {@code s(v)} suspends and resumes with {@code v}; {@code logS(tag, v)} logs
 * {@code tag} first; {@code boom(e)} suspends and throws {@code e}. A program's output is its log and
 * its values, so a change of evaluation order around an await changes it.
 *
 * <p>Not ported (no Java form, or refused by design): {@code await} inside a nested function, arrow or
 * class body (test262 await-in-nested-function.js, await-in-nested-generator.js: API.md refuses await in
 * a lambda or class body), {@code typeof}/{@code delete}/{@code void}, default parameter expressions
 * evaluated in the callee, {@code arguments}, thenables and {@code __await__} protocol errors
 * (test_await_8, 12, 13, 14), StopIteration leakage, {@code __aexit__} returning a non-awaitable
 * (test_with_2 .. 8: Java's types reject them), and an {@code __aexit__} that swallows or replaces the
 * body's exception (test_with_1's manager B, test_with_10, 12): the plain twin's {@code close()} cannot
 * swallow, and a throwing {@code close()} is suppressed where Python sets {@code __context__}.
 */
class PortedTest262Test {
  /** Helpers every program has: the log, a suspension, a logged suspension and a thrower. */
  private static final String COMMON = """
        static String log = "";
        @Async public static <T> Coroutine<T> s(T v) { await(checkpoint()); return done(v); }
        @Async public static <T> Coroutine<T> logS(String tag, T v) { log += tag; await(checkpoint()); return done(v); }
        @Async public static <T> Coroutine<T> boom(RuntimeException e) { await(checkpoint()); throw e; }
      """;

  private static Program p(int n, String expected, String members) {
    return new Program("T262", n, expected, Twins.HEAD + "public class §C {\n" + COMMON + members + "}\n");
  }

  /** A program with an async resource: {@code Mgr} is an {@code AutoCloseable} (the plain twin's exit) and an {@code AsyncExit}. */
  private static Program withMgr(int n, String expected, String members) {
    return new Program("T262", n, expected, Twins.HEAD + "import dev.baton.Awaitable;\nimport dev.baton.lowlevel.AsyncExit;\n"
        + "public class §C {\n" + COMMON + MGR + members + "}\n");
  }

  /**
   * test_with_1's Manager without the swallowing: entering awaits, exiting logs (the compiled twin
   * awaits in {@code $aexit} and lets the pending exception propagate); {@code BadMgr}'s exit fails.
   */
  private static final String MGR = """
        static class Mgr implements AutoCloseable, AsyncExit {
          final String name;
          Mgr(String name) { this.name = name; }
          @Override public void close() { log += "exit-" + name + ";"; }
          @Override public Awaitable<Throwable> $aexit(Throwable pending) { return §A.exit(this, pending); }
        }
        static class BadMgr extends Mgr {
          BadMgr(String name) { super(name); }
          @Override public void close() { log += "exit-" + name + ";"; throw new ArithmeticException("exit " + name); }
          @Override public Awaitable<Throwable> $aexit(Throwable pending) { return §A.badExit(this); }
        }
        @Async public static Coroutine<Mgr> enter(String name) { await(checkpoint()); log += "enter-" + name + ";"; return done(new Mgr(name)); }
        @Async public static Coroutine<Throwable> exit(Mgr m, Throwable pending) { await(checkpoint()); log += "exit-" + m.name + ";"; return done(pending); }
        @Async public static Coroutine<Throwable> badExit(Mgr m) {
          await(checkpoint());
          log += "exit-" + m.name + ";";
          return done(new ArithmeticException("exit " + m.name));
        }
      """;

  static final List<Program> PROGRAMS = List.of(
      // test262 expressions/assignment/S11.13.1_A7_T1 (the reference's base is evaluated before the right side):
      // o().v = await(...) stores into the object o() returned, though the await replaced the field it came from
      p(1, "target;rhs;7,0", """
          static class Box { int v; }
          static Box cur = new Box();
          static Box target() { log += "target;"; return cur; }
          @Async public static Coroutine<Integer> rhs() { log += "rhs;"; await(checkpoint()); cur = new Box(); return done(7); }
          @Async public static Coroutine<String> m() {
            Box old = cur;
            target().v = await(rhs());
            return done(log + old.v + "," + cur.v);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/assignment/S11.13.1_A7_T2 (base and property key before the right side): a[i] = await(...)
      // takes the array and the index before the await, which replaces both
      p(2, "[0, 9, 0][0, 0, 0] idx=2", """
          static int[] arr = new int[3];
          static int idx = 1;
          @Async public static Coroutine<Integer> rhs() { await(checkpoint()); arr = new int[3]; idx = 2; return done(9); }
          @Async public static Coroutine<String> m() {
            int[] old = arr;
            arr[idx] = await(rhs());
            return done(Arrays.toString(old) + Arrays.toString(arr) + " idx=" + idx);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/assignment/S11.13.1_A7_T3 (PutValue after the right side): in Java a simple assignment to
      // an element of a null array, or out of bounds, throws after the right side ran (JLS 15.26.1); a compound
      // assignment reads the element first, so it throws before the right side (JLS 15.26.2)
      p(3, "rhs1;npe;rhs2;oob;oob;npe;[0]", """
          static int[] nul = null;
          @Async public static Coroutine<String> m() {
            int[] one = new int[1];
            try { nul[0] = await(logS("rhs1;", 1)); } catch (NullPointerException e) { log += "npe;"; }
            try { one[5] = await(logS("rhs2;", 1)); } catch (ArrayIndexOutOfBoundsException e) { log += "oob;"; }
            try { one[5] += await(logS("rhs3;", 1)); } catch (ArrayIndexOutOfBoundsException e) { log += "oob;"; }
            try { nul[0] -= await(logS("rhs4;", 1)); } catch (NullPointerException e) { log += "npe;"; }
            return done(log + Arrays.toString(one));
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.1_A7_T3, field form: o.f = await(...) with a null o evaluates the right side, then throws;
      // o.f += await(...) throws before it; a call on a null receiver evaluates its arguments first (JLS 15.12.4.4)
      p(4, "rhs1;npe;npe;recv;arg;npe;", """
          static class Box { int v; void set(int x) { v = x; } }
          static Box nullBox() { log += "recv;"; return null; }
          @Async public static Coroutine<String> m() {
            Box b = null;
            try { b.v = await(logS("rhs1;", 1)); } catch (NullPointerException e) { log += "npe;"; }
            try { b.v += await(logS("rhs2;", 1)); } catch (NullPointerException e) { log += "npe;"; }
            try { nullBox().set(await(logS("arg;", 1))); } catch (NullPointerException e) { log += "npe;"; }
            return done(log);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.1_A7_T3 with Java's array store check: storing a wrong type into an array of String
      // through an Object[] fails after the right side (JLS 15.26.1, ArrayStoreException)
      p(5, "rhs;ase;[null]", """
          @Async public static Coroutine<String> m() {
            Object[] objs = new String[1];
            try { objs[0] = await(logS("rhs;", (Object) 1)); } catch (ArrayStoreException e) { log += "ase;"; }
            return done(log + Arrays.toString(objs));
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/compound-assignment/S11.13.2_A7.1_T1 .. A7.11_T1 (x op= y: x's value is read before y):
      // static fields of every primitive type; the awaited callee overwrites them all, the saved values are used,
      // with the implicit narrowing cast of the compound assignment
      p(6, "-126 -25536 c 15 1099511627775 3.0 0.0625 true", """
          static byte b = 120; static short sh = 30000; static char c = 'a'; static int i = 5;
          static long l = 1L << 40; static float f = 1.5f; static double d = 0.25; static boolean z = true;
          @Async public static <T> Coroutine<T> clobber(T v) {
            await(checkpoint());
            b = 0; sh = 0; c = 'z'; i = 0; l = 0; f = 0; d = 0; z = false;
            return done(v);
          }
          @Async public static Coroutine<String> m() {
            String r = "";
            b = 120; b += await(clobber(10)); r += b + " ";
            sh = 30000; sh += await(clobber(10000)); r += sh + " ";
            c = 'a'; c += await(clobber(2)); r += c + " ";
            i = 5; i *= await(clobber(3)); r += i + " ";
            l = 1L << 40; l -= await(clobber(1)); r += l + " ";
            f = 1.5f; f *= await(clobber(2)); r += f + " ";
            d = 0.25; d /= await(clobber(4)); r += d + " ";
            z = true; z &= await(clobber(true)); r += z;
            return done(r);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.3_T1 (%=), A7.6_T1 (>>=), A7.7_T1 (>>>=), A7.8_T1 (&=), A7.9_T1 (^=), A7.10_T1 (|=):
      // instance fields (an instance @Async method, implicit this), each overwritten by the awaited callee
      p(7, "2 -16 15 8 9 10 true", """
          int a = 17; long sl = -64; int u = -1; int bits = 0b1100; int b2 = 8; int b3 = 0b1001; boolean flag = false;
          @Async public <T> Coroutine<T> clob(T v) {
            await(checkpoint());
            a = 0; sl = 0; u = 0; bits = 0; b2 = 0; b3 = 0; flag = false;
            return done(v);
          }
          @Async public Coroutine<String> m() {
            String r = "";
            a = 17; a %= await(clob(5)); r += a + " ";
            sl = -64; sl >>= await(clob(2)); r += sl + " ";
            u = -1; u >>>= await(this.clob(28)); r += u + " ";
            bits = 0b1100; bits &= await(clob(0b1010)); r += bits + " ";
            b2 = 8; b2 |= await(clob(1)); r += b2 + " ";
            b3 = 0b1001; b3 ^= await(clob(0b11)); r += b3 + " ";
            flag = false; flag |= await(clob(true)); r += flag;
            return done(r);
          }
          public static String go() { return run(new §A().m()); }
          """),
      // test262 S11.13.2_A7.1_T4 / A7.2_T4 (base, then key, then GetValue, then the right side): array elements of
      // every primitive type; the callee overwrites each old element and replaces each array and the index
      p(8, "-56/55 11/0 y/q 21/0 -7/0 3.0/0.0 4.5/0.0 true/false", """
          static byte[] ba = {100}; static short[] sa = {1}; static char[] ca = {'x'}; static int[] ia = {7};
          static long[] la = {3}; static float[] fa = {2f}; static double[] da = {9}; static boolean[] za = {true};
          static int k = 0;
          @Async public static <T> Coroutine<T> clob(T v) {
            await(checkpoint());
            ba[0] = 0; sa[0] = 0; ca[0] = 0; ia[0] = 0; la[0] = 0; fa[0] = 0; da[0] = 0; za[0] = false;
            ba = new byte[] {55, 0}; sa = new short[2]; ca = new char[] {'q', 'q'}; ia = new int[2];
            la = new long[2]; fa = new float[2]; da = new double[2]; za = new boolean[2];
            k = 1;
            return done(v);
          }
          @Async public static Coroutine<String> m() {
            String r = "";
            byte[] ob = ba; k = 0; ba[k] += await(clob(100)); r += ob[0] + "/" + ba[0] + " ";
            short[] os = sa; k = 0; sa[0] = 1; sa[k] += await(clob(10)); r += os[0] + "/" + sa[0] + " ";
            char[] oc = ca; k = 0; ca[0] = 'x'; ca[k]++; ca[k] += await(clob(0)); r += oc[0] + "/" + ca[0] + " ";
            int[] oi = ia; k = 0; ia[0] = 7; ia[k] *= await(clob(3)); r += oi[0] + "/" + ia[0] + " ";
            long[] ol = la; k = 0; la[0] = 3; la[k] -= await(clob(10L)); r += ol[0] + "/" + la[0] + " ";
            float[] of = fa; k = 0; fa[0] = 2f; fa[k] += await(clob(1f)); r += of[0] + "/" + fa[0] + " ";
            double[] od = da; k = 0; da[0] = 9; da[k] /= await(clob(2.0)); r += od[0] + "/" + da[0] + " ";
            boolean[] oz = za; k = 0; za[0] = true; za[k] &= await(clob(true)); r += oz[0] + "/" + za[0];
            return done(r);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.*: locals of every primitive type, the right side awaited (no one else can change a
      // local, but the local must survive the suspension with its type)
      p(9, "-126 -25536 c 15 1099511627775 3.0 0.0625 false 2 -16 15", """
          @Async public static Coroutine<String> m() {
            byte b = 120; short sh = 30000; char c = 'a'; int i = 5; long l = 1L << 40; float f = 1.5f; double d = 0.25;
            boolean z = true; int a = 17; long sl = -64; int u = -1;
            b += await(s(10));
            sh += await(s(10000));
            c += await(s(2));
            i *= await(s(3));
            l -= await(s(1));
            f *= await(s(2));
            d /= await(s(4));
            z &= await(s(false));
            a %= await(s(5));
            sl >>= await(s(2));
            u >>>= await(s(28));
            return done(b + " " + sh + " " + c + " " + i + " " + l + " " + f + " " + d + " " + z + " " + a + " " + sl + " " + u);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A5.*/A6.* (the implicit conversion of the result): a wider awaited right side narrowed into
      // the variable (byte += long, char += double, int /= double, short <<= long), on locals, fields and elements
      p(10, "54 B 3 0 | 54 B 3 0 | 54 B 3 0", """
          static byte fb = 10; static char fc = 'A'; static int fi = 7; static short fs = 1;
          @Async public static Coroutine<String> m() {
            byte b = 10; char c = 'A'; int i = 7; short sh = 1;
            b += await(s(300L)); c += await(s(1.7)); i /= await(s(2.0)); sh <<= await(s(17L));
            fb += await(s(300L)); fc += await(s(1.7)); fi /= await(s(2.0)); fs <<= await(s(17L));
            byte[] ab = {10}; char[] ac = {'A'}; int[] ai = {7}; short[] as = {1};
            ab[0] += await(s(300L)); ac[0] += await(s(1.7)); ai[0] /= await(s(2.0)); as[0] <<= await(s(17L));
            return done(b + " " + c + " " + i + " " + sh + " | " + fb + " " + fc + " " + fi + " " + fs
                + " | " + ab[0] + " " + ac[0] + " " + ai[0] + " " + as[0]);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.*, boxed variables: Integer, Long, Double, Boolean and String locals and fields; the
      // callee sets the boxed fields to null, the values saved before the await are used
      p(11, "7 30 9.5 false null1 | 7 30 9.5 false null1", """
          static Integer FI = 5; static Long FL = 10L; static Double FD = 10.0; static Boolean FZ = true; static String FS = null;
          @Async public static <T> Coroutine<T> clob(T v) {
            await(checkpoint());
            FI = null; FL = null; FD = null; FZ = null; FS = "gone";
            return done(v);
          }
          @Async public static Coroutine<String> m() {
            Integer i = 5; Long l = 10L; Double d = 10.0; Boolean z = true; String str = null;
            i += await(s(2)); l *= await(s(3L)); d -= await(s(0.5)); z &= await(s(false)); str += await(s(1));
            FI += await(clob(2)); int fi = FI;
            FL = 10L; FL *= await(clob(3L)); long fl = FL;
            FD = 10.0; FD -= await(clob(0.5)); double fd = FD;
            FZ = true; FZ &= await(clob(false)); boolean fz = FZ;
            FS = null; FS += await(clob(1));
            return done(i + " " + l + " " + d + " " + z + " " + str + " | " + fi + " " + fl + " " + fd + " " + fz + " " + FS);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/await (await in a binary operand) with JLS 15.7.1: in x + await(y) the left operand is
      // read before the await changes it; in await(y) + x after
      p(12, "10+11=21 12+2=14 10*11-12=98", """
          static int x = 10;
          @Async public static Coroutine<Integer> inc() { await(checkpoint()); x++; return done(x); }
          @Async public static Coroutine<String> m() {
            int a = x + await(inc());
            x = 10;
            String first = "10+11=" + a;
            int b = await(inc()) + x - 9;
            x = 10;
            int c = x * await(inc()) - await(inc());
            return done(first + " 12+2=" + (b + 1) + " 10*11-12=" + c);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/postfix-increment and prefix-increment next to an await (S11.3.1_A5_T*, S11.4.4_A5_T*):
      // i++ + await(s(i)) reads and increments i before the await; on a local, a field and an array element
      p(13, "23 i=4 | 12 n=7 | 20 n=8 | [2, 2, 0] j=2", """
          static int n = 5;
          @Async public static Coroutine<Integer> bumpN() { await(checkpoint()); n++; return done(n); }
          @Async public static Coroutine<String> m() {
            int i = 1;
            int r = i++ + await(s(i)) * 10 + i;
            i = i++ + await(s(i)) - 1;
            String a = r + " i=" + i;
            int r2 = n++ + await(bumpN());
            String b = r2 + " n=" + n;
            int r3 = ++n + await(s(n)) + 4;
            int[] arr = new int[3];
            int j = 0;
            arr[j++] = await(s(j + 1));
            arr[j++] += await(s(j));
            return done(a + " | " + b + " | " + r3 + " n=" + n + " | " + Arrays.toString(arr) + " j=" + j);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/assignment (chained assignment, S11.13.1_A5_T*): a[i] = i = await(...) indexes with the
      // old i; f = g = await(...) with fields; the value of a compound assignment used in an enclosing expression
      p(14, "[2, 0, 0] i=2 | 4 4 | 130 13", """
          static int f, g;
          static int h = 3;
          @Async public static Coroutine<String> m() {
            int[] a = new int[3];
            int i = 0;
            a[i] = i = await(s(2));
            f = g = await(s(4));
            int r = (h += await(s(10))) * 10;
            return done(Arrays.toString(a) + " i=" + i + " | " + f + " " + g + " | " + r + " " + h);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 language/expressions/addition (S11.6.1_A2.4_T*: left operand first) on strings: a field read before
      // and after an await that appends to it, compound += on a String field, char and int arithmetic before a
      // string, null strings
      p(15, "start| start! | start!x | start!xy | 98|b1 | nullx nullx | x12 3x", """
          static String str = "start";
          @Async public static Coroutine<String> app(String v) { await(checkpoint()); str += "!"; return done(v); }
          @Async public static Coroutine<String> m() {
            String a = str + "|" + await(app("")) + " " + str;
            str += await(app("x"));
            String b = str;
            str += await(app("y"));
            String c = 'a' + 1 + "|" + await(s('b')) + 1;
            String nul = null;
            String d = nul + await(s("x"));
            nul += await(s("x"));
            String e = "x" + await(s(1)) + await(s(2));
            String f = await(s(1)) + await(s(2)) + "x";
            return done(a.substring(0, 6) + " " + a.substring(7) + " | " + b + " | " + str + " | " + c + " | " + d + " " + nul + " | " + e + " " + f);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.6.1_A2.4_T* (GetValue of the left operand first) for boxed operands: a null Integer unboxed by
      // +, *, a primitive parameter or a compound assignment throws before the awaiting right operand runs;
      // concatenation does not unbox
      p(16, "npe;npe;npe;npe;null1", """
          static Integer bx = null;
          static int sum(int a, int b) { return a + b; }
          @Async public static Coroutine<String> m() {
            Integer loc = null;
            try { int r = bx + await(logS("rhs1;", 1)); } catch (NullPointerException e) { log += "npe;"; }
            try { int r = loc * await(logS("rhs2;", 1)); } catch (NullPointerException e) { log += "npe;"; }
            try { int r = sum(bx, await(logS("rhs3;", 1))); } catch (NullPointerException e) { log += "npe;"; }
            try { bx += await(logS("rhs4;", 1)); } catch (NullPointerException e) { log += "npe;"; }
            String c = bx + "" + await(s(1));
            return done(log + c);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 language/expressions/equals and strict-equals (S11.9.4_A*: operand types decide the comparison):
      // Integer == Integer compares references, Integer == int compares values, whatever awaits on the right
      p(17, "false true true false true", """
          @Async public static Coroutine<String> m() {
            Integer big = 1000;
            Integer small = 100;
            boolean a = big == await(s(1000));
            boolean b = big == (int) await(s(1000));
            boolean c = small == await(s(100));
            boolean d = big.equals(await(s(1000L)));
            boolean e = 1000 == await(s(big));
            return done(a + " " + b + " " + c + " " + d + " " + e);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/await/syntax-await-has-UnaryExpression*.js: await as an operand of unary operators,
      // casts and multiplicative operators (await binds tighter than *; in Java await(...) is a call)
      p(18, "-5 -1 true 44 3 5 97 0.0 0.5 6", """
          @Async public static Coroutine<String> m() {
            int neg = -await(s(5));
            int inv = ~await(s(0));
            boolean not = !await(s(false));
            byte narrow = (byte) (int) await(s(300));
            int trunc = (int) (double) await(s(3.7));
            long wide = (long) await(s(5));
            int plus = +await(s('a'));
            double intDiv = await(s(1)) / 2;
            double dblDiv = await(s(1)) / 2.0;
            int mul = await(s(2)) * await(s(3));
            return done(neg + " " + inv + " " + not + " " + narrow + " " + trunc + " " + wide + " " + plus + " " + intDiv + " " + dblDiv + " " + mul);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/left-shift, right-shift, unsigned-right-shift (S11.7.*_A2.4_T*): the shift's type is the
      // promoted left operand's; a long distance is masked to 5 bits for an int; the left field read first
      p(19, "1099511627776 15 2 40 -4", """
          static int sh = 5;
          @Async public static Coroutine<Integer> bump(int v) { await(checkpoint()); sh = 1000; return done(v); }
          @Async public static Coroutine<String> m() {
            long a = 1L << await(s(40));
            int b = -1 >>> await(s(28));
            int c = 1 << await(s(33L));
            int d = sh << await(bump(3));
            int e = -16 >> await(s(2L));
            return done(a + " " + b + " " + c + " " + d + " " + e);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/conditional (S11.12_A2.1_T*: the condition first, then one arm): awaits in the
      // condition and the arms, the untaken arm's callee never runs; the arm reads a field after the condition's await
      p(20, "c;t;1 c;f;c;2 9", """
          static int fld = 0;
          @Async public static Coroutine<Boolean> cond(boolean v) { log += "c;"; await(checkpoint()); fld = 9; return done(v); }
          @Async public static Coroutine<String> m() {
            int a = await(cond(true)) ? await(logS("t;", 1)) : await(logS("f;", 2));
            String x = log + a;
            log = "";
            int b = await(cond(false)) ? await(logS("t;", 1)) : await(logS("f;", 2));
            fld = 0;
            int c = await(cond(true)) ? fld : -1;
            return done(x + " " + log + b + " " + c);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/conditional with Java's typing (JLS 15.25): an arm that is a generic call (await) makes a
      // reference conditional, typed by its target (Object: no unboxing; int: the await's null unboxed throws); an
      // arm cast to Integer makes a numeric conditional (Integer and double: 1.0; a null Integer throws; char and
      // Integer: int); Character and char in a concatenation: char
      p(21, "no npe: null npe 1 1.0 npe 97 98 x null", """
          @Async public static Coroutine<Integer> nothing() { await(checkpoint()); return done(null); }
          @Async public static Coroutine<String> m() {
            boolean t = true;
            String r = "";
            Object o = t ? await(nothing()) : 0;
            r += "no npe: " + o;
            try { int p = t ? await(nothing()) : 0; r += " no npe " + p; } catch (NullPointerException e) { r += " npe"; }
            Object b = t ? await(s(1)) : 2.0;
            Object b2 = t ? (Integer) await(s(1)) : 2.0;
            r += " " + b + " " + b2;
            try { Object b3 = t ? (Integer) await(nothing()) : 0; r += " no npe " + b3; } catch (NullPointerException e) { r += " npe"; }
            Object c = !t ? 'a' : await(s(97));
            Object c2 = !t ? 'a' : (Integer) await(s(98));
            String d = "" + (t ? await(s('x')) : 'y');
            Object e = t ? await(nothing()) : "str";
            return done(r + " " + (c instanceof Integer ? c : "not int " + c) + " " + (c2 instanceof Integer ? c2 : "not int " + c2) + " " + d + " " + e);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/logical-and and logical-or (S11.11.1_A3_T*, S11.11.2_A3_T*): the right operand awaits only
      // when reached; & and | evaluate both; ^ and a chain of && and || with awaits on both sides
      p(22, "a;b;T a;F a;T a;b;F a;b;T a;b;true", """
          @Async public static Coroutine<String> m() {
            String r = "";
            boolean x = await(logS("a;", true)) && await(logS("b;", true)) || await(logS("c;", false));
            r += log + (x ? "T " : "F "); log = "";
            x = await(logS("a;", false)) && await(logS("b;", true)) || false;
            r += log + (x ? "T " : "F "); log = "";
            x = await(logS("a;", true)) || await(logS("b;", true));
            r += log + (x ? "T " : "F "); log = "";
            x = await(logS("a;", true)) & await(logS("b;", false));
            r += log + (x ? "T " : "F "); log = "";
            x = await(logS("a;", false)) | await(logS("b;", true));
            r += log + (x ? "T " : "F "); log = "";
            x = await(logS("a;", true)) ^ await(logS("b;", false));
            r += log + x;
            return done(r);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/call (S11.2.4_A1.3_T1: arguments left to right) with awaits among them: f(a(), await
      // b(), c(), await d()); the receiver is evaluated before the arguments, even if an argument's await replaces it
      p(23, "a;b;c;d;[1, 2, 3, 4] [x] []", """
          static List<String> cur = new ArrayList<>();
          static int v(String tag, int x) { log += tag; return x; }
          static String join(int a, int b, int c, int d) { return Arrays.toString(new int[] {a, b, c, d}); }
          @Async public static Coroutine<String> swap(String v) { await(checkpoint()); cur = new ArrayList<>(); return done(v); }
          @Async public static Coroutine<String> m() {
            String j = join(v("a;", 1), await(logS("b;", 2)), v("c;", 3), await(logS("d;", 4)));
            List<String> old = cur;
            cur.add(await(swap("x")));
            return done(log + j + " " + old + " " + cur);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/new (arguments evaluation order) and JLS 15.9.4: a qualified inner class creation
      // evaluates the outer instance, then the arguments; the object keeps the outer instance read before the await
      p(24, "outer;arg;first:5 P(1,2)", """
          static §C current;
          final String name;
          §C(String name) { this.name = name; }
          class Inner { final int v; Inner(int v) { this.v = v; } String show() { return name + ":" + v; } }
          record P(int a, int b) {}
          static §C outer() { log += "outer;"; return current; }
          @Async public static Coroutine<Integer> arg() { log += "arg;"; await(checkpoint()); current = new §C("second"); return done(5); }
          @Async public static Coroutine<String> m() {
            current = new §C("first");
            Inner in = outer().new Inner(await(arg()));
            P p = new P(await(s(1)), await(s(2)));
            return done(log + in.show() + " P(" + p.a() + "," + p.b() + ")");
          }
          public static String go() { return run(§A.m()); }
          """),
      // CPython test_coroutines.py CoroutineTest.test_await_9: several awaits in one arithmetic expression
      // (await bar() + ... + await bar() * 1000 + ...) and -await bar()
      p(25, "42168 -42", """
          @Async public static Coroutine<Integer> bar() { await(checkpoint()); return done(42); }
          @Async public static Coroutine<Integer> foo() {
            return done(await(bar()) + await(bar()) + await(bar()) + await(bar()) * 1000 + await(bar()));
          }
          @Async public static Coroutine<Integer> foo2() { return done(-await(bar())); }
          public static String go() { return run(§A.foo()) + " " + run(§A.foo2()); }
          """),
      // CPython test_coroutines.py CoroutineTest.test_await_11: await as a (named) argument, and in a tuple
      // (Java: a list) next to a constant
      p(26, "spam [spam, ham]", """
          static String ident(String val) { return val; }
          @Async public static Coroutine<String> bar() { await(checkpoint()); return done("spam"); }
          @Async public static Coroutine<String> foo() { return done(ident(await(bar()))); }
          @Async public static Coroutine<List<String>> foo2() { return done(List.of(await(bar()), "ham")); }
          public static String go() { return run(§A.foo()) + " " + run(§A.foo2()); }
          """),
      // CPython test_coroutines.py CoroutineTest.test_await_10: await (await bar()), bar returning a coroutine
      p(27, "42", """
          @Async public static Coroutine<Integer> baz() { await(checkpoint()); return done(42); }
          @Async public static Coroutine<Coroutine<Integer>> bar() { await(checkpoint()); return done(§A.baz()); }
          @Async public static Coroutine<Integer> foo() { return done(await(await(bar()))); }
          public static String go() { return "" + run(§A.foo()); }
          """),
      // CPython test_coroutines.py CoroutineTest.test_await_16 (bpo-29600): an exception object returned from
      // inside an except block (by awaiting a coroutine) carries no context (Java: no cause, nothing suppressed)
      p(28, "ValueError cause=null suppressed=0", """
          @Async public static Coroutine<RuntimeException> f() { await(checkpoint()); return done(new IllegalArgumentException("ValueError")); }
          @Async public static Coroutine<RuntimeException> g() {
            try {
              throw new NoSuchElementException("KeyError");
            } catch (NoSuchElementException e) {
              return done(await(f()));
            }
          }
          public static String go() {
            RuntimeException r = run(§A.g());
            return r.getMessage() + " cause=" + r.getCause() + " suppressed=" + r.getSuppressed().length;
          }
          """),
      // test262 statements/async-function/evaluation-body-that-throws-after-await.js: the awaiting caller receives
      // the very exception the body threw after its await; evaluation-body-that-throws.js: before any await
      p(29, "same:after same:before", """
          static final RuntimeException AFTER = new IllegalStateException("after");
          static final RuntimeException BEFORE = new IllegalStateException("before");
          @Async public static Coroutine<Integer> afterAwait() { await(checkpoint()); throw AFTER; }
          @Async public static Coroutine<Integer> beforeAwait(boolean t) { if (t) { throw BEFORE; } await(checkpoint()); return done(1); }
          @Async public static Coroutine<String> m() {
            String r = "";
            try { await(afterAwait()); } catch (IllegalStateException e) { r += (e == AFTER ? "same:" : "other:") + e.getMessage(); }
            try { await(beforeAwait(true)); } catch (IllegalStateException e) { r += (e == BEFORE ? " same:" : " other:") + e.getMessage(); }
            return done(r);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 statements/async-function/evaluation-default-that-throws.js (Java: arguments are evaluated at the
      // call, left to right, before the callee's body): an argument that throws keeps the body from running
      p(30, "a;b;body(1,2);thrower;caught", """
          static int v(String tag, int x) { log += tag; return x; }
          static int thrower() { log += "thrower;"; throw new IllegalStateException(); }
          @Async public static Coroutine<Integer> f(int x, int y) { log += "body(" + x + "," + y + ");"; await(checkpoint()); return done(x + y); }
          @Async public static Coroutine<String> m() {
            await(f(v("a;", 1), v("b;", 2)));
            try { await(f(thrower(), v("c;", 3))); } catch (IllegalStateException e) { log += "caught"; }
            return done(log);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 statements/async-function/try-return-finally-return.js: return await ... in finally overrides the
      // try's return; try-return-finally-reject.js: a throw after an await in finally overrides it
      p(31, "override !override2", """
          @Async public static Coroutine<String> f() {
            try {
              return done("early-return");
            } finally {
              return done(await(s("override")));
            }
          }
          @SuppressWarnings("finally")
          @Async public static Coroutine<String> g() {
            try {
              return done("early-return");
            } finally {
              await(checkpoint());
              throw new IllegalStateException("override2");
            }
          }
          public static String go() {
            String r = run(§A.f());
            try { r += " " + run(§A.g()); } catch (IllegalStateException e) { r += " !" + e.getMessage(); }
            return r;
          }
          """),
      // test262 statements/async-function/evaluation-body-that-returns-after-await.js with a finally that changes
      // the returned variable: the value is taken before the finally runs (and awaits)
      p(32, "2 100 2", """
          static int fx = 1;
          @Async public static Coroutine<Integer> f() {
            int x = 1;
            try {
              return done(x + await(s(1)));
            } finally {
              x = 100;
              await(checkpoint());
              fx = x;
            }
          }
          @Async public static Coroutine<Integer> g() {
            try {
              return done(fx = 2);
            } finally {
              fx = await(s(100));
            }
          }
          public static String go() { return run(§A.f()) + " " + fx + " " + run(§A.g()); }
          """),
      // test262 statements/async-function/evaluation-this-value-passed.js and evaluation-mapped-arguments.js
      // (Java: parameters are locals): an instance coroutine reads this and assigns its parameters across awaits
      p(33, "obj:3:b!:[1, 2]", """
          String name = "obj";
          @Async public Coroutine<String> f(int a, String b, List<Integer> xs) {
            a += await(s(1));
            b += await(s("!"));
            xs.add(await(s(2)));
            a = a + await(this.g());
            return done(this.name + ":" + a + ":" + b + ":" + xs);
          }
          @Async public Coroutine<Integer> g() { await(checkpoint()); return done(name.length() - 3); }
          public static String go() { return run(new §A().f(2, "b", new ArrayList<>(List.of(1)))); }
          """),
      // CPython test_coroutines.py CoroutineTest.test_with_1 (without manager B's swallowing): two async
      // managers entered in order by awaiting, the body awaits and fails, both exit in reverse order, the error
      // propagates
      withMgr(34, "enter-A;enter-B;managers A B;exit-B;exit-A;caught / by zero", """
          @Async public static Coroutine<String> foo() {
            try (@Await Mgr a = await(enter("A")); @Await Mgr b = await(enter("B"))) {
              log += await(s("managers " + a.name + " " + b.name + ";"));
              int zero = 0;
              log += 1 / zero;
            }
            return done("not reached");
          }
          public static String go() {
            try {
              return run(§A.foo());
            } catch (ArithmeticException e) {
              return log + "caught " + e.getMessage();
            }
          }
          """),
      // CPython test_coroutines.py CoroutineTest.test_with_8 (the exits, not the TypeError): leaving an async with by
      // break, continue and return runs its exit each time; CNT counts the bodies
      withMgr(35, "exit-brk;after-break;exit-cnt;exit-cnt;exit-ret;CNT=4 ret", """
          static int CNT = 0;
          @Async public static Coroutine<String> brk() {
            for (int i = 0; i < 2; i++) {
              try (@Await Mgr m = new Mgr("brk")) {
                CNT += await(s(1));
                break;
              }
            }
            log += "after-break;";
            for (int i = 0; i < 2; i++) {
              try (@Await Mgr m = new Mgr("cnt")) {
                CNT += await(s(1));
                continue;
              }
            }
            try (@Await Mgr m = new Mgr("ret")) {
              CNT += await(s(1));
              return done("ret");
            }
          }
          public static String go() { String r = run(§A.brk()); return log + "CNT=" + CNT + " " + r; }
          """),
      // CPython test_coroutines.py CoroutineTest.test_with_9: an exit that fails after a normal body; the failure
      // propagates, the body ran once
      withMgr(36, "exit-bad;caught exit bad CNT=1", """
          static int CNT = 0;
          @Async public static Coroutine<Void> foo() {
            try (@Await Mgr m = new BadMgr("bad")) {
              CNT += await(s(1));
            }
            CNT += 100;
            return done();
          }
          public static String go() {
            try {
              run(§A.foo());
              return "no exception";
            } catch (ArithmeticException e) {
              return log + "caught " + e.getMessage() + " CNT=" + CNT;
            }
          }
          """),
      // CPython test_coroutines.py CoroutineTest.test_with_11 and test_with_13: entering fails (the resource's
      // initializer throws after an await): neither the body nor the exit runs
      withMgr(37, "caught enter CNT=1", """
          static int CNT = 0;
          @Async public static Coroutine<Mgr> failingEnter() { await(checkpoint()); throw new UnsupportedOperationException("enter"); }
          @Async public static Coroutine<Void> foo() {
            CNT += 1;
            try (@Await Mgr m = await(failingEnter())) {
              CNT += 1000;
            }
            CNT += 10000;
            return done();
          }
          public static String go() {
            try {
              run(§A.foo());
              return "no exception";
            } catch (UnsupportedOperationException e) {
              return log + "caught " + e.getMessage() + " CNT=" + CNT;
            }
          }
          """),
      // CPython test_coroutines.py CoroutineTest.test_with_12 (the "as" target is the entered manager) and
      // test_with_5 (an error inside the body): the body sees the resource across awaits; a nested manager
      withMgr(38, "enter-outer;body outer inner;exit-inner;exit-outer;after", """
          @Async public static Coroutine<String> foo() {
            try (@Await Mgr cm = await(enter("outer"))) {
              await(checkpoint());
              try (@Await Mgr in = new Mgr("inner")) {
                log += "body " + cm.name + " " + await(s(in)).name + ";";
              }
            }
            log += "after";
            return done(log);
          }
          public static String go() { return run(§A.foo()); }
          """),
      // CPython test_coroutines.py (a plain with inside a coroutine) and test_exceptions' context chaining; Java's
      // analogue is suppression: the body fails after an await, close() fails too and is suppressed into the body's
      // error; the resource's initializer awaits
      p(39, "open;close;body [close]", """
          static class Res implements AutoCloseable {
            Res(String v) { log += v + ";"; }
            @Override public void close() { log += "close;"; throw new IllegalStateException("close"); }
          }
          @Async public static Coroutine<Void> foo() {
            try (Res r = new Res(await(s("open")))) {
              await(checkpoint());
              throw new IllegalArgumentException(await(s("body")));
            }
          }
          public static String go() {
            try {
              run(§A.foo());
              return "no exception";
            } catch (IllegalArgumentException e) {
              List<String> sup = new ArrayList<>();
              for (Throwable t : e.getSuppressed()) { sup.add(t.getMessage()); }
              return log + e.getMessage() + " " + sup;
            }
          }
          """),
      // CPython test_coroutines.py / test_exceptions.py exception chaining (raise ... from e, __context__): Java's
      // cause, given explicitly with an awaited message; a finally that awaits and throws replaces the exception
      p(40, "wrapped<-inner | finally-wins", """
          @Async public static Coroutine<String> chain() {
            try {
              await(boom(new IllegalArgumentException("inner")));
              return done("not reached");
            } catch (IllegalArgumentException e) {
              throw new IllegalStateException(await(s("wrapped")), e);
            }
          }
          @SuppressWarnings("finally")
          @Async public static Coroutine<String> replace() {
            try {
              await(boom(new IllegalArgumentException("lost")));
              return done("not reached");
            } finally {
              throw new IllegalStateException(await(s("finally-wins")));
            }
          }
          public static String go() {
            String r;
            try { r = run(§A.chain()); } catch (IllegalStateException e) { r = e.getMessage() + "<-" + e.getCause().getMessage(); }
            try { r += " | " + run(§A.replace()); } catch (IllegalStateException e) { r += " | " + e.getMessage() + (e.getCause() == null ? "" : "?"); }
            return r;
          }
          """),
      // CPython test_grammar.py / test_exceptions.py: return, break and continue in a finally swallow the
      // exception in flight (PEP 601's cases), after awaits in the try and in the finally
      p(41, "swallowed 0;1;2;loop-end 3", """
          @SuppressWarnings("finally")
          @Async public static Coroutine<String> ret() {
            try {
              await(boom(new IllegalStateException("x")));
            } finally {
              return done(await(s("swallowed")));
            }
          }
          @SuppressWarnings("finally")
          @Async public static Coroutine<String> loops() {
            String r = "";
            int i = 0;
            while (true) {
              try {
                r += await(s(i)) + ";";
                if (i < 2) { throw new IllegalStateException("c"); }
                throw new IllegalStateException("b");
              } finally {
                i += await(s(1));
                if (i <= 2) { continue; }
                break;
              }
            }
            return done(r + "loop-end " + i);
          }
          public static String go() { return run(§A.ret()) + " " + run(§A.loops()); }
          """),
      // CPython test_coroutines.py CoroutineTest.test_for_1 (async for with break and continue; Java has no
      // for-else, so a flag): an async iteration over a memory object stream
      p(42, "1,2,3,end | 1,2,4,5,what?,end", """
          @Async public static Coroutine<String> loop(boolean breakAt3) {
            var st = createMemoryObjectStream(16);
            for (int i = 1; i <= 5; i++) { st.sendStream().sendNowait(i); }
            st.sendStream().close();
            String buf = "";
            boolean broke = false;
            for (@Await Object o : st.receiveStream()) {
              int i = (Integer) o;
              if (!breakAt3 && i == 3) { continue; }
              buf += await(s(i)) + ",";
              if (breakAt3 && i == 3) { broke = true; break; }
            }
            if (!broke) { buf += "what?,"; }
            return done(buf + "end");
          }
          public static String go() { return run(§A.loop(true)) + " | " + run(§A.loop(false)); }
          """),
      // CPython test_coroutines.py (await in while and for headers) with test262 compound-assignment: a compound
      // assignment in a loop condition whose right side awaits, and a for whose init, condition and update await
      p(43, "10 i=4 | 0,1,2, 6", """
          @Async public static Coroutine<String> m() {
            int total = 0;
            int i = 0;
            while ((total += await(s(i))) < 10) { i++; }
            String r = total + " i=" + i + " | ";
            int sum = 0;
            for (int j = await(s(0)); j < await(s(3)); j += await(s(1))) {
              r += j + ",";
              sum += j * await(s(2));
            }
            return done(r + " " + sum);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/instanceof and Java patterns: a binding made from an awaited value, used in the same
      // condition after a second await, and after the statement
      p(44, "str:3 no", """
          @Async public static Coroutine<String> m(Object v) {
            if (await(s(v)) instanceof String str && str.length() == await(s(3))) {
              await(checkpoint());
              return done("str:" + str.length());
            }
            return done("no");
          }
          public static String go() { return run(§A.m("abc")) + " " + run(§A.m(3)); }
          """),
      // test262 expressions/array (element evaluation order, S11.1.4_A1.*): array initializers whose elements await,
      // with element conversions (Integer into long[] and double[], Character into char[])
      p(45, "a;b;c;[1, 2, 99] [1.0, 2.0] [a, b] [1, x]", """
          static long v(String tag, long x) { log += tag; return x; }
          @Async public static Coroutine<String> m() {
            long[] la = {v("a;", 1), await(logS("b;", 2)), v("c;", 'c')};
            double[] da = new double[] {await(s(1)), 2};
            char[] ca = {'a', await(s('b'))};
            Object[] oa = {await(s(1)), "x"};
            return done(log + Arrays.toString(la) + " " + Arrays.toString(da) + " " + Arrays.toString(ca) + " " + Arrays.toString(oa));
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.*_T4 (the key expression is evaluated once): arr[i++] += await(...) and
      // arr[next()] *= await(...) evaluate the index once, before the right side; the index itself may await
      p(46, "[10, 4, 0] i=1 next=1 | [0, 5]", """
          static int calls = 0;
          static int next() { calls++; return 1; }
          @Async public static Coroutine<String> m() {
            int[] arr = {0, 2, 0};
            int i = 0;
            arr[i++] += await(s(i * 10));
            arr[next()] *= await(s(2));
            int[] b = {0, 0};
            b[await(s(1))] += await(s(5));
            return done(Arrays.toString(arr) + " i=" + i + " next=" + calls + " | " + Arrays.toString(b));
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.* on String array elements and fields: sa[0] += await(...) + sa[0] reads the element
      // twice, before and after the await (the right side sees the old element, not yet assigned)
      p(47, "aba | xyx!", """
          static String fs = "x";
          @Async public static Coroutine<String> bang(String v) { await(checkpoint()); fs += "!"; return done(v); }
          @Async public static Coroutine<String> m() {
            String[] sa = {"a"};
            sa[0] += await(s("b")) + sa[0];
            fs += await(bang("y")) + fs;
            return done(sa[0] + " | " + fs);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.3.1_A5_T* (postfix increment of a field) next to awaits in one expression: f++ + await(s(f)) + ++f
      p(48, "1+2+3=6 f=3 | [2, 1]", """
          static int f = 1;
          static int[] cnt = {0, 0};
          static int at = 0;
          @Async public static Coroutine<Integer> move() { await(checkpoint()); at = 1; return done(1); }
          @Async public static Coroutine<String> m() {
            int a = f++;
            f = 1;
            int r = f++ + await(s(f)) + ++f;
            cnt[at]++;
            cnt[at] += await(move());
            cnt[at]++;
            return done(a + "+2+3=" + r + " f=" + f + " | " + Arrays.toString(cnt));
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/assignment in argument position (S11.13.1_A1_*): an assignment to a local inside an
      // argument list with awaits, the later argument reads the assigned local
      p(49, "a|ab x=a", """
          static String pair(String a, String b) { return a + "|" + b; }
          @Async public static Coroutine<String> m() {
            String x;
            String r = pair(x = await(s("a")), x + await(s("b")));
            return done(r + " x=" + x);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 statements/variable (definite assignment has no JS form; Java's): a local assigned in both branches
      // by an await, a var local inferred from an await, a lambda capturing an awaited effectively final local
      p(50, "1 [z] 6 2", """
          @Async public static Coroutine<String> m(boolean c) {
            int x;
            if (c) { x = await(s(1)); } else { x = 2; }
            var list = await(s(new ArrayList<String>()));
            list.add(await(s("z")));
            int v = await(s(3));
            java.util.function.IntSupplier sup = () -> v * 2;
            return done(x + " " + list + " " + sup.getAsInt());
          }
          public static String go() { return run(§A.m(true)) + " " + run(§A.m(false)).charAt(0); }
          """),
      // test262 expressions/call with a generic callee (inference through an awaited argument):
      // Collections.max(List.of(await(...), 5, await(...))) and Math.max(await(...), long)
      p(51, "5 7 ab", """
          @Async public static Coroutine<String> m() {
            int mx = Collections.max(List.of(await(s(3)), 5, await(s(4))));
            long ml = Math.max(await(s(7)), 2L);
            String j = String.join("", List.of(await(s("a")), await(s("b"))));
            return done(mx + " " + ml + " " + j);
          }
          public static String go() { return run(§A.m()); }
          """),
      // CPython test_coroutines.py CoroutineTest.test_func_* style nesting with test262 expressions/await: an await
      // whose operand is built from another await (await(s(await(s(1)) + 1))) and a coroutine argument awaited inside
      p(52, "3 12", """
          @Async public static Coroutine<Integer> add(int a, int b) { await(checkpoint()); return done(a + b); }
          @Async public static Coroutine<String> m() {
            int a = await(s(await(s(1)) + 2));
            int b = await(add(await(s(5)), await(add(3, 4))));
            return done(a + " " + b);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.*: an instance field of another object, reached through a method call whose result
      // the await replaces (holder().x op= await(...)): the saved object and value are used
      p(53, "h1:30 h2:0 calls=1", """
          static class H { int x; final String n; H(String n) { this.n = n; } }
          static H cur = new H("h1");
          static int calls = 0;
          static H holder() { calls++; return cur; }
          @Async public static Coroutine<Integer> swap(int v) { await(checkpoint()); cur.x = 1000; cur = new H("h2"); return done(v); }
          @Async public static Coroutine<String> m() {
            H old = cur;
            old.x = 10;
            holder().x *= await(swap(3));
            return done(old.n + ":" + old.x + " " + cur.n + ":" + cur.x + " calls=" + calls);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/compound-assignment/S11.13.2_A7.* with division by zero: the left operand of a compound
      // division is read first; 1 / zero() + await(...) throws before the await (an operand evaluated before it)
      p(54, "arith;arith;rhs2;arith;", """
          static int zero() { return 0; }
          @Async public static Coroutine<String> m() {
            try { int r = 1 / zero() + await(logS("rhs1;", 1)); } catch (ArithmeticException e) { log += "arith;"; }
            try { int r = 1 % zero() * await(logS("rhs1;", 1)); } catch (ArithmeticException e) { log += "arith;"; }
            int x = 5;
            try { x /= await(logS("rhs2;", 0)); } catch (ArithmeticException e) { log += "arith;"; }
            return done(log);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/conditional and switch expressions as standalone operands of a concatenation (JLS 15.25,
      // 15.28.1): Integer and double arms make a double; a switch expression's arms are typed the same way
      p(55, "1.0 1.0 1 2.0", """
          @Async public static Coroutine<String> m(int k) {
            boolean t = true;
            String a = "" + (t ? (Integer) await(s(1)) : 2.0);
            String b = "" + switch (k) { case 1 -> (Integer) await(s(1)); default -> 2.0; };
            Object c = switch (k) { case 1 -> await(s(1)); default -> 2.0; };
            double d = switch (k + 1) { case 1 -> await(s(1)); default -> 2; };
            return done(a + " " + b + " " + c + " " + d);
          }
          public static String go() { return run(§A.m(1)); }
          """),
      // test262 S11.13.2_A7.* with the value of a conditional on the right, and int overflow of a compound with a
      // long right side; a boxed Integer incremented next to an await
      p(56, "13 -2147483648 11 I=6 -62", """
          @Async public static Coroutine<String> m() {
            boolean c = true;
            int x = 10;
            x += c ? await(s(3)) : 2;
            int big = Integer.MAX_VALUE;
            big += await(s(1L));
            Integer I = 5;
            int r = I++ + await(s(I));
            char ch = 'a';
            ch *= await(s(2));
            byte by = (byte) ch;
            return done(x + " " + big + " " + r + " I=" + I + " " + by);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.*_T1 with a static field reached through an instance expression (JLS 15.11.1: the
      // primary is evaluated, then discarded) and through the class name
      p(57, "holder;5+2=7 7+3=10", """
          static int SF = 5;
          static §C holder() { log += "holder;"; return null; }
          @Async public static Coroutine<Integer> bump(int v) { await(checkpoint()); SF = 1000; return done(v); }
          @SuppressWarnings("static-access")
          @Async public static Coroutine<String> m() {
            holder().SF += await(bump(2));
            String a = "5+2=" + SF;
            §C.SF += await(bump(3));
            return done(log + a + " 7+3=" + SF);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 S11.13.2_A7.*_T3 (the base expression is itself awaited): (await(...))[i] += await(...) and
      // await(...)[await(...)]++ ; a pre-increment in the index seen by the right side
      p(58, "[1, 12, 0] [0, 2, 3]", """
          @Async public static Coroutine<String> m() {
            int[] arr = {1, 2, 0};
            await(s(arr))[1] += await(s(10));
            int[] b = {0, 1, 2};
            await(s(b))[await(s(1))]++;
            int i = 1;
            b[++i] = await(s(i + 1));
            return done(Arrays.toString(arr) + " " + Arrays.toString(b));
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/assignment to a local that shadows a field: this.n op= await(...) uses the field, n the
      // local; a blank final local assigned by an await and read after another
      p(59, "local=6 field=13 fin=4", """
          int n = 10;
          @Async public Coroutine<String> m() {
            int n = 5;
            n += await(s(1));
            this.n += await(s(n - 3));
            final int fin;
            fin = await(s(4));
            await(checkpoint());
            return done("local=" + n + " field=" + this.n + " fin=" + fin);
          }
          public static String go() { return run(new §A().m()); }
          """),
      // test262 expressions/logical-and (GetValue of the left first) with a boolean field the awaiting right operand
      // clears; x = x + await(...) and x += await(...) on a field both read x before the await
      p(60, "true 3 3", """
          static boolean flag = true;
          static int x = 1;
          @Async public static <T> Coroutine<T> clear(T v) { await(checkpoint()); flag = false; x = 100; return done(v); }
          @Async public static Coroutine<String> m() {
            boolean a = flag && await(clear(true));
            x = 1;
            x = x + await(clear(2));
            int b = x;
            x = 1;
            x += await(clear(2));
            return done(a + " " + b + " " + x);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 statements/try with try-with-resources (no JS form; Java 9 resource variables): a resource assigned
      // from an await and named by the try; close() failing after a return whose value awaited
      p(61, "body;close;close failed", """
          static class Res implements AutoCloseable {
            final boolean fail;
            Res(boolean fail) { this.fail = fail; }
            @Override public void close() { log += "close;"; if (fail) { throw new IllegalStateException("close failed"); } }
          }
          @Async public static Coroutine<Integer> m() {
            Res r = await(s(new Res(true)));
            try (r) {
              log += "body;";
              return done(await(s(1)));
            }
          }
          public static String go() {
            try {
              return "returned " + run(§A.m());
            } catch (IllegalStateException e) {
              return log + e.getMessage();
            }
          }
          """),
      // test262 expressions/await with the await's exact type not denotable: a list of an intersection type, a
      // captured wildcard (each used at once, in the same expression), and a local class instance
      p(62, "1 2.5 5 a", """
          @Async public static Coroutine<String> m() {
            String a = "" + await(s(List.of(1, 2.5))).get(0).intValue();
            double b = await(s(List.of(1, 2.5))).get(1).doubleValue();
            class L { int n = 5; }
            int c = await(s(new L())).n;
            List<?> wild = List.of("a");
            Object d = await(s(wild)).get(0);
            return done(a + " " + b + " " + c + " " + d);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 statements/async-function with generic parameters: a type variable's values kept across awaits and
      // compared; a local record instance awaited
      p(63, "b 3", """
          @Async public static <T extends Comparable<T>> Coroutine<T> max(T a, T b) {
            T x = await(s(a));
            T y = await(s(b));
            return done(x.compareTo(await(s(y))) >= 0 ? x : y);
          }
          @Async public static Coroutine<String> m() {
            record P(int x) {}
            P p = await(s(new P(1)));
            P q = new P(p.x() + await(s(2)));
            return done(await(max("a", "b")) + " " + q.x());
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/await in an assert (Java only): assertions are disabled, so the condition and its await
      // never run; an await in an if and a while condition (a Boolean unboxed)
      p(64, "|w;w;w;3", """
          @Async public static Coroutine<String> m() {
            assert await(logS("assert;", true));
            log += "|";
            int i = 0;
            while (!await(logS("w;", i >= 2))) { i++; }
            if (await(s(Boolean.TRUE))) { i++; }
            return done(log + i);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/compound-assignment on an Object variable (Java: += with a String right side is a
      // concatenation) and on a String with a char and a null
      p(65, "ab a1c null", """
          @Async public static Coroutine<String> m() {
            Object o = "a";
            o += await(s("b"));
            String st = "a";
            st += await(s(1)) + "" + await(s('c'));
            String n = "";
            n += await(s((Object) null));
            return done(o + " " + st + " " + n);
          }
          public static String go() { return run(§A.m()); }
          """),
      // test262 expressions/call with a local class (the counterpart of ANONYMOUS's anonymous class receiver, which
      // fails): a local class instance created before an await in the same expression
      p(66, "3", """
          @Async public static Coroutine<Integer> m() {
            class L { int add(int v) { return v + 2; } }
            return done(new L().add(await(s(1))));
          }
          public static String go() { return "" + run(§A.m()); }
          """));

  /**
   * A member of a value whose type is an anonymous class, where the generated code must keep the value
   * or take it from an await (typed by the supertype, which lacks the member). The generated code did
   * not compile ("cannot find symbol"); the processor now refuses these with [AsyncAnonymousValue] at
   * the member's line (a local class works: programs 66 and the like).
   */
  static final List<Program> ANONYMOUS = List.of(
      // test262 expressions/await (await in a member-access operand) with an anonymous class: the awaited value's
      // type is the anonymous class, and its field is read at once. The generated code casts the value to Object
      // ("cannot find symbol: variable n"). T262-FINDINGS.md, finding 1
      p(101, "5", """
          @Async public static Coroutine<Integer> m() {
            return done(await(s(new Object() { int n = 5; })).n);
          }
          public static String go() { return "" + run(§A.m()); }
          """),
      // the same with a method of the anonymous class (finding 1)
      p(102, "6", """
          @Async public static Coroutine<Integer> m() {
            return done(await(s(new Object() { int twice(int x) { return 2 * x; } })).twice(3));
          }
          public static String go() { return "" + run(§A.m()); }
          """),
      // test262 expressions/call (the receiver is evaluated before the arguments): an anonymous class instance as
      // the receiver of a call whose argument awaits. The receiver is kept in a slot typed Object ("cannot find
      // symbol: method add"). T262-FINDINGS.md, finding 2
      p(103, "2", """
          @Async public static Coroutine<Integer> m() {
            return done(new Object() { int add(int v) { return v + 1; } }.add(await(s(1))));
          }
          public static String go() { return "" + run(§A.m()); }
          """));

  /** Each program's plain twin returns the output the upstream test asserts (in Java terms). */
  @Test
  void plainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(PROGRAMS);
  }

  @Test
  void anonymousPlainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(ANONYMOUS);
  }

  /** The processor refuses them with their tag, at compile time (not generated code that fails to compile). */
  @Test
  void aMemberOfAnAnonymousValueKeptAcrossAnAwaitIsRefusedWithItsTag() {
    for (Program p : ANONYMOUS) {
      InMemoryJavac.Output out = Twins.compile(p, false);
      String errors = String.valueOf(out.errors());
      assertTrue(!out.success() && out.crash() == null && errors.contains("[AsyncAnonymousValue]")
          && !errors.contains("cannot find symbol"), "T262 " + p.n() + ": " + errors);
    }
  }

  /** Each program compiles through the processor and behaves like its plain twin. */
  @Test
  @Tag("fuzz-strict")
  void compiledTwinsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PROGRAMS);
  }
}
