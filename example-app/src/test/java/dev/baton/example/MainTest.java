package dev.baton.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line: one entry point that lists the programs and runs one by name, ping/pong by default. */
class MainTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int cli(String... args) {
    return Main.cli(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  static final List<String> LIST = List.of(
      "Baton demos: java -jar baton-example-app.jar [name] [--virtual] [--seed N]",
      "  pingpong   five pings and a pong over one memory object stream (the default)",
      "  taskgroup  a task group waits for five sleeping tasks",
      "  pipeline   a bounded producer -> workers -> collector pipeline",
      "  timeouts   moveOnAfter and failAfter",
      "  failing    a failing child cancels its siblings; the group throws an ExceptionGroup",
      "  start      start() returns a value once a service is ready",
      "Networking: java -jar baton-example-app.jar <command> [options]",
      "  chat-client --port N [--host H]  join a chat room (standard input -> room -> standard output)",
      "  chat-server --port N             a line-based chat room on 127.0.0.1:N",
      "  echo-server --port N             serve 127.0.0.1:N, echoing every byte back",
      "  http-get URL                     fetch URL with java.net.http.HttpClient, awaited on the loop");

  /** Output lines without their timestamps (the command line stamps them from the wall clock). */
  static List<String> texts(ByteArrayOutputStream bytes) {
    List<String> texts = new ArrayList<>();
    for (String line : DemoOutput.lines(bytes)) {
      int stamp = line.indexOf(":: ");
      texts.add(stamp < 0 ? line : line.substring(stamp + 3));
    }
    return texts;
  }

  @Test
  void listPrintsEveryProgram() {
    assertEquals(0, cli("list"));
    assertEquals(LIST, DemoOutput.lines(out));
  }

  @Test
  void withoutANameItRunsPingPong() {
    assertEquals(0, cli("--virtual", "--seed", "42"));
    List<String> expected = new ArrayList<>(texts(lines(DemoOutput.run("pingpong", 42).lines())));
    expected.add("result: null");
    assertEquals(expected, texts(out));
  }

  @Test
  void runsAProgramByName() {
    assertEquals(0, cli("failing", "--virtual"));
    List<String> expected = new ArrayList<>(texts(lines(DemoOutput.run("failing", 1).lines())));
    expected.add("result: 1");
    assertEquals(expected, texts(out));
  }

  @Test
  void anUnknownNameFailsWithTheList() {
    assertEquals(2, cli("nosuchdemo"));
    List<String> expected = new ArrayList<>();
    expected.add("no demo named 'nosuchdemo'");
    expected.addAll(LIST);
    assertEquals(expected, DemoOutput.lines(err));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  static ByteArrayOutputStream lines(List<String> lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    return bytes;
  }
}
