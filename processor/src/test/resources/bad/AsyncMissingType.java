// expect: AsyncMissingType
// (javac also reports: cannot find symbol NeverGenerated)
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncMissingType {
  @Async
  Coroutine<Void> m(NeverGenerated x) {
    return done();
  }
}