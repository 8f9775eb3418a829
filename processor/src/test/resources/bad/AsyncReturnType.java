// expect: AsyncReturnType
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncReturnType {
  @Async
  Awaitable<Void> m() {
    return sleep(1);
  }
}