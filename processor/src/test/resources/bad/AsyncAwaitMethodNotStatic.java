// expect: AsyncAwaitMethodNotStatic
package bad;

import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAwaitMethodNotStatic {
  @Await
  <T> T myAwait(Awaitable<T> a) {
    throw new IllegalStateException("only in compiled code");
  }
}
