// expect: AsyncSuper
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncSuper implements java.util.Iterator<String> {
  public boolean hasNext() {
    return false;
  }

  public String next() {
    return "x";
  }

  @Async
  Coroutine<Void> m() {
    java.util.Iterator.super.remove();
    return done();
  }
}
