package dev.baton;

import dev.baton.lowlevel.AsyncFrame;
import java.util.function.Supplier;

/**
 * Hand-written coroutines that know their user's file and line, as generated ones do ({@code
 * $where}): for tests of dumps, deadlock reports and failure notes, in the lines of an imaginary
 * {@code p/Pipeline.java}.
 */
final class UserLines {
  private UserLines() {}

  static StackTraceElement line(String method, int line) {
    return new StackTraceElement("p.Pipeline", method, "Pipeline.java", line);
  }

  /** {@code @Async method() { return done(await(what)); }} with the await at {@code line}. */
  static <T> Coroutine<T> at(String method, int line, Supplier<? extends Awaitable<?>> what) {
    return new At<>(line(method, line), what, null);
  }

  /** {@code @Async method() { await(what); throw failure; }} with the await at {@code line}. */
  static Coroutine<Void> failingAfter(String method, int line, Supplier<? extends Awaitable<?>> what,
      Supplier<? extends RuntimeException> failure) {
    return new At<>(line(method, line), what, failure);
  }

  /**
   * {@code @Async method() { try (CancelScope s = moveOnAfter(seconds)) { await(what); } return done(); }}
   * with the await at {@code line}.
   */
  static Coroutine<Void> inScope(String method, int line, double seconds, Supplier<? extends Awaitable<?>> what) {
    return new AsyncFrame<>() {
      private CancelScope scope;

      @Override
      protected Object $step(Object $value, Throwable $error) throws Throwable {
        if ($state == 0) {
          scope = Baton.moveOnAfter(seconds);
          return $await(1, what.get());
        }
        Throwable t = scope.exitSync($error);
        if (t != null) {
          throw t;
        }
        return $complete(null);
      }

      @Override
      protected StackTraceElement $where() {
        return $state == 1 ? line(method, line) : null;
      }
    };
  }

  private static final class At<T> extends AsyncFrame<T> {
    private final StackTraceElement where;
    private final Supplier<? extends Awaitable<?>> what;
    private final Supplier<? extends RuntimeException> failure;

    At(StackTraceElement where, Supplier<? extends Awaitable<?>> what, Supplier<? extends RuntimeException> failure) {
      this.where = where;
      this.what = what;
      this.failure = failure;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if ($state == 0) {
        return $await(1, what.get());
      }
      if ($error != null) {
        throw $error;
      }
      if (failure != null) {
        throw failure.get();
      }
      return $complete((T) $value);
    }

    @Override
    protected StackTraceElement $where() {
      return $state == 1 ? where : null;
    }
  }
}
