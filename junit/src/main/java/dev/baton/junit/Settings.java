package dev.baton.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * How {@link BatonTests#run} runs a test's scenarios: a timeout in virtual seconds (0: none), and
 * the schedule seeds (empty: one FIFO run); {@code source} says where the seeds came from.
 */
record Settings(double timeout, List<Long> seeds, String source) {
  static final String SEED_PROPERTY = "baton.seed";
  static final String SEEDS_PROPERTY = "baton.scheduleSeeds";

  /** No timeout, FIFO, unless {@code baton.seed} says otherwise. */
  static final Settings DEFAULT = new Settings(0, List.of(), "");

  Settings {
    if (!(timeout >= 0) || Double.isInfinite(timeout)) {
      throw new IllegalArgumentException("@BatonTest(timeout = " + timeout + "): must be a finite number of seconds >= 0");
    }
    seeds = List.copyOf(seeds);
  }

  /**
   * The settings of {@code annotation}; {@code count} (the value of {@code baton.scheduleSeeds})
   * changes the number of seeds of a test that fuzzes, and {@code property} (the value of
   * {@code baton.seed}) replaces the seeds of every test.
   */
  static Settings of(BatonTest annotation, Optional<String> count, Optional<String> property) {
    if (annotation.scheduleSeeds() < 0) {
      throw new IllegalArgumentException("@BatonTest(scheduleSeeds = " + annotation.scheduleSeeds() + "): must be >= 0");
    }
    Settings s = new Settings(annotation.timeout(), List.of(), "");
    if (annotation.seed().length > 0) {
      s = s.withSeeds(Arrays.stream(annotation.seed()).boxed().toList(), "@BatonTest(seed = ...)");
    } else if (annotation.scheduleSeeds() > 0) {
      int n = annotation.scheduleSeeds();
      String source = "@BatonTest(scheduleSeeds = " + n + ")";
      if (count.isPresent() && !count.get().isBlank()) {
        try {
          n = Integer.parseInt(count.get().trim());
        } catch (NumberFormatException e) {
          n = -1;
        }
        if (n < 1) {
          throw new IllegalArgumentException(SEEDS_PROPERTY + "=" + count.get() + ": expected a number of seeds >= 1");
        }
        source = SEEDS_PROPERTY + "=" + n;
      }
      s = s.withSeeds(LongStream.rangeClosed(1, n).boxed().toList(), source);
    }
    return s.withProperty(property);
  }

  /** These settings with the seeds of {@code baton.seed}, if it is set. */
  Settings withProperty(Optional<String> property) {
    if (property.isEmpty() || property.get().isBlank()) {
      return this;
    }
    try {
      List<Long> seeds = Arrays.stream(property.get().split(","))
          .map(String::trim).map(Long::parseLong).collect(Collectors.toList());
      return withSeeds(seeds, SEED_PROPERTY + "=" + property.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SEED_PROPERTY + "=" + property.get() + ": expected a seed, or seeds separated by commas", e);
    }
  }

  Settings withSeeds(List<Long> seeds, String source) {
    return new Settings(timeout, seeds, source);
  }
}
