// expect: AsyncSuper
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncSuper {
  @Override
  public String toString() {
    return "mine";
  }

  @Async
  Coroutine<String> m() {
    return done(super.toString());
  }
}
