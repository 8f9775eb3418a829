package dev.baton.lowlevel;

import dev.baton.Awaitable;

/**
 * An async resource of your own: {@code try (@Await R r = ...) { body }} exits it by awaiting
 * {@link #$aexit}.
 *
 * <p>When the body ends, however it ends, the generated code awaits {@code r.$aexit(pending)},
 * where {@code pending} is the exception the body ended with (null if it completed normally or
 * left with {@code return}/{@code break}/{@code continue}). The value of that await is the exception
 * that propagates from the statement: {@code pending} itself, a replacement, or null when the exit
 * swallowed it. If the exit returns null and the body left with a jump, the jump continues.
 */
public interface AsyncExit extends AsyncCloseable {
  /** Exits the resource; awaiting the result yields the exception that propagates, or null. */
  Awaitable<Throwable> $aexit(Throwable pending);
}
