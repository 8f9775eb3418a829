package dev.baton.processor.parse;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.PrimitiveTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import javax.lang.model.type.TypeKind;

/**
 * Blanks method bodies out of a compilation unit's text, keeping every other character at its
 * offset (so positions in the attribution task match the user's file exactly). A blanked body of a
 * method that returns a value becomes {@code {for(;;);}} so that it still compiles.
 *
 * <p>Only signatures of the classes around an {@code @Async} method matter to its typing, and
 * attributing a method body is the expensive part of javac's work: blanking the others is what
 * keeps the attribution task's cost down.
 */
final class Blanker {
  private Blanker() {}

  /** The unit's text with every method body and initializer block blanked. */
  static String signaturesOnly(CompilationUnitTree unit, Trees trees) {
    return blank(unit, trees, m -> true);
  }

  /** The unit's text with the bodies of the methods {@code blank} accepts blanked. */
  static String blank(CompilationUnitTree unit, Trees trees, Predicate<MethodTree> blank) {
    String text;
    try {
      text = unit.getSourceFile().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    char[] out = text.toCharArray();
    SourcePositions positions = trees.getSourcePositions();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree node, Void v) {
        for (Tree member : node.getMembers()) {
          if (member instanceof MethodTree m && m.getBody() != null) {
            if (blank.test(m)) {
              erase(m.getBody(), !returnsVoid(m));
            } // else an @Async body: kept whole, local and anonymous classes included
          } else if (member instanceof ClassTree c) {
            visitClass(c, null);
          }
        }
        return null;
      }

      private void erase(BlockTree body, boolean needsValue) {
        int start = (int) positions.getStartPosition(unit, body);
        int end = (int) positions.getEndPosition(unit, body);
        if (start < 0 || end <= start + 1 || end > out.length || out[start] != '{') {
          return;
        }
        for (int i = start + 1; i < end - 1; i++) {
          if (out[i] != '\n' && out[i] != '\r') {
            out[i] = ' ';
          }
        }
        if (needsValue) {
          fill(start + 1, end - 1);
        }
      }

      /**
       * Writes {@code for(;;);} into the blanked range, token by token, each token inside one line:
       * line breaks stay where they were, so every later line keeps its number. The body held at
       * least a {@code return} statement, so the range has room.
       */
      private void fill(int from, int to) {
        int at = from;
        for (String token : FILLER) {
          while (at < to && !fits(at, token.length(), to)) {
            at++;
          }
          if (at >= to) {
            return; // no room (cannot happen for a body that returned a value): javac will say so
          }
          token.getChars(0, token.length(), out, at);
          at += token.length();
        }
      }

      private boolean fits(int at, int length, int to) {
        if (at + length > to) {
          return false;
        }
        for (int i = at; i < at + length; i++) {
          if (out[i] == '\n' || out[i] == '\r') {
            return false;
          }
        }
        return true;
      }
    }.scan(unit, null);
    return new String(out);
  }

  private static final String[] FILLER = {"for", "(", ";", ";", ")", ";"};

  private static boolean returnsVoid(MethodTree m) {
    Tree r = m.getReturnType();
    return r == null || r instanceof PrimitiveTypeTree p && p.getPrimitiveTypeKind() == TypeKind.VOID;
  }
}
