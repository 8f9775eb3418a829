// expect: AsyncTaskGroupWithoutAwait
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncTaskGroupWithoutAwait {
  @Async
  Coroutine<Void> m() {
    try (TaskGroup tg = createTaskGroup()) {
      await(sleep(1));
    }
    return done();
  }
}