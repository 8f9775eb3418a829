package dev.baton.example.readme;

// The README's example, compiled and run by ReadmeTest, which also checks that README.md quotes the
// text between the snippet markers verbatim.

// snippet:readme
import static dev.baton.Baton.*;

import dev.baton.*;
import dev.baton.annotations.*;

public class PingPong {
  @Async
  public Coroutine<Void> ping(int num, MemoryObjectSendStream<String> out) {
    try (out) {                                           // closing every clone...
      await(sleep(Math.random() * 3));
      await(out.send("ping from num=" + num));
    }
    return done();
  }

  @Async
  public Coroutine<Void> main() {
    MemoryObjectStream<String> stream = createMemoryObjectStream(0);
    try (@Await TaskGroup tg = createTaskGroup()) {       // the block waits for every task
      try (var out = stream.sendStream()) {
        for (int num = 0; num < 5; num++) tg.startSoon(ping(num, out.clone()));
      }
      for (@Await String msg : stream.receiveStream()) {  // ...ends this loop
        System.out.println(msg);
      }
    }
    return done();
  }

  public static void main(String[] args) {
    Baton.run(new AsyncPingPong().main());                // AsyncPingPong: generated
  }
}
// end:readme
