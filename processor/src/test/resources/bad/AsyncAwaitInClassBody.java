// expect: AsyncAwaitInClassBody
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAwaitInClassBody {
  @Async
  Coroutine<Void> m() {
    Runnable r = new Runnable() {
      public void run() {
        await(sleep(1));
      }
    };
    return done();
  }
}