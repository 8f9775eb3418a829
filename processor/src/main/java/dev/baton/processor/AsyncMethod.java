package dev.baton.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The parse phase's output: an {@code @Async} method with everything later phases read, and nothing
 * judged yet.
 *
 * @param element the method
 * @param owner the class that declares it
 * @param tree its declaration tree
 * @param path the path to {@code tree}
 * @param unit the compilation unit
 * @param source the compilation unit's full text (for slicing verbatim code)
 */
record AsyncMethod(
    ExecutableElement element,
    TypeElement owner,
    MethodTree tree,
    TreePath path,
    CompilationUnitTree unit,
    String source) {

  boolean isStatic() {
    return element.getModifiers().contains(javax.lang.model.element.Modifier.STATIC);
  }

  String name() {
    return element.getSimpleName().toString();
  }
}
