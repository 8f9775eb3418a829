package dev.baton.processor.support;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Writes javac's types as Java source for generated declarations and casts: every class by its
 * canonical name (the generated file never depends on an import for a type it introduces), type
 * variables by name, and the types Java cannot write replaced by a writable stand-in:
 * <ul>
 *   <li>a captured wildcard ({@code capture#1 of ? extends Number}) by its bound, and as a type
 *       argument by the wildcard it captured;</li>
 *   <li>an intersection ({@code Number & Comparable<T>}) by its first bound in a declaration, and
 *       by the intersection itself in a cast;</li>
 *   <li>the null type by {@code Object};</li>
 *   <li>a local class moved into the frame by its new name ({@code renamed}).</li>
 * </ul>
 * An anonymous class cannot be named: {@link #whyNotWritable} says so, and validation reports it.
 */
public final class TypeWriter {
  private final Map<TypeElement, String> renamed;

  public TypeWriter(Map<TypeElement, String> renamed) {
    this.renamed = renamed;
  }

  /** For a field, a local or a type argument: a type that can be declared. */
  public String declared(TypeMirror t) {
    return write(t, false);
  }

  /** For a cast: like {@link #declared}, but an intersection stays an intersection. */
  public String cast(TypeMirror t) {
    return write(t, true);
  }

  /** True if {@code t} is a captured wildcard. */
  public static boolean isCapture(TypeMirror t) {
    return t.getKind() == TypeKind.TYPEVAR && t.toString().startsWith("capture#");
  }

  /** Why {@code t} cannot stand in a declaration even with a stand-in, or null if it can. */
  public String whyNotWritable(TypeMirror t) {
    switch (t.getKind()) {
      case DECLARED -> {
        DeclaredType d = (DeclaredType) t;
        TypeElement e = (TypeElement) d.asElement();
        if (e.getNestingKind() == NestingKind.ANONYMOUS) {
          return "it is an anonymous class";
        }
        for (TypeMirror a : d.getTypeArguments()) {
          String why = whyNotWritable(a);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      case ARRAY -> {
        return whyNotWritable(((ArrayType) t).getComponentType());
      }
      case ERROR -> {
        return "its type " + t + " is not known";
      }
      default -> {
        return null;
      }
    }
  }

  private String write(TypeMirror t, boolean inCast) {
    switch (t.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE, VOID -> {
        return t.getKind().name().toLowerCase(java.util.Locale.ROOT);
      }
      case NULL, NONE -> {
        return "java.lang.Object";
      }
      case ARRAY -> {
        return write(((ArrayType) t).getComponentType(), false) + "[]";
      }
      case DECLARED, ERROR -> {
        return declaredType((DeclaredType) t);
      }
      case TYPEVAR -> {
        TypeVariable v = (TypeVariable) t;
        if (isCapture(t)) {
          return write(v.getUpperBound(), inCast);
        }
        return v.asElement().getSimpleName().toString();
      }
      case WILDCARD -> {
        return wildcard((WildcardType) t);
      }
      case INTERSECTION -> {
        List<? extends TypeMirror> bounds = ((IntersectionType) t).getBounds();
        if (!inCast) {
          return write(bounds.get(0), false);
        }
        StringJoiner j = new StringJoiner(" & ");
        for (TypeMirror b : bounds) {
          j.add(write(b, false));
        }
        return j.toString();
      }
      case UNION -> {
        return commonSuperclass(((javax.lang.model.type.UnionType) t).getAlternatives());
      }
      default -> {
        return "java.lang.Object";
      }
    }
  }

  private String declaredType(DeclaredType d) {
    TypeElement e = (TypeElement) d.asElement();
    String base;
    String moved = renamed.get(e);
    if (moved != null) {
      base = moved;
    } else if (e.getNestingKind() == NestingKind.ANONYMOUS) {
      base = declaredType((DeclaredType) (e.getInterfaces().isEmpty() ? e.getSuperclass() : e.getInterfaces().get(0)));
      return base;
    } else if (e.getNestingKind() == NestingKind.MEMBER && d.getEnclosingType() instanceof DeclaredType outer
        && !outer.getTypeArguments().isEmpty() && !e.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)) {
      base = declaredType(outer) + "." + e.getSimpleName();
    } else if (e.getNestingKind() == NestingKind.LOCAL) {
      base = e.getSimpleName().toString();
    } else {
      base = e.getQualifiedName().toString();
    }
    List<? extends TypeMirror> args = d.getTypeArguments();
    if (args.isEmpty()) {
      return base;
    }
    StringJoiner j = new StringJoiner(", ", base + "<", ">");
    for (TypeMirror a : args) {
      j.add(argument(a));
    }
    return j.toString();
  }

  /** A type argument: a captured wildcard goes back to the wildcard it captured. */
  private String argument(TypeMirror a) {
    if (isCapture(a)) {
      TypeVariable v = (TypeVariable) a;
      TypeMirror lower = v.getLowerBound();
      if (lower != null && lower.getKind() != TypeKind.NULL && lower.getKind() != TypeKind.NONE) {
        return "? super " + write(lower, false);
      }
      TypeMirror upper = v.getUpperBound();
      if (upper == null || upper.toString().equals("java.lang.Object")) {
        return "?";
      }
      return "? extends " + write(upper, false);
    }
    return write(a, false);
  }

  private String wildcard(WildcardType w) {
    if (w.getExtendsBound() != null) {
      return "? extends " + write(w.getExtendsBound(), false);
    }
    if (w.getSuperBound() != null) {
      return "? super " + write(w.getSuperBound(), false);
    }
    return "?";
  }

  /** The nearest class every alternative of a multi-catch extends (what javac types the parameter as). */
  private String commonSuperclass(List<? extends TypeMirror> alternatives) {
    List<List<TypeElement>> chains = new java.util.ArrayList<>();
    for (TypeMirror a : alternatives) {
      List<TypeElement> chain = new java.util.ArrayList<>();
      for (TypeMirror c = a; c instanceof DeclaredType d; c = ((TypeElement) d.asElement()).getSuperclass()) {
        chain.add((TypeElement) d.asElement());
      }
      chains.add(chain);
    }
    for (TypeElement candidate : chains.get(0)) {
      if (chains.stream().allMatch(c -> c.contains(candidate))) {
        return candidate.getQualifiedName().toString();
      }
    }
    return "java.lang.Throwable";
  }

  /** The boxed class of a primitive kind, by canonical name. */
  public static String boxed(TypeKind k) {
    return switch (k) {
      case INT -> "java.lang.Integer";
      case LONG -> "java.lang.Long";
      case DOUBLE -> "java.lang.Double";
      case FLOAT -> "java.lang.Float";
      case SHORT -> "java.lang.Short";
      case BYTE -> "java.lang.Byte";
      case CHAR -> "java.lang.Character";
      case BOOLEAN -> "java.lang.Boolean";
      default -> throw new IllegalArgumentException(k.toString());
    };
  }

  /** The element a type names, for declared types; else null. */
  public static Element element(TypeMirror t) {
    return t instanceof DeclaredType d ? d.asElement() : null;
  }
}
