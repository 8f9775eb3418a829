package dev.baton.lowlevel;

import dev.baton.Awaitable;

/**
 * An async-iteration source of your own: each step of {@code for (@Await T item : source)} awaits
 * {@link #$next}.
 *
 * @param <T> the type of the items
 */
public interface AsyncNext<T> extends AsyncIterable<T> {
  /** An awaitable for the next item; its value is {@link AsyncFrame#END} at the end of the source. */
  Awaitable<Object> $next();
}
