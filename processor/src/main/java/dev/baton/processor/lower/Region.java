package dev.baton.processor.lower;

import com.palantir.javapoet.CodeBlock;
import java.util.Set;

/**
 * An exception region: the states of a lowered {@code try} body (or catch block, or resource body).
 * An exception thrown in one of its states runs {@link #handler()}, which either transfers control
 * (to a catch or a finally) or, when it does not always ({@link #handles()} false), falls back to
 * {@link #parent()}'s handler. The root region rethrows.
 *
 * <p>The handler is defined once, after the region's catch states exist ({@link #define}).
 */
public final class Region {
  public static final Region ROOT = new Region(0, null, "method body");

  private final int id;
  private final Region parent;
  private final String description;
  private CodeBlock handler;
  private boolean handles;
  private Set<Label> jumps = Set.of();
  private boolean defined;

  Region(int id, Region parent, String description) {
    this.id = id;
    this.parent = parent;
    this.description = description;
  }

  void define(CodeBlock handler, boolean handles, Set<Label> jumps) {
    if (defined) {
      throw new IllegalStateException("region " + id + " defined twice");
    }
    this.handler = handler;
    this.handles = handles;
    this.jumps = Set.copyOf(jumps);
    this.defined = true;
  }

  public int id() {
    return id;
  }

  public Region parent() {
    return parent;
  }

  public String description() {
    return description;
  }

  /** Statements that test {@code $t}; they end in a jump when they handle it. */
  public CodeBlock handler() {
    return handler;
  }

  /** True if {@link #handler()} always transfers control (a finally, a resource's close). */
  public boolean handles() {
    return handles;
  }

  /** The labels the handler may jump to. */
  public Set<Label> jumps() {
    return jumps;
  }

  public boolean isRoot() {
    return parent == null;
  }
}
