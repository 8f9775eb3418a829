// expect: AsyncSwallowedCancellation
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncSwallowedCancellation {
  @Async
  Coroutine<Void> m() {
    try {
      await(sleep(1));
    } catch (Throwable t) {
      System.out.println("ignored " + t);
    }
    return done();
  }
}
