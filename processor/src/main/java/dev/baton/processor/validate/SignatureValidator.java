package dev.baton.processor.validate;

import dev.baton.processor.DeferException;
import dev.baton.processor.Diag;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Validates what javax.lang.model can see: the {@code @Async} method's signature and the class the
 * generated {@code AsyncFoo} must extend. Problems go on the declaration.
 */
public final class SignatureValidator {
  static final String COROUTINE = "dev.baton.Coroutine";

  private SignatureValidator() {}

  /** Problems with the class itself, reported once on the first @Async method. */
  public static List<Problem> validateClass(TypeElement owner, ExecutableElement first, String asyncName) {
    return validateClass(owner, first, asyncName, true);
  }

  /**
   * {@code extend}: the generated class must extend the owner (it has instance {@code @Async} methods);
   * a class with only static ones (a final utility class with a private constructor, say) need not be
   * extendable.
   */
  public static List<Problem> validateClass(TypeElement owner, ExecutableElement first, String asyncName,
      boolean extend) {
    List<Problem> out = new ArrayList<>();
    String m = first.getSimpleName().toString();
    if (owner.getKind() != ElementKind.CLASS) {
      out.add(Problem.on(first, Diag.AsyncEnclosingType, m,
          "it is declared in " + owner.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + " " + owner.getSimpleName()));
      return out;
    }
    if (owner.getNestingKind() == NestingKind.LOCAL || owner.getNestingKind() == NestingKind.ANONYMOUS) {
      out.add(Problem.on(first, Diag.AsyncEnclosingType, m, "it is declared in a local or anonymous class"));
      return out;
    }
    if (extend && owner.getModifiers().contains(Modifier.FINAL)) {
      out.add(Problem.on(first, Diag.AsyncFinalClass, m, owner.getQualifiedName()));
    }
    if (owner.getModifiers().contains(Modifier.PRIVATE)) {
      out.add(Problem.on(first, Diag.AsyncPrivateClass, m, owner.getQualifiedName()));
    }
    if (owner.getNestingKind() == NestingKind.MEMBER && !owner.getModifiers().contains(Modifier.STATIC)) {
      out.add(Problem.on(first, Diag.AsyncInnerClass, m, owner.getQualifiedName()));
    }
    boolean constructible = ElementFilter.constructorsIn(owner.getEnclosedElements()).stream()
        .anyMatch(c -> !c.getModifiers().contains(Modifier.PRIVATE));
    // a private class's implicit constructor is private too: AsyncPrivateClass already says what to do
    if (extend && !constructible && !owner.getModifiers().contains(Modifier.PRIVATE)) {
      out.add(Problem.on(owner, Diag.AsyncNoConstructor, owner.getQualifiedName(), asyncName));
    }
    return out;
  }

  public static List<Problem> validateMethod(ExecutableElement method) {
    List<Problem> out = new ArrayList<>();
    String m = method.getSimpleName().toString();
    for (Modifier bad : List.of(Modifier.PRIVATE, Modifier.FINAL, Modifier.ABSTRACT, Modifier.NATIVE,
        Modifier.SYNCHRONIZED)) {
      if (method.getModifiers().contains(bad)) {
        out.add(Problem.on(method, Diag.AsyncModifier, m, bad.toString(), bad.toString()));
      }
    }
    TypeMirror ret = method.getReturnType();
    if (ret.getKind() == TypeKind.ERROR) {
      throw new DeferException(ret.toString());
    }
    if (!(ret instanceof DeclaredType d)
        || !((TypeElement) d.asElement()).getQualifiedName().contentEquals(COROUTINE)) {
      out.add(Problem.on(method, Diag.AsyncReturnType, m, ret.toString()));
    }
    for (var p : method.getParameters()) {
      if (p.asType().getKind() == TypeKind.ERROR) {
        throw new DeferException(p.asType().toString());
      }
    }
    return out;
  }

  /** {@code R} of the method's {@code Coroutine<R>} (a wildcard's bound; Object for a raw type). */
  public static TypeMirror resultType(ExecutableElement method, javax.lang.model.util.Elements elements) {
    DeclaredType d = (DeclaredType) method.getReturnType();
    TypeMirror object = elements.getTypeElement("java.lang.Object").asType();
    if (d.getTypeArguments().isEmpty()) {
      return object;
    }
    TypeMirror arg = d.getTypeArguments().get(0);
    if (arg.getKind() == TypeKind.WILDCARD) {
      TypeMirror bound = ((javax.lang.model.type.WildcardType) arg).getExtendsBound();
      return bound == null ? object : bound;
    }
    return arg;
  }
}
