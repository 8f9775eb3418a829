package dev.baton.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.baton.processor.AsyncProcessor;
import dev.baton.processor.Diag;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps {@link Diag}, its tests and its documentation in step (javac's {@code CheckExamples}):
 *
 * <ul>
 *   <li>every {@code bad/*.java} resource starts with {@code // expect: AsyncTag} lines, and compiling it
 *       reports exactly that set of tags (a {@code // requires: 21} line: on that JDK or later);</li>
 *   <li>every tag is expected by some {@code bad/} file, except the ones no source alone can trigger
 *       ({@link #HARNESS_ONLY}, tested with a wrapped environment in {@link DiagnosticsTest});</li>
 *   <li>every tag has a test in {@link DiagnosticsTest} (it names {@code Diag.Tag});</li>
 *   <li>{@code docs/diagnostics.md} has a {@code ## Tag} section for every tag, and for no other.</li>
 * </ul>
 */
class DiagnosticsCoverageTest {
  /** Tags that need a build environment, not a source, to appear. */
  static final Set<Diag> HARNESS_ONLY = Set.of(Diag.AsyncUnsupportedEnvironment, Diag.AsyncInternalError);

  private static final Pattern EXPECT = Pattern.compile("^// expect: (\\w+)\\s*$", Pattern.MULTILINE);
  private static final Pattern TAG = Pattern.compile("\\[(Async\\w+)\\]");

  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  static List<Path> badFiles() throws IOException, URISyntaxException {
    Path dir = Path.of(DiagnosticsCoverageTest.class.getResource("/bad").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
  }

  static Set<String> expected(String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = EXPECT.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void badFileReportsExactlyTheExpectedTags(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Set<String> expected = expected(text);
    assertWithMessage("%s declares no '// expect: AsyncTag' line", file.getFileName()).that(expected).isNotEmpty();
    Matcher requires = Pattern.compile("^// requires: (\\d+)\\s*$", Pattern.MULTILINE).matcher(text);
    assumeTrue(!requires.find() || Runtime.version().feature() >= Integer.parseInt(requires.group(1)),
        file.getFileName() + " needs a newer JDK");
    String name = file.getFileName().toString().replace(".java", "");
    Compilation c = Compiler.javac().withProcessors(new AsyncProcessor())
        .compile(JavaFileObjects.forSourceString("bad." + name, text));
    Set<String> actual = new TreeSet<>();
    List<Diagnostic<?>> reported = new ArrayList<>(c.errors());
    reported.addAll(c.warnings());
    for (Diagnostic<?> d : reported) {
      Matcher m = TAG.matcher(d.getMessage(null));
      if (m.find()) {
        actual.add(m.group(1));
      }
    }
    assertWithMessage("tags reported for %s (errors: %s)", file.getFileName(), c.errors())
        .that(actual).isEqualTo(expected);
  }

  @Test
  void everyTagIsExpectedBySomeBadFile() throws IOException, URISyntaxException {
    Set<String> covered = new TreeSet<>();
    for (Path f : badFiles()) {
      covered.addAll(expected(Files.readString(f, StandardCharsets.UTF_8)));
    }
    List<String> missing = new ArrayList<>();
    for (Diag d : Diag.values()) {
      if (!HARNESS_ONLY.contains(d) && !covered.contains(d.name())) {
        missing.add(d.name());
      }
    }
    assertWithMessage("tags with no bad/<Tag>.java file").that(missing).isEmpty();
    Set<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(Arrays.stream(Diag.values()).map(Diag::name).collect(Collectors.toSet()));
    assertWithMessage("'// expect:' lines naming no Diag value").that(unknown).isEmpty();
  }

  @Test
  void everyTagHasANamedTestInDiagnosticsTest() throws IOException {
    String source = Files.readString(
        moduleDir().resolve("src/test/java/dev/baton/processor/diagnostics/DiagnosticsTest.java"));
    List<String> missing = new ArrayList<>();
    for (Diag d : Diag.values()) {
      if (!Pattern.compile("\\bDiag\\." + d.name() + "\\b").matcher(source).find()) {
        missing.add(d.name());
      }
    }
    assertWithMessage("tags DiagnosticsTest never asserts").that(missing).isEmpty();
  }

  @Test
  void everyTagIsDocumented() throws IOException {
    String doc = Files.readString(moduleDir().resolve("../docs/diagnostics.md").normalize());
    Set<String> sections = new TreeSet<>();
    Matcher m = Pattern.compile("^## (Async\\w+)\\s*$", Pattern.MULTILINE).matcher(doc);
    while (m.find()) {
      sections.add(m.group(1));
    }
    Set<String> tags = Arrays.stream(Diag.values()).map(Diag::name).collect(Collectors.toCollection(TreeSet::new));
    assertWithMessage("'## Tag' sections of docs/diagnostics.md").that(sections).isEqualTo(tags);
  }

  /** {@code [Tag] Rule; specifics. What to do instead}: a tag, then more than one sentence part. */
  @Test
  void everyMessageHasTheTagRuleAndRemedyForm() {
    for (Diag d : Diag.values()) {
      Object[] args = new Object[8];
      Arrays.fill(args, "X");
      String message = d.format(args);
      assertWithMessage("%s", d).that(message).startsWith(d.tag() + " ");
      assertWithMessage("%s has a rule and specifics or a remedy", d).that(
          message.contains("; ") || message.contains(". ")).isTrue();
      assertWithMessage("%s", d).that(message).doesNotMatch("(?s).*\\.\\s*$");
    }
  }
}
