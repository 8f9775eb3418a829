package golden;

import static dev.baton.Baton.*;

import dev.baton.Coroutine;
import dev.baton.MemoryObjectReceiveStream;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.List;

/** A representative input: a loop, a try/finally, async iteration and an awaited operand; a frame with no handler. */
public class Pump {
  int limit = 10;

  @Async
  public Coroutine<Integer> drain(MemoryObjectReceiveStream<String> in, List<String> log) {
    int count = 0;
    try {
      for (@Await String msg : in) {
        if (count >= limit) {
          break;
        }
        log.add(msg + " " + await(sleep(0.1)));
        count++;
      }
    } finally {
      log.add("drained " + count);
    }
    return done(count);
  }

  /** No try around an await: the frame rethrows what it is given unseen, and says so. */
  @Async
  public Coroutine<String> first(MemoryObjectReceiveStream<String> in) {
    return done(await(in.receive()));
  }
}
