package dev.baton.processor.parse;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The parse phase's output for one {@code @Async} method: its attributed declaration and everything
 * later phases ask about it. Nothing here is judged yet.
 *
 * <p>Trees, elements and types all come from the attribution task ({@link Attribution}); positions
 * are the same as in the user's file.
 *
 * @param path the attributed method declaration
 * @param element its symbol (in the attribution task)
 * @param owner the class that declares it (in the attribution task)
 * @param target the generated class's naming and shape
 * @param text the compilation unit's text, as attributed
 * @param fileName the simple name of the user's source file ({@code Foo.java})
 */
public record AsyncMethod(Attribution attribution, TreePath path, ExecutableElement element, TypeElement owner,
    Target target, String text, String fileName) {

  /** How the generated class for the owner is shaped. */
  public record Target(
      /** The generated class's simple name ({@code AsyncFoo}, {@code AsyncOuter_Inner}). */
      String simpleName,
      /** Its canonical name. */
      String canonicalName,
      /** True if it extends the owner (instance frames and inherited statics need it). */
      boolean extendsOwner,
      /** The frame class name ({@code $drain}). */
      String frameName) {}

  public MethodTree tree() {
    return (MethodTree) path.getLeaf();
  }

  public CompilationUnitTree unit() {
    return path.getCompilationUnit();
  }

  public Trees trees() {
    return attribution.trees();
  }

  public Types types() {
    return attribution.types();
  }

  public Elements elements() {
    return attribution.elements();
  }

  public boolean isStatic() {
    return element.getModifiers().contains(Modifier.STATIC);
  }

  public String name() {
    return element.getSimpleName().toString();
  }

  /** A path ending in {@code tree} (enough for getTypeMirror and getElement on attributed trees). */
  public TreePath at(Tree tree) {
    return new TreePath(path, tree);
  }

  public TypeMirror type(Tree tree) {
    return trees().getTypeMirror(at(tree));
  }

  public Element element(Tree tree) {
    return trees().getElement(at(tree));
  }

  public SourcePositions positions() {
    return trees().getSourcePositions();
  }

  public int start(Tree tree) {
    return (int) positions().getStartPosition(unit(), tree);
  }

  public int end(Tree tree) {
    return (int) positions().getEndPosition(unit(), tree);
  }

  /** The user's line of {@code tree} (1-based). */
  public int line(Tree tree) {
    int start = start(tree);
    LineMap lines = unit().getLineMap();
    return start < 0 || lines == null ? 0 : (int) lines.getLineNumber(start);
  }

  /** The user's line of the end of {@code tree}. */
  public int lastLine(Tree tree) {
    int end = end(tree);
    LineMap lines = unit().getLineMap();
    return end <= 0 || lines == null ? line(tree) : (int) lines.getLineNumber(end - 1);
  }

  /** The source text of {@code tree}. */
  public String source(Tree tree) {
    int s = start(tree);
    int e = end(tree);
    return s < 0 || e < s ? "" : text.substring(s, e);
  }

  /** "Foo.drain (Foo.java:15)", for generated comments and messages. */
  public String description() {
    return owner.getSimpleName() + "." + name() + " (" + fileName + ":" + line(tree()) + ")";
  }
}
