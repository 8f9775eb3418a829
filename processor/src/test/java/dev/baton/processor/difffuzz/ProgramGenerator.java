package dev.baton.processor.difffuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random {@code @Async} method bodies over the constructs the processor lowers: locals
 * (block locals reusing names in sibling blocks), if/else, while, do, for, labeled loops with
 * break/continue, classic (fall-through) and arrow switch, try/catch/finally, return, throw, lambdas
 * capturing locals in loops, and awaits in statement and expression positions (initializers,
 * assignments, compound assignments, arguments, operands, conditions, {@code &&}/{@code ||}/{@code ?:}
 * operands, switch selectors, array indices, return values, string concatenation).
 *
 * <p>Every body is valid plain Java: jumps and returns are guarded by {@code h.flag()} so nothing is
 * unreachable, loops are guarded by {@code h.fuel()} so everything terminates, and locals are always
 * initialized. The same body text is compiled twice: as an {@code @Async} method, and in an oracle
 * class where {@code await} runs the value synchronously.
 */
final class ProgramGenerator {
  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int indent;
  private int labels;
  private int logs;
  /** Locals visible at the current point, innermost last. */
  private final List<String> scope = new ArrayList<>();
  /** Enclosing loop labels (null for an unlabeled loop), innermost last. */
  private final List<String> loops = new ArrayList<>();
  private int switchDepth;
  private int catchDepth;

  ProgramGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** The statements of one body (without the method around it), ending in a return. */
  String body() {
    scope.add("a");
    scope.add("b");
    scope.add("c");
    line("int a = " + random.nextInt(5) + ", b = " + random.nextInt(5) + ", c = " + random.nextInt(5) + ";");
    line("int[] arr = {5, 6, 7};");
    line("java.util.List<java.util.function.IntSupplier> fs = new java.util.ArrayList<>();");
    line("long lv = 1L;");
    line("StringBuilder sb = new StringBuilder();");
    block(3, 3 + random.nextInt(5));
    line("for (java.util.function.IntSupplier s : fs) h.log(\"fs\" + s.getAsInt());");
    line("h.log(\"lv\" + lv + \" sb\" + sb);");
    line("return done(a + b * 3 + c * 7);");
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  private void block(int depth, int count) {
    int mark = scope.size();
    for (int i = 0; i < count; i++) {
      statement(depth);
    }
    while (scope.size() > mark) {
      scope.remove(scope.size() - 1);
    }
  }

  private void statement(int depth) {
    int choice = random.nextInt(depth > 0 ? 31 : 12);
    switch (choice) {
      case 24 -> forEach(depth);
      case 25 -> tryWithResources(depth);
      case 26 -> line("lv " + (random.nextBoolean() ? "+=" : "=") + " (" + cond(1) + " ? " + expr(2) + " : 7L * "
          + expr(1) + ") + lv % 1000;");
      case 27 -> line("h.log(\"c\" + " + expr(2) + " + ':' + (char) ('a' + Math.floorMod(" + expr(1) + ", 26)) + ("
          + cond(1) + ") + lv);");
      case 28 -> line("sb.append(0 + " + expr(2) + ").append(',').append(0 + " + expr(1) + ");");
      case 29 -> line("arr[Math.floorMod(" + expr(1) + ", 3)] = " + expr(2) + ";");
      case 30 -> stringSwitch(depth);
      case 0, 1 -> line(target() + " = " + expr(2) + ";");
      case 2 -> line(target() + (random.nextBoolean() ? " += " : " -= ") + expr(2) + ";");
      case 3 -> line(target() + (random.nextBoolean() ? "++;" : "--;"));
      case 4, 5 -> line("h.log(\"L" + (logs++) + ":\" + " + expr(2) + ");");
      case 6 -> declareLocal();
      case 7 -> line("await(h.val(" + expr(1) + "));");
      case 8 -> guardedJump();
      case 9 -> line("if (h.flag()) return done(" + expr(2) + ");");
      case 10 -> line("if (h.flag()) throw new FuzzException(\"t\" + " + expr(1) + ");");
      case 11 -> capture();
      case 12, 13 -> ifStatement(depth);
      case 14 -> whileLoop(depth);
      case 15 -> doLoop(depth);
      case 16 -> forLoop(depth);
      case 17 -> labeledLoop(depth);
      case 18 -> classicSwitch(depth);
      case 19 -> arrowSwitch(depth);
      case 20, 21 -> tryStatement(depth);
      case 22 -> {
        line("{");
        indent++;
        block(depth - 1, 1 + random.nextInt(3));
        indent--;
        line("}");
      }
      default -> line("h.log(\"s\" + " + expr(2) + " + \",\" + " + expr(1) + ");");
    }
  }

  private void declareLocal() {
    String name = "t" + indent;
    if (scope.contains(name)) {
      line(name + " = " + expr(2) + ";");
      return;
    }
    line("int " + name + " = " + expr(2) + ";");
    scope.add(name);
  }

  /** A lambda created in this iteration captures a final local: its value must be this iteration's. */
  private void capture() {
    String name = "k" + indent;
    if (scope.contains(name)) {
      line("h.log(" + name + ");");
      return;
    }
    line("final int " + name + " = " + expr(2) + ";");
    line("fs.add(() -> " + name + " * 10);");
    scope.add(name);
  }

  private void guardedJump() {
    if (loops.isEmpty() && switchDepth == 0) {
      line("if (h.flag()) h.log(\"nojump\");");
      return;
    }
    if (!loops.isEmpty() && random.nextInt(3) > 0) {
      String label = loops.get(random.nextInt(loops.size()));
      boolean innermost = label == loops.get(loops.size() - 1);
      String kind = random.nextBoolean() ? "break" : "continue";
      if (label == null) {
        if (!innermost || switchDepth > 0 && kind.equals("break")) {
          line("if (h.flag()) h.log(\"nojump\");");
          return;
        }
        line("if (h.flag()) " + kind + ";");
      } else {
        line("if (h.flag()) " + kind + " " + label + ";");
      }
      return;
    }
    if (switchDepth > 0) {
      line("if (h.flag()) break;");
    } else {
      line("if (h.flag()) h.log(\"nojump\");");
    }
  }

  private void ifStatement(int depth) {
    line("if (" + cond(2) + ") {");
    nested(depth);
    if (random.nextBoolean()) {
      line("} else {");
      nested(depth);
    }
    line("}");
  }

  private void whileLoop(int depth) {
    line("while (h.fuel() && " + cond(1) + ") {");
    loop(null, depth);
    line("}");
  }

  private void doLoop(int depth) {
    line("do {");
    loop(null, depth);
    line("} while (h.fuel() && " + cond(1) + ");");
  }

  private void forLoop(int depth) {
    String i = "i" + indent;
    line("for (int " + i + " = " + expr(1) + "; " + i + " < 4 && h.fuel(); " + i + "++) {");
    scope.add(i);
    loop(null, depth);
    scope.remove(i);
    line("}");
  }

  private void labeledLoop(int depth) {
    String label = "lab" + (labels++);
    line(label + ":");
    line("while (h.fuel()) {");
    loop(label, depth);
    line("}");
  }

  private void loop(String label, int depth) {
    loops.add(label);
    int savedSwitch = switchDepth;
    switchDepth = 0;
    nested(depth);
    switchDepth = savedSwitch;
    loops.remove(loops.size() - 1);
  }

  /** Case groups are braced (they share one scope in Java); control falls through between them. */
  private void classicSwitch(int depth) {
    line("switch (" + expr(2) + " % 3) {");
    switchDepth++;
    indent++;
    line("case 0: {");
    nested(depth);
    line("}");
    line("case 1: {");
    nested(depth);
    if (random.nextBoolean()) {
      line("  break;");
    }
    line("}");
    line("default: {");
    nested(depth);
    line("}");
    indent--;
    switchDepth--;
    line("}");
  }

  private void arrowSwitch(int depth) {
    line("switch (" + expr(2) + " % 3) {");
    switchDepth++;
    indent++;
    line("case 0 -> {");
    nested(depth);
    line("}");
    line("case -1, 1 -> {");
    nested(depth);
    line("}");
    line("default -> {");
    nested(depth);
    line("}");
    indent--;
    switchDepth--;
    line("}");
  }

  private void tryStatement(int depth) {
    line("try {");
    nested(depth);
    boolean hasCatch = random.nextInt(4) > 0;
    boolean hasFinally = !hasCatch || random.nextBoolean();
    if (hasCatch) {
      String e = "e" + (catchDepth++);
      line("} catch (FuzzException " + e + ") {");
      indent++;
      line("h.log(\"caught \" + " + e + ".getMessage());");
      indent--;
      nested(depth);
      catchDepth--;
    }
    if (hasFinally) {
      line("} finally {");
      nested(depth);
    }
    line("}");
  }

  private void forEach(int depth) {
    String v = "kf" + (labels++);
    line("for (int " + v + " : java.util.List.of(" + expr(1) + ", " + expr(1) + ")) {");
    scope.add(v);
    loop(null, depth);
    scope.remove(v);
    line("}");
  }

  private void tryWithResources(int depth) {
    String r = "r" + (labels++);
    line("try (FuzzResource " + r + " = h.resource(\"" + r + "\", " + expr(1) + ")) {");
    nested(depth);
    if (random.nextBoolean()) {
      String e = "e" + (catchDepth++);
      line("} catch (FuzzException | IllegalStateException " + e + ") {");
      indent++;
      line("h.log(\"caught \" + " + e + ".getMessage() + " + e + ".getSuppressed().length);");
      indent--;
      nested(depth);
      catchDepth--;
    }
    line("}");
  }

  private void stringSwitch(int depth) {
    line("switch (\"s\" + Math.floorMod(" + expr(2) + ", 3)) {");
    switchDepth++;
    indent++;
    line("case \"s0\": {");
    nested(depth);
    line("}");
    line("case \"s1\": {");
    nested(depth);
    line("  break;");
    line("}");
    line("default: {");
    nested(depth);
    line("}");
    indent--;
    switchDepth--;
    line("}");
  }

  private void nested(int depth) {
    indent++;
    block(depth - 1, 1 + random.nextInt(3));
    indent--;
  }

  private String target() {
    List<String> assignable = new ArrayList<>();
    for (String v : scope) {
      if (!v.startsWith("k") && !v.startsWith("i")) {
        assignable.add(v);
      }
    }
    return assignable.get(random.nextInt(assignable.size()));
  }

  // ---------------------------------------------------------------------------------------------
  // Expressions (int) and conditions (boolean)

  String expr(int depth) {
    int choice = random.nextInt(depth > 0 ? 11 : 3);
    return switch (choice) {
      case 10 -> switchExpression(depth);
      case 0 -> Integer.toString(random.nextInt(10));
      case 1, 2 -> scope.get(random.nextInt(scope.size()));
      case 3, 4 -> "await(h.val(" + expr(depth - 1) + "))";
      case 5 -> "(" + expr(depth - 1) + (random.nextBoolean() ? " + " : " - ") + expr(depth - 1) + ")";
      case 6 -> "h.f(" + expr(depth - 1) + ", " + expr(depth - 1) + ")";
      case 7 -> "(" + cond(depth - 1) + " ? " + expr(depth - 1) + " : " + expr(depth - 1) + ")";
      case 8 -> "arr[Math.floorMod(" + expr(depth - 1) + ", 3)]";
      default -> "(" + expr(depth - 1) + " * " + expr(depth - 1) + ")";
    };
  }

  /** A switch expression: an expression arm, a block arm with a local and a top-level yield, a default. */
  private String switchExpression(int depth) {
    String q = "sq" + (labels++);
    return "(switch (Math.floorMod(" + expr(depth - 1) + ", 3)) { case 0 -> " + expr(depth - 1) + "; case 1 -> { int "
        + q + " = " + expr(depth - 1) + "; h.log(\"" + q + "\" + " + q + "); yield " + q + " + " + expr(depth - 1)
        + "; } default -> " + expr(depth - 1) + "; })";
  }

  String cond(int depth) {
    int choice = random.nextInt(depth > 0 ? 6 : 2);
    return switch (choice) {
      case 0 -> "h.flag()";
      case 1 -> expr(0) + " < " + expr(0);
      case 2 -> expr(depth) + (random.nextBoolean() ? " < " : " != ") + expr(depth - 1);
      case 3 -> "(" + cond(depth - 1) + " && " + cond(depth - 1) + ")";
      case 4 -> "(" + cond(depth - 1) + " || " + cond(depth - 1) + ")";
      default -> "!(" + cond(depth - 1) + ")";
    };
  }

  private void line(String s) {
    out.append("    ".repeat(indent + 2)).append(s).append('\n');
  }
}
