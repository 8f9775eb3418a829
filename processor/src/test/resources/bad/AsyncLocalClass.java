// expect: AsyncLocalClass
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncLocalClass {
  @Async
  Coroutine<Void> m() {
    class Local {
    }
    await(sleep(1));
    return done();
  }
}