package dev.baton.processor.lower;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import dev.baton.processor.analyze.Facts;
import dev.baton.processor.emit.Printed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Local classes and records declared directly in a block that is split: the declaration must be
 * visible from every state that uses the class, so it becomes a member of the frame. A moved class
 * that reads locals of the method gets a copy of each, taken when an instance is created, as Java
 * does for a local class (so instances created in different loop iterations see their own values):
 *
 * <pre>{@code
 * int k = i;                                class P {
 * class P { int get() { return k; } }   →     private final int k$c = $m.this.k;   // at creation
 * ps.add(new P());                            int get() { return k$c; }
 *                                           }
 * }</pre>
 */
final class MovedClasses {
  private MovedClasses() {}

  static CodeBlock print(Lowerer l, ClassTree c) {
    TypeElement type = (TypeElement) l.m.element(c);
    String name = l.facts.movedClasses().get(type);
    // first pass: which frame locals does the body read?
    Printed first = l.printer.print(l.m.start(c), l.m.end(c), List.of(c), Map.of(), false, Map.of());
    Map<Element, String> renames = new HashMap<>();
    List<Facts.FrameLocal> copies = new ArrayList<>(first.captured());
    for (Facts.FrameLocal f : copies) {
      renames.put(f.element(), f.name() + "$c");
    }
    Map<Tree, CodeBlock> replace = new java.util.IdentityHashMap<>();
    Printed printed = l.printer.print(l.m.start(c), l.m.end(c), List.of(c), replace, false, renames);
    String text = printed.code().toString();
    String original = c.getSimpleName().toString();
    if (!name.equals(original)) {
      text = renameDeclaration(text, original, name, c);
    }
    if (!copies.isEmpty()) {
      int brace = openingBrace(text);
      StringBuilder fields = new StringBuilder("\n");
      for (Facts.FrameLocal f : copies) {
        fields.append("  private final ").append(l.scope.declared(f.type())).append(' ').append(f.name())
            .append("$c = ").append(l.m.target().frameName()).append(".this.").append(f.name()).append(";\n");
      }
      text = text.substring(0, brace + 1) + fields + text.substring(brace + 1);
    }
    return CodeBlock.of("$L\n", text);
  }

  /** The declaration's name and its constructors' names, renamed. */
  private static String renameDeclaration(String text, String from, String to, ClassTree c) {
    String out = text.replaceFirst("\\b(class|record|enum|interface)(\\s+)" + java.util.regex.Pattern.quote(from)
        + "\\b", "$1$2" + java.util.regex.Matcher.quoteReplacement(to));
    for (Tree member : c.getMembers()) {
      if (member instanceof MethodTree m && m.getName().contentEquals("<init>")) {
        out = out.replaceAll("(?m)(^|[\\s;}])" + java.util.regex.Pattern.quote(from) + "(\\s*\\()",
            "$1" + java.util.regex.Matcher.quoteReplacement(to) + "$2");
        break;
      }
    }
    return out;
  }

  /** The opening brace of the class body (after the name, type parameters and supertypes). */
  private static int openingBrace(String text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '<' || ch == '(') {
        depth++;
      } else if (ch == '>' || ch == ')') {
        depth--;
      } else if (ch == '{' && depth == 0) {
        return i;
      }
    }
    throw new IllegalStateException("no class body in " + text);
  }
}
