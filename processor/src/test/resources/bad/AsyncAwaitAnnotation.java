// expect: AsyncAwaitAnnotation
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAwaitAnnotation {
  @Async
  Coroutine<Void> m() {
    @Await int x = 1;
    return done();
  }
}