package dev.baton.processor;

import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * Writes a type as Java source text with qualified names, for generated declarations. Types that
 * cannot be written (anonymous, local, intersection, captured) are reported by returning null with
 * {@link #whyNot}; error types (not generated yet) throw {@link DeferException}.
 */
final class TypeText {
  private TypeText() {}

  /** The source text of {@code t}, or null if it cannot be written. */
  static String of(TypeMirror t) {
    return whyNot(t) == null ? write(t) : null;
  }

  /** Why {@code t} cannot be written in source, or null if it can. */
  static String whyNot(TypeMirror t) {
    switch (t.getKind()) {
      case ERROR:
        throw new DeferException(t.toString());
      case INTERSECTION:
        return "it is an intersection type, " + t;
      case UNION:
        return "it is a union type";
      case NULL:
        return "it is the null type";
      case DECLARED: {
        DeclaredType d = (DeclaredType) t;
        TypeElement e = (TypeElement) d.asElement();
        if (e.getNestingKind() == NestingKind.ANONYMOUS) {
          return "it is an anonymous class";
        }
        if (e.getNestingKind() == NestingKind.LOCAL) {
          return "it is the local class " + e.getSimpleName();
        }
        for (TypeMirror a : d.getTypeArguments()) {
          String w = whyNot(a);
          if (w != null) {
            return w;
          }
        }
        if (d.getEnclosingType().getKind() == TypeKind.DECLARED) {
          return whyNot(d.getEnclosingType());
        }
        return null;
      }
      case ARRAY:
        return whyNot(((ArrayType) t).getComponentType());
      case TYPEVAR:
        return t.toString().startsWith("capture#") ? "it contains a captured wildcard" : null;
      case WILDCARD: {
        WildcardType w = (WildcardType) t;
        if (w.getExtendsBound() != null) {
          return whyNot(w.getExtendsBound());
        }
        if (w.getSuperBound() != null) {
          return whyNot(w.getSuperBound());
        }
        return null;
      }
      default:
        return t.getKind().isPrimitive() || t.getKind() == TypeKind.VOID ? null : "it is a " + t.getKind();
    }
  }

  private static String write(TypeMirror t) {
    switch (t.getKind()) {
      case DECLARED: {
        DeclaredType d = (DeclaredType) t;
        TypeElement e = (TypeElement) d.asElement();
        String base;
        if (d.getEnclosingType().getKind() == TypeKind.DECLARED
            && !((DeclaredType) d.getEnclosingType()).getTypeArguments().isEmpty()) {
          base = write(d.getEnclosingType()) + "." + e.getSimpleName();
        } else {
          base = e.getQualifiedName().toString();
        }
        List<? extends TypeMirror> args = d.getTypeArguments();
        if (args.isEmpty()) {
          return base;
        }
        StringJoiner j = new StringJoiner(", ", base + "<", ">");
        for (TypeMirror a : args) {
          j.add(write(a));
        }
        return j.toString();
      }
      case ARRAY:
        return write(((ArrayType) t).getComponentType()) + "[]";
      case TYPEVAR:
        return ((TypeVariable) t).asElement().getSimpleName().toString();
      case WILDCARD: {
        WildcardType w = (WildcardType) t;
        if (w.getExtendsBound() != null) {
          return "? extends " + write(w.getExtendsBound());
        }
        if (w.getSuperBound() != null) {
          return "? super " + write(w.getSuperBound());
        }
        return "?";
      }
      default:
        return t.toString();
    }
  }

  /** The boxed form of a primitive type's text; other types unchanged. */
  static String boxed(String type) {
    return switch (type) {
      case "int" -> "java.lang.Integer";
      case "long" -> "java.lang.Long";
      case "double" -> "java.lang.Double";
      case "float" -> "java.lang.Float";
      case "short" -> "java.lang.Short";
      case "byte" -> "java.lang.Byte";
      case "char" -> "java.lang.Character";
      case "boolean" -> "java.lang.Boolean";
      case "void" -> "java.lang.Void";
      default -> type;
    };
  }
}
