package dev.baton.processor.lowering;

import static dev.baton.processor.lowering.Differential.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Which locals of a split block live in the frame: a local after which its block neither awaits nor
 * moves a class to the frame stays a Java local of the state that declares it (the frame is smaller
 * by a field); any other local of a split block lives in the frame. Every program here also runs and
 * is compared with the same body run directly ({@link Differential}), so a local that should have
 * outlived its state fails as a compile error or a different trace.
 */
class StateLocalsTest {
  private static final String DEEP = """
      package sl;
      import static dev.baton.Baton.*;
      import dev.baton.Coroutine;
      import dev.baton.annotations.Async;
      public class Deep {
        int seen = 7;
        @Async static Coroutine<Integer> deep(int n) {
          if (n == 0) return done(0);
          int below = await(deep(n - 1));
          return done(below + 1);
        }
        @Async static Coroutine<Integer> kept(int n) {
          int first = await(deep(n));
          int second = await(deep(first));
          return done(first + second);
        }
        @Async static Coroutine<Integer> twice(int n) {
          { int x = await(deep(n)); n += x; }
          int x = await(deep(1));
          return done(n + x);
        }
        @Async Coroutine<Integer> shadows(int n) {
          int got;
          { int seen = await(deep(n)); got = seen; }
          return done(got + seen);
        }
        @Async static Coroutine<Integer> handlers(int n) {
          int r = 0;
          try {
            if (await(deep(n)) == 1) throw new IllegalStateException("one");
          } catch (IllegalStateException e) {
            int fromCatch = await(deep(2));
            r += fromCatch;
          } finally {
            int fromFinally = await(deep(3));
            r += fromFinally;
          }
          return done(r);
        }
        public static Object go() {
          return run(AsyncDeep.deep(5)) + " " + run(AsyncDeep.kept(3)) + " " + run(AsyncDeep.twice(2)) + " "
              + run(new AsyncDeep().shadows(4));
        }
      }
      """;

  /** The instance fields a generated frame class declares (not those of AsyncFrame). */
  private static Set<String> frameFields(String frame) throws Exception {
    Compilation c = Programs.compile(DEEP);
    Class<?> k = Differential.loader(c).loadClass("sl.AsyncDeep$" + frame);
    Set<String> out = new TreeSet<>();
    for (Field f : k.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        out.add(f.getName());
      }
    }
    return out;
  }

  @Test
  void theProgramsBehaveAsWritten() {
    assertEquals("5 6 5 11", Programs.run("sl.Deep", DEEP));
  }

  @Test
  void aLocalWhoseBlockNeverAwaitsAfterItsDeclarationIsNotAFrameField() throws Exception {
    assertEquals(Set.of("n"), frameFields("$deep"));
    String source = Programs.generatedSources(Programs.compile(DEEP));
    assertTrue(source.contains("int below = ((java.lang.Integer) $value);"), source);
  }

  @Test
  void aLocalUsedAfterALaterAwaitIsAFrameField() throws Exception {
    // first outlives the second await; second is the last declaration and stays a Java local
    assertEquals(Set.of("first", "n"), frameFields("$kept"));
  }

  @Test
  void aNameDeclaredTwiceInTheBodyLivesInTheFrame() throws Exception {
    // the later x's Java scope would run on over the earlier block's x: both keep frame fields
    Set<String> fields = frameFields("$twice");
    assertTrue(fields.containsAll(Set.of("n", "x")), fields.toString());
    assertEquals(3, fields.size(), fields.toString());
  }

  @Test
  void aLocalNamedLikeAFieldTheBodyUsesLivesInTheFrame() throws Exception {
    // after the block, seen is the field again: a Java local's scope would run on over it
    Set<String> fields = frameFields("$shadows");
    assertTrue(fields.stream().anyMatch(f -> f.startsWith("seen")), fields.toString());
  }

  @Test
  void aLocalCapturedByALambdaAfterItsDeclarationIsCapturedPerIteration() {
    check("""
        java.util.List<java.util.function.IntSupplier> fs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
          int k = await(h.val(i)) * 10;
          fs.add(() -> k + 1);
        }
        for (java.util.function.IntSupplier f : fs) h.log("f" + f.getAsInt());
        return done(fs.size());
        """);
  }

  @Test
  void aLocalWhoseInitializerHasALambdaLivesInTheFrameAndBehaves() {
    check("""
        int base = await(h.val(2));
        java.util.function.IntSupplier s = () -> base * 3;
        int v = s.getAsInt() + await(h.val(1));
        h.log("v" + v);
        return done(v);
        """);
  }

  @Test
  void multipleDeclaratorsAndArrayDimensionsAfterTheLastAwaitKeepTheirTypes() {
    check("""
        int[] a = {1, await(h.val(2))}, b[] = {{3}};
        final var c = a.length + b[0][0];
        h.log("a" + java.util.Arrays.toString(a) + " c" + c);
        return done(c);
        """);
  }

  @Test
  void aStateLocalInATryBlockIsNotSeenByItsHandlers() {
    check("""
        int r = 0;
        try {
          int v = await(h.val(4));
          if (v > 3) throw new IllegalStateException("v" + v);
          r = v;
        } catch (IllegalStateException e) {
          h.log("caught " + e.getMessage());
          int v = await(h.val(5));
          r = v * 2;
        } finally {
          h.log("finally " + r);
        }
        return done(r);
        """);
  }

  @Test
  void aLocalAfterTheLastAwaitOfACatchOrFinallyBlockIsNotAFrameField() throws Exception {
    Set<String> fields = frameFields("$handlers");
    assertTrue(fields.contains("r"), fields.toString());
    assertTrue(fields.stream().noneMatch(f -> f.startsWith("from")), fields.toString());
  }

  @Test
  void stateLocalsOfACatchAndAFinallyBlockEndWithTheirBlocks() {
    check("""
        int r = 0;
        for (int i = 0; i < 2; i++) {
          try {
            if (await(h.val(i)) == 1) throw new IllegalStateException("one");
            r += 10;
          } catch (IllegalStateException e) {
            int fromCatch = await(h.val(7)) + e.getMessage().length();
            h.log("catch " + fromCatch);
            r += fromCatch;
          } finally {
            int fromFinally = await(h.val(100));
            h.log("finally " + fromFinally);
            r += fromFinally;
          }
        }
        return done(r);
        """);
  }

  @Test
  void theSameBodyInALoopDeclaresItsLocalAfreshEachIteration() {
    check("""
        int sum = 0;
        for (int i = 0; i < 3; i++) {
          int v = await(h.val(i));
          int w;
          if (v % 2 == 0) w = v; else w = -v;
          sum += w;
          h.log("w" + w);
        }
        return done(sum);
        """);
  }

  private static final String TYPE_ANNOTATIONS = """
      @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)
      @interface TypeOnly {}
      @java.lang.annotation.Target({java.lang.annotation.ElementType.TYPE_USE,
          java.lang.annotation.ElementType.LOCAL_VARIABLE})
      @interface Both {}
      """;

  private static final String ANNOTATED_LOCALS = """
      int got = await(h.val(1));
      @TypeOnly String s = "v" + got;
      @Both final String t = s + "!";
      final @TypeOnly String @TypeOnly [] arr = {t, s};
      @TypeOnly List<@TypeOnly String> list = List.of(arr);
      @SuppressWarnings("unused") @TypeOnly int n = list.size() + got;
      h.log(s + " " + t + " " + list + " " + n);
      return done(n);
      """;

  @Test
  void anAnnotationForTypesOnlyOnAStateLocalMovesOntoTheSimpleNameOfItsQualifiedType() {
    check(TYPE_ANNOTATIONS, ANNOTATED_LOCALS);
  }

  @Test
  void aStateLocalKeepsItsDeclarationAndTypeAnnotations() {
    String source = Programs.generatedSources(Programs.compile("package lw;\n"
        + "import static dev.baton.Baton.*;\nimport dev.baton.Coroutine;\nimport dev.baton.annotations.Async;\n"
        + "import dev.baton.processor.difffuzz.*;\nimport java.util.*;\n"
        + "public class Ann {\n" + TYPE_ANNOTATIONS
        + "  @Async public Coroutine<Integer> run(FuzzHost h) {\n" + ANNOTATED_LOCALS + "  }\n}\n"));
    assertTrue(source.contains("java.lang.@TypeOnly String s = "), source);
    assertTrue(source.contains("@Both final java.lang.String t = "), source);
    assertTrue(source.contains("final java.lang.@TypeOnly String[] arr = "), source);
    assertTrue(source.contains("java.util.@TypeOnly List<java.lang.String> list = "), source);
    assertTrue(source.contains("@SuppressWarnings(\"unused\") @TypeOnly int n = "), source);
  }
}
