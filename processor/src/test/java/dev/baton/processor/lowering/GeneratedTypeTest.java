package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.AsyncProcessor;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * javac-notes: a body that uses, through {@code var}, a type another processor generates in the same
 * build. The Baton processor must neither attribute the body in place (javac would crash later) nor
 * give up: it defers the class to the round where the type exists.
 */
public class GeneratedTypeTest {
  /**
   * Generates {@code gen.Made} in its first round, the way Dagger or AutoValue would: for a class
   * annotated with its own annotation. (The Baton processor claims @Async and @Await, so a processor
   * that supports "*" is not called for a round in which they are the only annotations.)
   */
  public static final class MakerProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of(Make.class.getName());
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer w = processingEnv.getFiler().createSourceFile("gen.Made").openWriter()) {
        w.write("package gen;\npublic final class Made {\n  public static Made make() { return new Made(); }\n"
            + "  public int value() { return 42; }\n}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  private static final String SOURCE = """
      package use;
      import static dev.baton.Baton.*;
      import dev.baton.Coroutine;
      import dev.baton.annotations.Async;
      import gen.Made;
      @dev.baton.processor.lowering.Make
      public class User {
        @Async
        public Coroutine<Integer> value() {
          var made = Made.make();
          await(checkpoint());
          var again = made;
          await(checkpoint());
          return done(again.value() + made.value());
        }
        public static Object go() {
          return run(new AsyncUser().value());
        }
      }
      """;

  @Test
  void varOfATypeGeneratedInALaterRoundIsTypedOnceItExists() throws Exception {
    for (boolean makerFirst : new boolean[] {true, false}) {
      Compilation c = Compiler.javac()
          .withProcessors(makerFirst ? new MakerProcessor() : new AsyncProcessor(),
              makerFirst ? new AsyncProcessor() : new MakerProcessor())
          .compile(JavaFileObjects.forSourceString("use.User", SOURCE));
      assertEquals(Compilation.Status.SUCCESS, c.status(), c.errors().toString());
      Object r = Differential.loader(c).loadClass("use.User").getMethod("go").invoke(null);
      assertEquals(84, r);
    }
  }
}
