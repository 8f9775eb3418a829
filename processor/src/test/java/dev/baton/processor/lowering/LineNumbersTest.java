package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.AsyncProcessor;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The user's line numbers in generated code (the {@code // File.java:line} comments and
 * {@code $info()}, which stack traces and dumps read) are the lines of the user's file.
 */
class LineNumbersTest {
  private static String generate(String source) throws IOException {
    Compilation c = Compiler.javac().withProcessors(new AsyncProcessor())
        .compile(JavaFileObjects.forSourceString("lines.Lines", source));
    assertEquals(Compilation.Status.SUCCESS, c.status(), c.errors().toString());
    return c.generatedSourceFile("lines.AsyncLines").orElseThrow().getCharContent(true).toString();
  }

  @Test
  void linesAfterMethodsWhoseBodiesTheAttributionBlanksAreTheUsersLines() throws IOException {
    // the attribution task blanks non-@Async bodies, and one that returns a value gets a filler:
    // the filler must not take the place of a line break, or every later line is off
    String generated = generate("""
        package lines;
        import static dev.baton.Baton.*;
        import dev.baton.Coroutine;
        import dev.baton.annotations.Async;
        public class Lines {
          int helper() {
            return 1;
          }
          static String other(
              int x) {
            return
                "" + x;
          }
          @Async
          public Coroutine<Integer> m() {
            await(sleep(0));
            return done(helper());
          }
        }
        """);
    assertTrue(generated.contains("|Lines.m (Lines.java:14)|"), generated);
    assertTrue(generated.contains("|1:16\""), generated); // the await resumes in state 1, at line 16
    assertTrue(generated.contains("// Lines.java:17\n"), generated);
  }
}
