package dev.baton.bench;

import static dev.baton.Baton.await;
import static dev.baton.Baton.done;

import dev.baton.BrokenResourceException;
import dev.baton.Coroutine;
import dev.baton.SocketStream;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;

/** The Baton side of {@link EchoLoad}: the example app's echo handler, as a user writes it. */
public class BatonEchoServer {
  @Async
  public Coroutine<Void> echo(SocketStream stream) {
    try {
      for (@Await byte[] chunk : stream) {
        await(stream.send(chunk));
      }
    } catch (BrokenResourceException e) {
      // the client went away
    }
    return done();
  }
}
