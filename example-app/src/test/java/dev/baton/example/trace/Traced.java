package dev.baton.example.trace;

import static dev.baton.Baton.await;
import static dev.baton.Baton.checkpoint;
import static dev.baton.Baton.done;
import static dev.baton.Baton.sleep;

import dev.baton.Coroutine;
import dev.baton.annotations.Async;

/**
 * Three coroutines awaiting each other, the innermost failing after an await: the subject of
 * {@link AsyncStackTraceTest}. The lines marked {@code // at:NAME} are what the test looks for.
 */
public class Traced {
  @Async
  public Coroutine<Integer> outer() {
    await(checkpoint());
    int v = await(middle(2)); // at:outer
    return done(v + 1);
  }

  @Async
  public Coroutine<Integer> middle(int n) {
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += await(inner(i)); // at:middle
    }
    return done(total);
  }

  @Async
  public Coroutine<Integer> inner(int i) {
    await(sleep(0.1));
    if (i == 1) {
      throw new IllegalStateException("inner failed at i=" + i); // at:inner
    }
    return done(i);
  }

  /** Fails inside the awaited operation itself (a closed stream), not in user code. */
  @Async
  public Coroutine<Void> receiveFromClosed() {
    var stream = dev.baton.Baton.<String>createMemoryObjectStream(1);
    stream.receiveStream().close();
    await(stream.receiveStream().receive()); // at:receive
    return done(null);
  }

  @Async
  public Coroutine<Void> callsReceive() {
    await(receiveFromClosed()); // at:callsReceive
    return done(null);
  }
}
