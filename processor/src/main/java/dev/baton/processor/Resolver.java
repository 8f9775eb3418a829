package dev.baton.processor;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Name resolution without attribution (JLS 6.5 and 15.12.1, simplified): which calls are switch points,
 * which are {@code Baton.done}, and which simple names are fields of the class. Bodies are never
 * attributed (see docs/javac-notes): everything here reads imports and {@link Elements}.
 */
final class Resolver {
  static final String AWAIT_ANNOTATION = "dev.baton.annotations.Await";
  static final String BATON = "dev.baton.Baton";

  private final Elements elements;
  private final CompilationUnitTree unit;
  private final TypeElement owner;
  private final Map<String, List<ExecutableElement>> methodCache = new HashMap<>();
  private final Set<String> fieldNames = new LinkedHashSet<>();
  private final Map<String, Element> privateFields = new HashMap<>();
  private final Map<String, Boolean> privateOnlyMethods = new HashMap<>();

  Resolver(Elements elements, CompilationUnitTree unit, TypeElement owner) {
    this.elements = elements;
    this.unit = unit;
    this.owner = owner;
    for (TypeElement t = owner; t != null; t = enclosingType(t)) {
      for (Element m : elements.getAllMembers(t)) {
        if (m.getKind() == ElementKind.FIELD || m.getKind() == ElementKind.ENUM_CONSTANT) {
          fieldNames.add(m.getSimpleName().toString());
          if (t == owner && m.getModifiers().contains(Modifier.PRIVATE)) {
            privateFields.putIfAbsent(m.getSimpleName().toString(), m);
          }
        }
        if (t == owner && m.getKind() == ElementKind.METHOD) {
          String n = m.getSimpleName().toString();
          boolean priv = m.getModifiers().contains(Modifier.PRIVATE);
          privateOnlyMethods.merge(n, priv, Boolean::logicalAnd);
        }
      }
    }
    for (ImportTree imp : unit.getImports()) {
      if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
          && !ms.getIdentifier().contentEquals("*")) {
        fieldNames.add(ms.getIdentifier().toString());
      }
    }
  }

  private static TypeElement enclosingType(TypeElement t) {
    Element e = t.getEnclosingElement();
    while (e != null && !(e instanceof TypeElement)) {
      if (e instanceof PackageElement) {
        return null;
      }
      e = e.getEnclosingElement();
    }
    return (TypeElement) e;
  }

  /** True if {@code call} is a switch point: it resolves to a static method annotated {@code @Await}. */
  boolean isAwait(MethodInvocationTree call) {
    if (call.getArguments().size() != 1) {
      return false;
    }
    return candidates(call.getMethodSelect()).stream().anyMatch(Resolver::isAwaitMethod);
  }

  /** True if {@code call} is a switch point through {@code dev.baton.Baton.await} itself. */
  boolean isBatonAwait(MethodInvocationTree call) {
    List<ExecutableElement> c = candidates(call.getMethodSelect());
    return !c.isEmpty() && c.stream().allMatch(m -> m.getSimpleName().contentEquals("await")
        && ((TypeElement) m.getEnclosingElement()).getQualifiedName().contentEquals(BATON));
  }

  /** True if {@code call} resolves to {@code dev.baton.Baton.done}. */
  boolean isDone(MethodInvocationTree call) {
    List<ExecutableElement> c = candidates(call.getMethodSelect());
    return !c.isEmpty() && c.stream().allMatch(m -> m.getSimpleName().contentEquals("done")
        && ((TypeElement) m.getEnclosingElement()).getQualifiedName().contentEquals(BATON));
  }

  /** A field (or enum constant) visible by this simple name in the class or its enclosing classes. */
  boolean isField(String name) {
    return fieldNames.contains(name);
  }

  /** The private field of the class with this name, or null. */
  Element privateField(String name) {
    return privateFields.get(name);
  }

  /** True if the class has methods with this name and all of them are private. */
  boolean onlyPrivateMethods(String name) {
    return privateOnlyMethods.getOrDefault(name, false);
  }

  static boolean isAwaitMethod(ExecutableElement m) {
    if (!m.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    return m.getAnnotationMirrors().stream().anyMatch(a ->
        ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(AWAIT_ANNOTATION));
  }

  /** The methods a method-select tree can resolve to, following JLS 15.12.1 scoping. */
  List<ExecutableElement> candidates(ExpressionTree select) {
    String key = select.toString();
    List<ExecutableElement> cached = methodCache.get(key);
    if (cached != null) {
      return cached;
    }
    List<ExecutableElement> result = resolve(select);
    methodCache.put(key, result);
    return result;
  }

  private List<ExecutableElement> resolve(ExpressionTree select) {
    if (select instanceof IdentifierTree id) {
      String name = id.getName().toString();
      for (TypeElement t = owner; t != null; t = enclosingType(t)) {
        List<ExecutableElement> found = methodsNamed(t, name);
        if (!found.isEmpty()) {
          return found;
        }
      }
      for (ImportTree imp : unit.getImports()) {
        if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
            && ms.getIdentifier().contentEquals(name)) {
          TypeElement t = elements.getTypeElement(ms.getExpression().toString());
          if (t != null) {
            List<ExecutableElement> found = methodsNamed(t, name);
            if (!found.isEmpty()) {
              return found;
            }
          }
        }
      }
      List<ExecutableElement> onDemand = new ArrayList<>();
      for (ImportTree imp : unit.getImports()) {
        if (imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
            && ms.getIdentifier().contentEquals("*")) {
          TypeElement t = elements.getTypeElement(ms.getExpression().toString());
          if (t != null) {
            onDemand.addAll(methodsNamed(t, name));
          }
        }
      }
      return onDemand;
    }
    if (select instanceof MemberSelectTree ms) {
      TypeElement t = resolveType(ms.getExpression());
      if (t != null) {
        return methodsNamed(t, ms.getIdentifier().toString());
      }
    }
    return List.of();
  }

  /** Resolves a type name as written in the body (simple or qualified), or null. */
  TypeElement resolveType(Tree tree) {
    String text = tree.toString();
    if (!(tree instanceof IdentifierTree) && !(tree instanceof MemberSelectTree)) {
      return null;
    }
    if (tree instanceof IdentifierTree) {
      for (TypeElement t = owner; t != null; t = enclosingType(t)) {
        if (t.getSimpleName().contentEquals(text)) {
          return t;
        }
        for (TypeElement member : ElementFilter.typesIn(elements.getAllMembers(t))) {
          if (member.getSimpleName().contentEquals(text)) {
            return member;
          }
        }
      }
      for (ImportTree imp : unit.getImports()) {
        if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
            && ms.getIdentifier().contentEquals(text)) {
          return elements.getTypeElement(ms.toString());
        }
      }
      String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString() + ".";
      TypeElement same = elements.getTypeElement(pkg + text);
      if (same != null) {
        return same;
      }
      for (ImportTree imp : unit.getImports()) {
        if (!imp.isStatic() && imp.getQualifiedIdentifier() instanceof MemberSelectTree ms
            && ms.getIdentifier().contentEquals("*")) {
          TypeElement t = elements.getTypeElement(ms.getExpression().toString() + "." + text);
          if (t != null) {
            return t;
          }
        }
      }
      return elements.getTypeElement("java.lang." + text);
    }
    MemberSelectTree ms = (MemberSelectTree) tree;
    TypeElement outer = resolveType(ms.getExpression());
    if (outer != null) {
      for (TypeElement member : ElementFilter.typesIn(outer.getEnclosedElements())) {
        if (member.getSimpleName().contentEquals(ms.getIdentifier())) {
          return member;
        }
      }
      return null;
    }
    return elements.getTypeElement(text);
  }

  private List<ExecutableElement> methodsNamed(TypeElement t, String name) {
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(t))) {
      if (m.getSimpleName().contentEquals(name)) {
        out.add(m);
      }
    }
    return out;
  }
}
