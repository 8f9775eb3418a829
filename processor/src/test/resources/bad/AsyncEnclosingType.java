// expect: AsyncEnclosingType
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

interface AsyncEnclosingType {
  @Async
  static Coroutine<Void> m() {
    return done();
  }
}