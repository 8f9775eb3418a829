// expect: AsyncInnerClass
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncInnerClass {
  class Worker {
    @Async
    Coroutine<Void> m() {
      return done();
    }
  }
}