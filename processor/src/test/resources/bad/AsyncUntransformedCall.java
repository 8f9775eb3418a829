// expect: AsyncUntransformedCall
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncUntransformedCall {
  @Async
  Coroutine<Void> main() {
    return done();
  }

  static void start() {
    run(new AsyncUntransformedCall().main());
  }
}
