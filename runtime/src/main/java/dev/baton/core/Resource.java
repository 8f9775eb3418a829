package dev.baton.core;

/**
 * Internal, not API: the base of the runtime's own resources (task groups, cancel scopes, the
 * handles of memory object streams). Generated code exits and iterates them through the protocol
 * ({@code AsyncFrame.$aexit}, {@code $closeSync}, {@code $next}), which reaches these protected
 * methods through {@link Resources}: no protocol method is public on the user-facing types.
 */
public abstract class Resource {
  protected Resource() {}

  /**
   * The exit of {@code try (@Await R r = ...)}, whose body ended with {@code pending} (null if it
   * completed normally): an awaitable (an {@link Operation} or a {@link Frame}) whose value is the
   * {@link Throwable} that propagates, or null.
   */
  protected abstract Object exitAsync(Throwable pending);

  /**
   * The exit of a plain {@code try (R r = ...)} whose body ended with {@code pending}: closes the
   * resource and returns what propagates. By default JLS 14.20.3 (a failure of {@code close()} is
   * thrown, or suppressed on {@code pending}); a cancel scope catches its own cancellation here.
   */
  protected Throwable exitSync(Throwable pending) {
    return Resources.close((AutoCloseable) this, pending);
  }

  /** One step of {@code for (@Await T x : r)}: an awaitable whose value is the next item or {@link Resources#END}. */
  protected Object next() {
    throw new UnsupportedOperationException(getClass().getName() + " cannot be iterated asynchronously");
  }
}
