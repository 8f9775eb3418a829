package dev.baton.processor.lowering;

import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rest of the C# compiler's spill, locals and exception-handling async tests (dotnet/roslyn,
 * {@code src/Compilers/CSharp/Test/Emit/CodeGen/CodeGenAsyncSpillTests.cs}, {@code CodeGenAsyncLocalsTests.cs},
 * {@code CodeGenAsyncEHTests.cs}) and of Kotlin's {@code compiler/testData/codegen/box/coroutines/varSpilling/},
 * after {@link PortedRoslynTest}, {@link PortedMoreTest} and {@link PortedKotlinTest}, as {@link Twins} programs
 * ({@code repro.SpillN}). The comment above each program names the upstream file and test; the expected string is
 * the upstream expected output, translated.
 *
 * <p>Roslyn's {@code KeepLtrSemantics_*} tests reassign a local from a local function during the await; Java
 * lambdas cannot assign locals, so the ports reassign a static field (which the lowering keeps, like any field), or
 * assign the local inside the right operand itself. C# structs become classes where the test does not rely on a copy.
 * {@code PRINTER_FINDINGS} holds the programs that found printer bugs (fixed); {@code KNOWN_GAPS} one the
 * processor cannot compile yet (only its plain twin is checked).
 */
class PortedSpillTest {
  /** Helpers: {@code p(o)} logs, {@code out()} returns and clears the log, {@code s(v)} suspends and returns v,
   * {@code w(s)} suspends, logs s and returns 42 (Roslyn's {@code Write}). */
  private static final String UTIL = """
        static StringBuilder log = new StringBuilder();
        static void p(Object o) { log.append(o).append(' '); }
        static String out() { String r = log.toString().trim(); log.setLength(0); return r; }
        @Async public static <T> Coroutine<T> s(T v) { await(checkpoint()); return done(v); }
        @Async public static Coroutine<Integer> w(String s) { await(checkpoint()); p(s); return done(42); }
      """;

  private static Program p(int n, String expected, String body) {
    return new Program("Spill", n, false, expected, Twins.HEAD + "import java.util.function.*;\n" + body.replace("§UTIL", UTIL));
  }

  private static Program p21(int n, String expected, String body) {
    return new Program("Spill", n, true, expected, Twins.HEAD + "import java.util.function.*;\n" + body.replace("§UTIL", UTIL));
  }

  /** Kotlin's kt83372 test{10,100,1000}SP: {@code n} blocks of {@code if (condition()) { num1++; await; num2 += num1; await }}. */
  private static String spBlocks(int n) {
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < n; k++) {
      b.append("    if (condition()) {\n      num1++;\n      await(aw(").append(2 * k)
          .append("));\n      num2 = num2 + num1;\n      await(aw(num2));\n    }\n");
    }
    return b.toString();
  }

  private static String spExpected(int n) {
    long total = 0;
    for (int k = 0; k < n; k++) {
      total += 2L * k + (long) (k + 1) * (k + 2) / 2;
    }
    return (2 * n) + " " + total;
  }

  private static Program sp(int n, int blocks) {
    return p(n, spExpected(blocks), """
        public class §C {
          static long total;
          static int count;
          static boolean condition() { return true; }
          @Async static Coroutine<Void> aw(int num) { total += num; count++; await(checkpoint()); return done(); }
          @Async static Coroutine<Void> test() {
            int num1 = 0;
            int num2 = 0;
        §BLOCKS
            return done();
          }
          public static String go() { total = 0; count = 0; run(§A.test()); return count + " " + total; }
        }
        """.replace("§BLOCKS", spBlocks(blocks)));
  }

  /** Kotlin's kt83372 test100SPsComplexCFG: a while(true) around a 100-case switch whose arms await conditionally. */
  private static Program complexCfg(int n, int cases) {
    StringBuilder arms = new StringBuilder();
    long total = 0;
    for (int k = 1; k <= cases; k++) {
      arms.append("          case ").append(k).append(" -> { if (cond()) await(aw(").append(k).append(")); }\n");
      total += k;
    }
    return p(n, cases + " " + total, """
        public class §C {
          static long total;
          static int count;
          static int next;
          static boolean cond() { return true; }
          static int someInt() { return next <= §N ? next++ : 0; }
          @Async static Coroutine<Void> aw(int num) { total += num; count++; await(checkpoint()); return done(); }
          @Async static Coroutine<Void> test() {
            int num = 0;
            while (true) {
              switch (someInt()) {
        §ARMS
                default -> { return done(); }
              }
            }
          }
          public static String go() { total = 0; count = 0; next = 1; run(§A.test()); return count + " " + total; }
        }
        """.replace("§ARMS", arms.toString()).replace("§N", String.valueOf(cases)));
  }

  static final List<Program> PROGRAMS = List.of(
      // CodeGenAsyncSpillTests.KeepLtrSemantics_FieldAccessOnClass: a.x = await(...) evaluates a first; a null a
      // throws after the right operand (JLS 15.26.1, as in C#); the object read before the await is the one assigned
      // when the variable is reassigned during the await (a static field here) or by the right operand itself
      p(1, "RHS NPE RHS 42 before false 0 RHS after true 42 RHS local true 42", """
          public class §C {
            §UTIL
            static class A { int x; }
            static A sa;
            @Async static Coroutine<Void> assign(A a) { a.x = await(w("RHS")); return done(); }
            @Async static Coroutine<Integer> wr(String s) { await(checkpoint()); sa = null; p(s); return done(42); }
            @Async static Coroutine<Void> reassign() {
              sa = new A();
              A aCopy = sa;
              p("before " + (sa == null) + " " + aCopy.x);
              sa.x = await(wr("RHS"));
              p("after " + (sa == null) + " " + aCopy.x);
              return done();
            }
            @Async static Coroutine<Void> local() {
              A a = new A();
              A aCopy = a;
              a.x = (a = null) == null ? await(w("RHS")) : 0;
              p("local " + (a == null) + " " + aCopy.x);
              return done();
            }
            public static String go() {
              try { run(§A.assign(null)); } catch (NullPointerException e) { p("NPE"); }
              A a = new A();
              run(§A.assign(a));
              p(a.x);
              run(§A.reassign());
              run(§A.local());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_ClassFieldAccessOnProperty: a.B.x = await(...) (Java: a.getB().x);
      // a null a throws before the right operand, a null a.B after it
      p(2, "NPE RHS NPE RHS 42", """
          public class §C {
            §UTIL
            static class B { int x; }
            static class A { B b; B getB() { return b; } }
            @Async static Coroutine<Void> assign(A a) { a.getB().x = await(w("RHS")); return done(); }
            public static String go() {
              try { run(§A.assign(null)); } catch (NullPointerException e) { p("NPE"); }
              try { run(§A.assign(new A())); } catch (NullPointerException e) { p("NPE"); }
              A a = new A();
              a.b = new B();
              run(§A.assign(a));
              p(a.b.x);
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_ClassFieldAccessOnArray: arr[0].x = await(...); an empty array throws
      // before the right operand, a null element after it; the array and the index (static fields) reassigned during
      // the await, and the element replaced during the await: the element read before the await is assigned
      p(3, "AIOOBE RHS NPE RHS 42 len 1 ax 0 RHS len 0 ax 42 0 false 0 RHS 0 true 42", """
          public class §C {
            §UTIL
            static class A { int x; boolean y; }
            static A[] arr;
            static int index;
            @Async static Coroutine<Void> assign(A[] a) { a[0].x = await(w("RHS")); return done(); }
            @Async static Coroutine<Integer> wrArr(String s) { await(checkpoint()); arr = new A[0]; index = 1; p(s); return done(42); }
            @Async static Coroutine<Integer> wrTarget(String s) {
              await(checkpoint());
              arr[0] = new A();
              arr[0].y = true;
              p(s);
              return done(42);
            }
            @Async static Coroutine<Void> reassignArray() {
              A a = new A();
              arr = new A[] {a};
              index = 0;
              p("len " + arr.length + " ax " + a.x);
              arr[index].x = await(wrArr("RHS"));
              p("len " + arr.length + " ax " + a.x);
              return done();
            }
            @Async static Coroutine<Void> reassignTarget() {
              A a = new A();
              arr = new A[] {a};
              p(arr[0].x + " " + arr[0].y + " " + a.x);
              arr[0].x = await(wrTarget("RHS"));
              p(arr[0].x + " " + arr[0].y + " " + a.x);
              return done();
            }
            public static String go() {
              try { run(§A.assign(new A[0])); } catch (ArrayIndexOutOfBoundsException e) { p("AIOOBE"); }
              try { run(§A.assign(new A[1])); } catch (NullPointerException e) { p("NPE"); }
              A[] t = {new A()};
              run(§A.assign(t));
              p(t[0].x);
              run(§A.reassignArray());
              run(§A.reassignTarget());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_AssignmentToArray: arr[0] = await(...); the bounds check comes after the
      // right operand; the array and index reassigned during the await (static fields) or by the right operand (locals)
      p(4, "RHS AIOOBE RHS 42 len 1 0 RHS len 0 42 RHS local 0 43", """
          public class §C {
            §UTIL
            static int[] arr;
            static int index;
            @Async static Coroutine<Void> assign(int[] a) { a[0] = await(w("RHS")); return done(); }
            @Async static Coroutine<Integer> wrArr(String s) { await(checkpoint()); arr = new int[0]; index = 1; p(s); return done(42); }
            @Async static Coroutine<Void> reassign() {
              arr = new int[1];
              int[] copy = arr;
              index = 0;
              p("len " + arr.length + " " + copy[0]);
              arr[index] = await(wrArr("RHS"));
              p("len " + arr.length + " " + copy[0]);
              return done();
            }
            @Async static Coroutine<Void> local() {
              int[] b = new int[1];
              int[] bc = b;
              int i = 0;
              b[i] = (b = new int[0]).length + (i = 1) + await(w("RHS"));
              p("local " + b.length + " " + bc[0]);
              return done();
            }
            public static String go() {
              try { run(§A.assign(new int[0])); } catch (ArrayIndexOutOfBoundsException e) { p("AIOOBE"); }
              int[] t = new int[1];
              run(§A.assign(t));
              p(t[0]);
              run(§A.reassign());
              run(§A.local());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_StructFieldAccessOnStructFieldAccessOnClassField (structs as classes):
      // a.b.c.x = await(...); a null a throws before the right operand; a (a static field) set to null during the
      // await, and a.b replaced during the await: the objects read before the await are assigned
      p(5, "NPE 0 RHS 42 false 0 RHS true 42 RHS 42 0", """
          public class §C {
            §UTIL
            static class C { int x; }
            static class B { C c = new C(); }
            static class A { B b = new B(); }
            static A sa;
            @Async static Coroutine<Void> assign(A a) { a.b.c.x = await(w("RHS")); return done(); }
            @Async static Coroutine<Integer> wr(String s) { await(checkpoint()); sa = null; p(s); return done(42); }
            @Async static Coroutine<Integer> wrB(String s) { await(checkpoint()); sa.b = new B(); p(s); return done(42); }
            @Async static Coroutine<Void> reassign() {
              sa = new A();
              A copy = sa;
              p(sa == null);
              p(copy.b.c.x);
              sa.b.c.x = await(wr("RHS"));
              p(sa == null);
              p(copy.b.c.x);
              sa = new A();
              B oldB = sa.b;
              sa.b.c.x = await(wrB("RHS"));
              p(oldB.c.x);
              p(sa.b.c.x);
              return done();
            }
            public static String go() {
              try { run(§A.assign(null)); } catch (NullPointerException e) { p("NPE"); }
              A a = new A();
              p(a.b.c.x);
              run(§A.assign(a));
              p(a.b.c.x);
              run(§A.reassign());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_ClassPropertyAssignmentOnClassProperty: a.b.x = await(...) with
      // properties (Java: a.getB().setX(await(...))): GetB before the right operand, SetX after it
      p(6, "NPE 0 GetB RHS SetX 42 false 0 GetB RHS SetX true 42", """
          public class §C {
            §UTIL
            static class B { int _x; int getX() { p("GetX"); return _x; } void setX(int v) { p("SetX"); _x = v; } }
            static class A { B _b; B getB() { p("GetB"); return _b; } }
            static A sa;
            @Async static Coroutine<Void> assign(A a) { a.getB().setX(await(w("RHS"))); return done(); }
            @Async static Coroutine<Integer> wr(String s) { await(checkpoint()); sa = null; p(s); return done(42); }
            @Async static Coroutine<Void> reassign() {
              sa = new A();
              sa._b = new B();
              A copy = sa;
              p(sa == null);
              p(copy._b._x);
              sa.getB().setX(await(wr("RHS")));
              p(sa == null);
              p(copy._b._x);
              return done();
            }
            public static String go() {
              try { run(§A.assign(null)); } catch (NullPointerException e) { p("NPE"); }
              A a = new A();
              a._b = new B();
              p(a._b._x);
              run(§A.assign(a));
              p(a._b._x);
              run(§A.reassign());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_CompoundAssignment: a.x += await(...); a null a throws before the right
      // operand; a set to null during the await, and a.x set to 100 during the await: the saved object and value win
      p(7, "NPE 1 RHS 43 1 RHS true 43 1 RHS 43", """
          public class §C {
            §UTIL
            static class A { int x; }
            static A sa;
            @Async static Coroutine<Void> assign(A a) { a.x += await(w("RHS")); return done(); }
            @Async static Coroutine<Integer> wrA(String s) { await(checkpoint()); sa = null; p(s); return done(42); }
            @Async static Coroutine<Integer> wrX(String s) { await(checkpoint()); sa.x = 100; p(s); return done(42); }
            @Async static Coroutine<Void> reassignA() {
              sa = new A();
              sa.x = 1;
              A copy = sa;
              p(copy.x);
              sa.x += await(wrA("RHS"));
              p(sa == null);
              p(copy.x);
              return done();
            }
            @Async static Coroutine<Void> reassignX() {
              sa = new A();
              sa.x = 1;
              p(sa.x);
              sa.x += await(wrX("RHS"));
              p(sa.x);
              return done();
            }
            public static String go() {
              try { run(§A.assign(null)); } catch (NullPointerException e) { p("NPE"); }
              A a = new A();
              a.x = 1;
              p(a.x);
              run(§A.assign(a));
              p(a.x);
              run(§A.reassignA());
              run(§A.reassignX());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_CompoundAssignmentProperties: a.x += await(...) with a property
      // (Java: a.setX(a.getX() + await(...))): GetX before the right operand, SetX after it, on the saved object
      p(8, "NPE 1 GetX RHS SetX 43 1 GetX RHS SetX true 43 1 GetX RHS SetX 43", """
          public class §C {
            §UTIL
            static class A { int _x; int getX() { p("GetX"); return _x; } void setX(int v) { p("SetX"); _x = v; } }
            static A sa;
            @Async static Coroutine<Void> assign(A a) { a.setX(a.getX() + await(w("RHS"))); return done(); }
            @Async static Coroutine<Integer> wrA(String s) { await(checkpoint()); sa = null; p(s); return done(42); }
            @Async static Coroutine<Integer> wrX(String s) { await(checkpoint()); sa._x = 100; p(s); return done(42); }
            @Async static Coroutine<Void> reassignA() {
              sa = new A();
              sa._x = 1;
              A copy = sa;
              p(copy._x);
              sa.setX(sa.getX() + await(wrA("RHS")));
              p(sa == null);
              p(copy._x);
              return done();
            }
            @Async static Coroutine<Void> reassignX() {
              sa = new A();
              sa._x = 1;
              p(sa._x);
              sa.setX(sa.getX() + await(wrX("RHS")));
              p(sa._x);
              return done();
            }
            public static String go() {
              try { run(§A.assign(null)); } catch (NullPointerException e) { p("NPE"); }
              A a = new A();
              a._x = 1;
              p(a._x);
              run(§A.assign(a));
              p(a._x);
              run(§A.reassignA());
              run(§A.reassignX());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_AssignmentToAssignment: a.b.x = b.x = await(...) for null a, null b,
      // null a.b: a.b is read first (a null throws before the right operand), b.x is stored before a.b.x
      p(9, "NPE | NPE | RHS NPE | RHS NPE 42 | 0 0 RHS 42 42", """
          public class §C {
            §UTIL
            static class B { int x; }
            static class A { B b; }
            @Async static Coroutine<Void> assign(A a, B b) { a.b.x = b.x = await(w("RHS")); return done(); }
            static void tryAssign(A a, B b) {
              try { run(§A.assign(a, b)); } catch (NullPointerException e) { p("NPE"); }
            }
            public static String go() {
              tryAssign(null, null);
              p("|");
              tryAssign(null, new B());
              p("|");
              A a3 = new A();
              a3.b = new B();
              tryAssign(a3, null);
              p("|");
              B b4 = new B();
              tryAssign(new A(), b4);
              p(b4.x);
              p("|");
              A a5 = new A();
              a5.b = new B();
              B b5 = new B();
              p(a5.b.x);
              p(b5.x);
              run(§A.assign(a5, b5));
              p(a5.b.x);
              p(b5.x);
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.KeepLtrSemantics_AssignmentToAssignmentProperties: the same with properties (Java:
      // a.getB().setX(b.setX(await(...))), setX returning its value): GetB, RHS, SetX of b, SetX of a.b
      p(10, "NPE | NPE | GetB RHS NPE | GetB RHS SetX NPE | 0 0 GetB RHS SetX SetX 42 42", """
          public class §C {
            §UTIL
            static class B { int _x; int setX(int v) { p("SetX"); _x = v; return v; } }
            static class A { B _b; B getB() { p("GetB"); return _b; } }
            @Async static Coroutine<Void> assign(A a, B b) { a.getB().setX(b.setX(await(w("RHS")))); return done(); }
            static void tryAssign(A a, B b) {
              try { run(§A.assign(a, b)); } catch (NullPointerException e) { p("NPE"); }
            }
            public static String go() {
              tryAssign(null, null);
              p("|");
              tryAssign(null, new B());
              p("|");
              A a3 = new A();
              a3._b = new B();
              tryAssign(a3, null);
              p("|");
              tryAssign(new A(), new B());
              p("|");
              A a5 = new A();
              a5._b = new B();
              B b5 = new B();
              p(a5._b._x);
              p(b5._x);
              run(§A.assign(a5, b5));
              p(a5._b._x);
              p(b5._x);
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.AssignmentToFieldOfStaticFieldOfStruct, AssignStaticStructField and
      // AssignInstanceStructField (structs as classes): A.b.x = await(...), s1.Field = await(t), this.s1.Field = await(t)
      p(11, "0 RHS 42 1 1", """
          public class §C {
            §UTIL
            static class B { int x; }
            static class S1 { int field; }
            static B ab = new B();
            static S1 s1 = new S1();
            S1 is1 = new S1();
            @Async static Coroutine<Void> assign() { ab.x = await(w("RHS")); return done(); }
            @Async static Coroutine<Void> m(Coroutine<Integer> t) { s1.field = await(t); return done(); }
            @Async public Coroutine<Void> mi(Coroutine<Integer> t) { is1.field = await(t); return done(); }
            public static String go() {
              p(ab.x);
              run(§A.assign());
              p(ab.x);
              run(§A.m(§A.s(1)));
              p(s1.field);
              §C c = new §A();
              run(c.mi(§A.s(1)));
              p(c.is1.field);
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillCompoundAssignmentToNullableMemberOfLocal_01.._04: s.i += await(GetInt()) on a
      // null int? (Java: a null Integer field: the unboxing throws before GetInt runs), a local and a parameter;
      // this.field += await(M2()) on an int and on an Integer field
      p(12, "NPE NPE 43 43", """
          public class §C {
            §UTIL
            static class S { Integer i; }
            int field = 1;
            Integer nfield = 1;
            @Async static Coroutine<Integer> getInt() { p("G"); await(checkpoint()); return done(1); }
            @Async static Coroutine<Void> m1() { S s = new S(); p(s.i += await(getInt())); return done(); }
            @Async static Coroutine<Void> m4(S s) { s = new S(); p(s.i += await(getInt())); return done(); }
            @Async Coroutine<Integer> m2v() { await(checkpoint()); return done(42); }
            @Async public Coroutine<Void> m2() { this.field += await(m2v()); p(this.field); return done(); }
            @Async public Coroutine<Void> m3() { this.nfield += await(s((Integer) 42)); p(this.nfield); return done(); }
            public static String go() {
              try { run(§A.m1()); } catch (NullPointerException e) { p("NPE"); }
              try { run(§A.m4(null)); } catch (NullPointerException e) { p("NPE"); }
              §C c = new §A();
              run(c.m2());
              run(c.m3());
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArray04: a struct's indexer with an awaited index (Java: get/set of a generic class)
      p(13, "null 5 6", """
          public class §C {
            static class MyStruct<T> { T t; T get(T index) { return t; } void set(T index, T value) { t = value; } }
            @Async static Coroutine<Integer> foo() { await(checkpoint()); return done(1); }
            @Async static Coroutine<String> run1() {
              MyStruct<Integer> ms = new MyStruct<>();
              Integer x = ms.get(await(foo()));
              ms.set(await(foo()), 5);
              Integer y = ms.get(await(foo()));
              ms.set(await(foo()), ms.get(await(foo())) + await(foo()));
              return done(x + " " + y + " " + ms.t);
            }
            public static String go() { return run(§A.run1()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArrayInitializers3: jagged array initializers whose elements await coroutines
      // obtained from lambdas (Task.Run(async () => ...)), and an initializer with an awaited row kept as Object (dynamic)
      p(14, "3 4 6 3 2", """
          public class §C {
            @Async static <T> Coroutine<T> getVal(T t) { await(checkpoint()); return done(t); }
            @Async static Coroutine<Integer> three() { await(checkpoint()); return done(3); }
            @Async static Coroutine<Integer> six() { await(checkpoint()); return done(6); }
            @Async static Coroutine<int[]> foo() { await(checkpoint()); return done(new int[] {1, 2, 3}); }
            @Async static Coroutine<String> run1() {
              int[][] arr1 = new int[][] {
                  {await(getVal(2)), await(((Supplier<Coroutine<Integer>>) () -> §A.three()).get())},
                  {await(getVal(5)), 4, await(((Supplier<Coroutine<Integer>>) () -> §A.six()).get())}
              };
              Object arr2 = new int[][] {{await(getVal(2)), 3}, await(foo())};
              int[][] a2 = (int[][]) arr2;
              return done(arr1[0][1] + " " + arr1[1][1] + " " + arr1[1][2] + " " + a2[0][1] + " " + a2[1][1]);
            }
            public static String go() { return run(§A.run1()); }
          }
          """),
      // CodeGenAsyncSpillTests.Async_StackSpill_Argument_Generic04: await mc.Goo<string>(null, await lambda()) on a
      // generic class's generic instance method (dynamic as the static type)
      p(15, "0", """
          public class §C<T> {
            @Async public <V> Coroutine<Object> goo(T t, V u) { await(checkpoint()); return done(u); }
            @Async static Coroutine<String> test() { await(checkpoint()); return done("Test"); }
            @Async static Coroutine<Integer> goo0() {
              §C<String> mc = new §A<String>();
              Object rez = await(mc.<String>goo(null, await(((Supplier<Coroutine<String>>) () -> §A.test()).get())));
              return done("Test".equals(rez) ? 0 : 1);
            }
            public static String go() { return "" + run(§A.goo0()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillRefThisStruct (the class c1): Bar(this, await ...) in an instance method
      p(16, "42 42", """
          public class §C {
            §UTIL
            public int X;
            @Async public Coroutine<Void> goo1() { bar(this, await(s(42))); return done(); }
            public void goo2() { bar(this, 42); }
            public void bar(§C x, int y) { x.X = y; }
            public static String go() {
              §C c = new §A();
              c.X = -1;
              run(c.goo1());
              p(c.X);
              §C c2 = new §A();
              c2.X = -1;
              c2.goo2();
              p(c2.X);
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillAwaitBeforeRefReordered (Assign(second: await t, first: ref P)) and
      // SpillRefBeforeAwaitReordered (an error in C#; Java passes the array holding the variable, read before the
      // await: the await replaces the holder, the old one is written)
      p(17, "42 42 0", """
          public class §C {
            §UTIL
            static int[] i = {0};
            static int[] pRef() { return i; }
            static void assign(int second, int[] first) { first[0] = second; }
            static void assign2(int[] second, int first) { second[0] = first; }
            @Async static Coroutine<Integer> swap() { await(checkpoint()); i = new int[] {0}; return done(42); }
            @Async static Coroutine<Void> m(Coroutine<Integer> t) { assign(await(t), pRef()); return done(); }
            @Async static Coroutine<Void> m2() { assign2(pRef(), await(swap())); return done(); }
            public static String go() {
              run(§A.m(§A.s(42)));
              p(i[0]);
              int[] old = i;
              run(§A.m2());
              p(old[0]);
              p(i[0]);
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.AwaitWithInParameter_NoArgModifier (B(s, await task), an `in object` parameter) and
      // Crash36856 (a generic call with explicit type arguments whose argument is an await converted by the callee)
      p(18, "test 4 abc", """
          public class §C {
            §UTIL
            static void b(Object obj, int v) { p(obj); p(v); }
            @SuppressWarnings("unchecked")
            static <T> T parse(byte[] utf8) { return (T) new String(utf8, java.nio.charset.StandardCharsets.UTF_8); }
            @Async static Coroutine<byte[]> testAsync() { await(checkpoint()); return done(new byte[] {97, 98, 99}); }
            @Async static Coroutine<Void> a(String s, Coroutine<Integer> task) { b(s, await(task)); return done(); }
            @Async static Coroutine<Void> main() {
              await(a("test", s(4)));
              String r = §C.<String>parse(await(testAsync()));
              p(r);
              return done();
            }
            public static String go() { run(§A.main()); return out(); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillStateMachineTemps and RefStructInAsyncStateMachineWithWhenClause (M3): a switch on
      // nested record patterns whose first guard awaits (the deconstructed values stay live), and an arm that awaits
      p21(19, "2 7 3", """
          public class §C {
            §UTIL
            record F(boolean p1, boolean p2) {}
            record Q(F f) {}
            @Async static Coroutine<Boolean> sf() { await(checkpoint()); return done(false); }
            @Async static Coroutine<Integer> m1(Object o) {
              return done(switch (o) {
                case Q(F(boolean p1, boolean p2)) when p1 && await(sf()) -> 1;
                case Q(F(boolean p1, boolean p2)) when p2 -> 2;
                default -> 3;
              });
            }
            @Async static Coroutine<Integer> m3(Object o, boolean c, Coroutine<Integer> r) {
              return done(switch (o) {
                case Q(F(boolean p1, boolean p2)) when p1 && c -> await(r);
                case Q(F(boolean p1, boolean p2)) when p2 -> 2;
                default -> 3;
              });
            }
            public static String go() {
              p(run(§A.m1(new Q(new F(true, true)))));
              p(run(§A.m3(new Q(new F(true, true)), true, §A.s(7))));
              p(run(§A.m1("x")));
              return out();
            }
          }
          """),
      // CodeGenAsyncSpillTests.ShouldNotSpillStackallocToField_01/_02/_03 (stackalloc as an int[]): an array initializer
      // with an await, as the argument of a call that is an argument of an awaited call, after plain arguments
      p(20, "876543 876543 3", """
          public class §C {
            §UTIL
            static int f1() { return 70000; }
            static int f2() { return 800000; }
            static Object f1o() { return 1; }
            static int g(int k, int[] span) { return k + span.length + span[0] + span[1] + span[2]; }
            static int g3(Object obj, int[] span, Object o2) { return span.length; }
            @Async static Coroutine<Void> async1(int k, int i) { p(k + i); await(checkpoint()); return done(); }
            @Async static Coroutine<Object> f3() { await(checkpoint()); return done(1); }
            @Async static Coroutine<Void> main() {
              await(async1(f1(), g(f2(), new int[] {40, 500, 6000})));
              await(async1(f1(), g(f2(), new int[] {40, await(s(500)), 6000})));
              p(g3(f1o(), new int[] {1, 2, 3}, await(f3())));
              return done();
            }
            public static String go() { run(§A.main()); return out(); }
          }
          """),
      // CodeGenAsyncSpillTests.ExpressionLambdaWithObjectInitializer and ExpressionLambdaWithUserDefinedControlFlow:
      // await M(() => new Box { Value = value }); a lambda local declared before an await and used after it
      p(21, "42 true false", """
          public class §C {
            §UTIL
            static class Box<T> { T value; Box(T v) { value = v; } }
            @Async static Coroutine<Integer> m(Supplier<Box<Integer>> e) { await(checkpoint()); return done(e.get().value); }
            @Async static Coroutine<String> main() {
              int value = 42;
              int r = await(m(() -> new Box<>(value)));
              BinaryOperator<Boolean> expr = (x, y) -> x && y;
              boolean result = await(s(true));
              return done(r + " " + result + " " + expr.apply(true, false));
            }
            public static String go() { return run(§A.main()); }
          }
          """),
      // CodeGenAsyncLocalsTests.CaptureThis: an instance method returns await Goo() (and Goo() as a tail call)
      p(22, "42 42", """
          public class §C {
            @Async public Coroutine<Integer> run1() { return done(await(goo())); }
            @Async public Coroutine<Integer> goo() { await(checkpoint()); return done(42); }
            @Async public Coroutine<Integer> run2() { return goo(); }
            public static String go() { §C c = new §A(); return run(c.run1()) + " " + run(c.run2()); }
          }
          """),
      // CodeGenAsyncLocalsTests.ReuseFields_SpillTemps: F1(x, await F2()) for three locals; plus the local assigned by
      // the awaiting argument itself (its old value is the one passed)
      p(23, "1,42 2,42 3,42 1,47 5", """
          public class §C {
            §UTIL
            static void f1(int x, int y) { p(x + "," + y); }
            @Async static Coroutine<Integer> f2() { await(checkpoint()); return done(42); }
            @Async static Coroutine<Void> run1() {
              int x = 1;
              f1(x, await(f2()));
              int y = 2;
              f1(y, await(f2()));
              int z = 3;
              f1(z, await(f2()));
              f1(x, (x = 5) + await(f2()));
              p(x);
              return done();
            }
            public static String go() { run(§A.run1()); return out(); }
          }
          """),
      // CodeGenAsyncLocalsTests.ManySynthesizedNames: sixteen awaited locals of distinct generic types (Java: var locals
      // inferred from generic results, live across the later awaits)
      p(24, "a=b c=1 [1, 2] {k=[x]} 7 null 1 x y 2.5 [true] 9 z", """
          public class §C {
            §UTIL
            @Async static Coroutine<String> f() {
              var a1 = await(s(new AbstractMap.SimpleEntry<Character, Character>('a', 'b')));
              var a2 = await(s(new AbstractMap.SimpleEntry<Character, Byte>('c', (byte) 1)));
              var a3 = await(s(List.of(1L, 2L)));
              var a4 = await(s(Map.of("k", List.of('x'))));
              var b1 = await(s(Optional.of(new int[] {7})));
              var b2 = await(s((Object) null));
              var b3 = await(s(new long[][] {{1}}));
              var b4 = await(s(new StringBuilder("x")));
              var b5 = await(s('y'));
              var b6 = await(s(2.5));
              var b7 = await(s(new ArrayList<>(List.of(true))));
              var b8 = await(s((short) 9));
              var b9 = await(s(new TreeSet<>(Set.of("z"))));
              return done(a1 + " " + a2 + " " + a3 + " " + a4 + " " + b1.get()[0] + " " + b2 + " " + b3[0][0] + " "
                  + b4 + " " + b5 + " " + b6 + " " + b7 + " " + b8 + " " + b9.first());
            }
            public static String go() { return run(§A.f()); }
          }
          """),
      // CodeGenAsyncLocalsTests.Fixed_Debug (a local assigned in a block from an array, then an await) and
      // AsyncWithDynamic (await of a dynamic: Java a Coroutine<?>)
      p(25, "1 42", """
          public class §C {
            §UTIL
            @Async static Coroutine<Integer> f(byte[] b) {
              int i;
              {
                i = b[0];
              }
              await(checkpoint());
              return done(i);
            }
            @Async static Coroutine<Object> fd(Coroutine<?> t) {
              Object v = await(t);
              await(checkpoint());
              return done(v);
            }
            public static String go() { return run(§A.f(new byte[] {1, 2, 3})) + " " + run(§A.fd(§A.s(42))); }
          }
          """),
      // CodeGenAsyncLocalsTests.ReuseFields_Dynamic: foreach over IEnumerable<dynamic> and IEnumerable<object> with an
      // await in each body (Java: List<?> and List<Object>)
      p(26, "1 a 1 b 2 c", """
          public class §C {
            §UTIL
            @Async static Coroutine<Integer> f(int a) { p(a); await(checkpoint()); return done(a); }
            @Async static Coroutine<Void> m(List<?> d, List<Object> o) {
              for (Object x : d) { await(f(1)); p(x); }
              for (var x : o) { await(f(2)); p(x); }
              return done();
            }
            public static String go() { run(§A.m(List.of("a", "b"), List.of("c"))); return out(); }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInCatchFilterLifted: filters T(() => ex.Message == null, ref ex) that assign the
      // exception variable (Java: tests at the top of the catch, a one-element array captured by the lambda)
      p(27, "true 2", """
          public class §C {
            §UTIL
            static boolean t(Supplier<Boolean> f, Exception[] ex) {
              boolean result = f.get();
              ex[0] = new Exception(String.valueOf(result));
              return result;
            }
            @Async static Coroutine<Integer> f() { await(checkpoint()); return done(2); }
            @Async static Coroutine<Integer> g() {
              int x = 0;
              try {
                x = x / x;
              } catch (ArithmeticException e0) {
                Exception[] ex = {e0};
                if (t(() -> ex[0].getMessage() == null, ex)) {
                  x = await(f());
                  p(ex[0].getMessage());
                } else {
                  Exception[] ex2 = {e0};
                  if (!t(() -> ex2[0].getMessage() != null, ex2)) throw e0;
                  x = await(f());
                  p(ex2[0].getMessage());
                }
              }
              return done(x);
            }
            public static String go() { p(run(§A.g())); return out(); }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInCatchFinallyMixed_InAsyncLambda: the lambda's captured x is a field of the object
      // whose instance @Async method runs the body (filters as tests in the catch)
      p(28, "hello 42", """
          public class §C {
            §UTIL
            int x = 0;
            @Async static Coroutine<Integer> f(int v) { await(checkpoint()); return done(v); }
            @Async public Coroutine<Integer> g() {
              try {
                try {
                  for (int i = 0; i < 5; i++) {
                    try {
                      try {
                        x = x / await(f(0));
                      } catch (ArithmeticException e) {
                        if (i < 3) {
                          await(checkpoint());
                          continue;
                        }
                        x = 2 + await(f(x));
                        throw e;
                      }
                      p("FAIL");
                    } finally {
                      x = await(f(x)) + 3;
                      if (i >= 3) {
                        throw new IllegalStateException("hello");
                      }
                    }
                  }
                } finally {
                  x = 11 + await(f(x));
                }
              } catch (RuntimeException ex) {
                x = await(f(x)) + 17;
                p(ex.getMessage());
              }
              return done(x);
            }
            public static String go() { §C c = new §A(); p(run(c.g())); return out(); }
          }
          """),
      // varSpilling/kt49834.kt: (value == null ? computeValue() : value) + "K", the suspension in one arm of a
      // conditional that is the left operand of a concatenation
      p(29, "OK XK", """
          public class §C {
            @Async static Coroutine<String> computeValue() { await(checkpoint()); return done("O"); }
            @Async static Coroutine<String> repro(String v) {
              String value = v;
              return done((value == null ? await(computeValue()) : value) + "K");
            }
            public static String go() { return run(§A.repro(null)) + " " + run(§A.repro("X")); }
          }
          """),
      // varSpilling/kt75926.kt: a local read in an outer catch after the inner try's suspension threw an exception the
      // inner catch does not handle (thrown after a suspension, and before one)
      p(30, "OK OK", """
          public class §C {
            record Data(int x) {}
            @Async static Coroutine<Void> suspendHere(boolean early) {
              if (early) throw new IllegalStateException();
              await(checkpoint());
              throw new IllegalStateException();
            }
            @Async static Coroutine<String> main(boolean early) {
              String result = "";
              Data data = new Data(42);
              try {
                try {
                  await(suspendHere(early));
                } catch (NoSuchElementException e) {
                }
              } catch (IllegalStateException e) {
                result = data.x() == 42 ? "OK" : "fail";
              }
              return done(result);
            }
            public static String go() { return run(§A.main(false)) + " " + run(§A.main(true)); }
          }
          """),
      // varSpilling/kt83372.kt test10SP: five if blocks, each increments a local, suspends, adds, suspends again
      p(31, "0 1 2 3 4 6 6 10 8 15", """
          public class §C {
            §UTIL
            static boolean condition() { return true; }
            @Async static Coroutine<Void> aw(int num) { p(num); await(checkpoint()); return done(); }
            @Async static Coroutine<Void> test10SP() {
              int num1 = 0;
              int num2 = 0;
              if (condition()) { num1++; await(aw(0)); num2 = num2 + num1; await(aw(num2)); }
              if (condition()) { num1++; await(aw(2)); num2 = num2 + num1; await(aw(num2)); }
              if (condition()) { num1++; await(aw(4)); num2 = num2 + num1; await(aw(num2)); }
              if (condition()) { num1++; await(aw(6)); num2 = num2 + num1; await(aw(num2)); }
              if (condition()) { num1++; await(aw(8)); num2 = num2 + num1; await(aw(num2)); }
              return done();
            }
            public static String go() { run(§A.test10SP()); return out(); }
          }
          """),
      // varSpilling/kt83372.kt test100SP (commented out upstream as slow to compile): 100 such blocks, 200 suspensions
      sp(32, 100),
      // varSpilling/kt83372.kt test100SPsComplexCFG: while (true) { when (someInt()) { k -> if (cond()) await(k) ... } }
      // (someInt() counts 1..100, then 0 leaves)
      complexCfg(33, 100),
      // varSpilling/lambdaInlineClassParamUnspill.kt, inlineClassAsLambdaParameter.kt: a value-class parameter of a
      // suspend lambda (Java: a record parameter of an @Async method reached through a Function) read after a suspension
      p(34, "OK OK", """
          public class §C {
            §UTIL
            record MyValueClass(Object value) {}
            static String res = "FAIL";
            @Async static Coroutine<Void> foo(Function<MyValueClass, Coroutine<Void>> block) {
              await(block.apply(new MyValueClass("OK")));
              return done();
            }
            @Async static Coroutine<Void> body(MyValueClass it) { await(checkpoint()); res = (String) it.value(); return done(); }
            @Async static Coroutine<Void> ic(MyValueClass ic) { String r = (String) ic.value(); await(checkpoint()); p(r); return done(); }
            public static String go() {
              run(§A.foo(§A::body));
              p(res);
              run(§A.ic(new MyValueClass("OK")));
              return out();
            }
          }
          """),
      // varSpilling/lvtWithInlineOnly.kt: a channel local captured by lambdas passed to suspending calls, a nullable
      // result reassigned from each suspension
      p(35, "Initial:null Next:null Ready:null pause Immediately:null Faster:null cancel", """
          public class §C {
            §UTIL
            interface ReceiveChannel<E> { E receive(); void cancel(); }
            static ReceiveChannel<String> ticker(long delayMillis, long initialDelayMillis) {
              return new ReceiveChannel<String>() {
                public String receive() { return "tick"; }
                public void cancel() { p("cancel"); }
              };
            }
            @Async static <T> Coroutine<T> withTimeoutOrNull(long timeMillis, Supplier<T> block) { await(checkpoint()); return done(null); }
            @Async static Coroutine<Void> delay(int i) { await(checkpoint()); return done(); }
            @Async static Coroutine<Void> test() {
              ReceiveChannel<String> tickerChannel = ticker(100, 0);
              String nextElement = await(withTimeoutOrNull(1, () -> tickerChannel.receive()));
              p("Initial:" + nextElement);
              nextElement = await(withTimeoutOrNull(50, tickerChannel::receive));
              p("Next:" + nextElement);
              nextElement = await(withTimeoutOrNull(60, () -> tickerChannel.receive()));
              p("Ready:" + nextElement);
              p("pause");
              await(delay(150));
              nextElement = await(withTimeoutOrNull(1, () -> tickerChannel.receive()));
              p("Immediately:" + nextElement);
              nextElement = await(withTimeoutOrNull(60, () -> tickerChannel.receive()));
              p("Faster:" + nextElement);
              tickerChannel.cancel();
              return done();
            }
            public static String go() { run(§A.test()); return out(); }
          }
          """),
      // varSpilling/cleanup/ (nullCleanup, nullNotSpill, twoRefs, unusedParamNotSpill) and
      // cleanupWithoutStdlibFunction/deadArgument.kt, debugMode/kt63954.kt: the values upstream checks in the
      // continuation's fields, seen by Java as the values read after each suspension
      p(36, "[a] [null] [null] [a] [b] s[a] foo", """
          public class §C {
            §UTIL
            static void blackhole(Object... a) { p(Arrays.toString(a)); }
            @Async static Coroutine<Void> bh(Object... a) { p("s" + Arrays.toString(a)); await(checkpoint()); return done(); }
            @Async static Coroutine<Void> save() { await(checkpoint()); return done(); }
            @Async static Coroutine<Void> foo() { p("foo"); return done(); }
            @Async static Coroutine<Void> nullCleanup() {
              String a = "a";
              await(save());
              blackhole(a);
              a = null;
              await(save());
              blackhole(a);
              return done();
            }
            @Async static Coroutine<Void> nullNotSpill() { Object a = null; await(save()); blackhole(a); await(save()); return done(); }
            @Async static Coroutine<Void> twoRefs(String a, String b) {
              await(save());
              blackhole(a);
              await(save());
              blackhole(b);
              await(save());
              return done();
            }
            @Async static Coroutine<Void> unused(int unused) { await(save()); return done(); }
            @Async static Coroutine<Void> dead(String a) { await(bh(a)); await(save()); return done(); }
            @Async static Coroutine<Void> kt63954() { await(save()); await(foo()); return done(); }
            public static String go() {
              run(§A.nullCleanup());
              run(§A.nullNotSpill());
              run(§A.twoRefs("a", "b"));
              run(§A.unused(1));
              run(§A.dead("a"));
              run(§A.kt63954());
              return out();
            }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.KeepLtrSemantics_CompoundAssignment: every compound operator on fields of
      // several widths, the receiver (a static field) replaced and the field changed during the await
      p(37, "5 48 6 B -16 4.0 AB 99", """
          public class §C {
            §UTIL
            static class A { int i = 10; long l = 3; short s = 2; char c = 'A'; byte b = -1; double d = 8; String t = "A"; }
            static A sa;
            @Async static <T> Coroutine<T> swap(T v) {
              await(checkpoint());
              A n = new A();
              n.i = 99;
              sa = n;
              return done(v);
            }
            @Async static Coroutine<Void> m() {
              A a = new A();
              sa = a;
              sa.i -= await(swap(3));
              sa = a;
              sa.l <<= await(swap(4));
              sa = a;
              sa.s *= await(swap(3));
              sa = a;
              sa.c += await(swap(1));
              sa = a;
              sa.b <<= await(swap(4));
              sa = a;
              sa.d /= await(swap(2.0));
              sa = a;
              sa.t += await(swap("B"));
              sa = a;
              sa.i ^= await(swap(2));
              p(a.i);
              p(a.l);
              p(a.s);
              p(a.c);
              p(a.b);
              p(a.d);
              p(a.t);
              p(sa.i);
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.KeepLtrSemantics_AssignmentToArray and SpillArrayCompoundAssignmentLValue:
      // arr[index] op= await(...) with the array and the index (static fields) replaced during the await; a null
      // Integer element throws before the right operand, a String element concatenates "null"
      p(38, "len 0 11 | NPE | null42 | 1 RHS 43", """
          public class §C {
            §UTIL
            static int[] arr;
            static int index;
            @Async static Coroutine<Integer> wrArr() { await(checkpoint()); arr = new int[0]; index = 5; return done(10); }
            @Async static Coroutine<Void> m() {
              arr = new int[] {1};
              int[] copy = arr;
              index = 0;
              arr[index] += await(wrArr());
              p("len " + arr.length + " " + copy[0]);
              p("|");
              Integer[] boxed = {null};
              try {
                boxed[0] += await(w("RHS"));
              } catch (NullPointerException e) {
                p("NPE");
              }
              p("|");
              String[] strs = {null};
              strs[0] += await(s(42));
              p(strs[0]);
              p("|");
              Integer[] ones = {1};
              p(ones[0]);
              ones[0] += await(w("RHS"));
              p(ones[0]);
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.KeepLtrSemantics_AssignmentToAssignment with arrays: a[i] = b[j] = await(...);
      // a null a throws after both the right operand and the store into b
      p(39, "RHS NPE 42 | RHS AIOOBE | RHS 42 42", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> assign(int[] a, int i, int[] b, int j) { a[i] = b[j] = await(w("RHS")); return done(); }
            public static String go() {
              int[] b1 = new int[1];
              try { run(§A.assign(null, 0, b1, 0)); } catch (NullPointerException e) { p("NPE"); }
              p(b1[0]);
              p("|");
              try { run(§A.assign(new int[1], 0, new int[1], 3)); } catch (ArrayIndexOutOfBoundsException e) { p("AIOOBE"); }
              p("|");
              int[] a3 = new int[2];
              int[] b3 = new int[2];
              run(§A.assign(a3, 1, b3, 0));
              p(a3[1]);
              p(b3[0]);
              return out();
            }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.SpillConditionalAccess and AssignToAwait: c != null ? c.m(await(...)) : null
      // where c (a static field) is set to null during the await: the receiver read before the arguments is called;
      // (await GetS()).x += await ...; a receiver chain whose builder is replaced during the await
      p(40, "> 42 42 43 a42 5", """
          public class §C {
            §UTIL
            static class C1 { int m(int x) { return x; } }
            static class S { int x = 1; }
            static C1 c;
            static S sS = new S();
            static StringBuilder sb;
            static int get(int x) { log.append("> ").append(x).append(' '); return x; }
            @Async static Coroutine<Integer> f(int x) { await(checkpoint()); c = null; return done(x); }
            @Async static Coroutine<S> getS() { await(checkpoint()); return done(sS); }
            @Async static Coroutine<String> swapSb(String v) { await(checkpoint()); sb = new StringBuilder("fresh"); return done(v); }
            @Async static Coroutine<String> g() {
              c = new C1();
              Integer r = c != null ? (Integer) c.m(await(f(get(42)))) : null;
              p(r);
              (await(getS())).x += await(s(42));
              p(sS.x);
              sb = new StringBuilder();
              StringBuilder old = sb;
              sb.append("a").append(await(swapSb("42")));
              p(old + " " + sb.length());
              return done(out());
            }
            public static String go() { return run(§A.g()); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.DoubleSpillArrayCompoundAssignment on locals: x += (x += await(...)) and
      // x += (x = 10) + await(...): the right operand assigns the local, the compound assignment adds its saved value
      p(41, "3 12 3 7 4", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m() {
              int x = 1;
              x += (x += await(s(1)));
              p(x);
              int y = 1;
              y += (y = 10) + await(s(1));
              p(y);
              Integer z = 1;
              z += (z += await(s(1)));
              p(z);
              long l = 2;
              l += l++ + await(s(3L));
              p(l);
              int q = 1;
              q = q + (q = 2) + await(s(1));
              p(q);
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.SpillCall: arguments that assign or increment a local before an awaiting
      // argument, and read it after: f(x, x = 5, await(...), x), f(++x, await(s(x)), x++)
      p(42, "1 5 42 5 | 2 2 2 | 3", """
          public class §C {
            §UTIL
            static void f(Object... a) { for (Object o : a) p(o); }
            @Async static Coroutine<Void> m() {
              int x = 1;
              f(x, x = 5, await(s(42)), x);
              p("|");
              x = 1;
              f(++x, await(s(x)), x++);
              p("|");
              p(x);
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // JLS 15.12.4 / 15.10.4 / 15.26.2 order around awaits (CodeGenAsyncSpillTests.SpillSacrificialRead's question):
      // a null receiver or a null array is detected after the awaiting arguments or index, not before
      p(43, "RHS NPE | RHS NPE | RHS NPE | RHS AIOOBE", """
          public class §C {
            §UTIL
            static class T { int m(int v) { return v; } }
            @Async static Coroutine<Integer> call(T t) { return done(t.m(await(w("RHS")))); }
            @Async static Coroutine<Integer> index(int[] a) { return done(a[await(w("RHS"))]); }
            @Async static Coroutine<Void> compound(int[] a) { a[await(w("RHS"))] += 1; return done(); }
            public static String go() {
              try { run(§A.call(null)); } catch (NullPointerException e) { p("NPE"); }
              p("|");
              try { run(§A.index(null)); } catch (NullPointerException e) { p("NPE"); }
              p("|");
              try { run(§A.compound(null)); } catch (NullPointerException e) { p("NPE"); }
              p("|");
              try { run(§A.compound(new int[1])); } catch (ArrayIndexOutOfBoundsException e) { p("AIOOBE"); }
              return out();
            }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.SpillArray01: dimensions with side effects before an awaited dimension;
      // new int[i++][await(s(i))] and a negative dimension detected after the await
      p(45, "2 3 1 | RHS NASE", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m() {
              int i = 2;
              int[][] a = new int[i++][await(s(i))];
              p(a.length);
              p(a[0].length);
              p(i - 2);
              p("|");
              try {
                int[][] b = new int[-1][await(w("RHS"))];
                p(b.length);
              } catch (NegativeArraySizeException e) {
                p("NASE");
              }
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.SpillSequences1 (compound assignments as arguments) with narrowing and
      // indexes with side effects: b[i++] += await(...) evaluates i++ once; a[i] = i = await(...) uses the old index
      p(46, "44 1 | 0 7 | 1 | -56", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m() {
              byte[] b = {2, 0};
              int i = 0;
              b[i++] += await(s(42));
              p(b[0]);
              p(i);
              p("|");
              int[] a = new int[2];
              i = 0;
              a[i] = i = await(s(7));
              p(a[1]);
              p(a[0]);
              p("|");
              int k = 0;
              int[] c = {0, 0};
              c[k++]++;
              c[k] += await(s(1));
              p(c[1]);
              p("|");
              byte[] d = {100};
              d[await(s(0))] += 100;
              p(d[0]);
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.AsyncWithTernary: conditional operands of mixed boxing with awaits
      // (Integer and null, int and Integer), an unboxed null arm throwing only when chosen
      p(47, "1 null 2 5 NPE", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m(boolean b) {
              Integer r1 = b ? await(s(1)) : null;
              Integer r2 = !b ? await(s(1)) : null;
              p(r1);
              p(r2);
              int r3 = b ? await(s((Integer) 2)) : 3;
              p(r3);
              Integer none = null;
              int r4 = b ? 5 : none + await(s(1));
              p(r4);
              try {
                int r5 = !b ? 5 : none + await(w("RHS"));
                p(r5);
              } catch (NullPointerException e) {
                p("NPE");
              }
              return done();
            }
            public static String go() { run(§A.m(true)); return out(); }
          }
          """),
      // Variation of CodeGenAsyncTests.IsAndAsOperators: a pattern variable bound in a condition and used in the same
      // condition after an await, and after the statement
      p48(),
      // Variation of CodeGenAsyncSpillTests.SpillCall with string concatenation and numeric promotion around awaits:
      // c + 1 + "x" + await(...), "" + c + await(...), a long shift by an awaited long
      p(49, "66x1 A1 2 -8 4", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m() {
              char c = 'A';
              p(c + 1 + "x" + await(s(1)));
              p("" + c + await(s(1)));
              int sh = 1 << await(s(1L));
              p(sh);
              int neg = -8;
              p(neg >> await(s(0)));
              long big = 1L << await(s(2));
              p(big);
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncLocalsTests.AsyncWithParam: while ((v = await(...)) != null) reads a local assigned in
      // the loop condition, with a compound assignment of a field from it
      p(50, "abc 3", """
          public class §C {
            §UTIL
            int total;
            @Async static Coroutine<String> next(Iterator<String> it) { await(checkpoint()); return done(it.hasNext() ? it.next() : null); }
            @Async public Coroutine<String> m() {
              Iterator<String> it = List.of("a", "b", "c").iterator();
              StringBuilder sb = new StringBuilder();
              String v;
              while ((v = await(next(it))) != null) {
                sb.append(v);
                total += v.length() + await(s(0));
              }
              return done(sb + " " + total);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.SpillArrayCompoundAssignmentLValueAwait on an implicit-this field and a
      // static field: count += await(...) while the await changes the field (the saved value wins, JLS 15.26.2; each
      // await also changes the next statement's field before it is read)
      p(51, "11 110 zzzbc", """
          public class §C {
            §UTIL
            int count = 1;
            static int scount = 1;
            static String str = "a";
            @Async Coroutine<Integer> bump(int v) { await(checkpoint()); count = 100; scount = 100; str = "zzz"; return done(v); }
            @Async public Coroutine<Void> m() {
              count += await(bump(10));
              p(count);
              scount += await(bump(10));
              p(scount);
              str += "b" + await(bump(0)).toString().replace("0", "c");
              p(str);
              return done();
            }
            public static String go() { run(new §A().m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncTests.AwaitSwitch: a switch expression with an awaiting arm as an argument after an
      // argument with a side effect, and inside a compound assignment
      p(52, "1 x2 | 13", """
          public class §C {
            §UTIL
            static void f(Object a, Object b) { p(a); p(b); }
            @Async static Coroutine<Void> m(int k) {
              int i = 0;
              f(++i, switch (k) { case 1 -> "x" + await(s(2)); default -> "d"; });
              p("|");
              int t = 3;
              t += switch (k) { case 1 -> { int q = await(s(4)); yield q + 6; } default -> 0; };
              p(t);
              return done();
            }
            public static String go() { run(§A.m(1)); return out(); }
          }
          """),
      // Variation of CodeGenAsyncEHTests.AsyncInCatch001: a catch parameter read before and after an await in one
      // expression; a[await(...)] += switch (await(...)) { case 1 -> await(...); ... }
      p(53, "boomxIllegalStateException 10", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m() {
              try {
                throw new IllegalStateException("boom");
              } catch (Exception e) {
                String r = e.getMessage() + await(s("x")) + e.getClass().getSimpleName();
                p(r);
              }
              int[] a = {0, 0};
              a[await(s(1))] += switch (await(s(1))) { case 1 -> await(s(10)); default -> 0; };
              p(a[1]);
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncLocalsTests (hoisted locals) and Kotlin's varSpilling captures: a pattern binding
      // captured by a lambda called after an await, a local class capturing an awaited local, a lambda capturing a
      // local declared after an await
      p(54, "abc! abc c? 10", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m(Object o) {
              if (o instanceof String str && await(s(true))) {
                Supplier<String> sup = () -> str + "!";
                await(checkpoint());
                p(sup.get());
                p(str);
              }
              String captured = await(s("c"));
              class L { String g() { return captured + "?"; } }
              await(checkpoint());
              p(new L().g());
              int late = await(s(5));
              IntSupplier is = () -> late * 2;
              await(checkpoint());
              p(is.getAsInt());
              return done();
            }
            public static String go() { run(§A.m("abc")); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.AsyncWithTernary and SpillArrayInitializers1: nested conditionals whose
      // conditions await, a generic array initializer, for-each over an awaited array, a for whose init and update
      // await, List.of(await(...), c ? await(...) : 3)
      p(55, "1 -1 0 [a][b] 1 2 0:3 1:2 [1, 2]", """
          public class §C {
            §UTIL
            static boolean a() { return true; }
            @Async static Coroutine<Integer> m(int a) { return done(await(s(a)) > 0 ? await(s(1)) : await(s(a)) < 0 ? -1 : 0); }
            @SuppressWarnings("unchecked")
            @Async static Coroutine<Void> n() {
              List<String>[] arr = new List[] {await(s(List.of("a"))), List.of("b")};
              p(arr[0] + "" + arr[1]);
              for (int v : await(s(new int[] {1, 2}))) { p(v + await(s(0))); }
              for (int i = 0, j = await(s(3)); i < j; i++, j -= await(s(1))) { p(i + ":" + j); }
              List<Integer> l = List.of(await(s(1)), a() ? await(s(2)) : 3);
              p(l);
              return done();
            }
            public static String go() { p(run(§A.m(5))); p(run(§A.m(-5))); p(run(§A.m(0))); run(§A.n()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.AsyncWithShortCircuiting: an assert whose condition awaits runs it if and
      // only if the class's assertions are enabled (which depends on the loader: go() reports whether that held)
      p(56, "consistent", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m() {
              p("start");
              assert await(w("ASSERT")) > 0 : "msg";
              p("end");
              return done();
            }
            public static String go() {
              run(§A.m());
              String r = out();
              boolean ea = §C.class.desiredAssertionStatus();
              return r.equals(ea ? "start ASSERT end" : "start end") ? "consistent" : "inconsistent " + ea + " " + r;
            }
          }
          """),
      // Variation of CodeGenAsyncTests.AwaitSwitch and CodeGenAsyncSpillTests.SpillOperator_Compound1: a string switch
      // on an awaited null, box++ + await(...) on an Integer field the await changes, a narrowing short +=, i = i++ + await
      p(57, "NPE 2 100 3 100 4465 11", """
          public class §C {
            §UTIL
            Integer box = 1;
            @Async Coroutine<Integer> chg(int v) { await(checkpoint()); box = 100; return done(v); }
            @Async public Coroutine<Void> m() {
              try {
                switch (await(s((String) null))) {
                  case "a": p("a"); break;
                  default: p("d");
                }
              } catch (NullPointerException e) {
                p("NPE");
              }
              p(box++ + await(chg(1)));
              p(box);
              box = 1;
              p(++box + await(chg(1)));
              p(box);
              short s0 = 1;
              s0 += await(s(70000));
              p(s0);
              int i = 1;
              i = i++ + await(s(10));
              p(i);
              return done();
            }
            public static String go() { run(new §A().m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncLocalsTests.AsyncWithBaseRef: super.x += await(...) on a hidden field, a static field
      // of another class, long and double locals in a try whose finally awaits after the return
      p(58, "11 100 5 13.5", """
          public class §C extends §CBase {
            §UTIL
            int x = 100;
            @Async public Coroutine<Void> m() {
              super.x += await(s(1));
              p(super.x);
              p(x);
              §COther.count += await(s(2));
              p(§COther.count);
              long l = 5;
              double d = 0.5;
              try {
                l += await(s(1L));
                return done();
              } finally {
                d += l + await(s(1.0));
                p(l + d);
              }
            }
            public static String go() { run(new §A().m()); return out(); }
          }
          class §CBase { int x = 10; }
          class §COther { static int count = 3; }
          """),
      // Variation of CodeGenAsyncSpillTests.SpillCall with literals around awaits: escapes in strings and chars, the
      // minimum int and long literals, hex/binary/octal/underscored, float and hex-float literals
      p(59, "22 65676 -2147483648 -9223372036854775808 -2147482629 1.0E10 8.0 1.0E-310 true true 195", """
          public class §C {
            §UTIL
            @Async static Coroutine<Void> m() {
              await(checkpoint());
              String a = "tab\\there \\"q\\" \\\\ \\u00e9 \\0 \\r\\n" + await(s("x"));
              p(a.length());
              char c1 = '\\n', c2 = '\\\\', c3 = '\\'', c4 = '\\u0000', c5 = '\\uFFFF';
              p((int) c1 + (int) c2 + (int) c3 + (int) c4 + (int) c5 + await(s(0)));
              int min = -2147483648 + await(s(0));
              long lmin = -9223372036854775808L + await(s(0L));
              p(min);
              p(lmin);
              p(0x7fffffff + 0b101 + 017 + 1_000 + await(s(0)));
              p(1e10f + await(s(0f)));
              p(0x1p3 + await(s(0.0)));
              p(1.0e-300 * await(s(1e-10)));
              p(Double.MAX_VALUE == 1.7976931348623157E308 + await(s(0.0)));
              float nan = 0f / 0f + await(s(0f));
              p(Float.isNaN(nan));
              p('a' + 'b' + await(s("")));
              return done();
            }
            public static String go() { run(§A.m()); return out(); }
          }
          """),
      // Variation of CodeGenAsyncSpillTests.SpillArray04 and MethodGroupConversionWithSpill: syntax forms around awaits:
      // an array of a nested class, a constructor reference, class literals, an explicit type argument on this, a
      // generic cast, an intersection cast, a switch on an awaited enum, a generic instanceof pattern, typed lambda
      // parameters of a nested type
      p(60, "2 3 Nested int String[] w k ser g 1 9", """
          public class §C {
            §UTIL
            static class Outer {
              static class Nested { int v; Nested(int v) { this.v = v; } }
            }
            enum Color { RED, GREEN }
            <X> X id(X x) { return x; }
            @SuppressWarnings("unchecked")
            @Async public Coroutine<Void> m() {
              Outer.Nested[] ns = new Outer.Nested[await(s(2))];
              p(ns.length);
              Function<Integer, Outer.Nested> mk = Outer.Nested::new;
              p(mk.apply(await(s(3))).v);
              p(Outer.Nested.class.getSimpleName() + await(s("")));
              p(int.class + " " + String[].class.getSimpleName() + await(s("")));
              p(this.<String>id(await(s("w"))));
              Map.Entry<String, Integer> e = (Map.Entry<String, Integer>) (Object) await(s(Map.entry("k", 1)));
              p(e.getKey());
              Runnable r = (Runnable & java.io.Serializable) () -> p("ser");
              await(checkpoint());
              r.run();
              Color c = await(s(Color.GREEN));
              switch (c) {
                case RED -> p("r");
                case GREEN -> p("g" + await(s("")));
              }
              Object lst = await(s(List.of(1)));
              if (lst instanceof List<?> l2) p(l2.size());
              BiFunction<Outer.Nested, Integer, Integer> bf = (Outer.Nested n, Integer k) -> n.v + k;
              p(bf.apply(new Outer.Nested(4), await(s(5))));
              return done();
            }
            public static String go() { run(new §A().m()); return out(); }
          }
          """));

  /**
   * Programs that found printer bugs, fixed with them: {@code o.new Inner(...)} for an inner class of
   * a nested class was written with the qualified name after {@code new} (44); a text block's lines
   * lost their relative indentation, silently changing the string (61).
   */
  static final List<Program> PRINTER_FINDINGS = List.of(
      // FINDING 1. Variation of CodeGenAsyncTests.Await40 (constructor arguments that await) with an inner class of a
      // nested class: o.new Inner(await(...)): a null qualifying instance throws before the arguments (JLS 15.9.4); the
      // instance is read before them. The generated code writes `o.new Spill44.Outer.Inner(...)`, which does not parse.
      p(44, "NPE | RHS 42 old", """
          public class §C {
            §UTIL
            static class Outer {
              String name;
              Outer(String name) { this.name = name; }
              class Inner { int v; Inner(int v) { this.v = v; } String owner() { return name; } }
            }
            static Outer so;
            @Async static Coroutine<Integer> wr(String s) { await(checkpoint()); so = new Outer("new"); p(s); return done(42); }
            @Async static Coroutine<String> make(Outer o) { Outer.Inner i = o.new Inner(await(w("RHS"))); return done(i.v + " " + i.owner()); }
            @Async static Coroutine<String> make2() {
              so = new Outer("old");
              Outer.Inner i = so.new Inner(await(wr("RHS")));
              return done(i.v + " " + i.owner());
            }
            public static String go() {
              try { run(§A.make(null)); } catch (NullPointerException e) { p("NPE"); }
              p("|");
              String r = run(§A.make2());
              p(r);
              return out();
            }
          }
          """),
      // FINDING 2. Variation of CodeGenAsyncSpillTests.SpillCall with a text block: its lines' indentation relative to
      // the closing delimiter is lost in the generated code (the string changes), in any @Async body, awaits or not
      p(61, "line1|__two| line1|__two|x", """
          public class §C {
            @Async static Coroutine<String> plainBody() {
              String tb = \"""
                  line1
                    two
                  \""";
              return done(tb.replace("\\n", "|").replace(" ", "_"));
            }
            @Async static Coroutine<String> m() {
              await(checkpoint());
              String tb = \"""
                  line1
                    two
                  \""" + await(§A.x());
              return done(tb.replace("\\n", "|").replace(" ", "_"));
            }
            @Async static Coroutine<String> x() { await(checkpoint()); return done("x"); }
            public static String go() { return run(§A.plainBody()) + " " + run(§A.m()); }
          }
          """));

  /**
   * A known gap (docs/diagnostics.md, "Known gaps"): 1,000 blocks with two awaits each (Kotlin's
   * kt83372 test1000SP) make a {@code $step} method larger than the JVM's 64 KB, which javac reports
   * in the generated code ({@code code too large}); 500 blocks compile. Only the plain twin is checked.
   */
  static final List<Program> KNOWN_GAPS = List.of(
      // FINDING 3. varSpilling/kt83372.kt test1000SP (commented out upstream as slow to compile): 1000 blocks, 2000
      // suspensions; the generated $step method exceeds the JVM's 64 KiB ("code too large"; 500 blocks compile)
      sp(62, 1000));

  private static Program p48() {
    return p(48, "3 abc true", """
        public class §C {
          §UTIL
          @Async static Coroutine<Void> m(Object o) {
            if (o instanceof String str && str.length() == await(s(3))) {
              p(str.length());
              p(str);
            }
            boolean r = o instanceof String t && await(s(t)).equals("abc");
            p(r);
            return done();
          }
          public static String go() { run(§A.m("abc")); return out(); }
        }
        """);
  }

  /** Each program's plain twin returns the output the upstream test asserts (in Java terms). */
  @Test
  void plainTwinsReturnTheUpstreamOutput() {
    Twins.assertPlainTwins(PROGRAMS);
    Twins.assertPlainTwins(PRINTER_FINDINGS);
    Twins.assertPlainTwins(KNOWN_GAPS);
  }

  /** {@code o.new Inner(...)} and text blocks compile and behave like their plain twins. */
  @Test
  @Tag("fuzz-strict")
  void printerFindingsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PRINTER_FINDINGS);
  }

  /** Each program compiles through the processor and behaves like its plain twin. */
  @Test
  @Tag("fuzz-strict")
  void compiledTwinsBehaveLikeThePlainTwins() {
    Twins.assertCompiledTwins(PROGRAMS);
  }
}
