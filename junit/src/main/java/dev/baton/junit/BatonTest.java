package dev.baton.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class (or test method) whose scenarios run with {@link BatonTests#run}: on a virtual clock,
 * with an optional timeout in virtual time, and optionally under many shuffled schedules.
 *
 * <pre>{@code
 * @BatonTest
 * class RetryTest {
 *   @Async
 *   Coroutine<Double> retriesForAnHour() {        // this class's @Async methods...
 *     for (int i = 0; i < 60; i++) {
 *       await(sleep(60));
 *     }
 *     return done(currentTime());
 *   }
 *
 *   @Test
 *   @BatonTest(timeout = 7200)
 *   void anHourOfVirtualTime() {
 *     assertEquals(3600.0, BatonTests.run(this::retriesForAnHour));  // ...run as the generated ones
 *   }
 * }
 * }</pre>
 *
 * On the class, {@code @BatonTest} makes JUnit create the test instance from the class the Baton
 * processor generated for it ({@code AsyncRetryTest}, which extends {@code RetryTest}), so that
 * {@code this::retriesForAnHour} is the compiled coroutine; a class without instance
 * {@code @Async} methods is created as usual. On a method, it overrides the class's settings for
 * that method. The settings apply to every {@link BatonTests#run} call of the test.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(BatonExtension.class)
public @interface BatonTest {
  /**
   * The scenario's time limit in seconds of virtual time; 0 (the default) is none. A scenario that
   * runs past it is cancelled, and the test fails with a message that says so. Virtual time only
   * moves while every task is blocked: a task that never blocks is caught by JUnit's own
   * {@code @Timeout}, in real time. Under a timeout, a scenario whose tasks are all blocked for good
   * fails as a timeout (the timeout's timer is still pending) instead of with the runtime's
   * {@code DeadlockException}.
   */
  double timeout() default 0;

  /**
   * Schedule fuzzing: run the scenario once under each of this many shuffled schedules (seeds 1, 2,
   * ..., N; see {@link dev.baton.Schedule#shuffled(long)}) instead of once in FIFO order. The first
   * seed under which it fails fails the test, and the message names the seed to replay. 0 (the
   * default): no fuzzing. The configuration parameter or system property
   * {@code baton.scheduleSeeds} ({@code -Dbaton.scheduleSeeds=10000}, for a longer run) changes N
   * for every test that fuzzes.
   */
  int scheduleSeeds() default 0;

  /**
   * Replay: run the scenario under exactly these schedule seeds ({@code @BatonTest(seed = 1234)}).
   * Overrides {@link #scheduleSeeds()}; the configuration parameter or system property
   * {@code baton.seed} ({@code -Dbaton.seed=1234}) overrides both, for every {@code @BatonTest}.
   */
  long[] seed() default {};
}
