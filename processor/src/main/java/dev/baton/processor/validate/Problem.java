package dev.baton.processor.validate;

import dev.baton.processor.Diag;

import com.sun.source.tree.Tree;
import java.util.Objects;
import javax.lang.model.element.Element;

/**
 * One user error, with where it goes: on an exact tree of a method body ({@code tree} non-null), or on
 * a declaration ({@code element}).
 */
public record Problem(Diag diag, String message, Tree tree, Element element) {
  public Problem {
    Objects.requireNonNull(diag, "diag");
    Objects.requireNonNull(message, "message");
  }

  public static Problem at(Tree tree, Diag diag, Object... args) {
    return new Problem(diag, diag.format(args), tree, null);
  }

  public static Problem on(Element element, Diag diag, Object... args) {
    return new Problem(diag, diag.format(args), null, element);
  }
}
