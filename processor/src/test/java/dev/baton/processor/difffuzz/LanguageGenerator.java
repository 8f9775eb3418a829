package dev.baton.processor.difffuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Generates random, valid, terminating whole-language programs: every statement and expression form
 * API.md section 1 promises for {@code @Async} bodies, with {@code await} in every position Java
 * allows an expression, and no generator-side avoidance of a valid position. Issue 10's list is
 * covered feature by feature; each use is recorded as a feature name (see {@link #features}) on the
 * program and on the source line, so the runner can say which features the failing programs use.
 *
 * <p>Validity by construction: the generator knows the static type of every expression ({@link Ty};
 * conditional and switch expressions are typed by JLS 15.25 / 15.28.1, constants included), declares
 * every local with an initializer, guards every jump with {@code h.flag()} (nothing is unreachable),
 * ends every switch-expression group and method body with a statement that cannot complete normally,
 * guards every loop with {@code h.fuel()} (everything terminates), never assigns a local that a
 * lambda, local or anonymous class captures, and catches a checked exception only where one can be
 * thrown. Bodies of lambdas, local/anonymous classes and {@code synchronized} blocks never await
 * (those are the positions API.md makes illegal). Values whose text depends on identity (arrays,
 * local-class instances) are only ever printed through {@link FuzzHost#describe}.
 *
 * <p>Java 21 forms (pattern-matching switch, record patterns, {@code when}, {@code case null},
 * qualified enum labels) are generated only when {@code java21} is allowed (the runner allows it on
 * JDK 21+ and compiles those programs with {@code --release 21}); a seed gives the same programs for
 * the same setting.
 */
final class LanguageGenerator {
  private final Random r;
  private final int id;
  private final long seed;
  private final boolean java21Allowed;

  private boolean java21;
  private boolean defaultPackage;
  private boolean assertionsOn;
  private boolean runThrows;
  private boolean m2Throws;

  // helpers the body asked for
  private boolean needInc;
  private boolean needSh;
  private boolean needPass;
  private boolean needLarger;
  private boolean needChk;
  private boolean needTail;
  private boolean needKid;
  private boolean needNested;
  private boolean needM2;
  private boolean needM3;

  /** Every feature used (program level). */
  private final Set<String> features = new TreeSet<>();
  /** Features noted since the last emitted line. */
  private Set<String> pending = new TreeSet<>();

  private final Deque<StringBuilder> buffers = new ArrayDeque<>();
  private int indent;

  private final List<List<Var>> scopes = new ArrayList<>();
  private final List<Jump> jumps = new ArrayList<>();
  private boolean noAwait;
  private boolean inLambda;
  /** In the body of a local or anonymous class: {@code this} and {@code super} are that class's. */
  private boolean inClassBody;
  /** Only effectively final locals may be read (a {@code when} guard). */
  private boolean finalOnly;
  /** Block nesting: bounds the recursion of statements inside expressions inside statements. */
  private int nest;
  /**
   * For each enclosing switch expression: whether it is evaluated on an empty operand stack (the whole
   * initializer of a local). javac 17.0.15 and 25.0.3 crash (NullPointerException in Code.newLocal,
   * from Gen.doHandleSwitchExpression) on a switch expression containing a {@code try} or a
   * {@code synchronized} block evaluated while a long or double is on the operand stack
   * ({@code 1L + switch (k) { case 0: try { yield 1; } ... }}), so those statements are generated
   * inside a switch expression only when its stack is empty. The same holds for a switch expression
   * nested in one evaluated on a non-empty stack, even if the inner one's own stack is empty
   * ({@code c ^= switch (s) { case "a": { int v = switch (k) { case 0 -> { try ... } } ... } }}):
   * javac looks for a {@code try} in the outer one's whole tree, so every enclosing switch
   * expression must be clean (seed 35, programs 180 and 2757).
   */
  private final Deque<Boolean> switchStackClean = new ArrayDeque<>();
  /**
   * Inside a {@code finally} block. javac 25.0.3 writes a class that does not verify for a pattern
   * switch statement with a record pattern in a {@code finally} whose {@code try} introduces a
   * record pattern's bindings by flow scoping ({@code try { if (!(x instanceof Pair<?, ?>(String a,
   * var b))) throw ...; } finally { switch (o) { case Sq(var c, var k) -> ...; default -> {} } }}),
   * so a {@code finally} gets no pattern switch statement (seed 38, program 3165).
   */
  private int inFinally;
  /** Set by a statement that puts a switch expression on an empty stack; read by the next switch expression. */
  private boolean nextSwitchStackClean;
  /**
   * Inside the initializer of a {@code var}: javac 17 and 25 cannot infer the variable's type when a
   * switch expression in the initializer has a block declaring a local with an array initializer or
   * a lambda ("cannot infer type for local variable"), so switch expressions there have no statement
   * bodies.
   */
  private int varInit;
  /**
   * While generating a value stored into a String variable: no String variable is read, so no loop
   * can double a string ({@code s += s} sixty times does not terminate in practice).
   */
  private int noStringReads;
  private boolean checkedOk;
  private boolean staticCtx;
  private boolean inHelperBody;
  private int checkedThrows;
  private int budget;
  private int counter;
  private Ty methodResult;

  LanguageGenerator(long seed, int id, boolean java21Allowed) {
    this.seed = seed;
    this.id = id;
    this.r = new Random(seed);
    this.java21Allowed = java21Allowed;
  }

  // =============================================================================================
  // Model

  /** A local variable (or pattern binding, parameter, resource) in scope. */
  static final class Var {
    final String name;
    final Ty ty;
    final boolean mutable;
    boolean usable;
    /** Known minimum length of an array (outer), or -1. */
    int len = -1;
    /** Known minimum length of the rows of a 2-d array, or -1. */
    int len2 = -1;
    /** For {@link Ty#LOCAL}: the local class or record name and its kind ("class", "record", "enum"). */
    String cls;
    String clsKind;

    Var(String name, Ty ty, boolean mutable) {
      this.name = name;
      this.ty = ty;
      this.mutable = mutable;
      this.usable = true;
    }
  }

  enum JumpKind { LOOP, SWITCH, BLOCK, SWITCH_EXPR, BARRIER }

  record Jump(JumpKind kind, String label, Ty yieldTy) {}

  /** An expression, its exact static type, and its value if it is an int constant. */
  record Ex(String s, Ty t, Integer constant) {
    Ex(String s, Ty t) {
      this(s, t, null);
    }
  }

  /** An assignable place: its text (evaluated once), type, and a side-effect-free designation (or null). */
  record Place(String text, Ty ty, String simple, String kind) {}

  // =============================================================================================
  // Program

  FuzzProgram generate() {
    java21 = java21Allowed && r.nextInt(5) < 2;
    defaultPackage = r.nextInt(12) == 0;
    assertionsOn = r.nextInt(4) != 0;
    runThrows = r.nextBoolean();
    m2Throws = r.nextInt(3) == 0;
    int size = r.nextInt(10);
    budget = size < 4 ? 2 + r.nextInt(4) : size < 8 ? 8 + r.nextInt(16) : 25 + r.nextInt(30);
    if (defaultPackage) {
      feature("default-package");
      needSh = true;
    }
    if (java21) {
      feature("java21");
    }

    String run = method("run", Ty.STRING, false, runThrows, () -> {
      prologue(true);
      block(3, 1 + r.nextInt(Math.max(1, Math.min(budget, 8))), false);
      epilogue(true);
    });
    String m2 = null;
    String m3 = null;
    if (needM2) {
      inHelperBody = true;
      budget = 3 + r.nextInt(8);
      m2 = method("m2", Ty.INT, false, m2Throws, () -> {
        prologue(false);
        block(2, 1 + r.nextInt(4), false);
        epilogue(false);
      });
      inHelperBody = false;
    }
    if (needM3) {
      inHelperBody = true;
      budget = 3 + r.nextInt(8);
      m3 = method("m3", Ty.INT, true, false, () -> {
        prologue(false);
        block(2, 1 + r.nextInt(4), false);
        epilogue(false);
      });
      inHelperBody = false;
    }
    if (needNested) {
      needSh = true;
    }
    if (needTail) {
      needInc = true;
    }

    StringBuilder src = new StringBuilder();
    List<String> head = new ArrayList<>();
    head.add("// whole-language fuzz program " + id + " (seed " + seed + ")");
    if (!defaultPackage) {
      head.add("package fz;");
    }
    head.add("§IMPORTS");
    head.add("import dev.baton.annotations.*;");
    head.add("import dev.baton.processor.difffuzz.*;");
    head.add("import java.util.*;");
    head.add("import java.util.function.*;");
    head.add("");
    head.add("public class §C extends FuzzBase {");
    head.add("  int bf = 1;");
    head.add("  int fi = 3; long fl = 40L; double fd = 2.5; String fs = \"f\"; byte fb = 7; short fsh = 300; "
        + "char fc = 'q'; boolean fz = true; Integer fI = 11; Long fL = 12L;");
    head.add("  int[] fa = {1, 2, 3}; long[] fla = {4L, 5L, 6L}; double[] fda = {0.5, 1.5, 2.5}; "
        + "String[] fsa = {\"x\", \"y\", \"z\"}; char[] fca = {'a', 'b', 'c'}; byte[] fba = {1, 2, 3};");
    head.add("  int[][] fa2 = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};");
    head.add("  static int sf = 5; static long sl = 6L; static String ss = \"t\"; static int[] sa = {9, 8, 7}; "
        + "static Integer sI = 4;");
    head.add("");
    head.add("  public String dump() {");
    head.add("    return \"fi=\" + fi + \" fl=\" + fl + \" fd=\" + fd + \" fs=\" + fs + \" fb=\" + fb + \" fsh=\" + fsh"
        + " + \" fc=\" + fc + \" fz=\" + fz + \" fI=\" + fI + \" fL=\" + fL + \" bf=\" + bf");
    head.add("        + \" fa=\" + Arrays.toString(fa) + \" fla=\" + Arrays.toString(fla) + \" fda=\" + Arrays.toString(fda)"
        + " + \" fsa=\" + Arrays.toString(fsa) + \" fca=\" + Arrays.toString(fca) + \" fba=\" + Arrays.toString(fba)");
    head.add("        + \" fa2=\" + Arrays.deepToString(fa2) + \" sf=\" + sf + \" sl=\" + sl + \" ss=\" + ss"
        + " + \" sa=\" + Arrays.toString(sa) + \" sI=\" + sI + \" \" + baseDump();");
    head.add("  }");
    head.add("");
    head.add("  @Override");
    head.add("  public int bm(FuzzHost h, int x) {");
    head.add("    h.log(\"P.bm(\" + x + \")\");");
    head.add("    return x * 2;");
    head.add("  }");
    head.add("");
    for (String l : head) {
      src.append(l).append('\n');
    }
    src.append(run);
    if (m2 != null) {
      src.append('\n').append(m2);
    }
    if (m3 != null) {
      src.append('\n').append(m3);
    }
    if (needInc) {
      src.append("""

            @Async
            public Coroutine<Integer> inc(FuzzHost h, int x) {
              fi++;
              h.log("inc" + x + " fi=" + fi);
              return done(x + await(h.val(x)));
            }
          """);
    }
    if (needSh) {
      src.append("""

            @Async
            public static Coroutine<Integer> sh(FuzzHost h, int k) {
              h.log("sh" + k);
              int v = await(h.val(k));
              return done(v * 2);
            }
          """);
    }
    if (needPass) {
      src.append("""

            @Async
            public <T> Coroutine<T> pass(FuzzHost h, Coroutine<T> c) {
              h.log("pass");
              T v = await(c);
              await(checkpoint());
              h.log("pass got " + FuzzHost.describe(v));
              return done(v);
            }
          """);
    }
    if (needLarger) {
      src.append("""

            @Async
            public static <T extends Number & Comparable<T>> Coroutine<T> larger(FuzzHost h, T a, Awaitable<T> b) {
              T bv = await(b);
              T m = a.compareTo(bv) >= 0 ? a : bv;
              h.log("larger " + m + " " + m.intValue());
              return done(m);
            }
          """);
    }
    if (needChk) {
      src.append("""

            @Async
            public Coroutine<Integer> chk(FuzzHost h, int x) throws FuzzChecked {
              int v = await(h.val(x));
              if (Math.floorMod(v, 4) == 1) {
                throw new FuzzChecked("chk" + v);
              }
              return done(v);
            }
          """);
    }
    if (needTail) {
      src.append("""

            @Async
            public Coroutine<Integer> tail(FuzzHost h, int x) {
              h.log("tail" + x);
              if (Math.floorMod(x, 2) == 0) {
                return h.val(x);
              }
              return inc(h, x);
            }
          """);
    }
    if (needKid) {
      src.append("""

            @Async
            public Coroutine<Void> kid(FuzzHost h, int k) {
              h.kid("start" + k);
              await(checkpoint());
              h.kid("end" + k);
              return done();
            }
          """);
    }
    if (needNested) {
      src.append("""

            static class N {
              @Async
              public static Coroutine<Integer> viaNested(FuzzHost h, int x) {
                h.log("N.viaNested" + x);
                int v = await(sh(h, x));
                return done(v + 1);
              }
            }
          """);
    }
    src.append("}\n");
    String template = src.toString();
    return new FuzzProgram(id, seed, defaultPackage, java21, assertionsOn, template, new TreeSet<>(features),
        FuzzProgram.parseLineFeatures(template.replace("§IMPORTS", FuzzProgram.ASYNC_IMPORTS)));
  }

  /** One {@code @Async} method with a generated body. */
  private String method(String name, Ty result, boolean isStatic, boolean throwsChecked, Runnable body) {
    buffers.push(new StringBuilder());
    indent = 2;
    scopes.clear();
    jumps.clear();
    scopes.add(new ArrayList<>());
    methodResult = result;
    stackmapRisk = false;
    staticCtx = isStatic;
    checkedOk = throwsChecked;
    noAwait = false;
    inLambda = false;
    if (isStatic) {
      feature("static-async-body");
    }
    if (throwsChecked) {
      feature("checked.method-throws");
    }
    String params = name.equals("run") ? "FuzzHost h" : "FuzzHost h, int arg";
    String typeParams = "";
    if (!name.equals("run")) {
      declare("arg", Ty.INT, true);
    }
    if (name.equals("m2")) {
      // a generic method whose frame keeps a List<Integer> and a T (issue 10, reproduction 6)
      feature("generic.async-method");
      typeParams = "<T> ";
      params += ", T tag, List<Integer> xs";
      declare("tag", Ty.INTERSECTION, false);
      declare("xs", Ty.LIST, false);
    }
    body.run();
    String text = buffers.pop().toString();
    String boxed = result == Ty.STRING ? "String" : "Integer";
    return "  @Async\n  public " + (isStatic ? "static " : "") + typeParams + "Coroutine<" + boxed + "> " + name + "("
        + params + ")" + (throwsChecked ? " throws FuzzChecked" : "") + " {\n" + text + "  }\n";
  }

  private void prologue(boolean run) {
    line("List<IntSupplier> sups = new ArrayList<>();");
    declare("sups", Ty.SUPPLIERS, false);
    line("StringBuilder sb = new StringBuilder();");
    declare("sb", Ty.SB, false);
    if (run) {
      line("int a = " + r.nextInt(5) + ", b = " + r.nextInt(5) + ", c = " + r.nextInt(5) + ";");
      declare("a", Ty.INT, true);
      declare("b", Ty.INT, true);
      declare("c", Ty.INT, true);
    } else {
      line("int a = arg;");
      declare("a", Ty.INT, true);
    }
    line("Box bx = h.box(" + r.nextInt(9) + ");");
    declare("bx", Ty.BOX, r.nextBoolean());
    line("int[] arr = {5, 6, 7};");
    declare("arr", Ty.INTS, true).len = 3;
    line("Object o = h.obj(" + r.nextInt(12) + ");");
    declare("o", Ty.OBJECT, r.nextInt(3) == 0);
    if (!staticCtx && r.nextInt(3) == 0) {
      feature("other.peer");
      line("§C peer = new §A();");
      declare("peer", Ty.SELF, false);
    }
  }

  private void epilogue(boolean run) {
    line("for (IntSupplier sup : sups) h.log(\"sup\" + sup.getAsInt());");
    for (Var v : scopes.get(0)) {
      if (!v.usable || v.ty == Ty.SUPPLIERS || v.ty == Ty.SB) {
        continue;
      }
      line("h.log(\"" + v.name + "=\" + " + render(v) + ");");
    }
    if (run) {
      line("return done(\"end \" + sb);");
    } else {
      line("return done(sb.length() + a);");
    }
  }

  /** A deterministic rendering of a variable's value. */
  private String render(Var v) {
    return switch (v.ty) {
      case SELF -> v.name + ".dump()";
      case SUPPLIER -> v.name + ".getAsInt()";
      case LOCAL -> "class".equals(v.clsKind) ? v.name + ".get(1)" : "FuzzHost.describe(" + v.name + ")";
      case RESOURCE -> "\"resource\"";
      default -> "FuzzHost.describe(" + v.name + ")";
    };
  }

  // =============================================================================================
  // Emission

  private void feature(String f) {
    features.add(f);
    pending.add(f);
    if (f.contains("pattern")) {
      stackmapRisk = true; // a pattern binding (a switch expression sets it once it is complete)
    }
  }

  /**
   * The method so far holds a complete switch expression or a pattern binding. javac (17.0.15, and 25.0.3 in
   * some shapes) writes code that does not verify for such a method when a classic switch after it
   * declares a local directly in a case group that later labels follow (javac-notes; the pattern
   * form, found by campaign seed 34: {@code if (o instanceof Number p) return; for (...) { switch
   * (b) { case 1: Byte v = 1; default: ... } }}). From then on, colon case groups get a block of
   * their own; before it, they declare their locals directly, so that form stays covered.
   */
  private boolean stackmapRisk;

  private void line(String s) {
    StringBuilder out = buffers.peek();
    out.append("  ".repeat(indent)).append(s);
    if (!pending.isEmpty()) {
      out.append(" //@ ").append(String.join(",", pending));
      pending = new TreeSet<>();
    }
    out.append('\n');
  }

  /** Runs {@code r} into a fresh buffer one level deeper and returns the text (lines end in newlines). */
  private String captured(Runnable body) {
    Set<String> saved = pending;
    pending = new TreeSet<>();
    buffers.push(new StringBuilder());
    indent++;
    body.run();
    indent--;
    String text = buffers.pop().toString();
    saved.addAll(pending);
    pending = saved;
    return text;
  }

  private String ind() {
    return "  ".repeat(indent);
  }

  // =============================================================================================
  // Scope

  private Var declare(String name, Ty ty, boolean mutable) {
    Var v = new Var(name, ty, mutable);
    scopes.get(scopes.size() - 1).add(v);
    return v;
  }

  private boolean declared(String name) {
    for (List<Var> s : scopes) {
      for (Var v : s) {
        if (v.name.equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The smallest {@code v<n>} not declared in an enclosing scope: sibling blocks reuse names. */
  private String freshLocal() {
    for (int n = 0; ; n++) {
      String name = "v" + n;
      if (!declared(name)) {
        return name;
      }
    }
  }

  private String unique(String prefix) {
    return prefix + (counter++);
  }

  private void push() {
    scopes.add(new ArrayList<>());
  }

  private void pop() {
    scopes.remove(scopes.size() - 1);
  }

  /** Marks the variables of the innermost scope unusable (a colon-form case group ended). */
  private void retireInnermost() {
    for (Var v : scopes.get(scopes.size() - 1)) {
      v.usable = false;
    }
  }

  private List<Var> visible(java.util.function.Predicate<Var> p) {
    List<Var> out = new ArrayList<>();
    for (List<Var> s : scopes) {
      for (Var v : s) {
        if (v.usable && (!(inLambda || finalOnly) || !v.mutable) && p.test(v)) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private Var pickVar(java.util.function.Predicate<Var> p) {
    List<Var> vs = visible(p);
    return vs.isEmpty() ? null : vs.get(r.nextInt(vs.size()));
  }

  private boolean canAwait() {
    return !noAwait;
  }

  /**
   * A {@code try} statement may be generated here: every enclosing switch expression is on an empty
   * operand stack (see {@link #switchStackClean}).
   */
  private boolean tryOk() {
    return !switchStackClean.contains(Boolean.FALSE);
  }

  private boolean canReturn() {
    for (Jump j : jumps) {
      if (j.kind == JumpKind.SWITCH_EXPR || j.kind == JumpKind.BARRIER) {
        return false;
      }
    }
    return !inLambda;
  }

  /** Jump targets reachable without crossing a switch expression or lambda. */
  private List<Jump> reachableJumps() {
    List<Jump> out = new ArrayList<>();
    for (int i = jumps.size() - 1; i >= 0; i--) {
      Jump j = jumps.get(i);
      out.add(j);
      if (j.kind == JumpKind.SWITCH_EXPR || j.kind == JumpKind.BARRIER) {
        break;
      }
    }
    return out;
  }

  private Ty yieldTarget() {
    List<Jump> js = reachableJumps();
    if (!js.isEmpty() && js.get(js.size() - 1).kind == JumpKind.SWITCH_EXPR) {
      return js.get(js.size() - 1).yieldTy;
    }
    return null;
  }

  private int chance(int n) {
    return r.nextInt(n);
  }

  private boolean one(int n) {
    return r.nextInt(n) == 0;
  }

  @SafeVarargs
  private <T> T pick(T... xs) {
    return xs[r.nextInt(xs.length)];
  }

  // =============================================================================================
  // Statements

  private void block(int depth, int count, boolean fresh) {
    if (fresh) {
      push();
    }
    nest++;
    for (int i = 0; i < count; i++) {
      statement(nest > 6 ? 0 : depth);
    }
    nest--;
    if (fresh) {
      pop();
    }
  }

  /** Whether a statement-level switch expression may have statement bodies (bounded recursion). */
  private boolean bodiesAllowed() {
    return budget > 0 && nest < 5;
  }

  /** A braced nested block: {@code body} generates statements inside one more level of indentation. */
  private void nested(int depth) {
    indent++;
    block(depth - 1, 1 + r.nextInt(3), true);
    indent--;
  }

  private void statement(int depth) {
    budget--;
    if (budget < 0) {
      depth = 0;
    }
    int total = depth > 0 ? 60 : 30;
    int c = r.nextInt(total);
    switch (c) {
      case 0, 1 -> declareLocal();
      case 2 -> simpleAssign();
      case 3, 4, 5 -> compoundAssign();
      case 6 -> incDec();
      case 7, 8 -> logStatement();
      case 9 -> awaitStatement();
      case 10 -> guardedJump();
      case 11 -> guardedThrow();
      case 12 -> captureLambda();
      case 13 -> assertStatement();
      case 14 -> arrayDeclaration();
      case 15 -> callStatement();
      case 16 -> stringStatement();
      case 17 -> localRecord();
      case 18 -> varFromGenerated();
      case 19 -> genericsStatement();
      case 20 -> boxingStatement();
      case 21 -> switchExpressionDeclaration();
      case 22 -> patternExpressionStatement();
      case 23 -> assignExpressionStatement();
      case 24 -> localClass(false);
      case 25 -> anonymousClass();
      case 26 -> checkedStatement();
      case 27 -> instanceofDeclaration();
      case 28 -> sbStatement();
      case 29 -> incDecExpressionStatement();
      // compound statements (depth > 0)
      case 30, 31 -> ifStatement(depth);
      case 32 -> patternIf(depth);
      case 33 -> flowScoping(depth);
      case 34 -> whileLoop(depth);
      case 35 -> doLoop(depth);
      case 36 -> forLoop(depth);
      case 37 -> forEach(depth);
      case 38 -> labeledLoop(depth);
      case 39 -> labeledBlock(depth);
      case 40 -> colonSwitch(depth);
      case 41 -> arrowSwitch(depth);
      case 42 -> stringOrEnumSwitch(depth);
      case 43, 44 -> tryStatement(depth);
      case 45 -> tryWithResources(depth);
      case 46 -> plainBlock(depth);
      case 47 -> localClass(true);
      case 48 -> taskGroup(depth);
      case 49 -> asyncIteration(depth);
      case 50 -> synchronizedBlock(depth);
      case 51 -> cancelScope(depth);
      case 52 -> bigSwitchExpression(depth);
      case 53 -> patternSwitchStatement(depth);
      case 54 -> loopCapture(depth);
      case 55 -> existingResource(depth);
      case 56 -> forVarLoop(depth);
      case 57 -> guardedReturn();
      case 58 -> whilePattern(depth);
      default -> logStatement();
    }
  }

  private void declareLocal() {
    Ty ty = pick(Ty.INT, Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.BOOL, Ty.CHAR, Ty.BYTE, Ty.SHORT, Ty.STRING, Ty.INTEGER,
        Ty.LONGB, Ty.OBJECT, Ty.BOX, Ty.COLOR);
    String name = freshLocal();
    Var v = declare(name, ty, !one(4));
    v.usable = false;
    boolean fin = !v.mutable && one(2);
    if (one(3)) {
      // var: the declared type is the initializer's exact type
      varInit++;
      Ex e = gen(ty, 2);
      varInit--;
      scopes.get(scopes.size() - 1).remove(v);
      Ty t = e.t;
      if (t == Ty.INTERSECTION || t == Ty.LOCAL) {
        t = Ty.OBJECT;
      }
      boolean assignableLater = t == Ty.INT || t == Ty.LONG || t == Ty.DOUBLE || t == Ty.BOOL || t == Ty.CHAR
          || t == Ty.BYTE || t == Ty.SHORT || t == Ty.STRING || t == Ty.INTEGER || t == Ty.LONGB;
      if (e.constant != null && fin) {
        fin = false;
      }
      Var w = declare(name, t, v.mutable && assignableLater);
      feature("var.local");
      line((fin ? "final " : "") + "var " + name + " = " + e.s + ";");
      w.usable = true;
      return;
    }
    if (one(6) && (ty == Ty.INT || ty == Ty.LONG || ty == Ty.STRING)) {
      // two declarators in one statement, both initializers may await
      feature("local.multi-declarator");
      String init1 = ty == Ty.STRING ? stored(ty, 2) : expr(ty, 2);
      v.usable = true;
      String second = freshLocal();
      Var w = declare(second, ty, !one(3));
      w.usable = false;
      String init2 = ty == Ty.STRING ? stored(ty, 1) : expr(ty, 1);
      line(annotations("") + ty.java + " " + name + " = " + init1 + ", " + second + " = " + init2 + ";");
      w.usable = true;
      return;
    }
    Ex e = gen(ty, 2);
    String init = coerce(e, ty);
    if (e.constant != null || init.matches("'.'|\\(byte\\) \\d+|\\(short\\) \\d+|\\d+L|[0-9.]+|true|false|\"[^\"]*\"")) {
      fin = false;
    }
    line(annotations(fin ? "final " : "") + ty.java + " " + name + " = " + init + ";");
    v.usable = true;
  }

  /**
   * A local's modifiers: {@code flags} (empty or {@code "final "}), and now and then annotations
   * before or after the flags: one for types only ({@code @NonNull String s}), one for types and
   * locals, or both, or {@code @SuppressWarnings} with one for types only.
   */
  private String annotations(String flags) {
    if (!one(6)) {
      return flags;
    }
    feature("local.annotated");
    String a = pick("@FuzzTypeUse ", "@FuzzAnyUse ", "@FuzzAnyUse @FuzzTypeUse ", "@SuppressWarnings(\"unused\") @FuzzTypeUse ");
    return one(2) ? a + flags : flags + a;
  }

  private void simpleAssign() {
    Place p = place(null);
    if (p == null) {
      logStatement();
      return;
    }
    feature("assign." + p.kind);
    line(p.text + " = " + stored(p.ty, 2) + ";");
  }

  private void compoundAssign() {
    Place p = place(null);
    if (p == null) {
      logStatement();
      return;
    }
    line(compound(p) + ";");
  }

  /** {@code place op= rhs}, with the operator and the right operand valid for the place's type. */
  private String compound(Place p) {
    feature("compound." + p.kind);
    feature("compound.type." + p.ty.java.toLowerCase(java.util.Locale.ROOT));
    Ty t = p.ty;
    // the form is chosen first: no right operand is generated and then thrown away
    int form = chance(8);
    if (form == 0 && !canAwait() || form == 1 && p.simple == null) {
      form = 7;
    }
    String op;
    Ty rt;
    boolean div = false;
    if (t == Ty.STRING) {
      op = "+=";
      rt = pick(Ty.STRING, Ty.STRING, Ty.INT, Ty.CHAR, Ty.DOUBLE, Ty.BOOL, Ty.LONGB);
      noStringReads++;
    } else if (t.isBoolean()) {
      op = pick("&=", "|=", "^=");
      rt = Ty.BOOL;
    } else if (t.unboxed() == Ty.DOUBLE) {
      op = pick("+=", "-=", "*=", "/=", "%=");
      rt = pick(Ty.DOUBLE, Ty.INT);
    } else {
      op = pick("+=", "-=", "*=", "/=", "%=", "<<=", ">>=", ">>>=", "&=", "|=", "^=");
      boolean shift = op.startsWith("<") || op.startsWith(">");
      boolean bits = op.equals("&=") || op.equals("|=") || op.equals("^=");
      div = op.equals("/=") || op.equals("%=");
      if (t.isBox()) {
        // (Integer) (I + 1L) does not compile: the right operand must not widen the result
        rt = shift ? pick(Ty.INT, Ty.LONG) : t == Ty.LONGB ? pick(Ty.INT, Ty.LONG) : Ty.INT;
      } else if (shift || bits || div) {
        rt = pick(Ty.INT, Ty.INT, Ty.LONG, Ty.CHAR);
      } else {
        rt = pick(Ty.INT, Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.BYTE);
      }
    }
    String rhs;
    if (form == 0) {
      feature("compound.await-rhs");
      rhs = awaitInt(1);
      if (t.isBoolean()) {
        rhs = "(" + rhs + " > 3)";
      }
    } else if (form == 1) {
      feature("compound.rhs-modifies");
      String inner;
      if (t.isBoolean() || t == Ty.STRING || t.isBox() || one(2)) {
        inner = "(" + p.simple + " = " + expr(t, 1) + ")";
      } else {
        inner = "(" + p.simple + pick("++", "--") + ")";
      }
      rhs = !t.isBox() && canAwait() && one(2) ? inner + opJoin(t) + awaitOf(t) : inner;
    } else if (form == 2) {
      feature("compound.rhs-throws");
      rhs = t.isBoolean() ? "(h.boom(" + expr(Ty.INT, 1) + ") > 2)" : "h.boom(" + expr(Ty.INT, 1) + ")";
    } else {
      rhs = expr(rt, 2);
      if (div && !one(3)) {
        rhs = "(" + paren(rhs) + " | 1)";
      }
    }
    if (t == Ty.STRING) {
      noStringReads--;
    }
    if (rhs.contains("await(")) {
      feature("await.in-compound");
    }
    return p.text + " " + op + " " + rhs;
  }

  /** A value for a place of type {@code t}: a String one reads no String variable (see {@link #noStringReads}). */
  private String stored(Ty t, int d) {
    if (t != Ty.STRING) {
      return expr(t, d);
    }
    noStringReads++;
    try {
      return expr(t, d);
    } finally {
      noStringReads--;
    }
  }

  private String opJoin(Ty t) {
    return t.isBoolean() ? " & " : " + ";
  }

  /** An awaited value convertible to {@code t} (for compound right operands). */
  private String awaitOf(Ty t) {
    if (t.isBoolean()) {
      return "await(h.later(" + cond(0) + "))";
    }
    if (t == Ty.STRING) {
      return "await(h.later(" + expr(Ty.STRING, 0) + "))";
    }
    return awaitInt(0);
  }

  private String awaitInt(int d) {
    return "await(h.val(" + expr(Ty.INT, d) + "))";
  }

  private void incDec() {
    Place p = place(t -> t.isNumeric());
    if (p == null) {
      logStatement();
      return;
    }
    feature("incdec." + p.kind);
    String op = pick("++", "--");
    line(one(2) ? p.text + op + ";" : op + p.text + ";");
  }

  private void incDecExpressionStatement() {
    Place p = place(t -> t.isNumeric());
    if (p == null) {
      logStatement();
      return;
    }
    feature("incdec." + p.kind);
    feature("incdec.value");
    String op = pick("++", "--");
    String e = one(2) ? p.text + op : op + p.text;
    line("h.log(\"id:\" + " + "(" + e + ")" + " + \",\" + " + expr(Ty.INT, 1) + ");");
  }

  private void assignExpressionStatement() {
    Place p = place(null);
    if (p == null) {
      logStatement();
      return;
    }
    String e;
    if (p.ty == Ty.STRING || p.ty.isBoolean() || one(2)) {
      feature("assign.value");
      e = "(" + p.text + " = " + stored(p.ty, 1) + ")";
    } else {
      feature("compound.value");
      e = "(" + compound(p) + ")";
    }
    line("h.log(\"ae:\" + " + e + ");");
  }

  private void logStatement() {
    Ty t = pick(Ty.INT, Ty.INT, Ty.STRING, Ty.LONG, Ty.DOUBLE, Ty.BOOL, Ty.CHAR, Ty.OBJECT, Ty.INTEGER);
    String e = expr(t, 2);
    if (t == Ty.OBJECT) {
      e = "FuzzHost.describe(" + e + ")";
    }
    line("h.log(\"L" + (counter++) + ":\" + " + paren(e) + ");");
  }

  private void awaitStatement() {
    if (!canAwait()) {
      logStatement();
      return;
    }
    feature("await.statement");
    switch (chance(7)) {
      case 0 -> line("await(h.val(" + expr(Ty.INT, 1) + "));");
      case 1 -> line("await(checkpoint());");
      case 2 -> {
        needInc = !staticCtx || needInc;
        if (staticCtx) {
          line("await(h.later(" + expr(Ty.STRING, 1) + "));");
        } else {
          feature("helper.instance");
          line("await(" + pick("", "this.") + "inc(h, " + expr(Ty.INT, 1) + "));");
        }
      }
      case 3 -> {
        feature("await.custom-method");
        line("FuzzGen.awaitAlso(h.val(" + expr(Ty.INT, 1) + "));");
      }
      case 4 -> line("await(done(" + expr(Ty.INT, 1) + "));");
      case 5 -> {
        needKid = needKid || !staticCtx;
        if (staticCtx) {
          line("await(checkpoint());");
        } else {
          line("await(kid(h, " + expr(Ty.INT, 1) + "));");
        }
      }
      default -> line("await(h.later(" + expr(Ty.STRING, 1) + "));");
    }
  }

  private void guardedJump() {
    List<String> options = new ArrayList<>();
    boolean innerLoopSeen = false;
    boolean unlabeledBreakTaken = false;
    for (Jump j : reachableJumps()) {
      switch (j.kind) {
        case LOOP -> {
          if (!innerLoopSeen) {
            options.add("continue;");
            innerLoopSeen = true;
          }
          if (!unlabeledBreakTaken) {
            options.add("break;");
            unlabeledBreakTaken = true;
          }
          if (j.label != null) {
            options.add("break " + j.label + ";");
            options.add("continue " + j.label + ";");
          }
        }
        case SWITCH -> {
          if (!unlabeledBreakTaken) {
            options.add("break;");
            unlabeledBreakTaken = true;
          }
        }
        case BLOCK -> options.add("break " + j.label + ";");
        case SWITCH_EXPR -> options.add("yield");
        default -> { }
      }
    }
    if (canReturn()) {
      options.add("return");
    }
    if (options.isEmpty()) {
      guardedThrow();
      return;
    }
    String jump = options.get(r.nextInt(options.size()));
    if (jump.equals("yield")) {
      feature("switchexpr.yield-nested");
      jump = yieldStatement(yieldTarget(), yieldValue(yieldTarget(), 2));
    } else if (jump.equals("return")) {
      guardedReturn();
      return;
    } else {
      feature(jump.startsWith("break") ? jump.contains(" ") && !jump.equals("break;") ? "jump.break-label"
          : "jump.break" : jump.equals("continue;") ? "jump.continue" : "jump.continue-label");
    }
    line("if (" + cond(1) + ") {");
    indent++;
    if (one(3)) {
      line("h.log(\"jump\");");
    }
    line(jump);
    indent--;
    line("}");
  }

  private void guardedReturn() {
    if (!canReturn()) {
      guardedThrow();
      return;
    }
    feature("return.guarded");
    if (!jumps.isEmpty()) {
      feature("return.nested");
    }
    String value;
    if (methodResult == Ty.STRING) {
      if (one(4) && canAwait()) {
        feature("return.awaitable");
        value = "h.laterReturned(\"r\" + " + expr(Ty.STRING, 1) + ")";
        line("if (" + cond(1) + ") return " + value + ";");
        return;
      }
      value = "\"r\" + " + expr(Ty.STRING, 1);
    } else {
      if (one(4) && canAwait()) {
        feature("return.awaitable");
        line("if (" + cond(1) + ") return h.valReturned(" + expr(Ty.INT, 1) + ");");
        return;
      }
      value = exact(gen(Ty.INT, 1), Ty.INT);
    }
    line("if (" + cond(1) + ") return done(" + value + ");");
  }

  private void guardedThrow() {
    feature("throw");
    if (checkedOk && one(3)) {
      feature("checked.throw");
      checkedThrows++;
      line("if (" + cond(1) + ") throw new FuzzChecked(\"c\" + " + expr(Ty.INT, 1) + ");");
      return;
    }
    line("if (" + cond(1) + ") throw new FuzzException(\"t\" + " + expr(Ty.INT, 1) + ");");
  }

  /** A lambda capturing a final local: each instance must see the value its own iteration had. */
  private void captureLambda() {
    String k = freshLocal();
    Ty t = pick(Ty.INT, Ty.STRING, Ty.LONG, Ty.INTEGER);
    Var v = declare(k, t, false);
    v.usable = false;
    Ex init = gen(t, 2);
    String is = coerce(init, t);
    boolean fin = one(2) && init.constant == null && !is.matches("\\d+L?|\"[^\"]*\"");
    line((fin ? "final " : "") + t.java + " " + k + " = " + is + ";");
    v.usable = true;
    feature("lambda.capture");
    String body = lambdaInt(k, t);
    switch (chance(4)) {
      case 0 -> {
        feature("method-ref");
        line("sups.add(" + pick("bx::get", "h.orNull(bx)::get", "h.box(" + k.length() + ")::get") + ");");
        line("sups.add(() -> " + body + ");");
      }
      case 1 -> {
        String s = freshLocal();
        line("IntSupplier " + s + " = () -> " + body + ";");
        declare(s, Ty.SUPPLIER, false);
        line("sups.add(" + s + ");");
      }
      default -> line("sups.add(() -> " + body + ");");
    }
  }

  private String lambdaInt(String k, Ty t) {
    String base = switch (t) {
      case STRING -> k + ".length()";
      case LONG -> "(int) " + k;
      default -> k;
    };
    String extra = one(2) ? " + " + inLambdaBody(false, () -> expr(Ty.INT, 1)) : "";
    return base + " * 10" + extra;
  }

  /** Runs {@code s} in a body that cannot await, capture mutable locals or throw checked exceptions. */
  private <T> T inLambdaBody(boolean classBody, Supplier<T> s) {
    boolean saved = noAwait;
    boolean savedL = inLambda;
    boolean savedC = checkedOk;
    boolean savedB = inClassBody;
    noAwait = true;
    inLambda = true;
    checkedOk = false;
    inClassBody = inClassBody || classBody;
    jumps.add(new Jump(JumpKind.BARRIER, null, null));
    try {
      return s.get();
    } finally {
      jumps.remove(jumps.size() - 1);
      noAwait = saved;
      inLambda = savedL;
      checkedOk = savedC;
      inClassBody = savedB;
    }
  }

  /** {@code this.} is the program's instance here (not a local or anonymous class's). */
  private boolean ownThis() {
    return !staticCtx && !inClassBody;
  }

  private void assertStatement() {
    feature(assertionsOn ? "assert.enabled" : "assert.disabled");
    String c = cond(2);
    if (c.contains("await(")) {
      feature("assert.await");
    }
    if (one(2)) {
      String msg = expr(pick(Ty.STRING, Ty.INT), 2);
      if (msg.contains("await(")) {
        feature("assert.await");
      }
      line("assert " + c + " : " + msg + ";");
    } else {
      line("assert " + c + ";");
    }
  }

  private void arrayDeclaration() {
    String name = freshLocal();
    Var reserved = declare(name, Ty.INTS, false);
    reserved.usable = false;
    int k = chance(11);
    Ty ty;
    String init;
    int len = -1;
    int len2 = -1;
    switch (k) {
      case 0 -> {
        feature("array.initializer");
        ty = Ty.INTS;
        init = "{" + expr(Ty.INT, 2) + ", " + expr(Ty.INT, 1) + ", " + awaitOrExpr() + "}";
        len = 3;
      }
      case 1 -> {
        feature("array.new-initializer");
        ty = Ty.INTS;
        init = "new int[] {" + awaitOrExpr() + ", " + expr(Ty.INT, 1) + "}";
        len = 2;
      }
      case 2 -> {
        feature("array.new-dim");
        ty = Ty.INTS;
        init = "new int[Math.floorMod(" + awaitOrExpr() + ", 4) + 1]";
        len = 1;
      }
      case 3 -> {
        feature("array.new-dim-raw");
        ty = Ty.INTS;
        // may be negative (NegativeArraySizeException), never huge
        init = "new int[" + paren(awaitOrExpr()) + " % 6]";
      }
      case 4 -> {
        feature("array.2d-initializer");
        ty = Ty.INTS2;
        init = "new int[][] {{" + awaitOrExpr() + ", " + expr(Ty.INT, 1) + "}, {" + expr(Ty.INT, 1) + "}}";
        len = 2;
        len2 = 1;
      }
      case 5 -> {
        feature("array.2d-dims");
        ty = Ty.INTS2;
        init = "new int[Math.floorMod(" + awaitOrExpr() + ", 3) + 1][Math.floorMod(" + expr(Ty.INT, 1) + ", 3) + 1]";
        len = 1;
        len2 = 1;
      }
      case 6 -> {
        feature("array.2d-string-dims");
        ty = Ty.STRINGS2;
        init = "new String[Math.floorMod(" + awaitOrExpr() + ", 3) + 1][2]";
        len = 1;
        len2 = 2;
      }
      case 7 -> {
        feature("array.initializer");
        ty = Ty.STRINGS;
        init = "{" + expr(Ty.STRING, 1) + ", " + (canAwait() ? "await(h.later(" + expr(Ty.STRING, 0) + "))"
            : expr(Ty.STRING, 1)) + "}";
        len = 2;
      }
      case 8 -> {
        feature("array.initializer");
        ty = pick(Ty.LONGS, Ty.DOUBLES, Ty.CHARS, Ty.BYTES);
        init = "{" + expr(ty.element(), 1) + ", " + expr(ty.element(), 2) + ", " + expr(ty.element(), 1) + "}";
        len = 3;
      }
      case 9 -> {
        feature("array.2d-initializer");
        ty = Ty.INTS2;
        init = "{{" + expr(Ty.INT, 1) + "}, {" + awaitOrExpr() + ", " + expr(Ty.INT, 1) + "}, {}}";
        len = 3;
        len2 = 0;
      }
      default -> {
        feature("array.var");
        ty = Ty.INTS;
        scopes.get(scopes.size() - 1).remove(reserved);
        Var v = declare(name, ty, !one(3));
        v.usable = false;
        varInit++;
        String arrayInit = "new int[] {" + awaitOrExpr() + ", " + expr(Ty.INT, 1) + ", 3}";
        varInit--;
        line("var " + name + " = " + arrayInit + ";");
        v.usable = true;
        v.len = 3;
        return;
      }
    }
    if (init.startsWith("{") && !switchStackClean.isEmpty()) {
      // javac 17 and 25 reject `var x = switch (k) { default -> { int[] a = {1}; yield 1; } }`
      // ("array initializer needs an explicit target-type"): inside switch expressions, use `new int[] {...}`
      init = "new " + ty.java + " " + init;
    }
    scopes.get(scopes.size() - 1).remove(reserved);
    Var v = declare(name, ty, !one(3));
    v.usable = false;
    line(ty.java + " " + name + " = " + init + ";");
    v.usable = true;
    v.len = len;
    v.len2 = len2;
  }

  private String awaitOrExpr() {
    if (canAwait() && one(2)) {
      return awaitInt(1);
    }
    return expr(Ty.INT, 2);
  }

  private void callStatement() {
    switch (chance(6)) {
      case 0 -> line("h.f(" + expr(Ty.INT, 2) + ", " + expr(Ty.INT, 2) + ");");
      case 1 -> {
        feature("args.varargs");
        line("h.sum(" + expr(Ty.INT, 1) + ", " + expr(Ty.INT, 2) + ", " + expr(Ty.INT, 1) + ");");
      }
      case 2 -> {
        if (!ownThis()) { // static, or a local or anonymous class's body: super and this are not the program's
          line("h.f(" + expr(Ty.INT, 1) + ", " + expr(Ty.INT, 1) + ");");
        } else {
          feature("super.method");
          line("h.log(super.bm(h, " + expr(Ty.INT, 2) + ") + " + pick("bm", "this.bm") + "(h, " + expr(Ty.INT, 1)
              + "));");
        }
      }
      case 3 -> {
        if (!ownThis()) {
          line("h.log(" + expr(Ty.STRING, 2) + ");");
        } else {
          feature("super.method");
          line("h.log(super.bname(h) + " + expr(Ty.STRING, 1) + ");");
        }
      }
      case 4 -> line("h.log(Math.max(" + expr(Ty.INT, 1) + ", " + expr(Ty.LONG, 1) + "));");
      default -> line("h.log(h.i(\"x\", " + expr(Ty.INT, 2) + ") + h.i(\"y\", " + expr(Ty.INT, 2) + "));");
    }
  }

  private void stringStatement() {
    feature("string.concat");
    line("h.log(" + paren(expr(Ty.STRING, 2)) + " + " + paren(expr(Ty.INT, 1)) + " + '" + (char) ('a' + chance(26))
        + "' + " + paren(expr(Ty.DOUBLE, 1)) + " + " + paren(expr(Ty.BOOL, 1)) + ");");
  }

  private void sbStatement() {
    line("sb.append(" + expr(pick(Ty.INT, Ty.STRING, Ty.CHAR), 2) + ").append(',');");
  }

  /** A local record declared in a block that awaits (its body does not await), used across awaits. */
  private void localRecord() {
    String rn = unique("R");
    feature("local.record");
    line("record " + rn + "(int a, String b) {");
    indent++;
    line("int twice() {");
    line("  return a * 2;");
    line("}");
    indent--;
    line("}");
    String name = freshLocal();
    Var v = declare(name, Ty.LOCAL, false);
    v.usable = false;
    v.cls = rn;
    v.clsKind = "record";
    line(rn + " " + name + " = new " + rn + "(" + awaitOrExpr() + ", " + expr(Ty.STRING, 1) + ");");
    v.usable = true;
    if (one(3) && canAwait()) {
      line("await(checkpoint());");
      line("h.log(" + name + " + \" \" + " + name + ".twice());");
    }
  }

  /** {@code var x = await(AsyncFoo.h())} and friends: a var typed by a call through the generated class. */
  private void varFromGenerated() {
    if (!canAwait()) {
      logStatement();
      return;
    }
    needSh = true;
    feature("var.generated-call");
    feature("static.via-generated");
    String name = freshLocal();
    Var v = declare(name, Ty.INTEGER, true);
    v.usable = false;
    line("var " + name + " = await(§A.sh(h, " + expr(Ty.INT, 1) + "));");
    v.usable = true;
  }

  private void genericsStatement() {
    varInit++;
    try {
      genericsStatement0();
    } finally {
      varInit--;
    }
  }

  private void genericsStatement0() {
    String name = freshLocal();
    switch (chance(8)) {
      case 0 -> {
        feature("generic.inference");
        Var v = declare(name, Ty.LIST, false);
        v.usable = false;
        line("List<Integer> " + name + " = List.of(" + expr(Ty.INTEGER, 1) + ", " + awaitOrExprBoxed() + ");");
        v.usable = true;
      }
      case 1 -> {
        feature("wildcard");
        Var v = declare(name, Ty.WILD, false);
        v.usable = false;
        line("List<? extends Number> " + name + " = List.of(" + awaitOrExprBoxed() + ", " + expr(Ty.LONGB, 1) + ");");
        v.usable = true;
        if (canAwait() && one(2)) {
          line("await(checkpoint());");
        }
        line("h.log(FuzzGen.sum(" + name + ") + " + name + ".get(0).intValue());");
      }
      case 2 -> {
        feature("wildcard");
        feature("generic.map-entry");
        Var v = declare(name, Ty.ENTRY, false);
        v.usable = false;
        line("Map.Entry<String, ? extends Number> " + name + " = Map.entry(" + expr(Ty.STRING, 1) + ", "
            + awaitOrExprBoxed() + ");");
        v.usable = true;
      }
      case 3 -> {
        feature("var.intersection");
        Var v = declare(name, Ty.INTERSECTION, false);
        v.usable = false;
        // javac 17.0.15 crashes ("inconsistent stack types at join point") on a reference conditional
        // whose operands of different types contain switch expressions, even cast: simple operands
        String sOp = canAwait() && one(2) ? "await(h.later(" + expr(Ty.STRING, 0) + "))" : expr(Ty.STRING, 0);
        String iOp = canAwait() && one(2) ? "await(h.val(" + expr(Ty.INT, 0) + "))" : exact(gen(Ty.INTEGER, 0),
            Ty.INTEGER);
        line("var " + name + " = " + cond(1) + " ? " + sOp + " : " + iOp + ";");
        v.usable = true;
        if (canAwait()) {
          line("await(h.val(" + expr(Ty.INT, 0) + "));");
        }
        line("h.log(FuzzHost.describe(" + name + ") + " + name + ".hashCode());");
      }
      case 4 -> {
        feature("var.intersection");
        feature("generic.inference");
        Var v = declare(name, Ty.INTERSECTION, false);
        v.usable = false;
        line("var " + name + " = List.of(" + expr(Ty.INTEGER, 1) + ", " + expr(Ty.STRING, 1) + ");");
        v.usable = true;
        if (canAwait()) {
          line("await(checkpoint());");
        }
        line("h.log(" + name + ".get(1) + \"/\" + " + name + ".size());");
      }
      case 5 -> {
        feature("generic.intersection-bound");
        Var v = declare(name, Ty.INTEGER, false);
        v.usable = false;
        line("var " + name + " = FuzzGen.pick(" + expr(Ty.INTEGER, 1) + ", " + awaitOrExprBoxed() + ");");
        v.usable = true;
      }
      case 6 -> {
        if (!canAwait()) {
          line("h.log(Optional.of(" + expr(Ty.INTEGER, 1) + ").map(q -> q + 1).orElse(0));");
          return;
        }
        feature("generic.intersection-bound");
        feature("generic.async-helper");
        needLarger = true;
        Var v = declare(name, Ty.LONGB, false);
        v.usable = false;
        if (one(2)) {
          line("Long " + name + " = await(larger(h, " + exact(gen(Ty.LONGB, 1), Ty.LONGB) + ", h.later("
              + exact(gen(Ty.LONG, 1), Ty.LONG) + ")));");
        } else {
          scopes.get(scopes.size() - 1).remove(v);
          v = declare(name, Ty.INTEGER, false);
          v.usable = false;
          line("var " + name + " = await(" + pick("", "§A.") + "larger(h, " + exact(gen(Ty.INTEGER, 1), Ty.INTEGER)
              + ", h.val(" + expr(Ty.INT, 1) + ")));");
        }
        v.usable = true;
      }
      default -> {
        feature("generic.inference");
        line("h.log(Optional.of(" + awaitOrExprBoxed() + ").map(q -> q + 1).orElse(0) + FuzzGen.first(List.of("
            + expr(Ty.INTEGER, 1) + ", " + expr(Ty.INTEGER, 1) + ")));");
      }
    }
  }

  private String awaitOrExprBoxed() {
    if (canAwait() && one(2)) {
      return awaitInt(1);
    }
    return expr(Ty.INTEGER, 2);
  }

  private void boxingStatement() {
    feature("boxing");
    String name = freshLocal();
    Ty t = pick(Ty.INTEGER, Ty.LONGB, Ty.DOUBLEB, Ty.BOOLB, Ty.CHARB);
    Var v = declare(name, t, t == Ty.INTEGER || t == Ty.LONGB);
    v.usable = false;
    String init = canAwait() && one(2) ? "await(h.later(" + exact(gen(t.unboxed(), 1), t.unboxed()) + "))"
        : expr(t, 2);
    line(t.java + " " + name + " = " + init + ";");
    v.usable = true;
    if (canAwait()) {
      line("await(h.val(" + expr(Ty.INT, 0) + "));");
    }
    if (t.isNumeric() && t != Ty.CHARB) {
      line("h.log(" + name + " + " + expr(t.unboxed(), 1) + ");");
    } else {
      line("h.log(\"\" + " + name + ");");
    }
  }

  private void switchExpressionDeclaration() {
    Ty t = pick(Ty.INT, Ty.INT, Ty.STRING, Ty.LONG, Ty.BOOL, Ty.CHAR, Ty.DOUBLE);
    String name = freshLocal();
    Var v = declare(name, t, true);
    v.usable = false;
    nextSwitchStackClean = true;
    Ex e = switchExpression(t, 2, bodiesAllowed());
    line(t.java + " " + name + " = " + e.s + ";");
    v.usable = true;
  }

  /** A statement-level switch expression with big statement bodies. */
  private void bigSwitchExpression(int depth) {
    Ty t = pick(Ty.INT, Ty.STRING, Ty.INTEGER);
    String name = freshLocal();
    Var v = declare(name, t, true);
    v.usable = false;
    nextSwitchStackClean = true;
    Ex e = switchExpression(t, Math.max(2, depth), bodiesAllowed());
    line(t.java + " " + name + " = " + e.s + ";");
    v.usable = true;
  }

  private void patternExpressionStatement() {
    line("h.log(\"pe:\" + " + patternExpr(Ty.INT, 2).s + ");");
  }

  private void instanceofDeclaration() {
    String name = freshLocal();
    Var v = declare(name, Ty.BOOL, true);
    v.usable = false;
    line("boolean " + name + " = " + patternCond(2) + ";");
    v.usable = true;
  }

  private void checkedStatement() {
    if (!checkedOk && !tryOk()) {
      logStatement();
      return;
    }
    if (!checkedOk) {
      // a checked call in its own try: caught
      feature("checked.caught");
      String e = unique("ce");
      line("try {");
      indent++;
      boolean saved = checkedOk;
      int before = checkedThrows;
      checkedOk = true;
      push();
      line("h.log(" + checkedCall().s + ");");
      pop();
      checkedOk = saved;
      checkedThrows = before;
      indent--;
      line("} catch (FuzzChecked " + e + ") {");
      line("  h.caught(" + e + ");");
      line("}");
      return;
    }
    feature("checked.uncaught");
    line("h.log(" + checkedCall().s + ");");
  }

  private Ex checkedCall() {
    checkedThrows++;
    if (canAwait() && ownThis() && one(2)) {
      needChk = true;
      feature("checked.async-helper");
      return new Ex("await(chk(h, " + expr(Ty.INT, 1) + "))", Ty.INTEGER);
    }
    if (canAwait() && needM2 && m2Throws && !inHelperBody && ownThis() && one(2)) {
      feature("helper.m2");
      return new Ex("await(m2(h, " + expr(Ty.INT, 1) + ", " + m2Args() + "))", Ty.INTEGER);
    }
    feature("checked.call");
    return new Ex("(h.check(" + expr(Ty.INT, 1) + ") + " + expr(Ty.INT, 1) + ")", Ty.INT);
  }

  // ---------------------------------------------------------------------------------------------
  // Compound statements

  private void ifStatement(int depth) {
    String c = cond(2);
    if (c.contains("instanceof")) {
      feature("instanceof.if-condition");
    }
    line("if (" + c + ") {");
    nested(depth);
    if (one(2)) {
      line("} else {");
      nested(depth);
    }
    line("}");
  }

  /** {@code if (x instanceof T b && ...) { ... await ... use(b) ... }}: a binding that lives across awaits. */
  private void patternIf(int depth) {
    Binding b = binding();
    List<Var> vars = b.vars();
    String more = "";
    if (one(2)) {
      feature("instanceof.in-and");
      more = " && " + withVars(vars, () -> cond(1));
    }
    feature("instanceof.statement");
    line("if (" + b.test + more + ") {");
    indent++;
    push();
    for (Var v : vars) {
      scopes.get(scopes.size() - 1).add(v);
    }
    if (canAwait()) {
      feature("instanceof.binding-across-await");
      line("await(" + pick("checkpoint()", "h.val(" + expr(Ty.INT, 0) + ")") + ");");
    }
    line("h.log(\"b:\" + " + useBinding(b) + ");");
    block(depth - 1, 1 + r.nextInt(2), true);
    line("h.log(\"b2:\" + " + useBinding(b) + ");");
    pop();
    indent--;
    if (one(2)) {
      line("} else {");
      nested(depth);
    }
    line("}");
  }

  /** {@code if (!(o instanceof T t)) <leave>; await(...); use(t);}: flow scoping. */
  private void flowScoping(int depth) {
    Binding b = binding();
    List<String> leaves = new ArrayList<>();
    leaves.add("throw new FuzzException(\"not " + b.ty.name() + "\");");
    if (canReturn()) {
      leaves.add(methodResult == Ty.STRING ? "return done(\"not\");" : "return done(-1);");
    }
    for (Jump j : reachableJumps()) {
      if (j.kind == JumpKind.LOOP) {
        leaves.add("continue;");
        leaves.add("break;");
        break;
      }
      if (j.kind == JumpKind.SWITCH_EXPR) {
        leaves.add("yield");
      }
    }
    String leave = leaves.get(r.nextInt(leaves.size()));
    if (leave.equals("yield")) {
      leave = yieldStatement(yieldTarget(), yieldValue(yieldTarget(), 1));
    }
    feature("instanceof.flow-scope");
    String extra = "";
    if (one(3)) {
      // !(o instanceof T t) || use(t): t is in scope on the right of || and after the if
      extra = " || " + withVars(b.vars(), () -> bindingCondition(b));
      feature("instanceof.in-or");
    }
    line("if (!(" + b.test + ")" + extra + ") {");
    indent++;
    if (one(2)) {
      line("h.log(\"leave\");");
    }
    line(leave);
    indent--;
    line("}");
    for (Var v : b.vars()) {
      scopes.get(scopes.size() - 1).add(v);
    }
    if (canAwait()) {
      feature("instanceof.binding-across-await");
      line("await(h.val(" + expr(Ty.INT, 1) + "));");
    }
    line("h.log(\"fs:\" + " + useBinding(b) + ");");
  }

  /** {@code while (!(x instanceof T t)) {...}} introduces t after the loop; we use the positive form. */
  private void whilePattern(int depth) {
    Binding b = binding();
    feature("instanceof.while");
    feature("loop.while");
    line("while (h.fuel() && " + b.test + ") {");
    push();
    for (Var x : b.vars()) {
      scopes.get(scopes.size() - 1).add(x);
    }
    jumps.add(new Jump(JumpKind.LOOP, null, null));
    indent++;
    line("h.log(\"wp:\" + " + useBinding(b) + ");");
    if (canAwait()) {
      line("await(checkpoint());");
    }
    block(depth - 1, 1 + r.nextInt(2), true);
    indent--;
    jumps.remove(jumps.size() - 1);
    pop();
    line("}");
  }

  private void whileLoop(int depth) {
    feature("loop.while");
    line("while (h.fuel() && " + cond(1) + ") {");
    loopBody(null, depth);
    line("}");
  }

  private void doLoop(int depth) {
    feature("loop.do");
    line("do {");
    loopBody(null, depth);
    line("} while (h.fuel() && " + cond(1) + ");");
  }

  private void forLoop(int depth) {
    feature("loop.for");
    String i = freshLocal();
    push();
    Var v = declare(i, Ty.INT, true);
    v.usable = false;
    String init = expr(Ty.INT, 1);
    v.usable = true;
    String j = "";
    if (one(4)) {
      feature("loop.for-two-vars");
      String jn = freshLocal();
      Var jv = declare(jn, Ty.INT, true);
      jv.usable = false;
      j = ", " + jn + " = " + expr(Ty.INT, 1);
      jv.usable = true;
    }
    line("for (int " + i + " = " + init + j + "; " + i + " < 4 && h.fuel(); " + i + pick("++", " += 1", " = " + i
        + " + 1") + ") {");
    loopBody(null, depth);
    line("}");
    pop();
  }

  /** {@code for (var i = 0; ...)}: a for-init var, with awaits in the body, condition or update. */
  private void forVarLoop(int depth) {
    feature("var.for-init");
    feature("loop.for");
    String i = freshLocal();
    push();
    Var v = declare(i, Ty.INT, true);
    v.usable = false;
    String init = exact(gen(Ty.INT, 0), Ty.INT);
    v.usable = true;
    String condExtra = canAwait() && one(3) ? " && " + i + " < await(h.val(" + expr(Ty.INT, 0) + ")) + 4" : "";
    String update = canAwait() && one(4) ? i + " += await(done(1))" : i + "++";
    line("for (var " + i + " = " + init + "; " + i + " < 3 && h.fuel()" + condExtra + "; " + update + ") {");
    loopBody(null, depth);
    line("}");
    pop();
  }

  private void forEach(int depth) {
    feature("loop.foreach");
    String x = freshLocal();
    String header;
    Ty t;
    switch (chance(6)) {
      case 0 -> {
        t = Ty.INTEGER;
        header = "for (int " + x + " : List.of(" + expr(Ty.INTEGER, 1) + ", " + awaitOrExprBoxed() + "))";
        t = Ty.INT;
      }
      case 1 -> {
        Var arr = pickVar(v -> v.ty == Ty.INTS);
        String a = arr == null ? "fa" : arr.name;
        if (staticCtx && arr == null) {
          a = "sa";
        }
        feature("loop.foreach-array");
        header = "for (int " + x + " : " + a + ")";
        t = Ty.INT;
      }
      case 2 -> {
        if (!canAwait()) {
          header = "for (var " + x + " : List.of(" + expr(Ty.STRING, 1) + "))";
          t = Ty.STRING;
        } else {
          needSh = true;
          feature("var.foreach-generated");
          feature("static.via-generated");
          header = "for (var " + x + " : List.of(await(§A.sh(h, " + expr(Ty.INT, 1) + "))))";
          t = Ty.INTEGER;
        }
      }
      case 3 -> {
        feature("var.foreach");
        header = "for (var " + x + " : new String[] {" + expr(Ty.STRING, 1) + ", " + expr(Ty.STRING, 1) + "})";
        t = Ty.STRING;
      }
      case 4 -> {
        feature("loop.foreach-entries");
        x = unique("en");
        header = "for (Map.Entry<String, Integer> " + x + " : Map.of(" + expr(Ty.STRING, 0) + ", "
            + expr(Ty.INTEGER, 1) + ").entrySet())";
        t = null;
      }
      default -> {
        header = "for (final String " + x + " : List.of(" + expr(Ty.STRING, 1) + ", " + expr(Ty.STRING, 1) + "))";
        t = Ty.STRING;
      }
    }
    line(header + " {");
    push();
    if (t != null) {
      declare(x, t, false);
    } else {
      Var e = declare(x, Ty.LOCAL, false);
      e.cls = "Map.Entry";
      e.clsKind = "entry";
      indent++;
      line("h.log(" + x + ".getKey() + " + x + ".getValue());");
      indent--;
    }
    loopBody(null, depth);
    pop();
    line("}");
  }

  private void labeledLoop(int depth) {
    feature("loop.labeled");
    String label = unique("lb");
    line(label + ":");
    switch (chance(3)) {
      case 0 -> {
        line("for (int " + label + "i = 0; " + label + "i < 3 && h.fuel(); " + label + "i++) {");
        push();
        declare(label + "i", Ty.INT, true);
        loopBody(label, depth);
        pop();
        line("}");
      }
      case 1 -> {
        line("do {");
        loopBody(label, depth);
        line("} while (h.fuel());");
      }
      default -> {
        line("while (h.fuel()) {");
        loopBody(label, depth);
        line("}");
      }
    }
  }

  private void loopBody(String label, int depth) {
    jumps.add(new Jump(JumpKind.LOOP, label, null));
    nested(depth);
    jumps.remove(jumps.size() - 1);
  }

  private void labeledBlock(int depth) {
    feature("labeled-block");
    String label = unique("lb");
    line(label + ": {");
    jumps.add(new Jump(JumpKind.BLOCK, label, null));
    nested(depth);
    jumps.remove(jumps.size() - 1);
    line("}");
  }

  private void plainBlock(int depth) {
    line("{");
    nested(depth);
    line("}");
  }

  /** Colon-form int switch statement: unbraced groups sharing one scope, fall-through, stacked labels. */
  private void colonSwitch(int depth) {
    feature("switch.colon");
    line("switch (" + selector(Ty.INT) + ") {");
    jumps.add(new Jump(JumpKind.SWITCH, null, null));
    push();
    indent++;
    int groups = 2 + chance(3);
    List<Integer> labels = distinct(groups + 2, 6);
    boolean hasDefault = one(3) || true;
    for (int g = 0; g < groups; g++) {
      String lab = "case " + labels.get(g) + ":";
      if (one(3)) {
        lab += " case " + labels.get(groups + (g % 2)) + ":";
        labels.set(groups + (g % 2), 100 + g);
      }
      if (g == groups - 1 && hasDefault) {
        lab = one(2) ? "default:" : lab + " default:";
      }
      // the group's statements in a block of their own: a local declared directly in a case group, in a
      // method that also has certain switch expressions, makes javac write code that does not verify
      // (javac-notes), in the plain twin as much as in the user's class
      line(lab + " {");
      indent++;
      block(depth - 1, 1 + chance(2), false);
      if (one(2)) {
        line("break;");
      } else {
        feature("switch.fallthrough");
      }
      indent--;
      line("}");
      retireInnermost();
    }
    indent--;
    pop();
    jumps.remove(jumps.size() - 1);
    line("}");
  }

  private List<Integer> distinct(int n, int range) {
    List<Integer> out = new ArrayList<>();
    int start = chance(3) - 1;
    for (int i = 0; i < n; i++) {
      out.add(start + i);
    }
    java.util.Collections.shuffle(out, r);
    return out;
  }

  private void arrowSwitch(int depth) {
    feature("switch.arrow");
    line("switch (" + selector(Ty.INT) + ") {");
    jumps.add(new Jump(JumpKind.SWITCH, null, null));
    indent++;
    int groups = 2 + chance(2);
    List<Integer> labels = distinct(groups * 2, 6);
    for (int g = 0; g < groups; g++) {
      String lab = g == groups - 1 && one(2) ? "default" : "case " + labels.get(2 * g) + (one(2) ? ", "
          + labels.get(2 * g + 1) : "");
      switch (chance(4)) {
        case 0 -> line(lab + " -> h.log(\"arm\" + " + expr(Ty.INT, 2) + ");");
        case 1 -> line(lab + " -> " + (g < groups - 1 && one(2) ? "throw new FuzzException(\"arm\" + "
            + expr(Ty.INT, 1) + ");" : "h.i(\"arm\", " + expr(Ty.INT, 1) + ");"));
        default -> {
          line(lab + " -> {");
          nested(depth);
          line("}");
        }
      }
    }
    indent--;
    jumps.remove(jumps.size() - 1);
    line("}");
  }

  private void stringOrEnumSwitch(int depth) {
    boolean isEnum = one(2);
    feature(isEnum ? "switch.enum" : "switch.string");
    boolean colon = one(2);
    String sel = isEnum ? selector(Ty.COLOR) : selector(Ty.STRING);
    line("switch (" + sel + ") {");
    jumps.add(new Jump(JumpKind.SWITCH, null, null));
    push();
    indent++;
    List<String> labels = new ArrayList<>(isEnum ? List.of("RED", "GREEN", "BLUE") : List.of("\"s0\"", "\"s1\"",
        "\"s2\""));
    java.util.Collections.shuffle(labels, r);
    int n = 1 + chance(3);
    for (int g = 0; g < n; g++) {
      String lab = labels.get(g);
      if (isEnum && java21 && one(3)) {
        feature("switch.qualified-enum");
        lab = "Color." + lab;
      }
      if (colon) {
        boolean own = stackmapRisk; // see stackmapRisk
        line("case " + lab + ":" + (own ? " {" : ""));
        indent++;
        block(depth - 1, 1 + chance(2), false);
        if (one(2)) {
          line("break;");
        } else {
          feature("switch.fallthrough");
        }
        indent--;
        if (own) {
          line("}");
        }
        retireInnermost();
      } else {
        line("case " + lab + " -> {");
        nested(depth);
        line("}");
      }
    }
    if (one(2)) {
      if (colon) {
        line("default:");
        indent++;
        block(depth - 1, 1, false);
        indent--;
      } else {
        line("default -> {");
        nested(depth);
        line("}");
      }
    }
    indent--;
    pop();
    jumps.remove(jumps.size() - 1);
    line("}");
  }

  private void tryStatement(int depth) {
    if (!tryOk()) {
      plainBlock(depth);
      return;
    }
    feature("try");
    // catch clauses first: they decide whether the body may throw a checked exception
    List<String> catches = new ArrayList<>();
    String[] order = {"FuzzException", "NullPointerException", "ArithmeticException | IndexOutOfBoundsException",
        "FuzzChecked", "FuzzChecked | FuzzException", "AssertionError", "RuntimeException", "Exception", "Throwable"};
    int n = chance(4);
    boolean sawFuzz = false;
    boolean sawChecked = false;
    for (int i = 0; i < order.length && catches.size() < n; i++) {
      if (one(3)) {
        String c = order[i];
        if (c.contains("FuzzException") && sawFuzz || c.contains("FuzzChecked") && sawChecked) {
          continue;
        }
        if (c.equals("FuzzChecked | FuzzException") && (sawFuzz || sawChecked)) {
          continue;
        }
        if ((c.equals("RuntimeException") || c.equals("Exception") || c.equals("Throwable")) && sawFuzz
            && catches.contains("FuzzChecked | FuzzException")) {
          // fine: subclasses first
        }
        sawFuzz |= c.contains("FuzzException");
        sawChecked |= c.contains("FuzzChecked");
        catches.add(c);
      }
    }
    boolean hasFinally = catches.isEmpty() || one(2);
    boolean bodyChecked = checkedOk || catches.stream().anyMatch(c -> c.contains("FuzzChecked")
        || c.equals("Exception") || c.equals("Throwable"));
    boolean needsChecked = catches.stream().anyMatch(c -> c.contains("FuzzChecked"));
    line("try {");
    boolean saved = checkedOk;
    checkedOk = bodyChecked;
    int before = checkedThrows;
    indent++;
    push();
    block(depth - 1, 1 + chance(3), false);
    if (needsChecked && checkedThrows == before) {
      checkedThrows++;
      line("h.check(" + expr(Ty.INT, 1) + ");");
    }
    pop();
    if (bodyChecked && !saved) {
      // the checked exceptions of the body are caught here: they do not reach an enclosing catch
      checkedThrows = before;
    } else if (catches.stream().anyMatch(c -> c.contains("FuzzChecked") || c.equals("Exception")
        || c.equals("Throwable"))) {
      checkedThrows = before;
    }
    indent--;
    checkedOk = saved;
    for (String c : catches) {
      String e = unique("e");
      feature("try.catch");
      if (c.contains("FuzzChecked")) {
        feature("checked.caught");
      }
      line("} catch (" + c + " " + e + ") {");
      indent++;
      line("h.caught(" + e + ");");
      push();
      declare(e, Ty.OBJECT, false).usable = false;
      indent--;
      nested(depth);
      pop();
    }
    if (hasFinally) {
      feature("try.finally");
      line("} finally {");
      inFinally++;
      nested(depth);
      inFinally--;
    }
    line("}");
  }

  private void tryWithResources(int depth) {
    if (!tryOk()) {
      plainBlock(depth);
      return;
    }
    feature("try-with-resources");
    String r1 = unique("r");
    String res = "FuzzResource " + r1 + " = h.resource(\"" + r1 + "\", " + expr(Ty.INT, 1) + ")";
    if (one(3)) {
      String r2 = unique("r");
      res += "; var " + r2 + " = h.resource(\"" + r2 + "\", " + expr(Ty.INT, 1) + ")";
    }
    line("try (" + res + ") {");
    nested(depth);
    if (one(2)) {
      String e = unique("e");
      line("} catch (FuzzException | IllegalStateException " + e + ") {");
      indent++;
      line("h.caught(" + e + ");");
      indent--;
      nested(depth);
    }
    line("}");
  }

  /** {@code try (r)} on an existing effectively final resource variable. */
  private void existingResource(int depth) {
    if (!tryOk()) {
      plainBlock(depth);
      return;
    }
    feature("try-with-resources.existing-var");
    String r1 = freshLocal();
    Var v = declare(r1, Ty.RESOURCE, false);
    v.usable = false;
    line("FuzzResource " + r1 + " = h.resource(\"" + r1 + "\", " + expr(Ty.INT, 1) + ");");
    v.usable = true;
    line("try (" + r1 + ") {");
    nested(depth);
    line("}");
  }

  /** {@code try (@Await TaskGroup tg = createTaskGroup())} and {@code try (tg)} on an existing variable. */
  private void taskGroup(int depth) {
    if (!canAwait() || !ownThis() || !tryOk()) {
      plainBlock(depth);
      return;
    }
    needKid = true;
    String tg = freshLocal();
    boolean existing = one(2);
    if (existing) {
      feature("taskgroup.try-existing-var");
      declare(tg, Ty.OBJECT, false).usable = false;
      line("TaskGroup " + tg + " = createTaskGroup();");
      line("try (" + tg + ") {");
      push();
    } else {
      feature("taskgroup.await");
      push();
      declare(tg, Ty.OBJECT, false).usable = false;
      line("try (@Await TaskGroup " + tg + " = createTaskGroup()) {");
    }
    indent++;
    // children log to h.kid only; the body's exceptions are caught inside, so that the group's
    // ExceptionGroup (compiled) and the plain twin's direct exception never differ
    line(tg + ".startSoon(kid(h, " + chance(10) + "));");
    String t = unique("t");
    line("try {");
    boolean saved = checkedOk;
    int before = checkedThrows;
    checkedOk = true;
    nested(depth);
    checkedOk = saved;
    checkedThrows = before;
    line("} catch (Throwable " + t + ") {");
    line("  h.caught(" + t + ");");
    line("}");
    if (one(2)) {
      line(tg + ".startSoon(kid(h, " + chance(10) + "));");
    }
    indent--;
    pop();
    line("}");
  }

  private void asyncIteration(int depth) {
    if (!canAwait() || !tryOk()) {
      plainBlock(depth);
      return;
    }
    feature("async-iteration");
    String ms = unique("ms");
    String snd = unique("snd");
    String it = freshLocal();
    line("MemoryObjectStream<Integer> " + ms + " = createMemoryObjectStream(MemoryObjectStream.UNBOUNDED);");
    line("try (var " + snd + " = " + ms + ".sendStream()) {");
    indent++;
    line(snd + ".sendNowait(" + exact(gen(Ty.INT, 1), Ty.INT) + ");");
    line("await(" + snd + ".send(" + exact(gen(Ty.INT, 1), Ty.INT) + "));");
    indent--;
    line("}");
    line("for (@Await Integer " + it + " : " + ms + ".receiveStream()) {");
    push();
    declare(it, Ty.INTEGER, false);
    indent++;
    line("h.log(\"item\" + " + it + ");");
    indent--;
    loopBody(null, depth);
    pop();
    line("}");
  }

  private void synchronizedBlock(int depth) {
    if (!tryOk()) {
      // javac compiles synchronized with a try-finally: the same crash as a try (see switchStackClean)
      plainBlock(depth);
      return;
    }
    feature("synchronized");
    String lock = ownThis() ? pick("this", "bx", "h") : pick("bx", "h");
    if (canAwait() && one(4)) {
      // the lock expression is evaluated before the monitor is entered: not inside the block
      feature("synchronized.await-lock");
      lock = "await(h.later(h))";
    }
    line("synchronized (" + lock + ") {");
    boolean saved = noAwait;
    noAwait = true;
    nested(depth);
    noAwait = saved;
    line("}");
  }

  private void cancelScope(int depth) {
    if (!canAwait() || !tryOk()) {
      plainBlock(depth);
      return;
    }
    feature("cancel-scope");
    String cs = unique("cs");
    line("try (CancelScope " + cs + " = moveOnAfter(1000)) {");
    nested(depth);
    indent++;
    line("h.log(" + cs + ".cancelCalled());");
    indent--;
    line("}");
  }

  /** A local class declared in a block that awaits, capturing locals; in a loop, one per iteration. */
  private void localClass(boolean inLoop) {
    String ln = unique("L");
    feature("local.class");
    List<Var> caps = visible(v -> !v.mutable && (v.ty == Ty.INT || v.ty == Ty.STRING || v.ty == Ty.INTEGER));
    String cap = caps.isEmpty() ? "0" : caps.get(r.nextInt(caps.size())).name;
    Var capV = caps.isEmpty() ? null : caps.stream().filter(v -> v.name.equals(cap)).findFirst().orElse(null);
    String capInt = capV == null ? "0" : capV.ty == Ty.STRING ? cap + ".length()" : cap;
    if (capV != null) {
      feature("local.class-capture");
    }
    // javac 17 and 25 crash (LocalItem assertion) on `if (switch (k) { case 1: class L { int f = (o
    // instanceof Integer p ? p : 0); } ... })`: inside switch expressions, class bodies get no patterns
    String field = inLambdaBody(true, () -> expr(Ty.INT, switchStackClean.isEmpty() ? 1 : 0));
    line("class " + ln + " {");
    indent++;
    line("int base = " + field + ";");
    line("int get(int d) {");
    line("  return base + d + " + capInt + (staticCtx ? "" : " + fi") + ";");
    line("}");
    indent--;
    line("}");
    String name = freshLocal();
    Var v = declare(name, Ty.LOCAL, false);
    v.cls = ln;
    v.clsKind = "class";
    v.usable = false;
    line(ln + " " + name + " = new " + ln + "();");
    v.usable = true;
    if (canAwait()) {
      line("await(h.val(" + expr(Ty.INT, 0) + "));");
    }
    line("h.log(\"lc:\" + " + name + ".get(" + expr(Ty.INT, 1) + "));");
  }

  /** In a loop: a final per-iteration local captured by a local class, a lambda and an anonymous class. */
  private void loopCapture(int depth) {
    feature("local.class-loop-capture");
    feature("loop.for");
    String i = freshLocal();
    push();
    declare(i, Ty.INT, true);
    line("for (int " + i + " = 0; " + i + " < 3 && h.fuel(); " + i + "++) {");
    jumps.add(new Jump(JumpKind.LOOP, null, null));
    indent++;
    push();
    String k = freshLocal();
    Var kv = declare(k, Ty.INT, false);
    kv.usable = false;
    line("final int " + k + " = " + i + " * 10 + " + (canAwait() ? awaitInt(0) : expr(Ty.INT, 0)) + ";");
    kv.usable = true;
    String ln = unique("L");
    line("class " + ln + " implements IntSupplier {");
    line("  public int getAsInt() {");
    line("    return " + k + " + 1;");
    line("  }");
    line("}");
    line("sups.add(new " + ln + "());");
    if (one(2)) {
      feature("anonymous.class");
      line("sups.add(new IntSupplier() {");
      line("  public int getAsInt() {");
      line("    return " + k + " + 2;");
      line("  }");
      line("});");
    }
    line("sups.add(() -> " + k + " + 3);");
    block(depth - 1, 1 + chance(2), true);
    pop();
    indent--;
    jumps.remove(jumps.size() - 1);
    line("}");
    pop();
  }

  private void anonymousClass() {
    feature("anonymous.class");
    List<Var> caps = visible(v -> !v.mutable && v.ty == Ty.INT);
    String cap = caps.isEmpty() ? "7" : caps.get(r.nextInt(caps.size())).name;
    String body = inLambdaBody(true, () -> expr(Ty.INT, switchStackClean.isEmpty() ? 1 : 0));
    line("sups.add(new IntSupplier() {");
    line("  public int getAsInt() {");
    line("    return " + cap + " + " + body + ";");
    line("  }");
    line("});");
  }

  // ---------------------------------------------------------------------------------------------
  // Pattern matching

  /** A type-test pattern over an object expression: its bindings (first: the main one). */
  record Binding(String test, String name, Ty ty, List<Var> extra) {
    List<Var> vars() {
      List<Var> out = new ArrayList<>();
      out.add(new Var(name, ty, false));
      for (Var v : extra) {
        out.add(new Var(v.name, v.ty, false));
      }
      return out;
    }
  }

  /** {@code <obj> instanceof T name}, or a record pattern in Java 21 programs. */
  private Binding binding() {
    String obj = objectExpr(1);
    String name = unique("p");
    if (java21 && one(3)) {
      feature("instanceof.record-pattern");
      String a = unique("p");
      switch (chance(4)) {
        case 0 -> {
          return new Binding(obj + " instanceof Rect(int " + name + ", " + pick("int ", "var ") + a + ")", name,
              Ty.INT, List.of(new Var(a, Ty.INT, false)));
        }
        case 1 -> {
          feature("instanceof.nested-record-pattern");
          return new Binding(obj + " instanceof Sq(Circle(var " + name + "), int " + a + ")", name, Ty.INT,
              List.of(new Var(a, Ty.INT, false)));
        }
        case 2 -> {
          return new Binding(obj + " instanceof Pair<?, ?>(String " + name + ", var " + a + ")", name, Ty.STRING,
              List.of(new Var(a, Ty.OBJECT, false)));
        }
        default -> {
          return new Binding(obj + " instanceof Circle(int " + name + ")", name, Ty.INT, List.of());
        }
      }
    }
    feature("instanceof.type-pattern");
    Ty t = pick(Ty.STRING, Ty.INTEGER, Ty.LONGB, Ty.NUMBER, Ty.CIRCLE, Ty.RECT, Ty.SQ, Ty.SHAPE, Ty.INTS, Ty.COLOR,
        Ty.PAIR);
    return new Binding(obj + " instanceof " + (one(5) ? "final " : "") + t.java + " " + name, name, t, List.of());
  }

  private String useBinding(Binding b) {
    return intView(b.name, b.ty) + (b.extra.isEmpty() ? "" : " + \":\" + " + intView(b.extra.get(0).name,
        b.extra.get(0).ty));
  }

  private String bindingCondition(Binding b) {
    return "(" + intView(b.name, b.ty) + " < " + expr(Ty.INT, 1) + ")";
  }

  /** An int-valued expression reading a variable of any type (identity-free). */
  private String intView(String n, Ty t) {
    return switch (t) {
      case INT, SHORT, BYTE, CHAR -> n;
      case LONG, DOUBLE -> "(int) " + n;
      case INTEGER -> n;
      case LONGB, NUMBER, DOUBLEB -> n + ".intValue()";
      case BOOL, BOOLB -> "(" + n + " ? 1 : 0)";
      case STRING -> n + ".length()";
      case CIRCLE -> n + ".r()";
      case RECT -> "(" + n + ".w() * " + n + ".h())";
      case SQ -> n + ".k()";
      case SHAPE, PAIR, OBJECT, INTERSECTION, ENTRY -> "FuzzHost.describe(" + n + ").length()";
      case INTS, LONGS, DOUBLES, STRINGS, CHARS, BYTES, INTS2, STRINGS2 -> n + ".length";
      case COLOR -> n + ".ordinal()";
      case BOX -> n + ".f";
      case SELF -> n + ".fi";
      case SUPPLIER -> n + ".getAsInt()";
      case LIST, WILD -> n + ".size()";
      case SB -> n + ".length()";
      case RESOURCE -> "1";
      default -> "0";
    };
  }

  /** A boolean built from an instanceof pattern, the binding used on the right of && / ||. */
  private String patternCond(int d) {
    Binding b = binding();
    List<Var> all = b.vars();
    switch (chance(4)) {
      case 0 -> {
        feature("instanceof.in-and");
        String rest = withVars(all, () -> bindingCondition(b));
        return "(" + b.test + " && " + rest + ")";
      }
      case 1 -> {
        feature("instanceof.in-or");
        String rest = withVars(all, () -> bindingCondition(b));
        return "(!(" + b.test + ") || " + rest + ")";
      }
      default -> {
        feature("instanceof.plain");
        return "(" + b.test + ")";
      }
    }
  }

  /** {@code x instanceof T t ? use(t) : other}: a pattern inside a conditional, of type {@code want}. */
  private Ex patternExpr(Ty want, int d) {
    Binding b = binding();
    List<Var> all = b.vars();
    feature("instanceof.in-conditional");
    String yes = withVars(all, () -> intView(b.name, b.ty) + " + " + expr(Ty.INT, d - 1));
    // javac cannot classify a conditional operand that uses the binding before attribution, so a
    // conditional whose other operand is boxed becomes a poly expression (append(int) vs append(Object)
    // ambiguous): the other operand is made exactly int
    String no = exact(gen(Ty.INT, d - 1), Ty.INT);
    return new Ex("(" + b.test + " ? " + yes + " : " + no + ")", Ty.INT);
  }

  private <T> T withVars(List<Var> vars, Supplier<T> s) {
    push();
    for (Var v : vars) {
      v.usable = true;
      scopes.get(scopes.size() - 1).add(v);
    }
    try {
      return s.get();
    } finally {
      pop();
    }
  }

  /** An object-valued expression (maybe awaited, maybe null). */
  private String objectExpr(int d) {
    Var o = pickVar(v -> v.ty == Ty.OBJECT);
    int c = chance(5);
    if (c == 0 && canAwait()) {
      feature("instanceof.await-operand");
      return "await(h.later(h.obj(" + expr(Ty.INT, d - 1) + ")))";
    }
    if (c == 1 || o == null) {
      return "h.obj(" + expr(Ty.INT, d - 1) + ")";
    }
    return o.name;
  }

  /** Java 21: a pattern-matching switch statement with awaits in the selector and arms. */
  private void patternSwitchStatement(int depth) {
    if (!java21 || inFinally > 0) { // inFinally: see the field
      stringOrEnumSwitch(depth);
      return;
    }
    feature("patswitch.statement");
    boolean sealed = one(2);
    String sel = sealed ? shapeSelector() : objectExpr(2);
    line("switch (" + sel + ") {");
    jumps.add(new Jump(JumpKind.SWITCH, null, null));
    indent++;
    for (Arm arm : patternArms(sealed)) {
      line(arm.label + " -> {");
      indent++;
      push();
      for (Var v : arm.vars) {
        scopes.get(scopes.size() - 1).add(v);
      }
      line("h.log(\"ps:\" + (" + arm.use + "));");
      block(depth - 1, 1 + chance(2), true);
      pop();
      indent--;
      line("}");
    }
    indent--;
    jumps.remove(jumps.size() - 1);
    line("}");
  }

  private String shapeSelector() {
    feature("patswitch.sealed");
    if (canAwait() && one(2)) {
      feature("patswitch.await-selector");
      return "await(h.later(h.shape(" + expr(Ty.INT, 1) + ")))";
    }
    return "h.shape(" + expr(Ty.INT, 1) + ")";
  }

  record Arm(String label, List<Var> vars, String use) {}

  /** Arms of a pattern switch: exhaustive (sealed Shape) or with a default (Object). */
  private List<Arm> patternArms(boolean sealed) {
    List<Arm> arms = new ArrayList<>();
    if (sealed) {
      feature("patswitch.exhaustive-no-default");
      String c = unique("p");
      if (one(2)) {
        feature("patswitch.guard");
        String guard = guardExpr(c, Ty.INT);
        arms.add(new Arm("case Circle(int " + c + ") when " + guard, List.of(new Var(c, Ty.INT, false)), c));
        c = unique("p");
      }
      feature("patswitch.record");
      arms.add(new Arm("case Circle(int " + c + ")", List.of(new Var(c, Ty.INT, false)), c));
      String w = unique("p");
      String hh = unique("p");
      arms.add(new Arm("case Rect(" + pick("int ", "var ") + w + ", int " + hh + ")", List.of(new Var(w, Ty.INT, false),
          new Var(hh, Ty.INT, false)), w + " * " + hh));
      if (one(2)) {
        feature("patswitch.nested-record");
        String r2 = unique("p");
        String k = unique("p");
        arms.add(new Arm("case Sq(Circle(var " + r2 + "), int " + k + ")", List.of(new Var(r2, Ty.INT, false),
            new Var(k, Ty.INT, false)), r2 + " + " + k));
      }
      String s = unique("p");
      arms.add(new Arm("case Sq " + s, List.of(new Var(s, Ty.SQ, false)), s + ".k()"));
      return arms;
    }
    feature("patswitch.type");
    if (one(3)) {
      feature("patswitch.case-null");
      arms.add(new Arm("case null", List.of(), "0"));
    }
    String s = unique("p");
    if (one(2)) {
      feature("patswitch.guard");
      String guard = guardExpr(s, Ty.STRING);
      arms.add(new Arm("case String " + s + " when " + guard, List.of(new Var(s, Ty.STRING, false)),
          "\"long \" + " + s));
      s = unique("p");
    }
    arms.add(new Arm("case String " + s, List.of(new Var(s, Ty.STRING, false)), s + ".length()"));
    String i = unique("p");
    arms.add(new Arm("case Integer " + i, List.of(new Var(i, Ty.INTEGER, false)), i + " + 1"));
    if (one(2)) {
      feature("patswitch.record");
      String w = unique("p");
      String hh = unique("p");
      arms.add(new Arm("case Rect(int " + w + ", int " + hh + ")", List.of(new Var(w, Ty.INT, false),
          new Var(hh, Ty.INT, false)), w + " - " + hh));
    }
    if (one(2)) {
      feature("patswitch.nested-record");
      String k = unique("p");
      String rr = unique("p");
      arms.add(new Arm("case Sq(Rect(var " + rr + ", var " + unique("p") + "), var " + k + ")",
          List.of(new Var(rr, Ty.INT, false), new Var(k, Ty.INT, false)), rr + " * 100 + " + k));
    }
    if (one(2)) {
      String e = unique("p");
      arms.add(new Arm("case Color " + e, List.of(new Var(e, Ty.COLOR, false)), e + ".ordinal()"));
    }
    boolean hadNull = arms.get(0).label.equals("case null");
    if (!hadNull && one(2)) {
      feature("patswitch.null-default");
      arms.add(new Arm("case null, default", List.of(), "-1"));
    } else {
      arms.add(new Arm("default", List.of(), "-2"));
    }
    return arms;
  }

  /** A guard using the binding; it may await. */
  private String guardExpr(String binding, Ty t) {
    String lhs = t == Ty.STRING ? binding + ".length()" : binding;
    boolean saved = finalOnly;
    finalOnly = true;
    try {
      if (canAwait() && one(3)) {
        feature("patswitch.guard-await");
        return lhs + " > await(h.val(" + expr(Ty.INT, 0) + ")) % 5";
      }
      return lhs + " > " + (one(2) ? chance(5) : expr(Ty.INT, 0));
    } finally {
      finalOnly = saved;
    }
  }

  // =============================================================================================
  // Expressions

  /** An expression assignable to {@code want}. */
  String expr(Ty want, int d) {
    return coerce(gen(want, d), want);
  }

  private String coerce(Ex e, Ty want) {
    if (assignable(e, want)) {
      return e.s;
    }
    Ty wp = want.unboxed();
    if (wp.isNumeric() && e.t.isNumeric()) {
      String src = e.t.isBox() ? "(" + e.t.unboxed().java + ") " + paren(e.s) : paren(e.s);
      return "(" + wp.java + ") " + paren(src);
    }
    if (want == Ty.STRING) {
      return "FuzzHost.describe(" + e.s + ")";
    }
    throw new IllegalStateException("cannot coerce " + e + " to " + want);
  }

  /** {@code e} as an expression whose static type is exactly {@code want} (for inference and results). */
  private String exact(Ex e, Ty want) {
    if (e.t == want) {
      return e.s;
    }
    Ty wp = want.unboxed();
    if (want.isBox()) {
      return want.java + ".valueOf(" + exact(e, wp) + ")";
    }
    if (wp.isNumeric() && e.t.isNumeric()) {
      if (e.t.unboxed() == wp) {
        return "(" + wp.java + ") " + paren(e.s);
      }
      String src = e.t.isBox() ? "(" + e.t.unboxed().java + ") " + paren(e.s) : paren(e.s);
      return "(" + wp.java + ") " + paren(src);
    }
    if (wp == Ty.BOOL && e.t == Ty.BOOLB) {
      return "(boolean) " + paren(e.s);
    }
    if (want == Ty.STRING) {
      return "FuzzHost.describe(" + e.s + ")";
    }
    throw new IllegalStateException("cannot make " + e + " exactly " + want);
  }

  /** A result expression (a yield value or arrow body) of exactly type {@code want}. */
  private String yieldValue(Ty want, int d) {
    return exact(gen(want, d - 1), want);
  }

  private static String paren(String s) {
    if (s.matches("[A-Za-z_][A-Za-z_0-9.]*") || s.matches("\\d+") || s.startsWith("(") && balancedOuter(s)) {
      return s;
    }
    return "(" + s + ")";
  }

  private static boolean balancedOuter(String s) {
    if (!s.endsWith(")")) {
      return false;
    }
    int depth = 0;
    boolean inString = false;
    boolean inChar = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (inString) {
        if (ch == '\\') {
          i++;
        } else if (ch == '"') {
          inString = false;
        }
        continue;
      }
      if (inChar) {
        if (ch == '\\') {
          i++;
        } else if (ch == '\'') {
          inChar = false;
        }
        continue;
      }
      if (ch == '"') {
        inString = true;
      } else if (ch == '\'') {
        inChar = true;
      } else if (ch == '(') {
        depth++;
      } else if (ch == ')') {
        depth--;
        if (depth == 0 && i != s.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  static boolean assignable(Ex e, Ty to) {
    Ty f = e.t;
    if (f == to) {
      return true;
    }
    if (to == Ty.OBJECT) {
      return true;
    }
    if (to.isPrimitive()) {
      if (f.isPrimitive()) {
        if (Ty.widens(f, to)) {
          return true;
        }
        Integer c = e.constant;
        if (c != null && f == Ty.INT) {
          return switch (to) {
            case BYTE -> c >= -128 && c <= 127;
            case SHORT -> c >= -32768 && c <= 32767;
            case CHAR -> c >= 0 && c <= 65535;
            default -> false;
          };
        }
        return false;
      }
      return f.isBox() && Ty.widens(f.unboxed(), to);
    }
    if (to.isBox()) {
      return f == to.unboxed();
    }
    if (to == Ty.NUMBER) {
      return f.isNumeric() && f.unboxed() != Ty.CHAR;
    }
    if (to == Ty.SHAPE) {
      return f == Ty.CIRCLE || f == Ty.RECT || f == Ty.SQ;
    }
    return false;
  }

  /** An expression of a type close to {@code want} (see {@link #coerce}). */
  private Ex gen(Ty want, int d) {
    if (want.isBoolean()) {
      Ex b = new Ex(cond(d), Ty.BOOL);
      return want == Ty.BOOLB && one(3) && canAwait() ? new Ex("await(h.later(" + b.s + "))", Ty.BOOLB) : b;
    }
    if (want.isNumeric()) {
      return numeric(want, d);
    }
    return switch (want) {
      case STRING -> string(d);
      case OBJECT -> object(d);
      case BOX -> boxExpr(d);
      case COLOR -> colorExpr(d);
      default -> throw new IllegalArgumentException(want.name());
    };
  }

  private Ex literal(Ty t) {
    Ty p = t.unboxed();
    return switch (p) {
      case INT -> {
        int v = one(6) ? -chance(5) - 1 : chance(10);
        yield v < 0 ? new Ex("(" + v + ")", Ty.INT, v) : new Ex(Integer.toString(v), Ty.INT, v);
      }
      case LONG -> new Ex(chance(9) + "L", Ty.LONG);
      case DOUBLE -> new Ex(pick("0.5", "1.25", "2.0", "3.75", "-1.5"), Ty.DOUBLE);
      case CHAR -> new Ex("'" + (char) ('a' + chance(26)) + "'", Ty.CHAR);
      case BYTE -> new Ex("(byte) " + chance(120), Ty.BYTE);
      case SHORT -> new Ex("(short) " + chance(3000), Ty.SHORT);
      default -> throw new IllegalArgumentException(t.name());
    };
  }

  /** A numeric expression (its type may differ from {@code want}; the caller coerces). */
  private Ex numeric(Ty want, int d) {
    Ty p = want.unboxed();
    if (d <= 0) {
      int c = chance(4);
      if (c == 0) {
        return literal(p);
      }
      Ex v = numericVar(p);
      if (v != null && c != 3) {
        return v;
      }
      Ex f = numericField(p);
      return f != null ? f : literal(p);
    }
    int c = chance(40);
    switch (c) {
      case 0, 1 -> {
        return literal(p);
      }
      case 2, 3, 4 -> {
        Ex v = numericVar(p);
        return v != null ? v : literal(p);
      }
      case 5, 6 -> {
        Ex f = numericField(p);
        return f != null ? f : literal(p);
      }
      case 7, 8, 9 -> {
        if (!canAwait()) {
          return literal(p);
        }
        return awaitNumeric(p, d);
      }
      case 10, 11, 12 -> {
        Ty lt = p == Ty.DOUBLE ? pick(Ty.DOUBLE, Ty.INT) : p == Ty.LONG ? pick(Ty.LONG, Ty.INT) : pick(Ty.INT, p);
        Ty rt = p == Ty.DOUBLE ? pick(Ty.DOUBLE, Ty.INT) : p == Ty.LONG ? pick(Ty.LONG, Ty.INT) : Ty.INT;
        Ex l = gen(lt, d - 1);
        Ex rr = gen(rt, d - 1);
        String op = pick("+", "-", "*", "+", "-");
        return new Ex("(" + paren(l.s) + " " + op + " " + paren(rr.s) + ")", Ty.promote(l.t, rr.t));
      }
      case 13 -> {
        // integral-only operators
        Ex l = gen(Ty.INT, d - 1);
        Ex rr = gen(Ty.INT, d - 1);
        String op = pick("&", "|", "^", "<<", ">>", ">>>", "%", "/");
        Ty lt = l.t.isIntegral() ? l.t : Ty.INT;
        String ls = l.t.isIntegral() ? paren(l.s) : exact(l, Ty.INT);
        Ty rt = rr.t.isIntegral() ? rr.t : Ty.INT;
        String rs = rr.t.isIntegral() ? paren(rr.s) : exact(rr, Ty.INT);
        if (op.equals("%") || op.equals("/")) {
          feature("arith.division");
          rs = "(" + rs + " | 1)";
        }
        Ty t = op.contains("<") || op.contains(">") ? lt.promoted() : Ty.promote(lt, rt);
        return new Ex("(" + ls + " " + op + " " + rs + ")", t);
      }
      case 14 -> {
        Ex e = gen(p, d - 1);
        if (e.t.isIntegral() && one(2)) {
          return new Ex("(~" + paren(e.s) + ")", e.t.promoted());
        }
        return new Ex("(-" + paren(e.s) + ")", e.t.promoted());
      }
      case 15, 16 -> {
        return ternary(want, d);
      }
      case 17 -> {
        return switchExpression(want, d, false);
      }
      case 18 -> {
        feature("args.call");
        return new Ex("h.f(" + expr(Ty.INT, d - 1) + ", " + expr(Ty.INT, d - 1) + ")", Ty.INT);
      }
      case 19 -> {
        return new Ex("h.i(\"" + (char) ('a' + chance(26)) + "\", " + expr(Ty.INT, d - 1) + ")", Ty.INT);
      }
      case 20 -> {
        Place pl = place(t -> t.isNumeric());
        if (pl == null) {
          return literal(p);
        }
        if (one(2)) {
          feature("incdec." + pl.kind);
          feature("incdec.value");
          String op = pick("++", "--");
          return new Ex("(" + (one(2) ? pl.text + op : op + pl.text) + ")", pl.ty);
        }
        feature("compound.value");
        return new Ex("(" + compound(pl) + ")", pl.ty);
      }
      case 21 -> {
        feature("generic.inference");
        Ex a = gen(p == Ty.DOUBLE ? Ty.DOUBLE : p == Ty.LONG ? Ty.LONG : Ty.INT, d - 1);
        Ex b = gen(Ty.INT, d - 1);
        Ty t = Ty.promote(a.t, b.t);
        return new Ex("Math.max(" + a.s + ", " + b.s + ")", t);
      }
      case 22 -> {
        feature("generic.inference");
        Ty bt = p == Ty.LONG ? Ty.LONGB : Ty.INTEGER;
        return new Ex("List.of(" + expr(bt, d - 1) + ", " + expr(bt, d - 1) + ").get(Math.floorMod(" + expr(Ty.INT,
            d - 1) + ", 2))", bt);
      }
      case 23 -> {
        return patternExpr(Ty.INT, d);
      }
      case 24 -> {
        Place pl = arrayPlace(d, Ty::isNumeric);
        return pl != null ? new Ex(pl.text, pl.ty) : literal(p);
      }
      case 25 -> {
        if (!ownThis()) {
          return new Ex("h.boom(" + expr(Ty.INT, d - 1) + ")", Ty.INT);
        }
        feature("super.method");
        return new Ex(pick("super.bm", "bm", "this.bm") + "(h, " + expr(Ty.INT, d - 1) + ")", Ty.INT);
      }
      case 26 -> {
        return new Ex("h.boom(" + expr(Ty.INT, d - 1) + ")", Ty.INT);
      }
      case 27 -> {
        Var v = pickVar(x -> x.ty != Ty.LOCAL || "class".equals(x.clsKind) || "record".equals(x.clsKind));
        if (v == null) {
          return literal(p);
        }
        if (v.ty == Ty.LOCAL) {
          return new Ex("class".equals(v.clsKind) ? v.name + ".get(" + expr(Ty.INT, d - 1) + ")"
              : v.name + (one(2) ? ".a()" : ".twice()"), Ty.INT);
        }
        if (v.ty.isNumeric()) {
          return new Ex(v.name, v.ty);
        }
        return new Ex(intView(v.name, v.ty), Ty.INT);
      }
      case 28 -> {
        if (checkedOk) {
          return checkedCall();
        }
        return literal(p);
      }
      case 33 -> {
        Var l = pickVar(v -> v.ty == Ty.LIST);
        if (l != null) {
          feature("generic.list-read");
          return new Ex(l.name + ".get(Math.floorMod(" + expr(Ty.INT, d - 1) + ", " + l.name + ".size()))", Ty.INTEGER);
        }
        if (canAwait()) {
          feature("await.receiver");
          Var bx = pickVar(v -> v.ty == Ty.BOX);
          return new Ex("await(h.later(" + (bx != null ? bx.name : "h.box(" + chance(9) + ")") + ")).get()", Ty.INT);
        }
        return literal(p);
      }
      case 29 -> {
        feature("args.varargs");
        return new Ex("h.sum(" + expr(Ty.INT, d - 1) + ", " + expr(Ty.INT, d - 1) + ")", Ty.INT);
      }
      case 30 -> {
        Ex e = gen(Ty.INT, d - 1);
        feature("cast");
        return new Ex("(" + p.java + ") " + paren(exact(e, e.t.unboxed())), p);
      }
      case 31 -> {
        if (p == Ty.INT && one(2)) {
          feature("boxing");
          return new Ex("Integer.valueOf(" + expr(Ty.INT, d - 1) + ")", Ty.INTEGER);
        }
        return new Ex(expr(Ty.STRING, d - 1) + ".length()", Ty.INT);
      }
      case 32 -> {
        if (want == Ty.INTEGER && one(2)) {
          feature("boxing.null-conditional");
          return new Ex("(" + cond(d - 1) + " ? " + expr(Ty.INTEGER, d - 1) + " : null)", Ty.INTEGER);
        }
        Place pl = place(t -> t == Ty.INT || t == Ty.LONG);
        if (pl == null) {
          return literal(p);
        }
        feature("assign.value");
        return new Ex("(" + pl.text + " = " + expr(pl.ty, d - 1) + ")", pl.ty);
      }
      default -> {
        if (p == Ty.CHAR && !staticCtx) {
          return new Ex("fc", Ty.CHAR);
        }
        Ex v = numericVar(p);
        return v != null ? v : literal(p);
      }
    }
  }

  private Ex awaitNumeric(Ty p, int d) {
    int c = chance(14);
    switch (c) {
      case 0, 1, 2 -> {
        return new Ex("await(h.val(" + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
      }
      case 3, 4 -> {
        Ty t = p == Ty.INT ? pick(Ty.INT, Ty.INT, Ty.CHAR, Ty.BYTE, Ty.INTEGER) : p;
        return new Ex("await(h.later(" + exact(gen(t, d - 1), t) + "))", t.boxed());
      }
      case 5 -> {
        return new Ex("await(done(" + exact(gen(p, d - 1), p) + "))", p.boxed());
      }
      case 6 -> {
        feature("await.custom-method");
        return new Ex("FuzzGen.awaitAlso(h.val(" + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
      }
      case 7 -> {
        if (!ownThis()) {
          return new Ex("await(h.val(" + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
        }
        needInc = true;
        feature("helper.instance");
        return new Ex("await(" + pick("", "this.") + "inc(h, " + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
      }
      case 8 -> {
        needSh = true;
        if (one(2)) {
          feature("static.unqualified");
          return new Ex("await(sh(h, " + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
        }
        feature("static.via-generated");
        return new Ex("await(§A.sh(h, " + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
      }
      case 9 -> {
        needNested = true;
        feature("static.nested-caller");
        return new Ex("await(§N.viaNested(h, " + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
      }
      case 10 -> {
        if (!ownThis()) {
          return new Ex("await(h.val(" + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
        }
        needPass = true;
        feature("generic.coroutine-param");
        if (one(3)) {
          return new Ex("await(this.<Integer>pass(h, h.val(" + expr(Ty.INT, d - 1) + ")))", Ty.INTEGER);
        }
        String e = exact(gen(p, d - 1), p);
        return new Ex("await(pass(h, " + pick("h.later(", "done(") + e + ")))", p.boxed());
      }
      case 11 -> {
        if (!ownThis()) {
          return new Ex("await(h.val(" + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
        }
        needTail = true;
        feature("return.awaitable");
        return new Ex("await(tail(h, " + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
      }
      case 12 -> {
        if (inHelperBody) {
          return new Ex("await(h.val(" + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
        }
        if (ownThis() && one(2)) {
          if (m2Throws && !checkedOk) {
            return new Ex("await(h.val(" + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
          }
          needM2 = true;
          feature("helper.m2");
          if (m2Throws) {
            checkedThrows++;
          }
          return new Ex("await(m2(h, " + expr(Ty.INT, d - 1) + ", " + m2Args() + "))", Ty.INTEGER);
        }
        needM3 = true;
        feature("static.async-body-call");
        return new Ex("await(" + pick("m3", "§A.m3") + "(h, " + expr(Ty.INT, d - 1) + "))", Ty.INTEGER);
      }
      default -> {
        needLarger = true;
        feature("generic.intersection-bound");
        return new Ex("await(larger(h, " + exact(gen(Ty.INTEGER, d - 1), Ty.INTEGER) + ", h.val("
            + expr(Ty.INT, d - 1) + ")))", Ty.INTEGER);
      }
    }
  }

  /** The generic arguments of m2: a T (String, Integer or Box) and a List<Integer>. */
  private String m2Args() {
    return pick("\"tag\"", "3", "bx") + ", List.of(" + chance(9) + ", " + chance(9) + ")";
  }

  private Ex numericVar(Ty p) {
    Var v = pickVar(x -> x.ty.isNumeric() && (x.ty.unboxed() == p || one(3)));
    return v == null ? null : new Ex(v.name, v.ty);
  }

  private Ex numericField(Ty p) {
    List<Ex> fs = new ArrayList<>();
    if (!staticCtx) {
      switch (p) {
        case INT -> {
          fs.add(new Ex("fi", Ty.INT));
          fs.add(new Ex("bf", Ty.INT));
          fs.add(new Ex("fI", Ty.INTEGER));
          if (ownThis()) {
            fs.add(new Ex("this.fi", Ty.INT));
            fs.add(new Ex("super.bf", Ty.INT));
          }
        }
        case LONG -> {
          fs.add(new Ex("fl", Ty.LONG));
          fs.add(new Ex("fL", Ty.LONGB));
          if (ownThis()) {
            fs.add(new Ex("super.bl", Ty.LONG));
          }
        }
        case DOUBLE -> fs.add(new Ex("fd", Ty.DOUBLE));
        case CHAR -> fs.add(new Ex("fc", Ty.CHAR));
        case BYTE -> fs.add(new Ex("fb", Ty.BYTE));
        case SHORT -> fs.add(new Ex("fsh", Ty.SHORT));
        default -> { }
      }
    }
    switch (p) {
      case INT -> {
        fs.add(new Ex("sf", Ty.INT));
        fs.add(new Ex("§C.sf", Ty.INT));
        fs.add(new Ex("sI", Ty.INTEGER));
      }
      case LONG -> fs.add(new Ex("sl", Ty.LONG));
      default -> { }
    }
    Var bx = pickVar(v -> v.ty == Ty.BOX);
    if (bx != null) {
      switch (p) {
        case INT -> fs.add(new Ex(bx.name + ".f", Ty.INT));
        case LONG -> fs.add(new Ex(bx.name + ".g", Ty.LONG));
        case DOUBLE -> fs.add(new Ex(bx.name + ".d", Ty.DOUBLE));
        case CHAR -> fs.add(new Ex(bx.name + ".c", Ty.CHAR));
        case BYTE -> fs.add(new Ex(bx.name + ".b", Ty.BYTE));
        case SHORT -> fs.add(new Ex(bx.name + ".sh", Ty.SHORT));
        default -> { }
      }
    }
    if (fs.isEmpty()) {
      return null;
    }
    Ex f = fs.get(r.nextInt(fs.size()));
    if (f.s.startsWith("super.")) {
      feature("super.field");
    } else if (f.s.startsWith("§C.") || f.s.startsWith("s")) {
      feature("static.field-read");
    }
    return f;
  }

  /** A conditional {@code c ? a : b}, typed by JLS 15.25. */
  private Ex ternary(Ty want, int d) {
    feature("cond.ternary");
    String c = cond(d - 1);
    Ex a = gen(want, d - 1);
    Ex b = gen(want, d - 1);
    String as = coerce(a, want);
    String bs = coerce(b, want);
    Ex ca = standalone(as.equals(a.s) ? a : new Ex(as, want.unboxed()));
    Ex cb = standalone(bs.equals(b.s) ? b : new Ex(bs, want.unboxed()));
    Ty t = conditionalType(ca, cb);
    return new Ex("(" + c + " ? " + ca.s + " : " + cb.s + ")", t);
  }

  /**
   * An operand of a conditional that JLS 15.25 classifies by its type: a generic method call
   * ({@code await(...)}: its declared return type is a type variable) or a switch expression would
   * make the conditional a reference (poly) conditional typed by its context, so those are cast to
   * their own type.
   */
  private Ex standalone(Ex e) {
    // a conditional (javac cannot classify one whose operand uses a pattern binding) is cast as well
    boolean poly = e.s.startsWith("await(") || e.s.startsWith("FuzzGen.") || e.s.startsWith("h.t(")
        || e.s.startsWith("(switch") || e.s.startsWith("(") && e.s.contains(" ? ");
    if (!poly) {
      return e;
    }
    return new Ex("(" + e.t.java + ") " + paren(e.s), e.t);
  }

  /** JLS 15.25 for the operand types the generator writes (numeric, boolean, or equal types). */
  static Ty conditionalType(Ex a, Ex b) {
    if (a.t == b.t) {
      return a.t;
    }
    if (a.t.isBoolean() && b.t.isBoolean()) {
      return Ty.BOOL;
    }
    if (a.t.isNumeric() && b.t.isNumeric()) {
      Ty pa = a.t.unboxed();
      Ty pb = b.t.unboxed();
      if (pa == pb) {
        return pa;
      }
      if (pa == Ty.BYTE && pb == Ty.SHORT || pa == Ty.SHORT && pb == Ty.BYTE) {
        return Ty.SHORT;
      }
      for (int i = 0; i < 2; i++) {
        Ex x = i == 0 ? a : b;
        Ex y = i == 0 ? b : a;
        Ty px = x.t.unboxed();
        if ((px == Ty.BYTE || px == Ty.SHORT || px == Ty.CHAR) && y.t == Ty.INT && y.constant != null
            && assignable(y, px)) {
          return px;
        }
      }
      return Ty.promote(pa, pb);
    }
    if (a.t == Ty.STRING && b.t == Ty.STRING) {
      return Ty.STRING;
    }
    return Ty.OBJECT;
  }

  /**
   * A switch expression producing exactly {@code want}: arrow or colon form, int/String/enum/char/boxed
   * selector (or a Java 21 pattern selector), yields nested in statements, fall-through, blocks. Every
   * result expression has type {@code want} exactly, so the expression's type is {@code want} in any
   * context (a poly switch as a generic method's argument infers from its results).
   */
  private Ex switchExpression(Ty want, int d, boolean statementsAllowed) {
    boolean clean = nextSwitchStackClean;
    nextSwitchStackClean = false;
    switchStackClean.push(clean);
    try {
      return switchExpression0(want, d, statementsAllowed);
    } finally {
      switchStackClean.pop();
      stackmapRisk = true; // complete: what follows it is at risk (its own groups only if one came before)
    }
  }

  private Ex switchExpression0(Ty want, int d, boolean statementsAllowed) {
    boolean bodies = statementsAllowed || d >= 2 && budget > 0 && nest < 5 && varInit == 0 && one(2);
    if (java21 && one(3)) {
      return patternSwitchExpression(want, d, bodies);
    }
    boolean colon = one(2);
    feature(colon ? "switchexpr.colon" : "switchexpr.arrow");
    int kind = chance(6);
    String sel;
    List<String> labels;
    boolean needDefault = true;
    switch (kind) {
      case 0 -> {
        feature("switchexpr.selector-string");
        sel = selector(Ty.STRING);
        labels = new ArrayList<>(List.of("\"s0\"", "\"s1\"", "\"s2\""));
      }
      case 1 -> {
        feature("switchexpr.selector-enum");
        sel = selector(Ty.COLOR);
        labels = new ArrayList<>(List.of("RED", "GREEN", "BLUE"));
        if (java21 && one(3)) {
          feature("switch.qualified-enum");
          labels = new ArrayList<>(List.of("Color.RED", "Color.GREEN", "Color.BLUE"));
        }
      }
      case 2 -> {
        feature("switchexpr.selector-char");
        sel = "(char) ('a' + Math.floorMod(" + expr(Ty.INT, d - 1) + ", 3))";
        labels = new ArrayList<>(List.of("'a'", "'b'", "'c'"));
      }
      case 3 -> {
        feature("switchexpr.selector-boxed");
        sel = canAwait() && one(2) ? "await(h.val(" + expr(Ty.INT, d - 1) + "))" : exact(gen(Ty.INTEGER, d - 1),
            Ty.INTEGER);
        labels = new ArrayList<>(List.of("0", "1", "2", "3", "4", "5"));
      }
      default -> {
        feature("switchexpr.selector-int");
        sel = selector(Ty.INT);
        labels = new ArrayList<>(List.of("0", "1", "2", "-1", "4"));
      }
    }
    if (sel.contains("await(")) {
      feature("switchexpr.await-selector");
    }
    java.util.Collections.shuffle(labels, r);
    int groups = Math.min(labels.size(), 1 + chance(3));
    if (kind == 1 && one(2)) {
      groups = 3;
      needDefault = false;
      feature("switchexpr.enum-exhaustive-no-default");
    }
    jumps.add(new Jump(JumpKind.SWITCH_EXPR, null, want));
    StringBuilder sb = new StringBuilder("switch (" + sel + ") {\n");
    push();
    int labelAt = 0;
    int totalGroups = groups + (needDefault ? 1 : 0);
    for (int g = 0; g < totalGroups; g++) {
      String lab;
      if (g == groups) {
        lab = "default";
      } else {
        lab = "case " + labels.get(labelAt++);
        if (needDefault && labels.size() - labelAt > groups - g && one(4)) {
          lab += ", " + labels.get(labelAt++);
        }
      }
      boolean last = g == totalGroups - 1;
      final String labF = lab;
      if (colon) {
        sb.append(captured(() -> {
          boolean own = stackmapRisk; // see stackmapRisk
          line(labF + ":" + (own ? " {" : ""));
          indent++;
          if (bodies && one(2)) {
            block(d - 1, 1 + chance(2), false);
          }
          if (!last && bodies && one(4)) {
            feature("switchexpr.fallthrough");
            if (one(2)) {
              line("h.log(\"fall\");");
            }
          } else {
            terminal(want, d, bodies, !last);
          }
          indent--;
          if (own) {
            line("}");
          }
          retireInnermost();
        }));
      } else {
        int form = bodies ? chance(5) : chance(2) == 0 ? 0 : 4;
        if (form == 1 || form == 2 || form == 3) {
          feature("switchexpr.arrow-block");
          sb.append(captured(() -> {
            line(labF + " -> {");
            indent++;
            push();
            block(d - 1, chance(3), false);
            terminal(want, d, true, !last);
            pop();
            indent--;
            line("}");
          }));
        } else if (!last && one(6)) {
          feature("switchexpr.throw-arm");
          String t = expr(Ty.INT, d - 1);
          sb.append(captured(() -> line(labF + " -> throw new FuzzException(\"sx\" + " + t + ");")));
        } else {
          String v = yieldValue(want, d);
          if (v.contains("await(")) {
            feature("switchexpr.await-arm");
          }
          sb.append(captured(() -> line(labF + " -> " + v + ";")));
        }
      }
    }
    pop();
    jumps.remove(jumps.size() - 1);
    sb.append(ind()).append("}");
    return new Ex("(" + sb + ")", want);
  }

  /**
   * The statement(s) that end a switch-expression case group: they never complete normally, and
   * unless {@code mayThrow} they yield (a switch expression needs at least one result).
   */
  private void terminal(Ty want, int d, boolean bodies, boolean mayThrow) {
    int c = bodies ? chance(8) : 0;
    switch (c) {
      case 1 -> {
        feature("switchexpr.yield-in-if");
        line("if (" + cond(1) + ") {");
        indent++;
        yieldLine(want, d);
        indent--;
        line("} else {");
        indent++;
        push();
        block(d - 1, chance(2), false);
        yieldLine(want, d);
        pop();
        indent--;
        line("}");
      }
      case 2 -> {
        if (!tryOk()) {
          yieldLine(want, d);
          return;
        }
        feature("switchexpr.yield-in-try");
        String e = unique("e");
        line("try {");
        indent++;
        push();
        block(d - 1, chance(2), false);
        yieldLine(want, d);
        pop();
        indent--;
        line("} catch (FuzzException " + e + ") {");
        indent++;
        line("h.caught(" + e + ");");
        yieldLine(want, d);
        indent--;
        if (one(2)) {
          feature("switchexpr.yield-through-finally");
          line("} finally {");
          indent++;
          line("h.log(\"sxf\");");
          indent--;
        }
        line("}");
      }
      case 3 -> {
        feature("switchexpr.yield-in-block");
        line("{");
        indent++;
        push();
        block(d - 1, chance(2), false);
        yieldLine(want, d);
        pop();
        indent--;
        line("}");
      }
      case 4 -> {
        feature("switchexpr.yield-in-loop");
        line("while (h.fuel()) {");
        indent++;
        jumps.add(new Jump(JumpKind.LOOP, null, null));
        push();
        block(d - 1, chance(2), false);
        line("if (" + cond(1) + ") {");
        indent++;
        yieldLine(want, d);
        indent--;
        line("}");
        pop();
        jumps.remove(jumps.size() - 1);
        indent--;
        line("}");
        yieldLine(want, d);
      }
      case 5 -> {
        if (mayThrow && one(3)) {
          feature("switchexpr.throw");
          line("throw new FuzzException(\"sy\" + " + expr(Ty.INT, 1) + ");");
        } else {
          yieldLine(want, d);
        }
      }
      default -> yieldLine(want, d);
    }
  }

  private void yieldLine(Ty want, int d) {
    String s = yieldValue(want, d);
    if (s.contains("await(")) {
      feature("switchexpr.await-yield");
    }
    line(yieldStatement(want, s));
  }

  /**
   * {@code yield v;}. javac reads {@code yield (} followed by a comma inside braces (a switch or an
   * array initializer) as a call of a method named yield, so a value that starts with a parenthesis
   * is written as a cast to its own type.
   */
  private static String yieldStatement(Ty want, String v) {
    return v.startsWith("(") ? "yield (" + want.java + ") (" + v + ");" : "yield " + v + ";";
  }

  /** Java 21: {@code switch (obj) { case Integer i when ... -> ...; case null, default -> ... }}. */
  private Ex patternSwitchExpression(Ty want, int d, boolean bodies) {
    feature("patswitch.expression");
    boolean sealed = one(2);
    String sel = sealed ? shapeSelector() : objectExpr(d);
    if (sel.contains("await(")) {
      feature("patswitch.await-selector");
    }
    boolean colon = one(4);
    if (colon) {
      feature("patswitch.colon");
    }
    jumps.add(new Jump(JumpKind.SWITCH_EXPR, null, want));
    StringBuilder sb = new StringBuilder("switch (" + sel + ") {\n");
    push(); // colon form: one scope for the whole switch block
    List<Arm> arms = patternArms(sealed);
    for (int i = 0; i < arms.size(); i++) {
      Arm arm = arms.get(i);
      boolean last = i == arms.size() - 1;
      sb.append(captured(() -> {
        if (colon) {
          line(arm.label + ":");
          indent++;
          addAll(arm.vars);
          if (bodies && one(2)) {
            line("h.log(\"arm:\" + (" + arm.use + "));");
            block(d - 1, 1, false);
          }
          terminal(want, d, bodies, !last);
          retireInnermost();
          indent--;
        } else if (bodies && one(2)) {
          line(arm.label + " -> {");
          indent++;
          push();
          addAll(arm.vars);
          line("h.log(\"arm:\" + (" + arm.use + "));");
          block(d - 1, chance(2), false);
          terminal(want, d, true, !last);
          pop();
          indent--;
          line("}");
        } else {
          push();
          addAll(arm.vars);
          String v = yieldValue(want, d);
          pop();
          if (v.contains("await(")) {
            feature("patswitch.await-arm");
          }
          line(arm.label + " -> " + v + ";");
        }
      }));
    }
    pop();
    jumps.remove(jumps.size() - 1);
    sb.append(ind()).append("}");
    return new Ex("(" + sb + ")", want);
  }

  private void addAll(List<Var> vars) {
    for (Var v : vars) {
      v.usable = true;
      scopes.get(scopes.size() - 1).add(v);
    }
  }

  /** A switch selector of the given kind; it may await. */
  private String selector(Ty t) {
    boolean aw = canAwait() && one(3);
    if (aw) {
      feature("switch.await-selector");
    }
    if (t == Ty.COLOR) {
      return aw ? "await(h.later(h.color(" + expr(Ty.INT, 1) + ")))" : one(2) ? "h.color(" + expr(Ty.INT, 1) + ")"
          : colorExpr(1).s;
    }
    String inner = aw ? "await(h.val(" + expr(Ty.INT, 1) + "))" : exact(gen(Ty.INT, 1), Ty.INT);
    if (t == Ty.STRING) {
      return "\"s\" + Math.floorMod(" + inner + ", 3)";
    }
    return one(2) ? "Math.floorMod(" + inner + ", 4)" : inner;
  }

  private Ex string(int d) {
    if (d <= 0) {
      return switch (chance(4)) {
        case 0 -> new Ex("\"" + (char) ('a' + chance(26)) + chance(10) + "\"", Ty.STRING);
        case 1 -> stringVarOr("\"fs\"");
        case 2 -> {
          if (noStringReads > 0) {
            yield new Ex("\"n\"", Ty.STRING);
          }
          String f = staticCtx ? "ss" : ownThis() ? pick("fs", "ss", "super.bs", "this.fs") : pick("fs", "ss");
          if (f.startsWith("super.")) {
            feature("super.field");
          }
          yield new Ex(f, Ty.STRING);
        }
        default -> stringVarOr("\"z\"");
      };
    }
    switch (chance(16)) {
      case 0, 1 -> {
        return new Ex("\"" + (char) ('a' + chance(26)) + chance(10) + "\"", Ty.STRING);
      }
      case 2, 3 -> {
        return stringVarOr("\"q\"");
      }
      case 4, 5 -> {
        if (!canAwait()) {
          return new Ex("h.str(" + expr(Ty.INT, d - 1) + ")", Ty.STRING);
        }
        return new Ex("await(h.later(" + expr(Ty.STRING, d - 1) + "))", Ty.STRING);
      }
      case 6, 7 -> {
        feature("string.concat");
        Ty t = pick(Ty.INT, Ty.CHAR, Ty.DOUBLE, Ty.BOOL, Ty.LONG, Ty.STRING, Ty.INTEGER);
        return new Ex("(" + expr(Ty.STRING, d - 1) + " + " + paren(expr(t, d - 1)) + ")", Ty.STRING);
      }
      case 8 -> {
        return new Ex("h.str(" + expr(Ty.INT, d - 1) + ")", Ty.STRING);
      }
      case 9 -> {
        return ternary(Ty.STRING, d);
      }
      case 10 -> {
        return switchExpression(Ty.STRING, d, false);
      }
      case 11 -> {
        Place pl = noStringReads > 0 ? null : place(t -> t == Ty.STRING);
        if (pl == null) {
          return stringVarOr("\"w\"");
        }
        feature("compound.value");
        return new Ex("(" + compound(pl) + ")", Ty.STRING);
      }
      case 12 -> {
        Binding b = binding();
        feature("instanceof.in-conditional");
        List<Var> all = b.vars();
        String yes = withVars(all, () -> "\"is\" + " + intView(b.name, b.ty));
        return new Ex("(" + b.test + " ? " + yes + " : " + expr(Ty.STRING, d - 1) + ")", Ty.STRING);
      }
      case 13 -> {
        if (!ownThis()) {
          return new Ex("(\"\" + " + paren(expr(Ty.INT, d - 1)) + ")", Ty.STRING);
        }
        feature("super.method");
        return new Ex("super.bname(h)", Ty.STRING);
      }
      case 14 -> {
        Ex a = noStringReads > 0 ? null : arrayPlaceOfType(Ty.STRING, d);
        return a != null ? a : new Ex("(\"\" + " + paren(expr(Ty.CHAR, d - 1)) + ")", Ty.STRING);
      }
      default -> {
        return new Ex(expr(Ty.STRING, d - 1) + ".toUpperCase()", Ty.STRING);
      }
    }
  }

  private Ex stringVarOr(String dflt) {
    Var v = noStringReads > 0 ? null : pickVar(x -> x.ty == Ty.STRING);
    return new Ex(v != null ? v.name : noStringReads > 0 && !dflt.startsWith("\"") ? "\"d\"" : dflt, Ty.STRING);
  }

  private Ex arrayPlaceOfType(Ty elem, int d) {
    Place pl = arrayPlace(d, e -> e == elem);
    return pl == null ? null : new Ex(pl.text, pl.ty);
  }

  private Ex object(int d) {
    switch (chance(6)) {
      case 0 -> {
        return new Ex("h.obj(" + expr(Ty.INT, d - 1) + ")", Ty.OBJECT);
      }
      case 1 -> {
        if (canAwait()) {
          return new Ex("await(h.later(h.obj(" + expr(Ty.INT, d - 1) + ")))", Ty.OBJECT);
        }
        return new Ex("h.obj(" + expr(Ty.INT, d - 1) + ")", Ty.OBJECT);
      }
      case 2 -> {
        Var v = pickVar(x -> x.ty == Ty.OBJECT);
        return v != null ? new Ex(v.name, Ty.OBJECT) : new Ex("h.obj(" + chance(12) + ")", Ty.OBJECT);
      }
      case 3 -> {
        Ex e = gen(pick(Ty.INT, Ty.STRING, Ty.LONG), d - 1);
        return new Ex(e.s, e.t);
      }
      default -> {
        return new Ex("h.obj(" + expr(Ty.INT, d - 1) + ")", Ty.OBJECT);
      }
    }
  }

  private Ex boxExpr(int d) {
    Var v = pickVar(x -> x.ty == Ty.BOX);
    if (v != null && one(2)) {
      return new Ex(v.name, Ty.BOX);
    }
    return new Ex("h.box(" + expr(Ty.INT, d - 1) + ")", Ty.BOX);
  }

  private Ex colorExpr(int d) {
    Var v = pickVar(x -> x.ty == Ty.COLOR);
    if (v != null && one(2)) {
      return new Ex(v.name, Ty.COLOR);
    }
    if (one(3)) {
      return new Ex("Color." + pick("RED", "GREEN", "BLUE"), Ty.COLOR);
    }
    return new Ex("h.color(" + expr(Ty.INT, Math.max(0, d - 1)) + ")", Ty.COLOR);
  }

  /** A boolean expression. */
  String cond(int d) {
    int c = chance(d > 0 ? 14 : 4);
    switch (c) {
      case 0 -> {
        return "h.flag()";
      }
      case 1 -> {
        return expr(Ty.INT, 0) + " < " + expr(Ty.INT, 0);
      }
      case 2 -> {
        Var v = pickVar(x -> x.ty.isBoolean());
        return v != null ? v.name : "h.flag()";
      }
      case 3 -> {
        return staticCtx ? "h.flag()" : ownThis() ? pick("fz", "this.fz", "h.flag()") : pick("fz", "h.flag()");
      }
      case 4, 5 -> {
        // both operands exactly t: Integer == Long does not compile, Integer == Integer compares references
        Ty t = pick(Ty.INT, Ty.INT, Ty.LONG, Ty.DOUBLE, Ty.CHAR, Ty.INTEGER);
        return paren(exact(gen(t, d), t)) + " " + pick("<", "<=", ">", "!=", "==") + " "
            + paren(exact(gen(t, d - 1), t));
      }
      case 6 -> {
        feature("cond.and");
        return "(" + cond(d - 1) + " && " + cond(d - 1) + ")";
      }
      case 7 -> {
        feature("cond.or");
        return "(" + cond(d - 1) + " || " + cond(d - 1) + ")";
      }
      case 8 -> {
        return "!(" + cond(d - 1) + ")";
      }
      case 9 -> {
        return patternCond(d);
      }
      case 10 -> {
        if (!canAwait()) {
          return "h.flag()";
        }
        return "await(h.later(" + cond(d - 1) + "))";
      }
      case 11 -> {
        return expr(Ty.STRING, d - 1) + pick(".isEmpty()", ".startsWith(\"s\")", ".equals(" + expr(Ty.STRING, 0) + ")");
      }
      case 12 -> {
        return "(" + cond(d - 1) + pick(" ^ ", " & ", " | ") + cond(d - 1) + ")";
      }
      default -> {
        Ex e = switchExpression(Ty.BOOL, d, false);
        return e.s;
      }
    }
  }

  // =============================================================================================
  // Places (left operands)

  /** A random assignable place whose type satisfies {@code filter} (null: any), or null. */
  private Place place(java.util.function.Predicate<Ty> filter) {
    java.util.function.Predicate<Ty> f = filter == null ? t -> true : filter;
    for (int attempt = 0; attempt < 4; attempt++) {
      Place p = place0(f);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private Place pickField(String[][] fields, java.util.function.Predicate<Ty> f, String prefix, String kind) {
    List<String[]> ok = new ArrayList<>();
    for (String[] x : fields) {
      if (f.test(Ty.valueOf(x[1]))) {
        ok.add(x);
      }
    }
    if (ok.isEmpty()) {
      return null;
    }
    String[] x = ok.get(r.nextInt(ok.size()));
    return new Place(prefix + x[0], Ty.valueOf(x[1]), prefix + x[0], kind);
  }

  /** Places never generate an expression they then discard (which could leave a checked call behind). */
  private Place place0(java.util.function.Predicate<Ty> f) {
    int c = chance(inLambda ? 4 : 12);
    switch (c) {
      case 0 -> {
        if (staticCtx) {
          return staticPlace(f);
        }
        return pickField(new String[][] {{"fi", "INT"}, {"fl", "LONG"}, {"fd", "DOUBLE"}, {"fs", "STRING"},
            {"fb", "BYTE"}, {"fsh", "SHORT"}, {"fc", "CHAR"}, {"fz", "BOOL"}, {"fI", "INTEGER"}, {"fL", "LONGB"},
            {"bf", "INT"}}, f, "", "field");
      }
      case 1 -> {
        if (!ownThis()) {
          return staticPlace(f);
        }
        return pickField(new String[][] {{"fi", "INT"}, {"fl", "LONG"}, {"fs", "STRING"}, {"fc", "CHAR"},
            {"fI", "INTEGER"}, {"fb", "BYTE"}, {"fd", "DOUBLE"}}, f, "this.", "this");
      }
      case 2 -> {
        return staticPlace(f);
      }
      case 3 -> {
        if (!ownThis()) {
          return staticPlace(f);
        }
        Place p = pickField(new String[][] {{"bf", "INT"}, {"bs", "STRING"}, {"bl", "LONG"}}, f, "super.", "super");
        if (p != null) {
          feature("super.field");
        }
        return p;
      }
      case 4, 5 -> {
        return otherPlace(f);
      }
      case 6, 7 -> {
        return arrayPlace(1, f);
      }
      default -> {
        Var v = pickVar(x -> x.mutable && (x.ty.isPrimitive() || x.ty == Ty.STRING || x.ty == Ty.INTEGER
            || x.ty == Ty.LONGB) && f.test(x.ty));
        if (v == null) {
          return null;
        }
        return new Place(v.name, v.ty, v.name, "local");
      }
    }
  }

  private Place staticPlace(java.util.function.Predicate<Ty> f) {
    return pickField(new String[][] {{"sf", "INT"}, {"sl", "LONG"}, {"ss", "STRING"}, {"sI", "INTEGER"}}, f,
        one(2) ? "§C." : "", "static");
  }

  /** {@code recv.f} where the receiver is a local, a logged call, an awaited value, or maybe null. */
  private Place otherPlace(java.util.function.Predicate<Ty> filter) {
    Var self = pickVar(v -> v.ty == Ty.SELF);
    Var bx = pickVar(v -> v.ty == Ty.BOX);
    if (self != null && one(3)) {
      Place p = pickField(new String[][] {{"fi", "INT"}, {"fs", "STRING"}, {"fl", "LONG"}, {"fI", "INTEGER"}},
          filter, "", "other");
      if (p == null) {
        return null;
      }
      String recv = one(2) ? self.name : canAwait() && one(2) ? "await(h.later(" + self.name + "))"
          : "h.t(\"peer\", " + self.name + ")";
      if (recv.startsWith("await(")) {
        feature("place.await-receiver");
      }
      return new Place(recv + "." + p.text, p.ty, self.name + "." + p.text, "other");
    }
    if (bx == null) {
      return null;
    }
    Place fp = pickField(new String[][] {{"f", "INT"}, {"g", "LONG"}, {"d", "DOUBLE"}, {"s", "STRING"}, {"b", "BYTE"},
        {"sh", "SHORT"}, {"c", "CHAR"}, {"z", "BOOL"}, {"n", "INTEGER"}, {"nl", "LONGB"}}, filter, "", "other");
    if (fp == null) {
      return null;
    }
    String[] f = {fp.text, fp.ty.name()};
    String recv;
    String kind = "other";
    switch (chance(6)) {
      case 0 -> {
        recv = "h.t(\"r\", " + bx.name + ")";
        feature("compound.logged-receiver");
      }
      case 1 -> {
        if (canAwait()) {
          recv = "await(h.later(" + bx.name + "))";
          feature("place.await-receiver");
        } else {
          recv = bx.name;
        }
      }
      case 2 -> {
        recv = "h.orNull(" + bx.name + ")";
        feature("place.null-receiver");
      }
      default -> recv = bx.name;
    }
    return new Place(recv + "." + f[0], Ty.valueOf(f[1]), recv.equals(bx.name) ? bx.name + "." + f[0] : null, kind);
  }

  /** {@code a[i]} or {@code a[i][j]}: array reference and index logged, awaited, out of range or null. */
  private Place arrayPlace(int d, java.util.function.Predicate<Ty> elemWanted) {
    List<String[]> arrays = new ArrayList<>();
    for (Var v : visible(v -> v.ty.isArray())) {
      arrays.add(new String[] {v.name, v.ty.name(), Integer.toString(v.len), Integer.toString(v.len2)});
    }
    if (!staticCtx) {
      if (ownThis()) {
        arrays.add(new String[] {"this.fa", "INTS", "3", "-1"});
      }
      arrays.add(new String[] {"fa", "INTS", "3", "-1"});
      arrays.add(new String[] {"fla", "LONGS", "3", "-1"});
      arrays.add(new String[] {"fda", "DOUBLES", "3", "-1"});
      arrays.add(new String[] {"fsa", "STRINGS", "3", "-1"});
      arrays.add(new String[] {"fca", "CHARS", "3", "-1"});
      arrays.add(new String[] {"fba", "BYTES", "3", "-1"});
      arrays.add(new String[] {"fa2", "INTS2", "3", "3"});
    }
    arrays.add(new String[] {"sa", "INTS", "3", "-1"});
    {
      arrays.removeIf(a -> {
        Ty t = Ty.valueOf(a[1]);
        Ty e = t == Ty.INTS2 || t == Ty.STRINGS2 ? t.element().element() : t.element();
        return !elemWanted.test(e);
      });
    }
    if (arrays.isEmpty()) {
      return null;
    }
    String[] a = arrays.get(r.nextInt(arrays.size()));
    Ty t = Ty.valueOf(a[1]);
    int len = Integer.parseInt(a[2]);
    int len2 = Integer.parseInt(a[3]);
    boolean simpleArray = true;
    String ref = a[0];
    switch (chance(7)) {
      case 0 -> {
        ref = "h.t(\"a\", " + a[0] + ")";
        simpleArray = false;
        feature("place.logged-array");
      }
      case 1 -> {
        if (canAwait()) {
          ref = "await(h.later(" + a[0] + "))";
          simpleArray = false;
          feature("place.await-array");
        }
      }
      case 2 -> {
        ref = "h.orNull(" + a[0] + ")";
        simpleArray = false;
        feature("place.null-array");
      }
      default -> { }
    }
    String i1 = index(len, d);
    boolean simpleIndex = i1.matches("\\d+");
    if (t == Ty.INTS2 || t == Ty.STRINGS2) {
      String i2 = index(len2, d);
      feature("place.array2");
      String text = ref + "[" + i1 + "][" + i2 + "]";
      String simple = simpleArray && simpleIndex && i2.matches("\\d+") ? text : null;
      return new Place(text, t.element().element(), simple, "array2");
    }
    String text = ref + "[" + i1 + "]";
    return new Place(text, t.element(), simpleArray && simpleIndex ? text : null, "array");
  }

  private String index(int len, int d) {
    int c = chance(6);
    if (c == 0 && len > 0) {
      return Integer.toString(chance(len));
    }
    String e = c == 1 && canAwait() ? "await(h.val(" + expr(Ty.INT, 0) + "))" : expr(Ty.INT, Math.min(d, 1));
    if (e.contains("await(")) {
      feature("place.await-index");
    }
    if (one(3)) {
      e = "h.i(\"i\", " + e + ")";
      feature("place.logged-index");
    }
    if (len > 0 && !one(5)) {
      return "Math.floorMod(" + e + ", " + len + ")";
    }
    feature("place.raw-index");
    return e;
  }
}
