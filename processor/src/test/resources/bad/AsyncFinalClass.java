// expect: AsyncFinalClass
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

final class AsyncFinalClass {
  @Async
  Coroutine<Void> m() {
    return done();
  }
}