// expect: AsyncNoConstructor
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncNoConstructor {
  private AsyncNoConstructor() {
  }

  @Async
  static Coroutine<Void> m() {
    return done();
  }
}