package dev.baton.example.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.Baton;
import dev.baton.Clock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's example is this module's {@code readme/PingPong.java}, quoted verbatim, and it works. */
class ReadmeTest {
  static final Path SOURCE = Path.of("src/main/java/dev/baton/example/readme/PingPong.java");
  static final Path README = Path.of("../README.md");

  @Test
  void theReadmeQuotesTheCompiledExampleVerbatim() throws IOException {
    Matcher m = Pattern.compile("// snippet:readme\n(.*?)// end:readme\n", Pattern.DOTALL)
        .matcher(Files.readString(SOURCE));
    assertTrue(m.find(), "no snippet markers in " + SOURCE);
    String quote = "```java\n" + m.group(1) + "```";
    assertTrue(Files.readString(README).contains(quote), "README.md does not quote " + SOURCE + " verbatim:\n" + quote);
  }

  @Test
  void everyPingReachesPongAndTheProgramEnds() {
    PrintStream stdout = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      assertEquals(null, Baton.run(new AsyncPingPong().main(), Clock.virtual()));
    } finally {
      System.setOut(stdout);
    }
    // The sleeps are random, so the order is; every ping arrives exactly once.
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().sorted().toList();
    assertEquals(List.of("ping from num=0", "ping from num=1", "ping from num=2", "ping from num=3",
        "ping from num=4"), lines);
  }
}
