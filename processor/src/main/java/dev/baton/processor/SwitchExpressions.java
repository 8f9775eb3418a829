package dev.baton.processor;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import java.util.List;

/** Which switch expressions with awaits in their cases the lowering handles. */
final class SwitchExpressions {
  private SwitchExpressions() {}

  /**
   * Null if every case is an arrow case whose body is an expression, a throw, or a block whose
   * yields are all top-level statements of that block; else why not (for the diagnostic).
   */
  static String unsupported(SwitchExpressionTree sw) {
    for (CaseTree c : sw.getCases()) {
      if (c.getCaseKind() != CaseTree.CaseKind.RULE) {
        return "with colon-form cases";
      }
      if (c.getBody() instanceof BlockTree block) {
        List<? extends StatementTree> stmts = block.getStatements();
        for (StatementTree s : stmts) {
          if (!(s instanceof YieldTree) && hasNestedYield(s)) {
            return "with a yield nested inside a statement of a case block";
          }
        }
      }
    }
    return null;
  }

  /** True if {@code t} contains a yield of the enclosing switch expression (not of a nested one). */
  static boolean hasNestedYield(Tree t) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitYield(YieldTree node, Void v) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitSwitchExpression(SwitchExpressionTree node, Void v) {
        return scan(node.getExpression(), v); // its yields are its own
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void v) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void v) {
        return null;
      }
    }.scan(t, null);
    return found[0];
  }
}
