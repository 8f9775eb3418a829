// expect: AsyncAwaitInLambda
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAwaitInLambda {
  @Async
  Coroutine<Void> m() {
    Runnable r = () -> await(sleep(1));
    return done();
  }
}