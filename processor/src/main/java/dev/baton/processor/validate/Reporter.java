package dev.baton.processor.validate;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.Trees;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** The only class that prints diagnostics: body problems on their exact tree, others on the element. */
public final class Reporter {
  private final Trees trees;
  private final Messager messager;
  private CompilationUnitTree unit;

  public Reporter(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  /** The compilation unit that body problems belong to. */
  public void unit(CompilationUnitTree unit) {
    this.unit = unit;
  }

  public void report(List<Problem> problems) {
    for (Problem p : problems) {
      if (p.tree() != null && unit != null) {
        trees.printMessage(Diagnostic.Kind.ERROR, p.message(), p.tree(), unit);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, p.message(), p.element());
      }
    }
  }
}
