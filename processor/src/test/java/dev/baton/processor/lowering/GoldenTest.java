package dev.baton.processor.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.AsyncProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One golden file shows what generated code looks like and catches unintended changes to it; the
 * behaviour itself is tested elsewhere. Regenerate with {@code -Dbaton.golden.update=true}.
 */
class GoldenTest {
  private static final Path DIR = Path.of("src/test/resources/golden");

  private static String generate() throws IOException {
    String source = Files.readString(DIR.resolve("Pump.java"));
    Compilation c = Compiler.javac().withProcessors(new AsyncProcessor())
        .compile(JavaFileObjects.forSourceString("golden.Pump", source));
    assertEquals(Compilation.Status.SUCCESS, c.status(), c.errors().toString());
    JavaFileObject generated = c.generatedSourceFile("golden.AsyncPump").orElseThrow();
    return generated.getCharContent(true).toString();
  }

  @Test
  void generatedCodeMatchesTheGoldenFile() throws IOException {
    String actual = generate();
    Path expected = DIR.resolve("AsyncPump.java.expected");
    if (Boolean.getBoolean("baton.golden.update") || !Files.exists(expected)) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(expected), actual, "regenerate with -Dbaton.golden.update=true if intended");
  }

  @Test
  void outputIsDeterministic() throws IOException {
    assertEquals(generate(), generate());
  }
}
