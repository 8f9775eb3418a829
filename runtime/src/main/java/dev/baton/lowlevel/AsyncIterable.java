package dev.baton.lowlevel;

import dev.baton.Awaitable;

/**
 * The protocol behind {@code for (@Await T item : source)} (anyio's {@code async for}): each step
 * awaits {@code source.$next()}, whose value is the next item or {@link AsyncFrame#END} at the end.
 * Any exception of the step (cancellation, a closed handle) propagates from the loop.
 *
 * @param <T> the type of the items
 */
public interface AsyncIterable<T> {
  /** An awaitable for the next item; its value is {@link AsyncFrame#END} at the end of the source. */
  Awaitable<Object> $next();
}
