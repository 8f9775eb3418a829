package dev.baton.processor.difffuzz;

import dev.baton.Baton;
import dev.baton.lowlevel.AsyncFrame;

/**
 * An awaitable int for generated programs. Awaited in compiled code it runs as a coroutine (some
 * values pass a checkpoint first, so other tasks and the scheduler are involved); in the plain
 * oracle {@link #runSync()} does the same thing synchronously. Some values throw
 * {@link FuzzException}.
 */
public class FuzzValue extends AsyncFrame<Integer> implements SyncAwaitable<Integer> {
  private final FuzzHost host;
  private final int k;

  FuzzValue(FuzzHost host, int k) {
    this.host = host;
    this.k = k;
  }

  private boolean checkpoints() {
    return Math.floorMod(k, 3) == 0;
  }

  private int finish() {
    host.counter++;
    host.trace.add("v" + k + "#" + host.counter);
    if (Math.floorMod(k + host.counter, 13) == 0) {
      throw new FuzzException("x" + k);
    }
    return k * 3 + host.counter;
  }

  @Override
  protected Object $step(Object $value, Throwable $error) throws Throwable {
    switch ($state) {
      case 0:
        if (checkpoints()) {
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

  /**
   * The plain twin's value already awaited ({@code FuzzHost.valReturned}): traced now, once; a
   * {@link FuzzException} it throws is thrown now, as the compiled twin's await in place throws it.
   */
  FuzzValue settled() {
    int v = finish();
    return new FuzzValue(host, k) {
      @Override
      public Integer runSync() {
        return v;
      }
    };
  }

  /** The oracle's await: the same outcome, synchronously. */
  @Override
  public Integer runSync() {
    return finish();
  }
}
