package dev.baton.processor.analyze;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * The analyze phase's output: what the lowering needs to know about a body before it starts.
 *
 * @param suspending every tree that contains a switch point ({@code await(...)},
 *     {@code for (@Await ...)}, {@code try (@Await ...)}), lambda and class bodies excluded
 * @param fields the frame field of every parameter and of every local that must live in the frame,
 *     in declaration order
 * @param movedClasses local classes and records declared directly in a block that is split: they
 *     become member types of the frame, under these names
 * @param guardedTails the {@code return e} statements (e not {@code done(...)}) inside a try whose
 *     catch, finally or resource closing applies to them: each awaits {@code e} where it stands
 *     instead of ending the coroutine with a tail call (also in {@code suspending})
 */
public record Facts(Set<Tree> suspending, Map<VariableElement, FrameLocal> fields,
    Map<TypeElement, String> movedClasses, List<ClassTree> movedClassTrees, Set<String> usedNames,
    Set<Tree> guardedTails) {

  public Facts {
    Set<Tree> s = Collections.newSetFromMap(new IdentityHashMap<>());
    s.addAll(suspending);
    suspending = Collections.unmodifiableSet(s);
    fields = Collections.unmodifiableMap(fields);
    movedClasses = Collections.unmodifiableMap(movedClasses);
    movedClassTrees = List.copyOf(movedClassTrees);
    usedNames = Set.copyOf(usedNames);
    Set<Tree> g = Collections.newSetFromMap(new IdentityHashMap<>());
    g.addAll(guardedTails);
    guardedTails = Collections.unmodifiableSet(g);
  }

  /** {@code return e} that awaits {@code e} inside its try ({@link #guardedTails}). */
  public boolean guardedTail(Tree t) {
    return guardedTails.contains(t);
  }

  public boolean suspends(Tree t) {
    return t != null && suspending.contains(t);
  }

  /** The frame field of a local (or parameter), or null if the local stays a Java local. */
  public FrameLocal field(javax.lang.model.element.Element e) {
    return e instanceof VariableElement v ? fields.get(v) : null;
  }

  /** A local that lives in the frame. */
  public record FrameLocal(VariableElement element, String name, TypeMirror type, boolean parameter) {}
}
