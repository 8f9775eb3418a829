// expect: AsyncModifier
// expect: AsyncReturnType
package bad;

import static dev.baton.Baton.*;
import dev.baton.*;
import dev.baton.annotations.*;

class AsyncModifierAndAsyncReturnType {
  @Async
  final void m() {
  }
}