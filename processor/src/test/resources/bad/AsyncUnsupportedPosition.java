// expect: AsyncUnsupportedPosition
// requires: 21
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncUnsupportedPosition {
  @Async
  Coroutine<Integer> m(Object o) {
    int r = switch (o) {
      case String s when s.length() > await(done(1)) -> 1;
      default -> 0;
    };
    return done(r);
  }
}
