package dev.baton.junit;

import static dev.baton.Baton.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.Coroutine;
import dev.baton.TaskGroup;
import dev.baton.annotations.Async;
import dev.baton.annotations.Await;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A planted order-dependent bug, launched by {@link ScheduleFuzzingTest}: the user of a setting
 * assumes its loader ran first because it was started first. True in FIFO order, which nothing in
 * the API promises to a program: two tasks started together may run in either order.
 */
@BatonTest(scheduleSeeds = 100)
class PlantedRace {
  /** The order the tasks of each run ran in, one entry per run. */
  static final List<String> runs = new ArrayList<>();

  static final class Setting {
    String value = "default";
    final StringBuilder order = new StringBuilder();
  }

  @Async
  Coroutine<Void> loader(Setting s) {
    s.order.append("loader ");
    s.value = "loaded";
    await(sleep(1));
    return done();
  }

  @Async
  Coroutine<Void> user(Setting s) {
    s.order.append("user ");
    String seen = s.value; // BUG: assumes the loader has run
    await(sleep(1));
    assertEquals("loaded", seen, "the user read the setting before it was loaded");
    return done();
  }

  @Async
  Coroutine<Void> loadThenUse() {
    Setting s = new Setting();
    try {
      try (@Await TaskGroup tg = createTaskGroup()) {
        tg.startSoon(loader(s));
        tg.startSoon(user(s));
      }
    } finally {
      runs.add(s.order.toString().trim());
    }
    return done();
  }

  @Test
  void theUserSeesTheLoadedSetting() {
    BatonTests.run(this::loadThenUse);
  }
}
