package dev.baton.processor.difffuzz;

import dev.baton.Baton;
import dev.baton.lowlevel.AsyncFrame;

/**
 * An awaitable of any type for generated programs: {@code await(h.later(v))} is {@code v}, and
 * awaiting it is traced ({@code w<n>:v}, numbered by the host's await counter, so the trace shows
 * when the await ran). Some values pass a checkpoint first. Nothing happens until it is awaited, in
 * the compiled twin (a coroutine step) and in the plain twin ({@link #runSync()}) alike.
 */
public class FuzzLazy<T> extends AsyncFrame<T> implements SyncAwaitable<T> {
  private final FuzzHost host;
  private final T value;

  FuzzLazy(FuzzHost host, T value) {
    this.host = host;
    this.value = value;
  }

  private T finish() {
    host.counter++;
    host.trace.add("w" + host.counter + ":" + FuzzHost.describe(value));
    return value;
  }

  @Override
  protected Object $step(Object $value, Throwable $error) throws Throwable {
    switch ($state) {
      case 0:
        if (Math.floorMod(host.counter, 2) == 1) {
          return $await(1, Baton.checkpoint());
        }
        return $complete(finish());
      case 1:
        if ($error != null) {
          throw $error;
        }
        return $complete(finish());
      default:
        throw new IllegalStateException("state " + $state);
    }
  }

  /** The plain twin's awaitable already awaited ({@code FuzzHost.laterReturned}): traced now, once. */
  FuzzLazy<T> settled() {
    T v = finish();
    return new FuzzLazy<>(host, v) {
      @Override
      public T runSync() {
        return v;
      }
    };
  }

  @Override
  public T runSync() {
    return finish();
  }
}
