package dev.baton.testing;

import dev.baton.Awaitable;
import dev.baton.Baton;
import dev.baton.CancelScope;
import dev.baton.Clock;
import dev.baton.Coroutine;
import dev.baton.TaskGroup;
import dev.baton.lowlevel.AsyncCloseable;
import dev.baton.lowlevel.AsyncFrame;
import dev.baton.lowlevel.AsyncIterable;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * A tiny language for writing coroutines in tests until the processor exists: a coroutine is a
 * sequence of {@link Step}s, and every compound step (try/catch, try/finally, loops, task groups,
 * cancel scopes) runs its body as a nested {@link AsyncFrame}. Awaiting a coroutine is a call in
 * Baton (no trip through the scheduler), so a nested body behaves exactly like the same code
 * written inline in one {@code @Async} method: the same switch points, the same exceptions at the
 * same places.
 *
 * <pre>{@code
 * // @Async Coroutine<Void> consumer() {                 // the same coroutine in the DSL:
 * //   try (@Await TaskGroup tg = createTaskGroup()) {   co(taskGroup(tg -> block(
 * //     tg.startSoon(producer(send));                      run(() -> tg.startSoon(producer(send))),
 * //     received.add(await(receive.receive()));            awaiting(receive::receive, received::add))));
 * //   }
 * //   return done();
 * // }
 * }</pre>
 *
 * <p>Every step is a description, evaluated afresh each time it runs: {@link #awaiting} takes a
 * supplier of the awaitable, compound steps take functions building their bodies, so a loop body
 * or a second {@code co(...)} from the same steps gets new coroutines (a coroutine is single-use).
 *
 * <p>{@link #returning} ends the whole coroutine from any depth, like a Java {@code return}: the
 * enclosing try/finally bodies, task-group exits and cancel-scope exits run on the way out.
 */
public final class Co {
  private Co() {}

  /** One statement of a DSL coroutine. */
  public sealed interface Step permits Action, Await, Compound, Block {}

  /** A synchronous action that may throw (a JUnit assertion, a {@code startSoon}, a stream's nowait call). */
  @FunctionalInterface
  public non-sealed interface Action extends Step {
    void run() throws Throwable;
  }

  /** The result handler of an await. */
  @FunctionalInterface
  public interface Sink<T> {
    void accept(T value) throws Throwable;
  }

  /** A switch point: awaits the awaitable the supplier makes, then hands its value to a sink. */
  public record Await(Supplier<? extends Awaitable<?>> awaitable, Sink<Object> sink) implements Step {}

  /** A sequence of steps; itself a step (a Java block). */
  public record Block(Step... steps) implements Step {}

  /** A step whose body runs as a nested frame (made fresh each time the step runs). */
  public record Compound(Supplier<AsyncFrame<Object>> frame) implements Step {}

  // ---------------------------------------------------------------------------------------------
  // Building coroutines

  /** A new cold coroutine running {@code steps} in order; its value is what {@link #returning} gives, else null. */
  public static <T> Coroutine<T> co(Step... steps) {
    return new Top<>(new Block(steps));
  }

  /** Runs {@code main} on a fresh loop with {@link Clock#virtual()}: time is exact and instant. */
  public static <T> T runVirtual(Coroutine<T> main) {
    return Baton.run(main, Clock.virtual());
  }

  // ---------------------------------------------------------------------------------------------
  // Steps

  /** A block of steps. */
  public static Step block(Step... steps) {
    return new Block(steps);
  }

  /** A synchronous action. */
  public static Step run(Action action) {
    return action;
  }

  /** {@code await(x)}, ignoring the value. The awaitable is made when the step runs. */
  public static Step awaiting(Supplier<? extends Awaitable<?>> awaitable) {
    return new Await(awaitable, v -> {});
  }

  /** {@code sink.accept(await(x))}. */
  @SuppressWarnings("unchecked")
  public static <T> Step awaiting(Supplier<? extends Awaitable<T>> awaitable, Sink<? super T> sink) {
    return new Await(awaitable, (Sink<Object>) (Sink<?>) sink);
  }

  /** {@code throw exception.get();} */
  public static Step raise(Supplier<? extends Throwable> exception) {
    return (Action) () -> {
      throw exception.get();
    };
  }

  /** {@code return value.get();} from the whole coroutine, leaving every enclosing block properly. */
  public static Step returning(Supplier<?> value) {
    return new Compound(() -> new ReturnFrame(value));
  }

  /** {@code return;} (the coroutine's value is null). */
  public static Step returning() {
    return returning(() -> null);
  }

  /** {@code try { body } catch (E e) { handler(e) }}; other exceptions propagate. */
  public static <E extends Throwable> Step tryCatch(Step body, Class<E> type, Function<? super E, ? extends Step> handler) {
    return new Compound(() -> new TryCatchFrame<>(body, type, handler));
  }

  /** {@code try { body } finally { cleanup }}: the cleanup runs however the body ends. */
  public static Step tryFinally(Step body, Step cleanup) {
    return new Compound(() -> new TryFinallyFrame(body, cleanup));
  }

  /** {@code for (int i = 0; i < times; i++) { body(i) }}. */
  public static Step repeat(int times, IntFunction<? extends Step> body) {
    return new Compound(() -> new LoopFrame(i -> i < times, body));
  }

  /** {@code while (condition) { body }}. */
  public static Step whileLoop(BooleanSupplier condition, Supplier<? extends Step> body) {
    return new Compound(() -> new LoopFrame(i -> condition.getAsBoolean(), i -> body.get()));
  }

  /** {@code for (@Await T item : source) { body(item) }}: async iteration until the end of the source. */
  public static <T> Step forEach(Supplier<? extends AsyncIterable<T>> source, Function<? super T, ? extends Step> body) {
    return new Compound(() -> new ForEachFrame<>(source, body));
  }

  /** {@code try (@Await TaskGroup tg = createTaskGroup()) { body(tg) }}. */
  public static Step taskGroup(Function<? super TaskGroup, ? extends Step> body) {
    return new Compound(() -> new TaskGroupFrame(body));
  }

  /**
   * {@code try (@Await R r = open.get()) { body(r) }} for any async resource (anyio's
   * {@code async with}): the exit sees the body's exception and decides what propagates.
   */
  public static <R extends AsyncCloseable> Step asyncWith(Supplier<R> open, Function<? super R, ? extends Step> body) {
    return new Compound(() -> new AsyncWithFrame<>(open, body));
  }

  /** {@code try (CancelScope s = open.get()) { body(s) }}: the scope catches its own cancellation on exit. */
  public static Step cancelScope(Supplier<CancelScope> open, Function<? super CancelScope, ? extends Step> body) {
    return resource(open, body);
  }

  /**
   * {@code try (R r = open.get()) { body(r) }}, a plain (synchronous) try-with-resources: closed as
   * JLS 14.20.3 says, a failure of {@code close()} suppressed on the body's exception.
   */
  public static <R extends AutoCloseable> Step resource(Supplier<R> open, Function<? super R, ? extends Step> body) {
    return new Compound(() -> new ResourceFrame<>(open, body));
  }

  // ---------------------------------------------------------------------------------------------
  // The frames

  /** What a nested frame returns when {@link #returning} fired inside it: the coroutine's value. */
  private record Return(Object value) {}

  /** Awaitable of one step, or null for a synchronous action that already ran. */
  private static Awaitable<?> begin(Step step) throws Throwable {
    if (step instanceof Action a) {
      a.run();
      return null;
    }
    if (step instanceof Await a) {
      return Objects.requireNonNull(a.awaitable().get(), "the awaitable supplier returned null");
    }
    if (step instanceof Compound c) {
      return c.frame().get();
    }
    return new BlockFrame((Block) step);
  }

  /** The top of a DSL coroutine: runs the block and unwraps a {@link Return}. */
  private static final class Top<T> extends AsyncFrame<T> {
    private final Block body;

    Top(Block body) {
      this.body = body;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, new BlockFrame(body));
        default:
          if ($error != null) {
            throw $error;
          }
          return $complete($value instanceof Return r ? (T) r.value() : null);
      }
    }
  }

  /** Runs steps in order; finishes with null, or with a {@link Return} coming out of a nested step. */
  private static final class BlockFrame extends AsyncFrame<Object> {
    private final Step[] steps;
    private int index;

    BlockFrame(Block block) {
      this.steps = block.steps();
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if ($state == 1) {
        if ($error != null) {
          throw $error;
        }
        Step done = steps[index++];
        if (done instanceof Await a) {
          a.sink().accept($value);
        } else if ($value instanceof Return) {
          return $complete($value);
        }
      }
      while (index < steps.length) {
        Awaitable<?> next = begin(steps[index]);
        if (next != null) {
          return $await(1, next);
        }
        index++;
      }
      return $complete(null);
    }
  }

  private static final class ReturnFrame extends AsyncFrame<Object> {
    private final Supplier<?> value;

    ReturnFrame(Supplier<?> value) {
      this.value = value;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) {
      return $complete(new Return(value.get()));
    }
  }

  private static final class TryCatchFrame<E extends Throwable> extends AsyncFrame<Object> {
    private final Step body;
    private final Class<E> type;
    private final Function<? super E, ? extends Step> handler;

    TryCatchFrame(Step body, Class<E> type, Function<? super E, ? extends Step> handler) {
      this.body = body;
      this.type = type;
      this.handler = handler;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, new BlockFrame(new Block(body)));
        case 1:
          if ($error == null) {
            return $complete($value);
          }
          if (!type.isInstance($error)) {
            throw $error;
          }
          return $await(2, new BlockFrame(new Block(handler.apply(type.cast($error)))));
        default:
          if ($error != null) {
            throw $error;
          }
          return $complete($value);
      }
    }
  }

  private static final class TryFinallyFrame extends AsyncFrame<Object> {
    private final Step body;
    private final Step cleanup;
    private Object bodyValue;
    private Throwable bodyError;

    TryFinallyFrame(Step body, Step cleanup) {
      this.body = body;
      this.cleanup = cleanup;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          return $await(1, new BlockFrame(new Block(body)));
        case 1:
          bodyValue = $value;
          bodyError = $error;
          return $await(2, new BlockFrame(new Block(cleanup)));
        default:
          if ($error != null) {
            throw $error; // an exception from finally replaces the body's outcome (JLS 14.20.2)
          }
          if ($value instanceof Return) {
            return $complete($value); // so does a return from finally
          }
          if (bodyError != null) {
            throw bodyError;
          }
          return $complete(bodyValue);
      }
    }
  }

  private static final class LoopFrame extends AsyncFrame<Object> {
    private final IntPredicate condition;
    private final IntFunction<? extends Step> body;
    private int iteration;

    LoopFrame(IntPredicate condition, IntFunction<? extends Step> body) {
      this.condition = condition;
      this.body = body;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      if ($state == 1) {
        if ($error != null) {
          throw $error;
        }
        if ($value instanceof Return) {
          return $complete($value);
        }
      }
      if (!condition.test(iteration)) {
        return $complete(null);
      }
      return $await(1, new BlockFrame(new Block(body.apply(iteration++))));
    }
  }

  private static final class ForEachFrame<T> extends AsyncFrame<Object> {
    private final Supplier<? extends AsyncIterable<T>> sourceSupplier;
    private final Function<? super T, ? extends Step> body;
    private AsyncIterable<T> source;

    ForEachFrame(Supplier<? extends AsyncIterable<T>> source, Function<? super T, ? extends Step> body) {
      this.sourceSupplier = source;
      this.body = body;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          source = sourceSupplier.get();
          return $await(1, AsyncFrame.$next(source));
        case 1:
          if ($error != null) {
            throw $error;
          }
          if ($value == AsyncFrame.END) {
            return $complete(null);
          }
          return $await(2, new BlockFrame(new Block(body.apply((T) $value))));
        default:
          if ($error != null) {
            throw $error;
          }
          if ($value instanceof Return) {
            return $complete($value);
          }
          return $await(1, AsyncFrame.$next(source));
      }
    }
  }

  private static final class TaskGroupFrame extends AsyncWithFrame<TaskGroup> {
    TaskGroupFrame(Function<? super TaskGroup, ? extends Step> body) {
      super(Baton::createTaskGroup, body);
    }
  }

  private static class AsyncWithFrame<R extends AsyncCloseable> extends AsyncFrame<Object> {
    private final Supplier<R> open;
    private final Function<? super R, ? extends Step> body;
    private R resource;
    private Object bodyValue;

    AsyncWithFrame(Supplier<R> open, Function<? super R, ? extends Step> body) {
      this.open = open;
      this.body = body;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          resource = open.get();
          return $await(1, new BlockFrame(new Block(body.apply(resource))));
        case 1:
          bodyValue = $error == null ? $value : null;
          return $await(2, AsyncFrame.$aexit(resource, $error));
        default:
          if ($error != null) {
            throw $error;
          }
          if ($value != null) {
            throw (Throwable) $value;
          }
          return $complete(bodyValue);
      }
    }
  }

  private static final class ResourceFrame<R extends AutoCloseable> extends AsyncFrame<Object> {
    private final Supplier<R> open;
    private final Function<? super R, ? extends Step> body;
    private R resource;

    ResourceFrame(Supplier<R> open, Function<? super R, ? extends Step> body) {
      this.open = open;
      this.body = body;
    }

    @Override
    protected Object $step(Object $value, Throwable $error) throws Throwable {
      switch ($state) {
        case 0:
          resource = open.get();
          return $await(1, new BlockFrame(new Block(body.apply(resource))));
        default:
          Throwable propagates = AsyncFrame.$closeSync(resource, $error);
          if (propagates != null) {
            throw propagates;
          }
          return $complete($error == null ? $value : null);
      }
    }
  }
}
