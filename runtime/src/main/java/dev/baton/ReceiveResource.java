package dev.baton;

import dev.baton.core.Resource;
import dev.baton.lowlevel.AsyncCloseable;
import dev.baton.lowlevel.AsyncIterable;
import java.util.Iterator;

/**
 * The base of the runtime's receiving streams that generated code may iterate and exit
 * ({@link MemoryByteReceiveStream}, {@link BufferedByteReceiveStream}, {@link TextReceiveStream}):
 * {@code for (@Await T item : stream)} steps through {@link #next()}; {@code try (@Await var s = ...)}
 * closes synchronously, which is not a checkpoint. {@link #iterator()} exists only so that the
 * iteration form type-checks as Java, and throws.
 *
 * @param <T> the type of the items
 */
abstract class ReceiveResource<T> extends Resource implements AutoCloseable, AsyncCloseable, Iterable<T>, AsyncIterable<T> {
  /** The iteration form, for the message of {@link #iterator()}: {@code "byte[] chunk"}. */
  private final String item;

  ReceiveResource(String item) {
    this.item = item;
  }

  /** Always throws: iterate with {@code for (@Await ...)} in an {@code @Async} method. */
  @Override
  public final Iterator<T> iterator() {
    throw new IllegalStateException("a " + getClass().getSimpleName() + " is iterated with for (@Await " + item
        + " : stream) inside an @Async method; a plain for loop would block the loop");
  }

  @Override
  public abstract void close();

  @Override
  protected final Object exitAsync(Throwable pending) {
    close();
    return new Checkpoints.Ready<>(pending);
  }
}
