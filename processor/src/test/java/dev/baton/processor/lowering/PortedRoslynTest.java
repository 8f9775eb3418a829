package dev.baton.processor.lowering;

import dev.baton.processor.lowering.Twins.Program;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Test programs of the C# compiler's own async test suite (dotnet/roslyn,
 * {@code src/Compilers/CSharp/Test/Emit/CodeGen/CodeGenAsync*Tests.cs}), their semantics written
 * again in Java as {@link Twins} programs ({@code repro.RoslynN}). The comment above each program
 * names the upstream file and test method; its expected string is the upstream expected output,
 * translated. Program 23 (an await in a method reference's receiver) found a processor crash,
 * fixed with it.
 */
class PortedRoslynTest {
  private static Program p(int n, String expected, String template) {
    return new Program("Roslyn", n, expected, template);
  }

  private static final String HEAD = Twins.HEAD;

  static final List<Program> PROGRAMS = List.of(
      // CodeGenAsyncSpillTests.AsyncWithTernary: an await in one arm of ?:, on both sides of a compound expression
      p(1, "F(2) F(10) 10 F(2) F(4) F(6) 6 F(9) 9 F(4) F(5) 5", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static <T> Coroutine<T> f(T x) {
              log.append("F(").append(x).append(") ");
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Integer> g(boolean b1, boolean b2) {
              int c = 0;
              c = c + (b1 ? 1 : await(§A.f(2)));
              c = c + (b2 ? await(§A.f(4)) : 8);
              return done(await(§A.f(c)));
            }
            public static String go() {
              log.setLength(0);
              for (boolean[] b : new boolean[][] {{false, false}, {false, true}, {true, false}, {true, true}}) {
                int r = run(§A.g(b[0], b[1]));
                log.append(r).append(' ');
              }
              return log.toString().trim();
            }
          }
          """),
      // CodeGenAsyncSpillTests.AsyncWithAnd and AsyncWithOr: an await as the right operand of && and ||
      p(2, "F(true) F(false) F(4) 4 | F(true) F(false) F(13) 13", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static <T> Coroutine<T> f(T x) {
              log.append("F(").append(x).append(") ");
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Integer> and(boolean b1, boolean b2) {
              boolean x1 = b1 && await(§A.f(true));
              boolean x2 = b1 && await(§A.f(false));
              boolean x3 = b2 && await(§A.f(true));
              boolean x4 = b2 && await(§A.f(false));
              int c = 0;
              if (x1) c += 1;
              if (x2) c += 2;
              if (x3) c += 4;
              if (x4) c += 8;
              return done(await(§A.f(c)));
            }
            @Async public static Coroutine<Integer> or(boolean b1, boolean b2) {
              boolean x1 = b1 || await(§A.f(true));
              boolean x2 = b1 || await(§A.f(false));
              boolean x3 = b2 || await(§A.f(true));
              boolean x4 = b2 || await(§A.f(false));
              int c = 0;
              if (x1) c += 1;
              if (x2) c += 2;
              if (x3) c += 4;
              if (x4) c += 8;
              return done(await(§A.f(c)));
            }
            public static String go() {
              log.setLength(0);
              log.append(run(§A.and(false, true))).append(" | ");
              log.append(run(§A.or(false, true)));
              return log.toString();
            }
          }
          """),
      // CodeGenAsyncSpillTests.AsyncWithCoalesce: a ?? b with awaits on both sides (Java: an assignment in a ?: condition)
      p(3, "F(null) F(null) [null] F(null) F(a) [a] F(b) [b] F(c) [c]", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<String> f(String x) {
              log.append("F(").append(x == null ? "null" : x).append(") ");
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<String> g(String s1, String s2) {
              String a;
              String result = (a = await(§A.f(s1))) != null ? a : await(§A.f(s2));
              log.append('[').append(result == null ? "null" : result).append("] ");
              return done(result);
            }
            public static String go() {
              log.setLength(0);
              run(§A.g(null, null));
              run(§A.g(null, "a"));
              run(§A.g("b", null));
              run(§A.g("c", "d"));
              return log.toString().trim();
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillNestedUnary, AwaitInExpr and AsyncWithParamsAndLocals_DoubleAwait_Spilling
      p(4, "-1 1 -1 42 42", HEAD + """
          public class §C {
            @Async public static Coroutine<Integer> f(int x) {
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Integer> g1() { return done(-(await(§A.f(1)))); }
            @Async public static Coroutine<Integer> g2() { return done(-(-(await(§A.f(1))))); }
            @Async public static Coroutine<Integer> g3() { return done(-(-(-(await(§A.f(1)))))); }
            @Async public static Coroutine<Integer> expr() {
              int c = 0;
              c = (await(§A.f(21))) + 21;
              return done(c);
            }
            @Async public static Coroutine<Integer> twice(int x) {
              int c = 0;
              c = (await(§A.f(x))) + c;
              c = (await(§A.f(x))) + c;
              return done(c);
            }
            public static String go() {
              return run(§A.g1()) + " " + run(§A.g2()) + " " + run(§A.g3()) + " " + run(§A.expr()) + " " + run(§A.twice(21));
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillCall, SpillCall2, SpillCall3, SpillCall4: arguments with side effects before and after awaits
      p(5, "> 111 > 222 > 333 > 444 > 555 111 222 333 444 555 | > 111 > 222 > 333 > 444 > 555 111 222 333 444 555 | 1 2 3 4 5 6 | 1 2",
          HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            static void printer(int a, int b, int c, int d, int e) {
              for (int x : List.of(a, b, c, d, e)) log.append(x).append(' ');
            }
            static void printer(int... xs) {
              for (int x : xs) log.append(x).append(' ');
            }
            static int get(int x) {
              log.append("> ").append(x).append(' ');
              return x;
            }
            @Async public static Coroutine<Integer> f(int x) {
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Void> g1() {
              printer(get(111), get(222), get(333), await(§A.f(get(444))), get(555));
              return done();
            }
            @Async public static Coroutine<Void> g2() {
              printer(get(111), await(§A.f(get(222))), get(333), await(§A.f(get(444))), get(555));
              return done();
            }
            @Async public static Coroutine<Void> g3() {
              printer(1, await(§A.f(2)), 3, await(§A.f(await(§A.f(await(§A.f(await(§A.f(4)))))))), await(§A.f(5)), 6);
              return done();
            }
            @Async public static Coroutine<Void> g4() {
              printer(1, await(§A.f(await(§A.f(2)))));
              return done();
            }
            public static String go() {
              log.setLength(0);
              run(§A.g1());
              log.append("| ");
              run(§A.g2());
              log.append("| ");
              run(§A.g3());
              log.append("| ");
              run(§A.g4());
              return log.toString().trim();
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillSequences1 / SpillSequencesRelease: H(array[1] += 2, array[3] += await G(), 4);
      // G also writes array[3]: the compound assignment's saved left value is the one read before the await
      p(6, "h(12,35,4) [0, 12, 20, 100] -> [0, 12, 20, 35]", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            static int[] arr;
            static int h(int a, int b, int c) {
              log.append("h(" + a + "," + b + "," + c + ") ");
              return a;
            }
            @Async public static Coroutine<Integer> g() {
              arr[3] = 100;
              log.append(Arrays.toString(arr)).append(" -> ");
              await(checkpoint());
              return done(5);
            }
            @Async public static Coroutine<Integer> f(int[] array) {
              h(array[1] += 2, array[3] += await(§A.g()), 4);
              return done(1);
            }
            public static String go() {
              log.setLength(0);
              arr = new int[] {0, 10, 20, 30};
              run(§A.f(arr));
              String s = log.toString();
              int i = s.indexOf("h(");
              return s.substring(i).trim() + " " + s.substring(0, i).trim() + " " + Arrays.toString(arr);
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillSequencesInConditionalExpression1, SpillSequencesInNullCoalescingOperator1 (?? as ?:),
      // SpillSequencesInLogicalBinaryOperator1: compound assignments with awaits inside ?:, ?? and || arguments
      p(7, "G G h(0,31,4) [0, 10, 20, 31] | G G h(0,11,4) [1, 11, 20, 30] | G h(0,true,4) [1, 10, 20, 30]", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            static int h(int a, Object b, int c) {
              log.append("h(" + a + "," + b + "," + c + ") ");
              return a;
            }
            static Object o(int a) { return null; }
            static boolean b(int a) { return true; }
            @Async public static Coroutine<Integer> g() {
              log.append("G ");
              await(checkpoint());
              return done(1);
            }
            @Async public static Coroutine<Integer> cond(int[] array) {
              h(0, (1 == await(§A.g())) ? array[3] += await(§A.g()) : 1, 4);
              return done(1);
            }
            @Async public static Coroutine<Integer> coalesce(int[] array) {
              Object t;
              h(0, (t = o(array[0] += await(§A.g()))) != null ? t : (Object) (array[1] += await(§A.g())), 4);
              return done(1);
            }
            @Async public static Coroutine<Integer> logical(int[] array) {
              h(0, b(array[0] += await(§A.g())) || b(array[1] += await(§A.g())), 4);
              return done(1);
            }
            public static String go() {
              log.setLength(0);
              int[] a = {0, 10, 20, 30};
              run(§A.cond(a));
              log.append(Arrays.toString(a)).append(" | ");
              a = new int[] {0, 10, 20, 30};
              run(§A.coalesce(a));
              log.append(Arrays.toString(a)).append(" | ");
              a = new int[] {0, 10, 20, 30};
              run(§A.logical(a));
              log.append(Arrays.toString(a));
              return log.toString();
            }
          }
          """),
      // CodeGenAsyncSpillTests.AsyncWithShortCircuiting001..004: a field && await, a constant && await,
      // null ?? await (Java: ?:), a || whose right await is skipped and the method throws
      p(8, "false true | false true | hello null | Not Valid!", HEAD + """
          public class §C {
            boolean b = true;
            static final boolean SB = true;
            String nul = null;
            @Async public Coroutine<String> m1() {
              String s = "" + (b && await(done(false)));
              return done(s + " " + b);
            }
            @Async public Coroutine<String> m2() {
              String s = "" + (SB && await(done(false)));
              return done(s + " " + SB);
            }
            @Async public Coroutine<String> m3() {
              String s = nul != null ? nul : await(done("hello"));
              return done(s + " " + nul);
            }
            @Async public static Coroutine<Boolean> isValid(Object id) { return done(false); }
            @Async public static Coroutine<Void> doSomething(Object item2) {
              if (item2 != null || await(§A.isValid(item2))) {
                throw new IllegalStateException("Not Valid!");
              }
              return done();
            }
            @Async public static Coroutine<String> m4() {
              try {
                await(§A.doSomething("guid"));
                return done("none");
              } catch (IllegalStateException e) {
                return done(e.getMessage());
              }
            }
            public static String go() {
              §C c = new §A();
              return run(c.m1()) + " | " + run(c.m2()) + " | " + run(c.m3()) + " | " + run(§A.m4());
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArray01: array creation with awaited dimensions (rectangular as int[][], jagged)
      p(9, "4 4x4 4x4 4x4 4 true", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              int[] arr = new int[await(§A.val(4))];
              double[][] arr2 = new double[await(§A.val(4))][await(§A.val(4))];
              String a = arr.length + " " + arr2.length + "x" + arr2[0].length;
              arr2 = new double[4][await(§A.val(4))];
              a += " " + arr2.length + "x" + arr2[3].length;
              arr2 = new double[await(§A.val(4))][4];
              a += " " + arr2.length + "x" + arr2[3].length;
              Double[][] arr3 = new Double[await(§A.val(4))][];
              a += " " + arr3.length + " " + (arr3[0] == null);
              return done(a);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArray02_2 .. SpillArray02_6 and SpillArrayLocal: awaits as element values, indexes, ++ targets
      p(10, "4 8 8 16 1 42", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              int[] arr = new int[4];
              arr[0] = await(§A.val(4));
              String s = "" + arr[0];
              arr[0] += await(§A.val(4));
              s += " " + arr[0];
              int[] b = {8, 0, 0, 0};
              b[1] += await(§A.val(b[0]));
              s += " " + b[1];
              int[] c = {8, 8, 0, 0};
              c[1] += await(§A.val(c[await(§A.val(0))]));
              s += " " + c[1];
              c[await(§A.val(2))]++;
              s += " " + c[2];
              int[] d = {-1, 42};
              int t1 = d[await(§A.val(1))];
              return done(s + " " + t1);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArray03: the same on a two-dimensional array (Java: int[][])
      p(11, "true 8 8 16 1", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              int[][] arr = new int[await(§A.val(4))][await(§A.val(4))];
              arr[0][0] = await(§A.val(4));
              String s = "" + (arr[0][await(§A.val(0))] == 4);
              arr[0][0] += await(§A.val(4));
              s += " " + arr[0][0];
              arr[1][1] += await(§A.val(arr[0][0]));
              s += " " + arr[1][1];
              arr[1][1] += await(§A.val(arr[0][await(§A.val(0))]));
              s += " " + arr[1][1];
              arr[2][await(§A.val(2))]++;
              return done(s + " " + arr[2][2]);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArrayAssign, SpillArrayCompoundAssignmentLValue, SpillArrayCompoundAssignmentLValueAwait;
      // plus: the static array field is replaced during the await, the old array is the one assigned
      p(12, "42 42 42 6 100", HEAD + """
          public class §C {
            static int[] arr;
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<Integer> swap() {
              arr = new int[] {100};
              await(checkpoint());
              return done(5);
            }
            @Async public static Coroutine<String> m() {
              arr = new int[4];
              arr[0] = await(§A.val(42));
              String s = "" + arr[0];
              arr = new int[1];
              arr[0] += await(§A.val(42));
              s += " " + arr[0];
              arr = new int[1];
              arr[await(§A.val(0))] += await(§A.val(42));
              s += " " + arr[0];
              arr = new int[] {1};
              int[] old = arr;
              arr[0] += await(§A.swap());
              return done(s + " " + old[0] + " " + arr[0]);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArrayCompoundAssignmentLValueAwait2 and DoubleSpillArrayCompoundAssignment
      // (struct fields of an array element: Java objects in the array, mutated in place as in C#)
      p(13, "42 42", HEAD + """
          public class §C {
            static class S1 { int x; }
            static class S2 { S1 s1 = new S1(); }
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<Integer> once() {
              S2[] arr = {new S2()};
              arr[await(§A.val(0))].s1.x += await(§A.val(42));
              return done(arr[await(§A.val(0))].s1.x);
            }
            @Async public static Coroutine<Integer> twice() {
              S2[] arr = {new S2()};
              arr[await(§A.val(0))].s1.x += (arr[await(§A.val(0))].s1.x += await(§A.val(42)));
              return done(arr[await(§A.val(0))].s1.x);
            }
            public static String go() { return run(§A.once()) + " " + run(§A.twice()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillArrayInitializers1, SpillArrayInitializers2, SpillNestedExpressionInArrayInitializer
      p(14, "[[2, 3], [4, 5, 6]] [[2, 3], [1, 2, 3]] [[2, 3], [5, 6]] [[2, 3], [4, 5]] [[1, 2, 42]]", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<int[]> foo() {
              await(checkpoint());
              return done(new int[] {1, 2, 3});
            }
            @Async public static Coroutine<String> m() {
              int[][] arr1 = new int[][] {
                  new int[] {await(§A.val(2)), await(§A.val(3))},
                  new int[] {4, await(§A.val(5)), await(§A.val(6))}
              };
              int[][] arr2 = new int[][] {new int[] {await(§A.val(2)), await(§A.val(3))}, await(§A.foo())};
              int[][] arr3 = {{await(§A.val(2)), await(§A.val(3))}, {await(§A.val(5)), await(§A.val(6))}};
              int[][] arr4 = {{await(§A.val(2)), 3}, {4, await(§A.val(5))}};
              int[][] arr5 = new int[][] {{1, 2, 21 + (await(§A.val(21)))}};
              return done(Arrays.deepToString(arr1) + " " + Arrays.deepToString(arr2) + " " + Arrays.deepToString(arr3) + " "
                  + Arrays.deepToString(arr4) + " " + Arrays.deepToString(arr5));
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillConditionalAccess: c?.M(await F(Get(42))) (Java: c != null ? c.m(...) : null)
      p(15, "> 42 42 | null", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            static class C1 { int m(int x) { return x; } }
            static int get(int x) {
              log.append("> ").append(x).append(' ');
              return x;
            }
            @Async public static Coroutine<Integer> f(int x) {
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Integer> g(C1 c) {
              return done(c != null ? (Integer) c.m(await(§A.f(get(42)))) : null);
            }
            public static String go() {
              log.setLength(0);
              log.append(run(§A.g(new C1()))).append(" | ");
              log.append(run(§A.g(null)));
              return log.toString();
            }
          }
          """),
      // CodeGenAsyncSpillTests.AssignToAwait and AssignAwaitToAwait: (await GetS()).x = (await ...)
      p(16, "42 43", HEAD + """
          public class §C {
            static class S { int x = -1; }
            static S s = new S();
            @Async public static Coroutine<S> getS() {
              await(checkpoint());
              return done(s);
            }
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              await(§A.getS()).x = 42;
              String r = "" + s.x;
              s.x = -1;
              await(§A.getS()).x = await(§A.val(43));
              return done(r + " " + s.x);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillWithByRefArguments01 (ref/out as one-element arrays) and SpillArglist (varargs)
      p(17, "2 1 | 1 2 OneTwo", HEAD + """
          public class §C {
            static StringBuilder sb = new StringBuilder();
            void fooRef(int[] d, int x, int[] od) {
              od[0] = d[0];
              d[0]++;
            }
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            int one() {
              sb.append("One");
              return 1;
            }
            @Async public Coroutine<Integer> two() {
              await(checkpoint());
              sb.append("Two");
              return done(2);
            }
            static String bar(int... args) {
              StringBuilder b = new StringBuilder();
              for (int a : args) b.append(a).append(' ');
              return b.toString();
            }
            @Async public Coroutine<String> run1() {
              int[] d = {1};
              int[] od = new int[1];
              this.fooRef(d, await(§A.val(4)), od);
              return done(d[0] + " " + od[0]);
            }
            @Async public Coroutine<String> run2() {
              String s = bar(one(), await(two()));
              return done(s + sb);
            }
            public static String go() {
              sb.setLength(0);
              §C c = new §A();
              return run(c.run1()) + " | " + run(c.run2());
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillOperator_Compound1 and AsyncStackSpill_assign01: f = x[await a] += await b
      p(18, "5 | 5 true", HEAD + """
          public class §C {
            int v;
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public Coroutine<String> compound() {
              int[] x = {1, 2, 3, 4};
              x[await(§A.val(0))] += await(§A.val(4));
              return done("" + x[0]);
            }
            @Async public Coroutine<String> assign() {
              int[] x = {1, 2, 3, 4};
              v = x[await(§A.val(0))] += await(§A.val(4));
              return done(x[0] + " " + (v == await(§A.val(5))));
            }
            public static String go() {
              §C c = new §A();
              return run(c.compound()) + " | " + run(c.assign());
            }
          }
          """),
      // CodeGenAsyncSpillTests.SpillCollectionInitializer and SpillObjectInitializer1 (Java: List.of and a constructor)
      p(19, "[1, 2] 1", HEAD + """
          public class §C {
            static class Box {
              final int x;
              Box(int x) { this.x = x; }
            }
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              List<Integer> myCol = new ArrayList<>(List.of(await(§A.val(1)), await(§A.val(2))));
              Box x = new Box(await(§A.val(1)));
              return done(myCol + " " + x.x);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillRefExpr (Java passes the field's value: it is read before the await,
      // which here writes the field)
      p(20, "42", HEAD + """
          public class §C {
            static class MyClass { int field; }
            static MyClass shared = new MyClass();
            static int foo(int x, int y) { return x + y; }
            @Async public static Coroutine<Integer> bump() {
              shared.field = 100;
              await(checkpoint());
              return done(21);
            }
            @Async public static Coroutine<Integer> m() {
              shared.field = 21;
              return done(foo(shared.field, await(§A.bump())));
            }
            public static String go() { return "" + run(§A.m()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillManagedPointerAssign03: this.myClass.arr[await i].Field op= await v
      p(21, "8 5", HEAD + """
          public class §C {
            static class ValueT { int field; }
            static class PrivClass { ValueT[] arr = {new ValueT(), new ValueT(), new ValueT()}; }
            PrivClass myClass;
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public Coroutine<String> run1() {
              this.myClass = new PrivClass();
              this.myClass.arr[0].field = await(§A.val(4));
              this.myClass.arr[0].field += await(§A.val(4));
              this.myClass.arr[await(§A.val(1))].field += await(§A.val(4));
              this.myClass.arr[await(§A.val(1))].field++;
              return done(myClass.arr[0].field + " " + myClass.arr[1].field);
            }
            public static String go() { return run(new §A().run1()); }
          }
          """),
      // CodeGenAsyncSpillTests.SpillSacrificialRead: F1(ref x[0], F0(), await ...) with x null throws before F0 runs
      p(22, "NPE", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            static void f1(int x, int y, int z) { log.append("f1 "); }
            static int f0() {
              log.append("-1 ");
              return 0;
            }
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<Integer> f2() {
              int[] x = {21};
              x = null;
              f1(x[0], f0(), await(§A.val(21)));
              return done(x[0]);
            }
            @Async public static Coroutine<String> m() {
              try {
                await(§A.f2());
                return done("no exception");
              } catch (NullPointerException e) {
                return done("NPE");
              }
            }
            public static String go() {
              log.setLength(0);
              String r = run(§A.m());
              return log + r;
            }
          }
          """),
      // CodeGenAsyncTests.Conformance_Awaiting_Methods_Parameter003: a generic call whose argument is an await,
      // and a coroutine kept in a local and awaited later
      p(24, "4 5", HEAD + """
          public class §C {
            static <T> T goo(T t) { return t; }
            @Async public static <T> Coroutine<T> bar(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              int x1 = goo(await(§A.bar(4)));
              Coroutine<Integer> t = §A.bar(5);
              int x2 = goo(await(t));
              return done(x1 + " " + x2);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncTests.AwaitSwitch: switch on an await; plus awaits in the case bodies with fall-through
      p(25, "1 110", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              int result = 0;
              switch (await(§A.val(5))) {
                case 1:
                case 2:
                  break;
                case 5:
                  result++;
                  break;
                default:
                  break;
              }
              int r = 0;
              switch (await(§A.val("b"))) {
                case "a":
                  r += await(§A.val(1));
                  break;
                case "b":
                  r += await(§A.val(10));
                case "c":
                  r += await(§A.val(100));
                  break;
                default:
                  r = -1;
              }
              return done(result + " " + r);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncTests.IsAndAsOperators: (await Goo1()) is object, (await Goo2()) as string (Java: instanceof, a cast)
      p(26, "true string 2", HEAD + """
          public class §C {
            static int count;
            @Async public static Coroutine<Integer> goo1() {
              await(checkpoint());
              count++;
              return done(0);
            }
            @Async public static Coroutine<Object> goo2() {
              await(checkpoint());
              count++;
              return done("string");
            }
            @Async public static Coroutine<String> m() {
              boolean x1 = await(§A.goo1()) instanceof Object;
              String x2 = (String) await(§A.goo2());
              return done(x1 + " " + x2 + " " + count);
            }
            public static String go() {
              count = 0;
              return run(§A.m());
            }
          }
          """),
      // CodeGenAsyncTests.Await15: await await dc.Bar(await dc.Goo(234)): a coroutine whose result is a coroutine
      p(27, "[] 123 234", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> goo(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<Coroutine<Integer>> bar(int i) {
              await(checkpoint());
              return done(§A.goo(i));
            }
            @Async public static Coroutine<String> m() {
              String x1 = await(§A.goo(""));
              int x2 = await(await(§A.bar(123)));
              int x3 = await(await(§A.bar(await(§A.goo(234)))));
              return done("[" + x1 + "] " + x2 + " " + x3);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // CodeGenAsyncTests.Await40: constructor arguments that are awaits; a call on a new object with an awaited argument
      p(28, "1 6 1", HEAD + """
          public class §C {
            static class C2 {
              int status;
              C2() { this(5); }
              C2(int x) { status = x; }
              C2(int x, int y) { status = x + y; }
              int bar(int x) { return x; }
            }
            @Async public Coroutine<Integer> method(int x) {
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Integer> f() {
              await(checkpoint());
              return done(4);
            }
            @Async public Coroutine<String> m() {
              C2 cc = new C2(await(method(1)));
              String s = "" + cc.status;
              cc = new C2(await(method(2)), await(§A.f()));
              s += " " + cc.status;
              int x = new C2(2).bar(await(method(1)));
              return done(s + " " + x);
            }
            public static String go() { return run(new §A().m()); }
          }
          """),
      // CodeGenAsyncTests.AnonType32: throw new Exception(await ...) inside try, caught in the same method
      p(29, "1", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<Integer> m() {
              int count = 0;
              try {
                String tmp = await(§A.val(""));
                throw new RuntimeException(tmp);
              } catch (RuntimeException ex) {
                if ("".equals(ex.getMessage())) count++;
              }
              return done(count);
            }
            public static String go() { return "" + run(§A.m()); }
          }
          """),
      // CodeGenAsyncEHTests.AsyncWithEH: four nested try/catch/finally, awaits in each try, throws caught at each level
      p(30, "set 7 3", HEAD + """
          public class §C {
            static int awaitCount;
            static int finallyCount;
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Void> logAwait() {
              awaitCount++;
              await(checkpoint());
              return done();
            }
            @Async public static Coroutine<String> f() {
              try {
                await(§A.logAwait());
                try {
                  await(§A.logAwait());
                  try {
                    await(§A.logAwait());
                    try {
                      await(§A.logAwait());
                      throw new RuntimeException();
                    } catch (RuntimeException e) {
                    } finally {
                      finallyCount++;
                    }
                    await(§A.logAwait());
                    throw new RuntimeException();
                  } catch (RuntimeException e) {
                  } finally {
                    finallyCount++;
                  }
                  await(§A.logAwait());
                  throw new RuntimeException();
                } catch (RuntimeException e) {
                } finally {
                  finallyCount++;
                }
                await(§A.logAwait());
              } finally {
                log.append("set ");
              }
              return done(awaitCount + " " + finallyCount);
            }
            public static String go() {
              awaitCount = 0;
              finallyCount = 0;
              log.setLength(0);
              String r = run(§A.f());
              return log + r;
            }
          }
          """),
      // CodeGenAsyncEHTests.AsyncWithEHCodeQuality (three nested finally around six awaits) and DoFinallyBodies
      p(31, "10 1", HEAD + """
          public class §C {
            static int finallyCount;
            @Async public static Coroutine<Integer> g() {
              int x = 1;
              try {
                try {
                  try {
                    await(checkpoint());
                    x += 1;
                    await(checkpoint());
                    x += 1;
                    await(checkpoint());
                    x += 1;
                    await(checkpoint());
                    x += 1;
                    await(checkpoint());
                    x += 1;
                    await(checkpoint());
                    x += 1;
                  } finally {
                    x += 1;
                  }
                } finally {
                  x += 1;
                }
              } finally {
                x += 1;
              }
              return done(x);
            }
            @Async public static Coroutine<Void> f() {
              try {
                await(checkpoint());
              } finally {
                finallyCount++;
              }
              return done();
            }
            public static String go() {
              finallyCount = 0;
              int x = run(§A.g());
              run(§A.f());
              return x + " " + finallyCount;
            }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInFinally002, AsyncInFinally003, AsyncInFinally004: an await in a finally that runs
      // for a throw, for a return (the returned value is the one before the finally), for a throw caught outside
      p(32, "F hello | 2 | 2", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Integer> f() {
              log.append("F ");
              return done(2);
            }
            @Async public static Coroutine<Void> g002() {
              int x = 0;
              try {
                throw new IllegalStateException("hello");
              } finally {
                x += await(§A.f());
              }
            }
            @Async public static Coroutine<String> m002() {
              try {
                await(§A.g002());
                return done("none");
              } catch (IllegalStateException e) {
                return done(log + e.getMessage());
              }
            }
            @Async public static Coroutine<Integer> g003() {
              int x = 0;
              try {
                x = await(§A.f());
                return done(x);
              } finally {
                x += await(§A.f());
              }
            }
            @Async public static Coroutine<Integer> g004() {
              int x = 0;
              try {
                try {
                  throw new IllegalStateException();
                } finally {
                  x += await(§A.f());
                }
              } catch (RuntimeException e) {
                return done(x);
              }
            }
            public static String go() {
              log.setLength(0);
              return run(§A.m002()) + " | " + run(§A.g003()) + " | " + run(§A.g004());
            }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInFinallyNested001: goto out of nested try/finally with awaits (Java: a labeled break)
      p(33, "15", HEAD + """
          public class §C {
            @Async public static Coroutine<Integer> f(int a) {
              await(checkpoint());
              return done(a);
            }
            @Async public static Coroutine<Integer> g() {
              int x = 0;
              l1:
              {
                try {
                  try {
                    x = await(§A.f(1));
                    break l1;
                  } finally {
                    x += await(§A.f(2));
                  }
                } finally {
                  try {
                    x += await(§A.f(4));
                  } finally {
                    x += await(§A.f(8));
                  }
                }
              }
              return done(x);
            }
            public static String go() { return "" + run(§A.g()); }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInFinallyNested002 and AsyncInFinallyNested003: a throw through three finally blocks
      // that await; in 003 the innermost finally of the outer finally throws another exception
      p(34, "hello 15 | bye 15", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Integer> f(int a) {
              await(checkpoint());
              return done(a);
            }
            @Async public static Coroutine<Integer> g(boolean bye) {
              int x = 0;
              try {
                try {
                  try {
                    x = await(§A.f(1));
                    throw new IllegalStateException("hello");
                  } finally {
                    x += await(§A.f(2));
                  }
                } finally {
                  try {
                    x += await(§A.f(4));
                  } finally {
                    x += await(§A.f(8));
                    if (bye) {
                      throw new IllegalStateException("bye");
                    }
                  }
                }
              } catch (RuntimeException ex) {
                log.append(ex.getMessage()).append(' ');
              }
              return done(x);
            }
            public static String go() {
              log.setLength(0);
              int a = run(§A.g(false));
              String s = log + "" + a;
              log.setLength(0);
              int b = run(§A.g(true));
              return s + " | " + log + b;
            }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInCatch001, AsyncInCatchRethrow, AsyncInCatchRethrow01 and AsyncInCatchRethrow02
      // (the filter "when (ex == null)" as a test inside the catch)
      p(35, "2 | / by zero 2 | rethrowing / by zero 2 | rethrowing / by zero 4", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Integer> f() {
              await(checkpoint());
              return done(2);
            }
            @Async public static Coroutine<Integer> c001() {
              int x = 0;
              try {
                x = x / x;
              } catch (ArithmeticException e) {
                x = await(§A.f());
              }
              return done(x);
            }
            @Async public static Coroutine<Integer> rethrow() {
              int x = 0;
              try {
                try {
                  x = x / x;
                } catch (RuntimeException e) {
                  x = await(§A.f());
                  throw e;
                }
              } catch (ArithmeticException ex) {
                x = await(§A.f());
                log.append(ex.getMessage()).append(' ');
              }
              return done(x);
            }
            @Async public static Coroutine<Integer> rethrow01() {
              int x = 0;
              try {
                try {
                  x = x / x;
                } catch (NullPointerException e) {
                  x = await(§A.f());
                } catch (RuntimeException e) {
                  log.append("rethrowing ");
                  throw e;
                }
              } catch (ArithmeticException ex) {
                x += await(§A.f());
                log.append(ex.getMessage()).append(' ');
              }
              return done(x);
            }
            @Async public static Coroutine<Integer> rethrow02() {
              int x = 0;
              try {
                try {
                  x = x / x;
                } catch (NullPointerException e) {
                  log.append("should not get here ");
                } catch (RuntimeException e) {
                  if (e == null) {
                    log.append("should not get here ");
                  } else {
                    x = await(§A.f());
                    log.append("rethrowing ");
                    throw e;
                  }
                }
              } catch (ArithmeticException ex) {
                x += await(§A.f());
                log.append(ex.getMessage()).append(' ');
              }
              return done(x);
            }
            public static String go() {
              StringBuilder out = new StringBuilder();
              log.setLength(0);
              out.append(log).append(run(§A.c001())).append(" | ");
              log.setLength(0);
              int r = run(§A.rethrow());
              out.append(log).append(r).append(" | ");
              log.setLength(0);
              r = run(§A.rethrow01());
              out.append(log).append(r).append(" | ");
              log.setLength(0);
              r = run(§A.rethrow02());
              out.append(log).append(r);
              return out.toString();
            }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInCatchFilter: exception filters written as tests at the top of the catch that
      // rethrow when false; the outer filter assigns the catch parameter
      p(36, "hello 2", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Integer> f() {
              await(checkpoint());
              return done(2);
            }
            @Async public static Coroutine<Integer> g() {
              int x = 0;
              try {
                try {
                  x = x / x;
                } catch (RuntimeException e) {
                  if (x != 0) {
                    x = await(§A.f());
                  }
                  throw e;
                }
              } catch (RuntimeException ex) {
                if (x == 0 && ((ex = new RuntimeException("hello")) != null)) {
                  x = await(§A.f());
                  log.append(ex.getMessage()).append(' ');
                } else {
                  throw ex;
                }
              }
              return done(x);
            }
            public static String go() {
              log.setLength(0);
              int r = run(§A.g());
              return log + "" + r;
            }
          }
          """),
      // CodeGenAsyncEHTests.AsyncInCatchFinallyMixed: a for loop whose catch awaits and continues, a finally that
      // awaits and throws, an outer finally and catch that await (the filter "when (i < 3)" as a test in the catch)
      p(37, "hello 42", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Integer> f(int x) {
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Integer> g() {
              int x = 0;
              try {
                try {
                  for (int i = 0; i < 5; i++) {
                    try {
                      try {
                        x = x / await(§A.f(0));
                      } catch (ArithmeticException e) {
                        if (i < 3) {
                          await(checkpoint());
                          continue;
                        }
                        x = 2 + await(§A.f(x));
                        throw e;
                      }
                      log.append("FAIL ");
                    } finally {
                      x = await(§A.f(x)) + 3;
                      if (i >= 3) {
                        throw new IllegalStateException("hello");
                      }
                    }
                  }
                } finally {
                  x = 11 + await(§A.f(x));
                }
              } catch (RuntimeException ex) {
                x = await(§A.f(x)) + 17;
                log.append(ex.getMessage()).append(' ');
              }
              return done(x);
            }
            public static String go() {
              log.setLength(0);
              int r = run(§A.g());
              return log + "" + r;
            }
          }
          """),
      // CodeGenAsyncLocalsTests.AsyncWithLocals, AsyncWithParam, AsyncWithParamsAndLocals_Unhoisted, HoistedParameters
      p(38, "42 42 21 3,1,3", HEAD + """
          public class §C {
            @Async public static Coroutine<Integer> f(int x) {
              await(checkpoint());
              return done(x);
            }
            @Async public static Coroutine<Integer> locals(int x) {
              int c = 0;
              await(§A.f(x));
              c += x;
              await(§A.f(x));
              c += x;
              return done(c);
            }
            @Async public static Coroutine<Integer> param(int x) {
              await(§A.f(x));
              x += 21;
              await(§A.f(x));
              x += 21;
              return done(x);
            }
            @Async public static Coroutine<Integer> unhoisted(int x) {
              int c = 0;
              c = await(§A.f(x));
              return done(c);
            }
            @Async public static Coroutine<String> hoisted(int x, int y, int z) {
              x = z;
              await(§A.f(0));
              y = 1;
              return done(x + "," + y + "," + z);
            }
            public static String go() {
              return run(§A.locals(21)) + " " + run(§A.param(0)) + " " + run(§A.unhoisted(21)) + " " + run(§A.hoisted(1, 2, 3));
            }
          }
          """),
      // CodeGenAsyncLocalsTests.AsyncWithLotsLocals: 31 locals, then a string assigned in an if (true) branch that awaits
      p(39, "a 0", HEAD + """
          public class §C {
            @Async public static Coroutine<String> doItAsync() {
              var var1 = 0; var var2 = 0; var var3 = 0; var var4 = 0; var var5 = 0; var var6 = 0; var var7 = 0;
              var var8 = 0; var var9 = 0; var var10 = 0; var var11 = 0; var var12 = 0; var var13 = 0; var var14 = 0;
              var var15 = 0; var var16 = 0; var var17 = 0; var var18 = 0; var var19 = 0; var var20 = 0; var var21 = 0;
              var var22 = 0; var var23 = 0; var var24 = 0; var var25 = 0; var var26 = 0; var var27 = 0; var var28 = 0;
              var var29 = 0; var var30 = 0; var var31 = 0;
              String s;
              if (true) {
                s = "a";
                await(checkpoint());
              } else {
                s = "b";
              }
              int sum = var1 + var2 + var3 + var4 + var5 + var6 + var7 + var8 + var9 + var10 + var11 + var12 + var13 + var14
                  + var15 + var16 + var17 + var18 + var19 + var20 + var21 + var22 + var23 + var24 + var25 + var26 + var27
                  + var28 + var29 + var30 + var31;
              return done((s == null ? "null" : s) + " " + sum);
            }
            public static String go() { return run(§A.doItAsync()); }
          }
          """),
      // CodeGenAsyncLocalsTests.AsyncWithThisRef and AsyncWithBaseRef (base.x: a protected field of a JDK superclass)
      p(40, "42 10", HEAD + """
          public class §C extends java.io.ByteArrayOutputStream {
            int x = 42;
            @Async public Coroutine<Integer> f() {
              int c = this.x;
              await(checkpoint());
              return done(c);
            }
            @Async public Coroutine<Integer> g() {
              write(7);
              write(8);
              int c = super.count;
              await(checkpoint());
              return done(c + super.buf[1]);
            }
            public static String go() { return run(new §A().f()) + " " + run(new §A().g()); }
          }
          """),
      // CodeGenAsyncLocalsTests.SynthesizedVariables1: using (disposable) { await ... } in a foreach and alone
      // (Java: try-with-resources), and await G(F(1), F(2), await G(F(3), F(4), await H()))
      p(41, "h1 closeD h2 closeD h3 closeD h0 closeD f1 f2 f3 f4 h9 g(3,4,9) g(1,2,16) closeD", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            static class Res implements AutoCloseable {
              final String n;
              Res(String n) { this.n = n; }
              @Override public void close() { log.append("close").append(n).append(' '); }
            }
            static int f(int a) {
              log.append('f').append(a).append(' ');
              return a;
            }
            @Async public static Coroutine<Integer> h(int n) {
              log.append('h').append(n).append(' ');
              await(checkpoint());
              return done(n);
            }
            @Async public static Coroutine<Integer> g(int a, int b, int c) {
              log.append("g(" + a + "," + b + "," + c + ") ");
              await(checkpoint());
              return done(a + b + c);
            }
            @Async public static Coroutine<Void> m(Res disposable) {
              for (int item : new int[] {1, 2, 3}) {
                try (Res r = disposable) {
                  await(§A.h(item));
                }
              }
              try (Res r = disposable) {
                await(§A.h(0));
              }
              if (disposable != null) {
                try (Res r = disposable) {
                  await(§A.g(f(1), f(2), await(§A.g(f(3), f(4), await(§A.h(9))))));
                }
              }
              return done();
            }
            public static String go() {
              log.setLength(0);
              run(§A.m(new Res("D")));
              return log.toString().trim();
            }
          }
          """),
      // CodeGenAsyncLocalsTests.ReuseFields_Generic: foreach loops over lists of a generic method's type parameters,
      // an await in each body
      p(42, "ab12ab", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> f(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static <S, T> Coroutine<String> m(List<S> ss, List<T> ts) {
              StringBuilder b = new StringBuilder();
              for (T x : ts) b.append(await(§A.f(x)));
              for (S x : ss) b.append(await(§A.f(x)));
              for (var x : ts) b.append(await(§A.f(x)));
              return done(b.toString());
            }
            public static String go() { return run(§A.m(List.of(1, 2), List.of("a", "b"))); }
          }
          """),
      // Variations of CodeGenAsyncLocalsTests.AsyncWithParam and CodeGenAsyncSpillTests.SpillOperator_Compound1:
      // compound assignments with an awaited right operand on String, long, byte (narrowing), char; increments around awaits
      p(43, "ab1 7 44 -126 c 1+2+2", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              String s = "a";
              s += await(§A.val("b"));
              s += await(§A.val(1));
              long l = 3;
              l += await(§A.val(4));
              int i = 11;
              i *= await(§A.val(4));
              byte b = 127;
              b += await(§A.val(3));
              char c = 'a';
              c += await(§A.val(2));
              int k = 1;
              String inc = k++ + "+" + await(§A.val(k)) + "+" + k;
              return done(s + " " + l + " " + i + " " + b + " " + c + " " + inc);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // Variation of CodeGenAsyncEHTests.AsyncInCatchFinallyMixed: while, do-while and for loops with awaits in the
      // condition and the update, labeled continue and break out of try/finally blocks that await
      p(44, "w3 d3 f0,2,4, L[0.0 0.1 1.0 1.1 2.0] 8", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> m() {
              int i = 0;
              while (await(§A.val(i)) < 3) {
                i++;
              }
              String s = "w" + i;
              int j = 0;
              do {
                j += await(§A.val(1));
              } while (j < await(§A.val(3)));
              s += " d" + j;
              s += " f";
              for (int k = await(§A.val(0)); k < await(§A.val(5)); k = await(§A.val(k + 2))) {
                s += k + ",";
              }
              int fin = 0;
              StringBuilder b = new StringBuilder();
              outer:
              for (int a = 0; a < 5; a++) {
                for (int c = 0; c < 5; c++) {
                  try {
                    if (c == 2) continue outer;
                    if (a == 2 && c == 1) break outer;
                    b.append(a).append('.').append(await(§A.val(c))).append(' ');
                  } finally {
                    fin += await(§A.val(1));
                  }
                }
              }
              return done(s + " L[" + b.toString().trim() + "] " + fin);
            }
            public static String go() { return run(§A.m()); }
          }
          """),
      // Variation of CodeGenAsyncTests.AwaitSwitch: switch expressions with an awaited selector and awaits in arms,
      // a return from inside a switch in a loop
      p(45, "ten twenty other | 3", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<String> label(int k) {
              String r = switch (await(§A.val(k))) {
                case 10 -> "ten";
                case 20 -> await(§A.val("twenty"));
                default -> {
                  String o = await(§A.val("oth"));
                  yield o + "er";
                }
              };
              return done(r);
            }
            @Async public static Coroutine<Integer> find(int[] xs, int want) {
              for (int i = 0; i < xs.length; i++) {
                switch (await(§A.val(xs[i]))) {
                  case 0:
                    continue;
                  default:
                    if (xs[i] == want) {
                      return done(i);
                    }
                }
              }
              return done(-1);
            }
            public static String go() {
              return run(§A.label(10)) + " " + run(§A.label(20)) + " " + run(§A.label(30)) + " | "
                  + run(§A.find(new int[] {0, 5, 0, 7}, 7));
            }
          }
          """),
      // Variation of CodeGenAsyncLocalsTests (hoisted locals): the same name in sibling scopes with different types,
      // a loop-body local that lives across an await in each iteration, recursion through the generated class
      p(46, "x1 2 | 0,1,2, | 120", HEAD + """
          public class §C {
            @Async public static <T> Coroutine<T> val(T t) {
              await(checkpoint());
              return done(t);
            }
            @Async public static Coroutine<Integer> fact(int n) {
              if (n <= 1) return done(1);
              return done(n * await(§A.fact(n - 1)));
            }
            @Async public static Coroutine<String> scopes() {
              String r;
              {
                String v = "x";
                v += await(§A.val(1));
                r = v;
              }
              {
                int v = 1;
                v += await(§A.val(1));
                r += " " + v;
              }
              String loop = "";
              for (int i = 0; i < 3; i++) {
                int copy = i;
                await(checkpoint());
                loop += copy + ",";
              }
              return done(r + " | " + loop);
            }
            public static String go() { return run(§A.scopes()) + " | " + run(§A.fact(5)); }
          }
          """),
      // Variation of CodeGenAsyncEHTests.AsyncInCatchRethrow: an exception propagating through three async frames,
      // each with a finally that awaits, caught and rethrown in the middle one
      p(47, "f3 f2 f1 boom!", HEAD + """
          public class §C {
            static StringBuilder log = new StringBuilder();
            @Async public static Coroutine<Integer> level(int n) {
              try {
                if (n == 3) {
                  await(checkpoint());
                  throw new IllegalStateException("boom");
                }
                try {
                  return done(await(§A.level(n + 1)));
                } catch (IllegalStateException e) {
                  if (n == 2) throw new IllegalStateException(e.getMessage() + "!");
                  throw e;
                }
              } finally {
                await(checkpoint());
                log.append('f').append(n).append(' ');
              }
            }
            @Async public static Coroutine<String> m() {
              try {
                await(§A.level(1));
                return done("none");
              } catch (IllegalStateException e) {
                return done(log + e.getMessage());
              }
            }
            public static String go() {
              log.setLength(0);
              return run(§A.m());
            }
          }
          """),
      // CodeGenAsyncSpillTests.MethodGroupConversionNoSpill and MethodGroupConversionWithSpill:
      // a method reference whose receiver is an await (the receiver is evaluated at once, not in a lambda)
      p(23, "class java.lang.Integer [false, true, false, true, false]", HEAD + """
          public class §C {
            static class SomeClass {
              boolean method(int value) { return value % 2 == 0; }
            }
            @Async public static Coroutine<SomeClass> danger() {
              await(checkpoint());
              return done(new SomeClass());
            }
            @Async public static Coroutine<String> boom() {
              java.util.function.Supplier<Class<?>> f = await(done(1))::getClass;
              return done("" + f.get());
            }
            @Async public static Coroutine<List<Boolean>> killer() {
              return done(List.of(1, 2, 3, 4, 5).stream().map(await(§A.danger())::method).toList());
            }
            public static String go() { return run(§A.boom()) + " " + run(§A.killer()); }
          }
          """));

  /** Every program is valid Java that gives the upstream output (translated) when each await returns at once. */
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
