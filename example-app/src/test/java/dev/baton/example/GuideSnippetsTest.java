package dev.baton.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guide quotes compiled code: every snippet of the samples classes ({@code GuideSamples.java},
 * {@code GuideStreamSamples.java}, and the tests of {@code GuideTestingSamplesTest.java}) appears verbatim in docs/guide.md, and every Java block of the
 * guide is one of them.
 */
class GuideSnippetsTest {
  static final List<Path> SAMPLES = List.of(
      Path.of("src/main/java/dev/baton/example/GuideSamples.java"),
      Path.of("src/main/java/dev/baton/example/GuideStreamSamples.java"),
      Path.of("src/main/java/dev/baton/example/GuideDebugSamples.java"),
      Path.of("src/test/java/dev/baton/example/GuideTestingSamplesTest.java"));
  static final Path GUIDE = Path.of("../docs/guide.md");

  static Map<String, String> snippets() throws IOException {
    StringBuilder src = new StringBuilder();
    for (Path file : SAMPLES) {
      src.append(Files.readString(file));
    }
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("  // snippet:(\\S+)\\n(.*?)  // end:\\1\\n", Pattern.DOTALL).matcher(src);
    while (m.find()) {
      if (out.containsKey(m.group(1))) {
        throw new AssertionError("two snippets are named " + m.group(1));
      }
      StringBuilder body = new StringBuilder();
      for (String line : m.group(2).split("\n", -1)) {
        body.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
      }
      out.put(m.group(1), body.toString().stripTrailing());
    }
    return out;
  }

  @Test
  void everySampleIsQuotedVerbatimInTheGuide() throws IOException {
    String guide = Files.readString(GUIDE);
    Map<String, String> snippets = snippets();
    assertFalse(snippets.isEmpty(), "no snippets found in " + SAMPLES);
    for (Map.Entry<String, String> e : snippets.entrySet()) {
      assertTrue(guide.contains("```java\n" + e.getValue() + "\n```"),
          "docs/guide.md does not quote snippet '" + e.getKey() + "' of the samples verbatim");
    }
  }

  @Test
  void everyJavaBlockOfTheGuideIsACompiledSnippet() throws IOException {
    Matcher block = Pattern.compile("```java\n(.*?)\n```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
    int blocks = 0;
    while (block.find()) {
      blocks++;
      assertTrue(snippets().containsValue(block.group(1)),
          "this Java block of docs/guide.md is not a snippet of the samples:\n" + block.group(1));
    }
    assertTrue(blocks >= snippets().size(), "only " + blocks + " Java blocks in docs/guide.md");
  }
}
