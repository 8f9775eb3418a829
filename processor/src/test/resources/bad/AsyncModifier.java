// expect: AsyncModifier
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncModifier {
  @Async
  private Coroutine<Void> m() {
    return done();
  }
}