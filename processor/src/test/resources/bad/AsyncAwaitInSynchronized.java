// expect: AsyncAwaitInSynchronized
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAwaitInSynchronized {
  @Async
  Coroutine<Void> m() {
    synchronized (this) {
      await(sleep(1));
    }
    return done();
  }
}