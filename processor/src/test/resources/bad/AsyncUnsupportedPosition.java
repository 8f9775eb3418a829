// expect: AsyncUnsupportedPosition
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncUnsupportedPosition {
  @Async
  Coroutine<Void> m() {
    assert await(sleep(1)) == null;
    return done();
  }
}