package dev.baton.processor.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.baton.processor.support.Names;
import dev.baton.processor.support.TypeWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * {@code super.m(...)} where {@code Foo} overrides {@code m}: from {@code AsyncFoo}, a subclass of
 * {@code Foo}, neither {@code super.m} nor {@code invokespecial} can reach past {@code Foo}'s
 * override (JVMS 6.5). A method handle looked up in {@code Foo}'s own context can:
 *
 * <pre>{@code
 * final int $super$bm(FuzzHost h, int x) {             // in AsyncFoo; the frame calls AsyncFoo.this.$super$bm(...)
 *   try {
 *     return (int) $SUPER$bm.invokeExact((Foo) this, h, x);
 *   } catch (Throwable $t) {
 *     throw AsyncFrame.$rethrow($t);                     // checked exceptions stay what bm declares
 *   }
 * }
 * private static final MethodHandle $SUPER$bm = $special(Base.class, "bm", MethodType.methodType(int.class, ...));
 * }</pre>
 *
 * One accessor per overridden method the class's bodies call through {@code super}, shared by its frames.
 */
public final class SuperAccessors {
  private final TypeElement owner;
  private final Types types;
  private final Map<ExecutableElement, String> names = new LinkedHashMap<>();

  public SuperAccessors(TypeElement owner, Types types) {
    this.owner = owner;
    this.types = types;
  }

  /** The accessor's name for {@code method}, registering it. */
  public String accessor(ExecutableElement method) {
    return names.computeIfAbsent(method, m -> {
      String base = "$super$" + m.getSimpleName();
      String name = base;
      for (int n = 1; names.containsValue(name); n++) {
        name = base + "$" + n;
      }
      return name;
    });
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** The accessors, their handles and the lookup helper, as members of the generated class. */
  public List<Object> members() {
    List<Object> out = new ArrayList<>();
    if (names.isEmpty()) {
      return out;
    }
    TypeWriter writer = new TypeWriter(Map.of());
    String self = owner.getQualifiedName().toString();
    for (Map.Entry<ExecutableElement, String> e : names.entrySet()) {
      ExecutableElement m = e.getKey();
      String name = e.getValue();
      String handle = name.replace("$super$", "$SUPER$");
      ExecutableType asMember = (ExecutableType) types.asMemberOf((DeclaredType) owner.asType(), m);
      TypeMirror erasedReturn = types.erasure(m.getReturnType());
      StringJoiner classes = new StringJoiner(", ");
      classes.add(writer.declared(erasedReturn) + ".class");
      MethodSpec.Builder b = MethodSpec.methodBuilder(name).addModifiers(Modifier.FINAL)
          .addJavadoc("{@code super.$L(...)} as {@code $L}'s code means it: past {@code $L}'s override.\n",
              m.getSimpleName(), owner.getSimpleName(), owner.getSimpleName());
      for (TypeParameterElement tp : m.getTypeParameters()) {
        List<TypeName> bounds = new ArrayList<>();
        for (TypeMirror bound : tp.getBounds()) {
          String t = writer.declared(bound);
          if (!t.equals("java.lang.Object")) {
            bounds.add(TypeVariableName.get(t));
          }
        }
        b.addTypeVariable(TypeVariableName.get(tp.getSimpleName().toString(), bounds.toArray(new TypeName[0])));
      }
      b.returns(TypeVariableName.get(writer.declared(asMember.getReturnType())));
      StringJoiner args = new StringJoiner(", ");
      args.add("(" + self + ") this");
      List<? extends VariableElement> params = m.getParameters();
      for (int i = 0; i < params.size(); i++) {
        String p = "p" + i;
        b.addParameter(TypeVariableName.get(writer.declared(asMember.getParameterTypes().get(i))), p);
        String erased = writer.declared(types.erasure(params.get(i).asType()));
        classes.add(erased + ".class");
        args.add("(" + erased + ") " + p);
      }
      b.varargs(m.isVarArgs());
      for (TypeMirror t : asMember.getThrownTypes()) {
        b.addException(TypeVariableName.get(writer.declared(t)));
      }
      String call = handle + ".invokeExact(" + args + ")";
      CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("try");
      if (m.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID) {
        body.addStatement("$L", call);
      } else {
        body.addStatement("return ($L) ($L) $L", writer.cast(asMember.getReturnType()), writer.declared(erasedReturn),
            call);
      }
      body.nextControlFlow("catch (java.lang.Throwable $$t)")
          .addStatement("throw $L($$t)", Names.frame("$rethrow"))
          .endControlFlow();
      b.addCode(body.build());
      if (m.getReturnType().getKind() != javax.lang.model.type.TypeKind.VOID) {
        b.addAnnotation(com.palantir.javapoet.AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "unchecked").build());
      }
      out.add(b.build());
      TypeElement declaring = (TypeElement) m.getEnclosingElement();
      out.add(FieldSpec.builder(TypeVariableName.get("java.lang.invoke.MethodHandle"), handle,
          Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$$special($L.class, $S, java.lang.invoke.MethodType.methodType($L))",
              types.erasure(declaring.asType()), m.getSimpleName(), classes)
          .build());
    }
    out.add(MethodSpec.methodBuilder("$special").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeVariableName.get("java.lang.invoke.MethodHandle"))
        .addParameter(TypeVariableName.get("java.lang.Class<?>"), "declaring")
        .addParameter(String.class, "name")
        .addParameter(TypeVariableName.get("java.lang.invoke.MethodType"), "type")
        .beginControlFlow("try")
        .addStatement("return java.lang.invoke.MethodHandles.privateLookupIn($L.class, "
            + "java.lang.invoke.MethodHandles.lookup()).findSpecial(declaring, name, type, $L.class)",
            types.erasure(owner.asType()), types.erasure(owner.asType()))
        .nextControlFlow("catch (java.lang.ReflectiveOperationException e)")
        .addStatement("throw new java.lang.LinkageError($S + name, e)", "cannot reach super.")
        .endControlFlow()
        .build());
    return out;
  }

  static boolean isMethod(Element e) {
    return e instanceof ExecutableElement;
  }
}
