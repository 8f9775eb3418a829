package dev.baton.example.net;

import dev.baton.Baton;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The networking programs of the example app, each run on the system clock until it ends (a server:
 * until the process is stopped):
 * <pre>
 *   echo-server --port N                 echo every byte on 127.0.0.1:N
 *   chat-server --port N                 a line-based chat room on 127.0.0.1:N
 *   chat-client --port N [--host H]      join the room; lines typed are sent, lines said are printed
 *   http-get URL                         fetch a URL with java.net.http.HttpClient
 * </pre>
 */
public final class NetCommands {
  /** The command names, with their usage lines. */
  public static final Map<String, String> USAGE = Map.of(
      "echo-server", "echo-server --port N             serve 127.0.0.1:N, echoing every byte back",
      "chat-server", "chat-server --port N             a line-based chat room on 127.0.0.1:N",
      "chat-client", "chat-client --port N [--host H]  join a chat room (standard input -> room -> standard output)",
      "http-get", "http-get URL                     fetch URL with java.net.http.HttpClient, awaited on the loop");

  private NetCommands() {}

  /** Whether {@code name} is one of these commands. */
  public static boolean handles(String name) {
    return USAGE.containsKey(name);
  }

  /** Runs the command {@code args[0]}; returns the exit status. */
  public static int cli(String[] args, PrintStream out, PrintStream err, InputStream in) {
    String name = args[0];
    Options o;
    try {
      o = Options.parse(List.of(args).subList(1, args.length));
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      err.println("usage: " + USAGE.get(name));
      return 2;
    }
    Function<Options, Integer> command = switch (name) {
      case "echo-server" -> opts -> {
        Baton.run(new AsyncEchoServer(out).main(opts.port(7000)));
        return 0;
      };
      case "chat-server" -> opts -> {
        Baton.run(new AsyncChatServer(out).main(opts.port(7001)));
        return 0;
      };
      case "chat-client" -> opts -> {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Baton.run(new AsyncChatClient(reader, out).main(opts.host("127.0.0.1"), opts.port(7001)));
        return 0;
      };
      case "http-get" -> opts -> {
        if (opts.positional().size() != 1) {
          err.println("usage: " + USAGE.get(name));
          return 2;
        }
        int status = Baton.run(new AsyncHttpGet(out, HttpClient.newHttpClient()).main(opts.positional().get(0)));
        return status < 400 ? 0 : 1;
      };
      default -> throw new IllegalArgumentException(name);
    };
    try {
      return command.apply(o);
    } catch (UncheckedIOException | CompletionException e) {
      err.println(name + ": " + (e.getCause() != null ? e.getCause() : e));
      return 1;
    }
  }

  /** {@code --port N}, {@code --host H}, and positional arguments. */
  record Options(Integer port, String host, List<String> positional) {
    int port(int otherwise) {
      return port != null ? port : otherwise;
    }

    String host(String otherwise) {
      return host != null ? host : otherwise;
    }

    static Options parse(List<String> args) {
      Integer port = null;
      String host = null;
      List<String> positional = new java.util.ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        String a = args.get(i);
        if (a.equals("--port") || a.equals("--host")) {
          if (i + 1 == args.size()) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          String v = args.get(++i);
          if (a.equals("--port")) {
            try {
              port = Integer.parseInt(v);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--port needs a number: " + v);
            }
            if (port < 0 || port > 65535) {
              throw new IllegalArgumentException("--port out of range 0..65535: " + port);
            }
          } else {
            host = v;
          }
        } else {
          positional.add(a);
        }
      }
      return new Options(port, host, positional);
    }
  }
}
