// expect: AsyncPrivateClass
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncPrivateClass {
  private static class Worker {
    @Async
    Coroutine<Void> m() {
      return done();
    }
  }
}