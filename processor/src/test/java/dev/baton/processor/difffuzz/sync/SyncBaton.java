package dev.baton.processor.difffuzz.sync;

import dev.baton.Awaitable;
import dev.baton.Baton;
import dev.baton.Coroutine;
import dev.baton.lowlevel.AsyncFrame;
import dev.baton.processor.difffuzz.SyncAwaitable;

/**
 * The plain twin's {@code dev.baton.Baton}: a generated program's plain twin is the same source with
 * {@code import static dev.baton.Baton.*} replaced by {@code import static ...sync.SyncBaton.*}
 * (and {@code dev.baton.*} by this package), so {@code await}, {@code done}, {@code checkpoint},
 * {@code createTaskGroup}, {@code moveOnAfter} and {@code createMemoryObjectStream} run
 * synchronously with the same signatures. Every method refuses to run inside a Baton loop: if
 * compiled code ever reached one of them, that is a processor bug made loud.
 */
public final class SyncBaton {
  private SyncBaton() {}

  static void outsideLoop(String what) {
    boolean inLoop;
    try {
      Baton.currentTime();
      inLoop = true;
    } catch (IllegalStateException e) {
      inLoop = false;
    }
    if (inLoop) {
      throw new IllegalStateException("plain-twin " + what + " ran inside a Baton loop: compiled code called it");
    }
  }

  /** Awaits synchronously: the value, or the exception, that awaiting on the loop would give. */
  @SuppressWarnings("unchecked")
  public static <T> T await(Awaitable<T> awaitable) {
    outsideLoop("await");
    if (awaitable == null) {
      throw new NullPointerException("await(null): the awaited expression was null");
    }
    if (awaitable instanceof SyncAwaitable<?> s) {
      return (T) s.runSync();
    }
    throw new IllegalStateException("the plain twin cannot await " + awaitable.getClass().getName());
  }

  /** The plain twin's {@code Baton.run}: the body already ran; this gives its result. */
  public static <T> T run(Coroutine<T> main) {
    return await(main);
  }

  public static Coroutine<Void> done() {
    return new Done<>(null);
  }

  public static <T> Coroutine<T> done(T value) {
    return new Done<>(value);
  }

  public static Awaitable<Void> checkpoint() {
    return new Done<>(null);
  }

  public static TaskGroup createTaskGroup() {
    outsideLoop("createTaskGroup");
    return new TaskGroup();
  }

  public static CancelScope moveOnAfter(double seconds) {
    outsideLoop("moveOnAfter");
    return new CancelScope();
  }

  public static <T> MemoryObjectStream<T> createMemoryObjectStream(int maxBufferSize) {
    java.util.ArrayDeque<T> buffer = new java.util.ArrayDeque<>();
    return new MemoryObjectStream<>(new MemoryObjectSendStream<>(buffer), new MemoryObjectReceiveStream<>(buffer));
  }

  /** A finished coroutine; awaiting it gives its value. */
  static final class Done<T> extends AsyncFrame<T> implements SyncAwaitable<T> {
    private final T value;

    Done(T value) {
      this.value = value;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) {
      return $complete(value);
    }

    @Override
    public T runSync() {
      return value;
    }
  }
}
