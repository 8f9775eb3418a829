// expect: AsyncDroppedAwaitable
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncDroppedAwaitable {
  @Async
  Coroutine<Void> m() {
    sleep(1);
    return done();
  }
}
