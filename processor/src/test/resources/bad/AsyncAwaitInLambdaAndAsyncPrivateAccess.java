// expect: AsyncAwaitInLambda
// expect: AsyncPrivateAccess
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAwaitInLambdaAndAsyncPrivateAccess {
  private int count;

  @Async
  Coroutine<Void> m() {
    Runnable r = () -> await(sleep(count));
    return done();
  }
}