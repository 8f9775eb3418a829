package dev.baton.example;

import dev.baton.Baton;
import dev.baton.Clock;
import dev.baton.Coroutine;
import dev.baton.example.net.NetCommands;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * One entry point for every demo: {@code java -jar baton-example-app.jar [name] [--virtual] [--seed N]}.
 * With no name it runs ping/pong; {@code list} prints the programs. {@code --virtual} runs on a
 * virtual clock (no real waiting; timestamps are virtual).
 */
public final class Main {
  /** A demo: its description and how to make its main coroutine. */
  record Demo(String description, BiFunction<Console, Random, Coroutine<?>> main) {}

  static final Map<String, Demo> DEMOS = new LinkedHashMap<>();

  static {
    DEMOS.put("pingpong", new Demo("five pings and a pong over one memory object stream (the default)",
        (console, random) -> new AsyncPingPong(console, random).main()));
    DEMOS.put("taskgroup", new Demo("a task group waits for five sleeping tasks",
        (console, random) -> new AsyncTaskGroupDemo(console).main()));
    DEMOS.put("pipeline", new Demo("a bounded producer -> workers -> collector pipeline",
        (console, random) -> new AsyncPipeline(console).main()));
    DEMOS.put("timeouts", new Demo("moveOnAfter and failAfter",
        (console, random) -> new AsyncTimeouts(console).main()));
    DEMOS.put("failing", new Demo("a failing child cancels its siblings; the group throws an ExceptionGroup",
        (console, random) -> new AsyncFailingChild(console).main()));
    DEMOS.put("start", new Demo("start() returns a value once a service is ready",
        (console, random) -> new AsyncStartDemo(console).main()));
  }

  private Main() {}

  public static void main(String[] args) {
    int status = cli(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The command line: runs the demo {@code args} name (ping/pong by default); returns the exit status. */
  static int cli(String[] args, PrintStream out, PrintStream err) {
    if (args.length > 0 && NetCommands.handles(args[0])) {
      return NetCommands.cli(args, out, err, System.in);
    }
    String name = "pingpong";
    boolean virtual = false;
    Long seed = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--virtual":
          virtual = true;
          break;
        case "--seed":
          if (i + 1 == args.length) {
            err.println("--seed needs a number");
            return 2;
          }
          seed = Long.parseLong(args[++i]);
          break;
        default:
          name = args[i];
      }
    }
    if (name.equals("list") || name.equals("--help")) {
      list(out);
      return 0;
    }
    if (!DEMOS.containsKey(name)) {
      err.println("no demo named '" + name + "'");
      list(err);
      return 2;
    }
    Object result = run(name, out, virtual ? Clock.virtual() : Clock.system(),
        seed == null ? new Random() : new Random(seed), LocalDateTime.now());
    out.println("result: " + result);
    return 0;
  }

  /** Runs demo {@code name}, printing to {@code out}; returns the main coroutine's value. */
  public static Object run(String name, PrintStream out, Clock clock, Random random, LocalDateTime origin) {
    Demo demo = DEMOS.get(name);
    if (demo == null) {
      throw new IllegalArgumentException("no demo named '" + name + "'; try one of " + DEMOS.keySet());
    }
    Console console = new Console(out, origin, clock.now());
    return Baton.run(demo.main().apply(console, random), clock);
  }

  static void list(PrintStream out) {
    out.println("Baton demos: java -jar baton-example-app.jar [name] [--virtual] [--seed N]");
    for (Map.Entry<String, Demo> e : DEMOS.entrySet()) {
      out.printf("  %-10s %s%n", e.getKey(), e.getValue().description());
    }
    out.println("Networking: java -jar baton-example-app.jar <command> [options]");
    for (String usage : new java.util.TreeMap<>(NetCommands.USAGE).values()) {
      out.println("  " + usage);
    }
  }
}
