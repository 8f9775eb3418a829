// expect: AsyncAwaitOutsideAsync
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAwaitOutsideAsync {
  Object field = await(sleep(1));

  void plain() {
    await(checkpoint());
  }

  // (javac runs the processor only in a compilation that uses @Async or @Await)
  @Async
  Coroutine<Void> fine() {
    await(checkpoint());
    return done();
  }
}