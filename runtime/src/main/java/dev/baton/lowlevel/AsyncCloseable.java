package dev.baton.lowlevel;

import dev.baton.Awaitable;

/**
 * The protocol behind {@code try (@Await R r = ...) { body }} (anyio's {@code async with}).
 *
 * <p>When the body ends, however it ends, the generated code awaits {@code r.$aexit(pending)},
 * where {@code pending} is the exception the body ended with (null if it completed normally or
 * left with {@code return}/{@code break}/{@code continue}). The value of that await is the exception
 * that propagates from the statement: {@code pending} itself, a replacement (a task group turns
 * failures into an {@link dev.baton.ExceptionGroup}), or null when the exit swallowed it (a cancel
 * scope catching its own cancellation). If the exit returns null and the body left with a jump, the
 * jump continues.
 */
public interface AsyncCloseable {
  /** Exits the resource; awaiting the result yields the exception that propagates, or null. */
  Awaitable<Throwable> $aexit(Throwable pending);
}
