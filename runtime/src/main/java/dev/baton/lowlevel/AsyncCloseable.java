package dev.baton.lowlevel;

/**
 * What {@code try (@Await R r = ...) { body }} (anyio's {@code async with}) accepts: generated code
 * holds the resource as an {@code AsyncCloseable} and exits it with {@link AsyncFrame#$aexit}.
 *
 * <p>This interface declares nothing, so the runtime's resources ({@code TaskGroup},
 * {@code CancelScope}, the stream handles) carry no protocol method: the runtime exits them itself.
 * A resource of your own implements {@link AsyncExit}.
 */
public interface AsyncCloseable {}
