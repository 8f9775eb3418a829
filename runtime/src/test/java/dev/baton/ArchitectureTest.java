package dev.baton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the sources: the core depends on nothing
 * else of Baton's; the protocol on the core and on the API's {@code Awaitable}, {@code Coroutine}
 * and {@code Baton}; the API on the core and on the protocol's two marker interfaces only. And no
 * public type of the API shows a public protocol ({@code $}) method.
 */
class ArchitectureTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/baton");
  /** A reference to a Baton type by its qualified name, in an import or in code. */
  private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.baton\\.((?:[a-z]+\\.)*)([A-Z]\\w*)");

  @Test
  void coreDependsOnNothingElseOfBatons() {
    assertEquals(Set.of(), referencesOutside("core", Set.of("core.")));
  }

  @Test
  void protocolDependsOnTheCoreAndTheApisAwaitableCoroutineAndBaton() {
    assertEquals(Set.of(), referencesOutside("lowlevel", Set.of("core.", "lowlevel.", "Awaitable", "Coroutine", "Baton")));
  }

  @Test
  void apiDependsOnTheCoreAndOnlyTheProtocolsMarkerInterfaces() {
    assertEquals(Set.of(), referencesOutside("", Set.of("core.", "lowlevel.AsyncCloseable", "lowlevel.AsyncIterable", "annotations.")));
  }

  @Test
  void noPublicApiTypeHasAPublicProtocolMethod() throws ClassNotFoundException {
    List<String> found = new ArrayList<>();
    for (String name : classesOf("")) {
      Class<?> c = Class.forName("dev.baton." + name);
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      for (Method m : c.getMethods()) {
        if (m.getName().startsWith("$")) {
          found.add(name + "." + m.getName());
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theCheckSeesTheSources() {
    assertFalse(classesOf("core").isEmpty(), "run from the runtime module: " + SOURCES.toAbsolutePath());
  }

  /**
   * The Baton types that sources of {@code pkg} ("" for the API) name outside their package and
   * outside {@code allowed} (prefixes of names relative to {@code dev.baton.}), comments excluded.
   */
  private static Set<String> referencesOutside(String pkg, Set<String> allowed) {
    Set<String> bad = new TreeSet<>();
    String own = pkg.isEmpty() ? "" : pkg + ".";
    for (Path file : sourcesOf(pkg)) {
      Matcher m = QUALIFIED.matcher(withoutComments(read(file)));
      while (m.find()) {
        String ref = m.group(1) + m.group(2);
        boolean ok = m.group(1).equals(own) || allowed.stream().anyMatch(ref::startsWith);
        if (!ok) {
          bad.add(file.getFileName() + " -> dev.baton." + ref);
        }
      }
    }
    return bad;
  }

  private static List<String> classesOf(String pkg) {
    return sourcesOf(pkg).stream()
        .map(p -> p.getFileName().toString().replace(".java", ""))
        .filter(n -> !n.equals("package-info"))
        .toList();
  }

  private static List<Path> sourcesOf(String pkg) {
    Path dir = pkg.isEmpty() ? SOURCES : SOURCES.resolve(pkg);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
  }
}
