package dev.baton.junit;

import static dev.baton.Baton.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.Coroutine;
import dev.baton.annotations.Async;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code @BatonTest} runs this class's own {@code @Async} methods, compiled, on a virtual clock. */
@BatonTest
class VirtualTimeTest {
  int sleeps;

  @Async
  Coroutine<Double> anHourOfSleeps() {
    for (int minute = 0; minute < 60; minute++) {
      await(sleep(60));
      sleeps++;
    }
    return done(currentTime());
  }

  @Async
  static Coroutine<Double> aDayOfSleep() {
    await(sleep(86_400));
    return done(currentTime());
  }

  @Test
  void theTestInstanceIsTheGeneratedSubclass() {
    assertSame(AsyncVirtualTimeTest.class, getClass());
  }

  @Test
  void theGeneratedClassIsNotRunAsATestClassOfItsOwn() {
    assertEquals(0, Launch.run(AsyncTimeoutScenarios.class, java.util.Map.of()).getTestsFoundCount());
    assertEquals(4, Launch.run(TimeoutScenarios.class, java.util.Map.of()).getTestsFoundCount());
  }

  @Test
  void anHourOfVirtualSleepsRunsAtOnce() {
    assertEquals(3600.0, BatonTests.run(this::anHourOfSleeps)); // the virtual clock advanced an hour
    assertEquals(60, sleeps);
  }

  @Test
  void staticScenariosRunThroughTheGeneratedClass() {
    assertEquals(86_400.0, BatonTests.run(AsyncVirtualTimeTest::aDayOfSleep));
  }

  @Test
  void aCoroutineRunsOnce() {
    Coroutine<Double> once = anHourOfSleeps();
    assertEquals(3600.0, BatonTests.run(once));
    assertThrows(IllegalStateException.class, () -> BatonTests.run(once));
  }

  @Test
  void theScenariosFailureIsTheTestsFailure() {
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> BatonTests.run(this::divideByZeroLater));
    assertEquals("/ by zero", e.getMessage());
  }

  @Async
  Coroutine<Integer> divideByZeroLater() {
    await(sleep(5));
    int zero = sleeps;
    return done(1 / zero);
  }

  @Nested
  class WithinANestedClass {
    @Test
    void theOuterScenariosRunCompiled() {
      assertSame(AsyncVirtualTimeTest.class, VirtualTimeTest.this.getClass());
      assertEquals(3600.0, BatonTests.run(VirtualTimeTest.this::anHourOfSleeps));
    }
  }
}
