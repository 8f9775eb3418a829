package dev.baton.lowlevel;

/**
 * What {@code for (@Await T item : source)} (anyio's {@code async for}) accepts: generated code
 * holds the source as an {@code AsyncIterable} and steps it with {@link AsyncFrame#$next}, whose
 * value is the next item or {@link AsyncFrame#END} at the end. Any exception of a step
 * (cancellation, a closed handle) propagates from the loop.
 *
 * <p>This interface declares nothing, so the runtime's streams carry no protocol method. A source
 * of your own implements {@link AsyncNext}.
 *
 * @param <T> the type of the items
 */
public interface AsyncIterable<T> {}
