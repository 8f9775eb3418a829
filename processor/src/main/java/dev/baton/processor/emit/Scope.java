package dev.baton.processor.emit;

import dev.baton.processor.analyze.Facts;
import dev.baton.processor.parse.AsyncMethod;
import dev.baton.processor.support.Names;
import dev.baton.processor.support.TypeWriter;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * How a name the user wrote in an {@code @Async} body resolves from inside the generated frame,
 * and what to write instead where it would resolve differently.
 *
 * <p>The frame of an instance method is an inner class of {@code AsyncFoo extends Foo}; the frame
 * of a static method is a static nested class of {@code AsyncFoo}. So a simple name the user wrote
 * resolves as in {@code Foo}, except where:
 * <ul>
 *   <li>the frame's own hierarchy ({@code AsyncFrame}, {@code Coroutine}, {@code Object}) has a
 *       method of that name: {@code toString()} would call the frame's. Qualified:
 *       {@code AsyncFoo.this.toString()}, {@code Foo.helper()};</li>
 *   <li>the member comes from a class that encloses {@code Foo} ({@code AsyncOuter_Foo} is a
 *       top-level class): qualified by that class;</li>
 *   <li>{@code AsyncFoo} does not extend {@code Foo} (a class with only static {@code @Async}
 *       methods that cannot be extended): {@code Foo}'s static members are qualified by {@code Foo}.</li>
 * </ul>
 */
public final class Scope {
  private final AsyncMethod m;
  private final Facts facts;
  private final TypeWriter types;
  private final Set<String> frameMethods = new HashSet<>();
  private final Set<String> frameFields = new HashSet<>();

  private final SuperAccessors supers;

  public Scope(AsyncMethod m, Facts facts, TypeWriter types, SuperAccessors supers) {
    this.m = m;
    this.facts = facts;
    this.types = types;
    this.supers = supers;
    TypeElement frame = m.elements().getTypeElement(Names.ASYNC_FRAME);
    if (frame != null) {
      for (Element e : m.elements().getAllMembers(frame)) {
        if (e.getModifiers().contains(Modifier.PRIVATE)) {
          continue;
        }
        if (e.getKind() == ElementKind.METHOD) {
          frameMethods.add(e.getSimpleName().toString());
        } else if (e.getKind() == ElementKind.FIELD) {
          frameFields.add(e.getSimpleName().toString());
        }
      }
    }
  }

  public AsyncMethod method() {
    return m;
  }

  public Facts facts() {
    return facts;
  }

  public TypeWriter types() {
    return types;
  }

  /** {@code AsyncFoo.this}: the user's {@code this} in generated code. */
  public String self() {
    return m.target().simpleName() + ".this";
  }

  /** {@code AsyncFoo.super}: the user's {@code super} in generated code. */
  public String superSelf() {
    return m.target().simpleName() + ".super";
  }

  /** The generated class that holds a static {@code @Async} method, or null if it is not one. */
  public String generatedHolder(ExecutableElement method) {
    if (!method.getModifiers().contains(Modifier.STATIC) || !Names.hasAnnotation(method, Names.ASYNC)) {
      return null;
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String pkg = m.elements().getPackageOf(owner).getQualifiedName().toString();
    String name = (pkg.isEmpty() ? "" : pkg + ".") + asyncName(owner);
    if (m.elements().getTypeElement(name) == null) {
      return null;
    }
    return samePackage(owner) ? asyncName(owner) : name;
  }

  /**
   * How generated code names a class in an expression: a top-level class of the owner's package by its
   * simple name (a qualified name's first part could be obscured by a variable of that name, JLS
   * 6.4.2), any other by its canonical name.
   */
  public String className(TypeElement t) {
    if (t.getNestingKind() == NestingKind.TOP_LEVEL && samePackage(t)) {
      return t.getSimpleName().toString();
    }
    if (t.getNestingKind() == NestingKind.MEMBER && t.getEnclosingElement() instanceof TypeElement outer) {
      return className(outer) + "." + t.getSimpleName();
    }
    return t.getQualifiedName().toString();
  }

  private boolean samePackage(TypeElement t) {
    return m.elements().getPackageOf(t).equals(m.elements().getPackageOf(m.owner()));
  }

  private static String asyncName(TypeElement owner) {
    StringBuilder b = new StringBuilder();
    for (Element e = owner; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      b.insert(0, b.length() == 0 ? t.getSimpleName() : t.getSimpleName() + "_");
    }
    return "Async" + b;
  }

  /** True if {@code e} is declared in a class the body declares (a local or anonymous class). */
  public boolean isBodyLocal(Element e) {
    for (Element x = e.getEnclosingElement(); x != null; x = x.getEnclosingElement()) {
      if (x instanceof TypeElement t && (t.getNestingKind() == NestingKind.LOCAL
          || t.getNestingKind() == NestingKind.ANONYMOUS)) {
        return true;
      }
      if (x.getKind() == ElementKind.PACKAGE) {
        return false;
      }
    }
    return false;
  }

  /**
   * The qualifier to write before a member (field or method) the user named by its simple name, or
   * null to leave it as written.
   */
  public String qualifier(Element member) {
    if (isBodyLocal(member) || member.getEnclosingElement() == null) {
      return null;
    }
    boolean isStatic = member.getModifiers().contains(Modifier.STATIC);
    String name = member.getSimpleName().toString();
    TypeElement through = memberOf(member);
    boolean shadowed = member.getKind() == ElementKind.METHOD ? frameMethods.contains(name)
        : frameFields.contains(name) || facts.fields().values().stream().anyMatch(f -> f.name().equals(name));
    if (through == null) {
      // found through a class enclosing the owner (AsyncOuter_Foo is not inside it), or imported
      TypeElement enclosing = enclosingThatHas(member);
      if (enclosing != null) {
        return className(enclosing);
      }
      return shadowed && member.getEnclosingElement() instanceof TypeElement declaring
          ? className(declaring) : null;
    }
    if (isStatic) {
      return shadowed || !m.target().extendsOwner() ? className(m.owner()) : null;
    }
    return shadowed ? self() : null;
  }

  /** The owner, if {@code member} is a member of it (declared or inherited); else null. */
  private TypeElement memberOf(Element member) {
    TypeElement owner = m.owner();
    if (member.getEnclosingElement() instanceof TypeElement declaring) {
      if (declaring.equals(owner) || m.types().isSubtype(m.types().erasure(owner.asType()),
          m.types().erasure(declaring.asType()))) {
        return owner;
      }
    }
    return null;
  }

  private TypeElement enclosingThatHas(Element member) {
    if (!(member.getEnclosingElement() instanceof TypeElement declaring)) {
      return null;
    }
    for (Element e = m.owner().getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.equals(declaring) || m.types().isSubtype(m.types().erasure(t.asType()),
          m.types().erasure(declaring.asType()))) {
        return t;
      }
    }
    return null;
  }

  /**
   * The text to write for a type the user named by its simple name, or null to leave it: a local
   * class moved into the frame gets its frame name; a member type found through an enclosing class
   * of the owner (or through the owner when {@code AsyncFoo} does not extend it) its canonical name.
   */
  public String typeName(TypeElement type) {
    String moved = facts.movedClasses().get(type);
    if (moved != null) {
      return moved.equals(type.getSimpleName().toString()) ? null : moved;
    }
    if (type.getNestingKind() != NestingKind.MEMBER || isBodyLocal(type)) {
      return null;
    }
    if (memberOf(type) != null && m.target().extendsOwner()) {
      return null;
    }
    return className(type);
  }

  /**
   * How {@code super.member} is written when the owner redeclares the member (a method it overrides,
   * a field it hides): {@code AsyncFoo.this.$super$m} (an accessor that reaches past the override)
   * or {@code ((Base) AsyncFoo.this).f}; null when {@code AsyncFoo.super.member} means the same.
   */
  public String superMember(Element member) {
    TypeElement owner = m.owner();
    for (Element declared : owner.getEnclosedElements()) {
      if (member instanceof ExecutableElement x && declared instanceof ExecutableElement d
          && m.elements().overrides(d, x, owner)) {
        return self() + "." + supers.accessor(x);
      }
      if (member.getKind() == ElementKind.FIELD && declared.getKind() == ElementKind.FIELD
          && declared.getSimpleName().equals(member.getSimpleName())) {
        TypeElement declaring = (TypeElement) member.getEnclosingElement();
        return "((" + m.types().erasure(declaring.asType()) + ") " + self() + ")." + member.getSimpleName();
      }
    }
    return null;
  }

  /** True if {@code t} names the owner class ({@code Foo.this}, {@code Foo.super}). */
  public boolean isOwner(Element t) {
    return t != null && t.equals(m.owner());
  }

  public String cast(TypeMirror t) {
    return types.cast(t);
  }

  public String declared(TypeMirror t) {
    return types.declared(t);
  }

  static boolean isMember(DeclaredType t) {
    return t.asElement().getEnclosingElement() instanceof TypeElement;
  }

  /** The implicit cast of a compound assignment (JLS 15.26.2): to the variable's type, a boxed one unboxed. */
  public com.palantir.javapoet.CodeBlock compoundCast(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return com.palantir.javapoet.CodeBlock.of("($L) ", cast(type));
    }
    try {
      return com.palantir.javapoet.CodeBlock.of("($L) ", cast(m.types().unboxedType(type)));
    } catch (IllegalArgumentException notBoxed) {
      if (type instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName()
          .contentEquals("java.lang.String")) {
        return com.palantir.javapoet.CodeBlock.of("");
      }
      return com.palantir.javapoet.CodeBlock.of("($L) ", cast(type));
    }
  }

  /** The binary operator of a compound assignment kind. */
  public static String compoundOperator(com.sun.source.tree.Tree.Kind k) {
    return switch (k) {
      case PLUS_ASSIGNMENT -> "+";
      case MINUS_ASSIGNMENT -> "-";
      case MULTIPLY_ASSIGNMENT -> "*";
      case DIVIDE_ASSIGNMENT -> "/";
      case REMAINDER_ASSIGNMENT -> "%";
      case LEFT_SHIFT_ASSIGNMENT -> "<<";
      case RIGHT_SHIFT_ASSIGNMENT -> ">>";
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>";
      case AND_ASSIGNMENT -> "&";
      case XOR_ASSIGNMENT -> "^";
      case OR_ASSIGNMENT -> "|";
      default -> throw new IllegalArgumentException(k.toString());
    };
  }

  /**
   * True if the frame reaches field {@code f} through an accessor javac synthesizes (a protected
   * field of a superclass in another package, used from the frame, an inner class): javac's compound
   * assignment through such an accessor reads the field after the right operand (seen with javac 17
   * and 25), so the lowering writes it out as {@code f = (T) (f op (e))}.
   */
  public boolean throughAccessor(Element f) {
    if (f == null || f.getKind() != ElementKind.FIELD || !f.getModifiers().contains(Modifier.PROTECTED)) {
      return false;
    }
    return f.getEnclosingElement() instanceof TypeElement declaring && !isBodyLocal(f)
        && !m.elements().getPackageOf(declaring).equals(m.elements().getPackageOf(m.owner()));
  }
}
