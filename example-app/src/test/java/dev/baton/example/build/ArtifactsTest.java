package dev.baton.example.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the published jars carry for build tools: JPMS names, Gradle's incremental-processing
 * metadata, and a JPMS module that requires the runtime and compiles {@code @Async} code with the
 * processor on the processor path. The reactor hands these tests the modules' jars when it runs
 * {@code mvn verify} (or {@code package}); under {@code mvn test} they are folders, and these tests
 * are skipped.
 */
class ArtifactsTest {
  /** The jar {@code type} was loaded from. */
  static Path jarOf(Class<?> type) {
    try {
      Path p = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      assumeTrue(p.toString().endsWith(".jar"), type.getName() + " comes from " + p + ", not a jar: run mvn verify");
      return p;
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static String read(JarFile jar, String entry) throws IOException {
    assertNotNull(jar.getEntry(entry), jar.getName() + " has no " + entry);
    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyPublishedJarNamesItsModule() throws IOException {
    for (Object[] m : new Object[][] {
        {dev.baton.annotations.Async.class, "dev.baton.annotations"},
        {dev.baton.Baton.class, "dev.baton"},
        {dev.baton.processor.AsyncProcessor.class, "dev.baton.processor"},
        {dev.baton.junit.BatonTest.class, "dev.baton.junit"}}) {
      try (JarFile jar = new JarFile(jarOf((Class<?>) m[0]).toFile())) {
        assertEquals(m[1], jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"), jar.getName());
      }
    }
  }

  @Test
  void everyPublishedJarHasItsSourcesAndJavadocBesideIt() throws IOException {
    for (Class<?> c : List.of(dev.baton.annotations.Async.class, dev.baton.Baton.class,
        dev.baton.processor.AsyncProcessor.class, dev.baton.junit.BatonTest.class)) {
      Path jar = jarOf(c);
      assumeTrue(jar.getParent().getFileName().toString().equals("target"), jar + " is not a module's build output");
      String base = jar.getFileName().toString().replaceAll("\\.jar$", "");
      String path = c.getName().replace('.', '/');
      try (JarFile sources = new JarFile(jar.resolveSibling(base + "-sources.jar").toFile());
          JarFile javadoc = new JarFile(jar.resolveSibling(base + "-javadoc.jar").toFile())) {
        assertNotNull(sources.getEntry(path + ".java"), sources.getName());
        // javadoc lays the pages out by module (the Automatic-Module-Name) when it knows one
        assertTrue(javadoc.stream().anyMatch(e -> e.getName().equals(path + ".html") || e.getName().endsWith("/" + path + ".html")),
            javadoc.getName() + " has no page for " + c.getName());
      }
    }
  }

  @Test
  void theProcessorJarDeclaresItselfAggregatingToGradle() throws Exception {
    try (JarFile jar = new JarFile(jarOf(dev.baton.processor.AsyncProcessor.class).toFile())) {
      List<String> lines = read(jar, "META-INF/gradle/incremental.annotation.processors").lines().toList();
      assertEquals(List.of("dev.baton.processor.AsyncProcessor,aggregating"), lines);
      String processor = lines.get(0).split(",")[0];
      // the same class the service file registers, in this jar, and a Processor
      assertEquals(processor, read(jar, "META-INF/services/javax.annotation.processing.Processor").strip());
      assertNotNull(jar.getEntry(processor.replace('.', '/') + ".class"));
      assertTrue(Processor.class.isAssignableFrom(Class.forName(processor)));
    }
  }

  private static final String MAIN = """
      package app;

      import static dev.baton.Baton.*;

      import dev.baton.Baton;
      import dev.baton.Clock;
      import dev.baton.Coroutine;
      import dev.baton.annotations.Async;

      public class Main {
        @Async
        public Coroutine<String> greet(String name) {
          await(sleep(60));
          return done("hello " + name + " at " + currentTime());
        }

        public static void main(String[] args) {
          System.out.println(Baton.run(new AsyncMain().greet("module"), Clock.virtual()));
        }
      }
      """;

  /** Compiles module {@code app} (its module-info being {@code moduleInfo}); javac's output, and whether it succeeded. */
  static boolean compileModule(Path dir, String moduleInfo, StringWriter out) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("app"));
    Files.writeString(src.resolve("module-info.java"), moduleInfo);
    Files.writeString(src.resolve("app/Main.java"), MAIN);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> options = List.of("--release", "17", "-d", dir.resolve("classes").toString(),
        "-s", Files.createDirectories(dir.resolve("generated")).toString(),
        "--module-path", modulePath(),
        "--processor-path", jarOf(dev.baton.processor.AsyncProcessor.class) + java.io.File.pathSeparator
            + jarOf(com.palantir.javapoet.JavaFile.class),
        src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString());
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int status = javac.run(null, messages, messages, options.toArray(String[]::new));
    out.write(messages.toString(StandardCharsets.UTF_8));
    return status == 0;
  }

  static String modulePath() {
    return jarOf(dev.baton.Baton.class) + java.io.File.pathSeparator + jarOf(dev.baton.annotations.Async.class);
  }

  @Test
  void anotherCompilationUsesTheGeneratedClassUnderXlintAllWerror(@TempDir Path dir) throws Exception {
    // as a project's tests use its main classes: AsyncMain read from a class file must not be an
    // "auxiliary class" (a top-level class whose SourceFile names another file), which
    // -Xlint:auxiliaryclass reports wherever another file uses it
    Path src = Files.createDirectories(dir.resolve("src/app"));
    Files.writeString(src.resolve("Main.java"), MAIN);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String cp = modulePath();
    List<String> first = List.of("--release", "17", "-d", classes.toString(),
        "-s", Files.createDirectories(dir.resolve("generated")).toString(), "-cp", cp,
        "--processor-path", jarOf(dev.baton.processor.AsyncProcessor.class) + java.io.File.pathSeparator
            + jarOf(com.palantir.javapoet.JavaFile.class), src.resolve("Main.java").toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    assertEquals(0, javac.run(null, messages, messages, first.toArray(String[]::new)), messages.toString());
    Path test = Files.createDirectories(dir.resolve("test/app"));
    Files.writeString(test.resolve("MainTest.java"), """
        package app;

        class MainTest {
          Object greeting() {
            return new AsyncMain().greet("test");
          }
        }
        """);
    List<String> second = List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
        "-d", Files.createDirectories(dir.resolve("test-classes")).toString(),
        "-cp", classes + java.io.File.pathSeparator + cp, test.resolve("MainTest.java").toString());
    messages.reset();
    assertEquals(0, javac.run(null, messages, messages, second.toArray(String[]::new)), messages.toString());
  }

  @Test
  void aModuleThatRequiresTheRuntimeCompilesAndRunsAsyncCode(@TempDir Path dir) throws Exception {
    StringWriter javacOut = new StringWriter();
    boolean ok = compileModule(dir, "module app { requires dev.baton; requires static java.compiler; }", javacOut);
    assertTrue(ok, javacOut.toString());
    assertTrue(Files.exists(dir.resolve("generated/app/AsyncMain.java")));
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", dir.resolve("classes") + java.io.File.pathSeparator + modulePath(), "-m", "app/app.Main")
        .redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    p.getInputStream().transferTo(output);
    assertEquals(0, p.waitFor(), output.toString(StandardCharsets.UTF_8));
    assertEquals("hello module at 60.0", output.toString(StandardCharsets.UTF_8).strip());
  }

  @Test
  void withoutJavaCompilerTheGeneratedAnnotationDoesNotCompile(@TempDir Path dir) throws Exception {
    // The generated classes carry @javax.annotation.processing.Generated (source retention), from
    // module java.compiler: a module must read it at compile time, hence the README's requires static.
    StringWriter javacOut = new StringWriter();
    boolean ok = compileModule(dir, "module app { requires dev.baton; }", javacOut);
    assertTrue(!ok && javacOut.toString().contains("javax.annotation.processing"), javacOut.toString());
  }
}
