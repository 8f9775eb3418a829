// expect: AsyncGeneratedNameTaken
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncGeneratedNameTaken {
  static class Job {
    @Async
    Coroutine<Void> run() {
      return done();
    }
  }
}

class AsyncAsyncGeneratedNameTaken_Job {
}
