package dev.baton.processor.analyze;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/** The direct children of a tree, in the order javac's TreeScanner visits them (source order). */
public final class Children {
  private Children() {}

  public static List<Tree> of(Tree t) {
    List<Tree> out = new ArrayList<>();
    t.accept(new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void v) {
        if (tree != null) {
          out.add(tree);
        }
        return null;
      }
    }, null);
    return out;
  }
}
