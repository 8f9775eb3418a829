package dev.baton.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.AsyncProcessor;
import dev.baton.processor.Diag;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One negative test per {@link Diag} tag (at least): each compiles a small source, asserts the tag on
 * the exact line and the total error count (so a cascade of follow-up errors fails the test). Positive
 * tests pin near-misses that must compile without any diagnostic. {@code DiagnosticsCoverageTest}
 * fails if a tag is not named here as {@code Diag.Tag}.
 */
class DiagnosticsTest {
  private static final String HEADER = """
      package p;
      import static dev.baton.Baton.*;
      import dev.baton.*;
      import dev.baton.annotations.*;
      """;

  static JavaFileObject source(String className, String body) {
    return JavaFileObjects.forSourceString("p." + className, HEADER + body);
  }

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new AsyncProcessor()).compile(sources);
  }

  /**
   * A class with an {@code @Async} method, compiled beside a source that has none: the processor
   * claims @Async and @Await, so javac runs it only in a compilation that uses one of them.
   */
  static JavaFileObject asyncPartner() {
    return source("Partner", """
        public class Partner {
          @Async
          public Coroutine<Void> m() {
            return done();
          }
        }
        """);
  }

  /** Exactly {@code errors} errors, one of them {@code diag} on the line containing {@code line}. */
  static void assertRejected(Compilation c, Diag diag, JavaFileObject src, String line, int errors) {
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(diag.tag()).inFile(src).onLineContaining(line);
    assertThat(c).hadErrorCount(errors);
  }

  static void assertRejected(Compilation c, Diag diag, JavaFileObject src, String line) {
    assertRejected(c, diag, src, line, 1);
  }

  static void assertAccepted(Compilation c) {
    assertThat(c).succeededWithoutWarnings();
  }

  // ---- AsyncAwaitOutsideAsync ---------------------------------------------------------------------

  @Test
  void awaitInPlainMethodIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          void plain() {
            await(sleep(1));
          }
        }
        """);
    assertRejected(compile(src, asyncPartner()), Diag.AsyncAwaitOutsideAsync, src, "await(sleep(1))");
  }

  @Test
  void awaitInFieldInitializerIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          Object f =
              await(sleep(1));
        }
        """);
    assertRejected(compile(src, asyncPartner()), Diag.AsyncAwaitOutsideAsync, src, "await(sleep(1))");
  }

  @Test
  void awaitInStaticInitializerIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          static {
            await(checkpoint());
          }
        }
        """);
    assertRejected(compile(src, asyncPartner()), Diag.AsyncAwaitOutsideAsync, src, "await(checkpoint())");
  }

  @Test
  void awaitInNonAsyncMethodNextToAsyncOneIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> good() {
            await(sleep(1));
            return done();
          }
          Object bad() {
            return await(sleep(2));
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitOutsideAsync, src, "await(sleep(2))");
  }

  // ---- AsyncAwaitInLambda -------------------------------------------------------------------------

  @Test
  void awaitInsideLambdaIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            Runnable r = () -> await(sleep(1));
            await(checkpoint());
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitInLambda, src, "Runnable r");
  }

  @Test
  void asyncForInsideLambdaIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m(MemoryObjectReceiveStream<String> rs) {
            Runnable r = () -> {
              for (@Await String s : rs) {
              }
            };
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitInLambda, src, "for (@Await");
  }

  // ---- AsyncAwaitInClassBody ----------------------------------------------------------------------

  @Test
  void awaitInsideAnonymousClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            Runnable r = new Runnable() {
              public void run() {
                await(sleep(1));
              }
            };
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitInClassBody, src, "await(sleep(1))");
  }

  @Test
  void awaitInsideLocalClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            class Local {
              Object get() {
                return await(sleep(1));
              }
            }
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitInClassBody, src, "await(sleep(1))");
  }

  // ---- AsyncAwaitInSynchronized -------------------------------------------------------------------

  @Test
  void awaitInsideSynchronizedBlockIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            synchronized (this) {
              await(sleep(1));
            }
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitInSynchronized, src, "await(sleep(1))");
  }

  @Test
  void asyncTryInsideSynchronizedBlockIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            synchronized (this) {
              try (@Await TaskGroup tg = createTaskGroup()) {
              }
            }
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitInSynchronized, src, "@Await TaskGroup");
  }

  // ---- AsyncReturnType ----------------------------------------------------------------------------

  @Test
  void asyncMethodMustReturnCoroutine() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Awaitable<Void> notACoroutine() {
            return sleep(1);
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncReturnType, src, "notACoroutine()");
  }

  @Test
  void voidAsyncMethodIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public void nothing() {
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncReturnType, src, "nothing()");
  }

  // ---- AsyncModifier ------------------------------------------------------------------------------

  private void assertModifierRejected(String classModifiers, String modifier, String body) {
    JavaFileObject src = source("A", "public " + classModifiers + "class A {\n"
        + "  @Async\n"
        + "  " + modifier + " Coroutine<Void> m()" + body + "\n"
        + "}\n");
    Compilation c = compile(src);
    assertRejected(c, Diag.AsyncModifier, src, "Coroutine<Void> m()");
    assertThat(c).hadErrorContaining("cannot be " + modifier);
  }

  @Test
  void asyncMethodMustNotBePrivate() {
    assertModifierRejected("", "private", " { await(sleep(1)); return done(); }");
  }

  @Test
  void asyncMethodMustNotBeFinal() {
    assertModifierRejected("", "final", " { await(sleep(1)); return done(); }");
  }

  @Test
  void asyncMethodMustNotBeSynchronized() {
    assertModifierRejected("", "synchronized", " { await(sleep(1)); return done(); }");
  }

  @Test
  void asyncMethodMustNotBeAbstract() {
    assertModifierRejected("abstract ", "abstract", ";");
  }

  @Test
  void asyncMethodMustNotBeNative() {
    assertModifierRejected("", "native", ";");
  }

  // ---- AsyncEnclosingType -------------------------------------------------------------------------

  @Test
  void asyncDefaultMethodInInterfaceIsRejected() {
    JavaFileObject src = source("I", """
        public interface I {
          @Async
          default Coroutine<Void> m() {
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncEnclosingType, src, "Coroutine<Void> m()");
  }

  @Test
  void asyncStaticMethodInInterfaceIsRejected() {
    JavaFileObject src = source("I", """
        public interface I {
          @Async
          static Coroutine<Void> m() {
            await(sleep(1));
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncEnclosingType, src, "Coroutine<Void> m()");
  }

  @Test
  void asyncStaticMethodInNestedInterfaceIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          interface I {
            @Async
            static Coroutine<Void> m() {
              return done();
            }
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncEnclosingType, src, "Coroutine<Void> m()");
  }

  @Test
  void asyncMethodInEnumIsRejected() {
    JavaFileObject src = source("E", """
        public enum E {
          X;
          @Async
          public Coroutine<Void> m() {
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncEnclosingType, src, "Coroutine<Void> m()");
  }

  @Test
  void asyncMethodInRecordIsRejected() {
    JavaFileObject src = source("R", """
        public record R(int x) {
          @Async
          public Coroutine<Void> m() {
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncEnclosingType, src, "Coroutine<Void> m()");
  }

  // ---- AsyncFinalClass, AsyncPrivateClass, AsyncInnerClass, AsyncNoConstructor --------------------

  @Test
  void asyncMethodInFinalClassIsRejected() {
    JavaFileObject src = source("A", """
        public final class A {
          @Async
          public Coroutine<Void> m() {
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncFinalClass, src, "Coroutine<Void> m()");
  }

  @Test
  void asyncMethodInPrivateClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private static class B {
            @Async
            public Coroutine<Void> m() {
              return done();
            }
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateClass, src, "Coroutine<Void> m()");
  }

  @Test
  void asyncMethodInInnerClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          class B {
            @Async
            public Coroutine<Void> m() {
              return done();
            }
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncInnerClass, src, "Coroutine<Void> m()");
  }

  @Test
  void classWithOnlyPrivateConstructorsIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private A() {
          }
          @Async
          public Coroutine<Void> m() {
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncNoConstructor, src, "public class A");
  }

  @Test
  void finalUtilityClassWithOnlyStaticAsyncMethodsIsAccepted() {
    JavaFileObject src = source("Tasks", """
        public final class Tasks {
          private Tasks() {
          }
          static int base() {
            return 40;
          }
          @Async
          public static Coroutine<Integer> answer() {
            await(checkpoint());
            return done(base() + 2);
          }
        }
        """);
    assertAccepted(compile(src));
  }

  @Test
  void asyncMethodInLocalClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          void m() {
            class Local {
              @Async
              Coroutine<Void> run() {
                await(checkpoint());
                return done();
              }
            }
          }
        }
        """);
    assertRejected(compile(src, asyncPartner()), Diag.AsyncEnclosingType, src, "Coroutine<Void> run()");
  }

  // ---- lints (warnings) ---------------------------------------------------------------------------

  static void assertWarned(Compilation c, Diag diag, JavaFileObject src, String line) {
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(diag.tag()).inFile(src).onLineContaining(line);
    assertThat(c).hadWarningContaining("@SuppressWarnings(\"" + diag.suppressKey() + "\")");
  }

  static void assertNoLint(Compilation c) {
    assertThat(c).succeeded();
    for (Diag d : Diag.values()) {
      if (d.isWarning()) {
        assertThat(c.warnings().stream().noneMatch(w -> w.getMessage(null).contains(d.tag()))).isTrue();
      }
    }
  }

  @Test
  void anAwaitableThatNothingAwaitsIsReported() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> save(int x) {
            return done();
          }
          @Async
          public Coroutine<Void> m() {
            save(42);
            sleep(1);
            return done();
          }
        }
        """);
    Compilation c = compile(src);
    assertWarned(c, Diag.AsyncDroppedAwaitable, src, "save(42);");
    assertThat(c).hadWarningContaining(Diag.AsyncDroppedAwaitable.tag()).inFile(src).onLineContaining("sleep(1);");
  }

  @Test
  void awaitedAndStartedAwaitablesAreNotReported() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> save(int x) {
            return done();
          }
          @Async
          public Coroutine<Void> m() {
            await(save(42));
            try (@Await TaskGroup tg = createTaskGroup()) {
              tg.startSoon(save(1));
            }
            return done();
          }
        }
        """);
    assertNoLint(compile(src));
  }

  @Test
  void aDroppedAwaitableIsSilencedBySuppressWarnings() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          @SuppressWarnings("baton:dropped")
          public Coroutine<Void> m() {
            sleep(1);
            return done();
          }
        }
        """);
    assertNoLint(compile(src));
  }

  @Test
  void callingTheUntransformedMethodIsReported() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> main() {
            return done();
          }
          @Async
          public static Coroutine<Integer> helper() {
            return done(1);
          }
          public static void start() {
            run(new A().main());
            run(A.helper());
          }
        }
        """);
    Compilation c = compile(src);
    assertWarned(c, Diag.AsyncUntransformedCall, src, "run(new A().main());");
    assertThat(c).hadWarningContaining("AsyncA.helper(...)").inFile(src).onLineContaining("run(A.helper());");
  }

  @Test
  void callingTheGeneratedMethodIsNotReported() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> main() {
            return done();
          }
          @Async
          public static Coroutine<Integer> helper() {
            return done(1);
          }
          public static void start() {
            run(new AsyncA().main());
            run(AsyncA.helper());
          }
          @Async
          public Coroutine<Integer> inner() {
            return done(await(helper()));   // the processor calls the generated one here
          }
        }
        """);
    assertNoLint(compile(src));
  }

  @Test
  void aBlockingCallInAnAsyncBodyIsReported() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m(java.util.concurrent.Future<String> f) throws Exception {
            Thread.sleep(10);
            f.get();
            return done();
          }
        }
        """);
    Compilation c = compile(src);
    assertWarned(c, Diag.AsyncBlockingCall, src, "Thread.sleep(10);");
    assertThat(c).hadWarningContaining(Diag.AsyncBlockingCall.tag()).inFile(src).onLineContaining("f.get();");
  }

  @Test
  void blockingCallsOutsideAsyncBodiesAndInLambdasAreNotReported() {
    JavaFileObject src = source("A", """
        public class A {
          void plain() throws InterruptedException {
            Thread.sleep(1);
          }
          @Async
          public Coroutine<Void> m() {
            Runnable r = () -> {
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                throw new RuntimeException(e);
              }
            };
            await(sleep(1));
            return done();
          }
        }
        """);
    assertNoLint(compile(src));
  }

  @Test
  void aCatchThatSwallowsCancellationIsReported() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            try {
              await(sleep(1));
            } catch (Cancelled c) {
              System.out.println("cancelled");
            }
            return done();
          }
        }
        """);
    assertWarned(compile(src), Diag.AsyncSwallowedCancellation, src, "catch (Cancelled c)");
  }

  @Test
  void aCatchThatRethrowsOrCatchesExceptionIsNotReported() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            try {
              await(sleep(1));
            } catch (Throwable t) {
              System.out.println("failed");
              throw t;
            }
            try {
              await(sleep(1));
            } catch (Exception e) {
              System.out.println("failed");
            }
            return done();
          }
        }
        """);
    assertNoLint(compile(src));
  }

  // ---- builds with every lint on ----------------------------------------------------------------

  @Test
  void generatedCodeCompilesUnderXlintAllAndWerror() {
    JavaFileObject src = source("A", """
        public class A {
          int total;
          @Async
          public Coroutine<Integer> m(java.util.List<? extends Number> xs) {
            for (Number x : xs) {
              total += await(done(x.intValue()));
            }
            return done(total);
          }
        }
        """);
    Compilation c = Compiler.javac().withOptions("-Xlint:all", "-Werror").withProcessors(new AsyncProcessor())
        .compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aTypoInAnAsyncBodyIsReportedOnceAtTheUsersLine() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Integer> m() {
            int x = undefinedThing + await(done(1));
            return done(x);
          }
          static Object use() {
            return new AsyncA().m();
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("undefinedThing").inFile(src).onLineContaining("int x = undefinedThing");
    assertThat(c).hadErrorCount(1);
  }

  // ---- AsyncGeneratedNameTaken / AsyncAwaitMethodNotStatic -------------------------------------------

  @Test
  void classNamedLikeTheGeneratedOneIsRejected() {
    JavaFileObject a = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            return done();
          }
        }
        """);
    JavaFileObject taken = source("AsyncA", """
        public class AsyncA {
        }
        """);
    assertRejected(compile(a, taken), Diag.AsyncGeneratedNameTaken, a, "public class A");
  }

  @Test
  void instanceAwaitMethodIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Await
          <T> T myAwait(Awaitable<T> a) {
            throw new IllegalStateException();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitMethodNotStatic, src, "<T> T myAwait");
  }

  // ---- AsyncPrivateAccess -------------------------------------------------------------------------

  @Test
  void privateFieldInBodyIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private int count;
          @Async
          public Coroutine<Integer> m() {
            await(sleep(1));
            return done(count);
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "done(count)");
  }

  @Test
  void privateFieldThroughThisIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private int count;
          @Async
          public Coroutine<Void> m() {
            this.count++;
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "this.count++");
  }

  @Test
  void privateStaticFieldThroughClassNameIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private static int count;
          @Async
          public static Coroutine<Void> m() {
            A.count++;
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "A.count++");
  }

  @Test
  void privateMethodInBodyIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private void helper() {
          }
          @Async
          public Coroutine<Void> m() {
            helper();
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "helper();");
  }

  @Test
  void privateFieldOfEnclosingClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private static int secret;
          static class B {
            @Async
            public Coroutine<Integer> m() {
              await(sleep(1));
              return done(secret);
            }
          }
        }
        """);
    Compilation c = compile(src);
    assertRejected(c, Diag.AsyncPrivateAccess, src, "done(secret)");
    assertThat(c).hadErrorContaining("'secret' of p.A;");
  }

  @Test
  void privateMethodOfEnclosingClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private static void helper() {
          }
          static class B {
            @Async
            public Coroutine<Void> m() {
              helper();
              return done();
            }
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "helper();");
  }

  @Test
  void enclosingClassMemberShadowedByOwnMemberIsAccepted() {
    assertAccepted(compile(source("A", """
        public class A {
          private static int secret;
          private static void helper() {
          }
          static class Base {
            int secret;
            void helper() {
            }
          }
          static class B extends Base {
            @Async
            public Coroutine<Integer> m() {
              helper();
              await(sleep(1));
              return done(secret);
            }
          }
        }
        """)));
  }

  @Test
  void privateFieldInsideLambdaIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private int count;
          @Async
          public Coroutine<Void> m() {
            Runnable r = () -> count++;
            r.run();
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "count++");
  }

  @Test
  void privateFieldInsideAnonymousClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private int count;
          @Async
          public Coroutine<Void> m() {
            Runnable r = new Runnable() {
              public void run() {
                count++;
              }
            };
            await(sleep(1));
            r.run();
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "count++");
  }

  @Test
  void privateMethodInsideAnonymousClassIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private void helper() {
          }
          @Async
          public Coroutine<Void> m() {
            Runnable r = new Runnable() {
              public void run() {
                helper();
              }
            };
            r.run();
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "helper();");
  }

  @Test
  void privateNestedClassInBodyIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          private static class Helper {
            static int value() {
              return 1;
            }
          }
          @Async
          public Coroutine<Integer> m() {
            await(sleep(1));
            return done(Helper.value());
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "done(Helper.value())");
  }

  @Test
  void privateConstructorInBodyIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          A() {
          }
          private A(int x) {
          }
          @Async
          public Coroutine<A> m() {
            await(sleep(1));
            return done(new A(1));
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncPrivateAccess, src, "new A(1)");
  }

  // ---- AsyncSuper ---------------------------------------------------------------------------------

  @Test
  void superCallOfAnInterfaceDefaultMethodIsRejected() {
    JavaFileObject src = source("A", """
        public class A implements java.util.Iterator<String> {
          public boolean hasNext() {
            return false;
          }
          public String next() {
            return "x";
          }
          @Async
          public Coroutine<Void> m() {
            java.util.Iterator.super.remove();
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncSuper, src, "Iterator.super.remove()");
  }

  @Test
  void superFieldTheClassHidesFromAProtectedOneInAnotherPackageIsRejected() {
    JavaFileObject base = JavaFileObjects.forSourceString("q.Base", """
        package q;
        public class Base {
          protected int n = 1;
        }
        """);
    JavaFileObject src = source("A", """
        public class A extends q.Base {
          protected int n = 2;
          @Async
          public Coroutine<Integer> m() {
            return done(super.n);
          }
        }
        """);
    assertRejected(compile(base, src), Diag.AsyncSuper, src, "super.n");
  }

  // ---- AsyncAwaitAnnotation -----------------------------------------------------------------------

  @Test
  void awaitAnnotationOnPlainLocalIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            @Await int x = 1;
            await(sleep(x));
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAwaitAnnotation, src, "@Await int x");
  }

  // ---- AsyncVarType -------------------------------------------------------------------------------

  @Test
  void varOfAnonymousClassAcrossAwaitIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            var counter = new Object() { int n; };
            await(sleep(1));
            counter.n++;
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncVarType, src, "var counter");
  }

  // ---- AsyncAnonymousValue --------------------------------------------------------------------------

  @Test
  void memberOfAnAwaitedAnonymousClassValueIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          static <T> Coroutine<T> later(T v) {
            await(checkpoint());
            return done(v);
          }
          @Async
          public Coroutine<Integer> m() {
            int k = 1;
            return done(await(later(new Object() { int n = 5; })).n + k);
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAnonymousValue, src, ".n + k");
  }

  @Test
  void anonymousClassReceiverOfACallWhoseArgumentAwaitsIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Integer> m() {
            return done(new Object() { int add(int v) { return v + 1; } }.add(await(done(1))));
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncAnonymousValue, src, ".add(await");
  }

  // ---- AsyncTaskGroupWithoutAwait -----------------------------------------------------------------

  @Test
  void taskGroupWithoutAwaitIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            try (TaskGroup tg = createTaskGroup()) {
              tg.startSoon(other());
            }
            return done();
          }
          @Async
          public Coroutine<Void> other() {
            return done();
          }
        }
        """);
    Compilation c = compile(src);
    assertRejected(c, Diag.AsyncTaskGroupWithoutAwait, src, "TaskGroup tg =");
    assertThat(c).hadErrorContaining("'tg'");
  }

  @Test
  void qualifiedTaskGroupWithoutAwaitIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            try (dev.baton.TaskGroup group = dev.baton.Baton.createTaskGroup()) {
              await(sleep(1));
            }
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncTaskGroupWithoutAwait, src, "TaskGroup group =");
  }

  @Test
  void varTaskGroupWithoutAwaitIsRejected() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            try (var tg = createTaskGroup()) {
              await(sleep(1));
            }
            return done();
          }
        }
        """);
    assertRejected(compile(src), Diag.AsyncTaskGroupWithoutAwait, src, "var tg =");
  }

  // ---- AsyncMissingType ---------------------------------------------------------------------------

  /**
   * A type in the signature that never appears: javac reports its own "cannot find symbol" and the
   * processor, which deferred the class to a later round, reports the class once at the last round.
   */
  @Test
  void missingTypeInSignatureIsReportedOnce() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m(NeverGenerated x) {
            return done();
          }
        }
        """);
    Compilation c = compile(src);
    assertRejected(c, Diag.AsyncMissingType, src, "public class A", 2);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(src).onLineContaining("NeverGenerated x");
    assertThat(c).hadErrorContaining("NeverGenerated");
  }

  /**
   * A missing type inside the body only: javac skips attribution once a processor reported an error,
   * so the processor's [AsyncMissingType] is the only error, and it names the missing expression.
   */
  @Test
  void missingTypeInBodyIsReportedOnceByJavacAtTheUsersLine() {
    JavaFileObject src = source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            var x = NeverGenerated.make();
            await(sleep(1));
            System.out.println(x);
            return done();
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("NeverGenerated").inFile(src).onLineContaining("NeverGenerated.make()");
    assertThat(c).hadErrorCount(1); // javac's own error at the user's line, not a second one of ours
  }

  // ---- AsyncUnsupportedEnvironment (wrapped ProcessingEnvironment) --------------------------------

  /** Runs AsyncProcessor with the environment javac gives, wrapped by {@code wrap}. */
  static final class Wrapping extends AbstractProcessor {
    private final AsyncProcessor inner = new AsyncProcessor();
    private final Function<ProcessingEnvironment, ProcessingEnvironment> wrap;

    Wrapping(Function<ProcessingEnvironment, ProcessingEnvironment> wrap) {
      this.wrap = wrap;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return inner.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return inner.getSupportedSourceVersion();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
      super.init(env);
      inner.init(wrap.apply(env));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return inner.process(annotations, round);
    }
  }

  static Object forward(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A build tool's wrapper that keeps javac's environment in a field, as IntelliJ's does. */
  static class HoldingHandler implements InvocationHandler {
    private final ProcessingEnvironment delegate;

    HoldingHandler(ProcessingEnvironment delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      return forward(delegate, method, args);
    }
  }

  /** A wrapper whose handler has no field holding an environment: the real one cannot be found. */
  static final class HidingHandler implements InvocationHandler {
    private final Supplier<ProcessingEnvironment> delegate;

    HidingHandler(Supplier<ProcessingEnvironment> delegate) {
      this.delegate = delegate;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      return forward(delegate.get(), method, args);
    }
  }

  static ProcessingEnvironment proxy(InvocationHandler h) {
    return (ProcessingEnvironment) Proxy.newProxyInstance(DiagnosticsTest.class.getClassLoader(),
        new Class<?>[] {ProcessingEnvironment.class}, h);
  }

  private static final String VALID_ASYNC = """
      public class A {
        @Async
        public Coroutine<Integer> m() {
          await(sleep(1));
          return done(1);
        }
      }
      """;

  @Test
  void wrappedEnvironmentHoldingJavacsIsUnwrapped() {
    JavaFileObject src = source("A", VALID_ASYNC);
    Compilation c = Compiler.javac().withProcessors(new Wrapping(env -> proxy(new HoldingHandler(env))))
        .compile(src);
    assertAccepted(c);
    assertThat(c).generatedSourceFile("p.AsyncA").isNotNull();
  }

  @Test
  void wrappedEnvironmentThatCannotBeUnwrappedIsOneClearError() {
    JavaFileObject src = source("A", VALID_ASYNC);
    Compilation c = Compiler.javac()
        .withProcessors(new Wrapping(env -> proxy(new HidingHandler(() -> env))))
        .compile(src);
    assertRejected(c, Diag.AsyncUnsupportedEnvironment, src, "public class A");
  }

  // ---- AsyncInternalError -------------------------------------------------------------------------

  /**
   * No user source triggers an internal error (that would be a processor bug with its own fix), so
   * this drives the real catch-all through a failing {@link Filer}: the exception becomes one tagged
   * error on the method, with the cause in the message, and never reaches javac.
   */
  @Test
  void exceptionWhileGeneratingIsOneInternalErrorOnTheMethod() {
    JavaFileObject src = source("A", VALID_ASYNC);
    Compilation c = Compiler.javac().withProcessors(new Wrapping(env -> proxy(new HoldingHandler(env) {
      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("getFiler")) {
          return failingFiler(env.getFiler());
        }
        return super.invoke(proxy, method, args);
      }
    }))).compile(src);
    assertRejected(c, Diag.AsyncInternalError, src, "Coroutine<Integer> m()");
    assertThat(c).hadErrorContaining("A.m");
    assertThat(c).hadErrorContaining("disk full");
    assertThat(c).hadErrorContaining("please report it");
  }

  private static Filer failingFiler(Filer real) {
    return (Filer) Proxy.newProxyInstance(DiagnosticsTest.class.getClassLoader(), new Class<?>[] {Filer.class},
        (proxy, method, args) -> {
          if (method.getName().equals("createSourceFile")) {
            throw new IOException("disk full");
          }
          return forward(real, method, args);
        });
  }

  @Test
  void internalErrorMessageNamesTheMethodAndTheCause() {
    String message = Diag.AsyncInternalError.format("A.m", "java.lang.IllegalStateException: boom");
    assertThat(message).startsWith("[AsyncInternalError] ");
    assertThat(message).contains("'A.m'");
    assertThat(message).contains("please report it");
    assertThat(message).endsWith("java.lang.IllegalStateException: boom");
  }

  // ---- Near misses that must compile without any diagnostic ---------------------------------------

  @Test
  void lambdaWithoutAwaitIsAccepted() {
    assertAccepted(compile(source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            Runnable r = () -> System.out.println("x");
            await(sleep(1));
            r.run();
            return done();
          }
        }
        """)));
  }

  @Test
  void asyncForAndAsyncTryAreAccepted() {
    assertAccepted(compile(source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            MemoryObjectStream<String> s = createMemoryObjectStream(1);
            try (@Await TaskGroup tg = createTaskGroup()) {
              for (@Await String item : s.receiveStream()) {
                System.out.println(item);
              }
            }
            return done();
          }
        }
        """)));
  }

  @Test
  void cancelScopeWithoutAwaitIsAccepted() {
    assertAccepted(compile(source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            try (CancelScope scope = moveOnAfter(1.0)) {
              await(sleep(2));
            }
            return done();
          }
        }
        """)));
  }

  @Test
  void anonymousClassOwnPrivateMembersAreAccepted() {
    assertAccepted(compile(source("A", """
        public class A {
          @Async
          public Coroutine<Void> m() {
            Runnable r = new Runnable() {
              private int count;
              private void bump() {
                count++;
              }
              public void run() {
                bump();
              }
            };
            await(sleep(1));
            r.run();
            return done();
          }
        }
        """)));
  }

  @Test
  void localShadowingPrivateFieldIsAccepted() {
    assertAccepted(compile(source("A", """
        public class A {
          private int count;
          @Async
          public Coroutine<Integer> m() {
            int count = 2;
            await(sleep(1));
            return done(count);
          }
        }
        """)));
  }

  @Test
  void privateMembersUsedOutsideAsyncBodiesAreAccepted() {
    assertAccepted(compile(source("A", """
        public class A {
          private int count;
          private static class Helper {
          }
          private void bump() {
            count++;
            new Helper();
          }
          int get() {
            bump();
            return count;
          }
          @Async
          public Coroutine<Integer> m() {
            await(sleep(1));
            return done(get());
          }
        }
        """)));
  }

  @Test
  void staticAsyncMethodInClassNestedInInterfaceIsAccepted() {
    assertAccepted(compile(source("I", """
        public interface I {
          class Impl {
            @Async
            public static Coroutine<Void> m() {
              await(sleep(1));
              return done();
            }
          }
        }
        """)));
  }

  @Test
  void ownMethodNamedAwaitIsNotASwitchPoint() {
    assertAccepted(compile(source("A", """
        public class A {
          static int await(int x) {
            return x;
          }
          int plain() {
            return await(3);
          }
        }
        """)));
  }
}
