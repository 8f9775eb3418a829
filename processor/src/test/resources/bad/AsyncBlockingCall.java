// expect: AsyncBlockingCall
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncBlockingCall {
  @Async
  Coroutine<Void> m() throws InterruptedException {
    Thread.sleep(1000);
    return done();
  }
}
