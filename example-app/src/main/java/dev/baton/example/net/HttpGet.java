package dev.baton.example.net;

import static dev.baton.Baton.await;
import static dev.baton.Baton.done;
import static dev.baton.Baton.failAfter;
import static dev.baton.Baton.fromFuture;

import dev.baton.CancelScope;
import dev.baton.Coroutine;
import dev.baton.annotations.Async;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Fetches a URL with the JDK's {@link HttpClient}, awaiting its {@code CompletableFuture} on the
 * loop: {@code java -jar baton-example-app.jar http-get http://example.com/}. Prints the status
 * line and the body; gives up after 30 seconds (cancelling the request).
 */
public class HttpGet {
  final PrintStream out;
  final HttpClient client;

  public HttpGet(PrintStream out, HttpClient client) {
    this.out = out;
    this.client = client;
  }

  /** Fetches {@code url}; returns the status code. */
  @Async
  public Coroutine<Integer> main(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).GET().build();
    HttpResponse<String> response;
    try (CancelScope timeout = failAfter(30)) {
      response = await(fromFuture(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())));
    }
    out.println("HTTP " + response.statusCode() + " " + url);
    out.print(response.body());
    out.flush();
    return done(response.statusCode());
  }
}
