// expect: AsyncNoConstructor
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncNoConstructor {
  private AsyncNoConstructor() {
  }

  @Async
  Coroutine<Void> m() {
    return done();
  }
}