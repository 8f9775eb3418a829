// expect: AsyncPrivateAccess
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncPrivateAccess {
  private int count;

  @Async
  Coroutine<Integer> m() {
    await(sleep(1));
    return done(count);
  }
}