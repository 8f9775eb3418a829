package dev.baton.processor.lower;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.WhileLoopTree;
import dev.baton.processor.parse.AsyncMethod;
import javax.lang.model.element.Element;
import javax.lang.model.element.VariableElement;

/**
 * Whether a statement copied verbatim can complete normally (JLS 14.22), as far as that is certain
 * without evaluating constant expressions. The renderer must not put code after a statement that
 * cannot complete normally (javac: "unreachable statement"), and must not drop code after one that
 * can; where it is not certain, the statement is wrapped in {@code if (true) { ... }}.
 */
enum Completion {
  ALWAYS, NEVER, MAYBE;

  static Completion of(AsyncMethod m, StatementTree s) {
    switch (s.getKind()) {
      case EXPRESSION_STATEMENT, VARIABLE, EMPTY_STATEMENT, ASSERT, CLASS, IF -> {
        if (s instanceof IfTree i && i.getElseStatement() != null) {
          Completion a = of(m, i.getThenStatement());
          Completion b = of(m, i.getElseStatement());
          return a == ALWAYS || b == ALWAYS ? ALWAYS : a == NEVER && b == NEVER ? NEVER : MAYBE;
        }
        return ALWAYS;
      }
      case RETURN, THROW, BREAK, CONTINUE, YIELD -> {
        return NEVER;
      }
      case BLOCK -> {
        Completion c = ALWAYS;
        for (StatementTree x : ((BlockTree) s).getStatements()) {
          c = of(m, x);
          if (c == NEVER) {
            return NEVER;
          }
        }
        return c;
      }
      case SYNCHRONIZED -> {
        return of(m, ((SynchronizedTree) s).getBlock());
      }
      case WHILE_LOOP -> {
        return notConstant(m, ((WhileLoopTree) s).getCondition()) ? ALWAYS : MAYBE;
      }
      case FOR_LOOP -> {
        ExpressionTree c = ((ForLoopTree) s).getCondition();
        return c != null && notConstant(m, c) ? ALWAYS : MAYBE;
      }
      case DO_WHILE_LOOP -> {
        DoWhileLoopTree d = (DoWhileLoopTree) s;
        return notConstant(m, d.getCondition()) && of(m, d.getStatement()) == ALWAYS ? ALWAYS : MAYBE;
      }
      case ENHANCED_FOR_LOOP -> {
        return ALWAYS;
      }
      case LABELED_STATEMENT -> {
        Completion c = of(m, ((LabeledStatementTree) s).getStatement());
        return c == ALWAYS ? ALWAYS : MAYBE;
      }
      case TRY -> {
        TryTree t = (TryTree) s;
        Completion fin = t.getFinallyBlock() == null ? ALWAYS : of(m, t.getFinallyBlock());
        if (fin == NEVER) {
          return NEVER;
        }
        if (fin == MAYBE) {
          return MAYBE;
        }
        Completion body = of(m, t.getBlock());
        if (body == ALWAYS) {
          return ALWAYS;
        }
        for (var c : t.getCatches()) {
          if (of(m, c.getBlock()) == ALWAYS) {
            return ALWAYS;
          }
        }
        return MAYBE;
      }
      default -> {
        return MAYBE;
      }
    }
  }

  /** True if {@code e} is certainly not a constant expression (it reads a variable or calls something). */
  private static boolean notConstant(AsyncMethod m, ExpressionTree e) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void v) {
        Element x = m.element(node);
        if (x instanceof VariableElement var && var.getConstantValue() == null) {
          found[0] = true;
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree node, Void v) {
        Element x = m.element(node);
        if (x instanceof VariableElement var && var.getConstantValue() == null) {
          found[0] = true;
        }
        return super.visitMemberSelect(node, v);
      }

      @Override
      public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void v) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitLiteral(LiteralTree node, Void v) {
        return null;
      }

      @Override
      public Void visitParenthesized(ParenthesizedTree node, Void v) {
        return super.visitParenthesized(node, v);
      }
    }.scan(e, null);
    return found[0];
  }

  static boolean isBreak(StatementTree s) {
    return s instanceof BreakTree;
  }
}
