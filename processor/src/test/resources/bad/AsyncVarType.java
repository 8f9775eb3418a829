// expect: AsyncVarType
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncVarType {
  @Async
  Coroutine<Void> m() {
    var counter = new Object() { int n; };
    await(sleep(1));
    counter.n++;
    return done();
  }
}