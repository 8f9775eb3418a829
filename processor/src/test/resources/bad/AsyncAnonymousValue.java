// expect: AsyncAnonymousValue
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncAnonymousValue {
  @Async
  static <T> Coroutine<T> later(T v) {
    await(checkpoint());
    return done(v);
  }

  @Async
  Coroutine<Integer> m() {
    return done(await(later(new Object() { int n = 5; })).n);
  }
}
