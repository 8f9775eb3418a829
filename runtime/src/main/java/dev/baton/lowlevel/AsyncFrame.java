package dev.baton.lowlevel;

import dev.baton.Awaitable;
import dev.baton.Coroutine;
import dev.baton.core.Resources;

/**
 * The base class of every state machine the Baton processor generates: the whole contract between
 * generated code and the runtime. Hand-written coroutines may extend it too.
 *
 * <p>All members are {@code $}-prefixed and the class declares no member types, so nothing it
 * declares can capture a name in user code copied into a subclass.
 *
 * <h2>The shape of a generated state machine</h2>
 * <pre>{@code
 * final class Drain extends AsyncFrame<Integer> {
 *   // parameters and locals that live across an await are fields
 *   protected Object $step(Object $value, Throwable $error) throws Throwable {
 *     for (;;) switch ($state) {
 *       case 0: ...;  return $await(1, in.receive());          // suspend; resume in state 1
 *       case 1: if ($error != null) throw $error;               // the await's failure, thrown at the await
 *               String msg = (String) $value; ...
 *               return $complete(count);                        // finish with a value
 *     }
 *   }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li>{@code $step} is called by the loop only, never re-entrantly. Its first call has both
 *       arguments null. Every later call delivers the outcome of the awaitable the previous step
 *       returned: {@code $value} on success, else {@code $error}, which the resumed state must
 *       throw as the first thing it does (so the user's catch and finally blocks see it at the
 *       await).</li>
 *   <li>A step ends with exactly one of: {@code return $await(nextState, awaitable)} (the
 *       awaitable is evaluated before {@code $state} changes, so an exception while evaluating it is
 *       routed from the current state); {@code return $complete(value)}; {@code return $tail(a)}
 *       (finish with the outcome of awaiting {@code a}, in constant stack); or a throw, which fails
 *       the coroutine.</li>
 *   <li>Awaiting a {@link Coroutine} is a call: it runs at once on the same task, and its result
 *       arrives in the next step without a trip through the scheduler. Runtime operations may park
 *       the task; the loop resumes it later.</li>
 *   <li>Async resources ({@code try (@Await R r = ...)}) follow {@link AsyncCloseable}; plain
 *       resources are closed with {@link #$closeSync}; async iteration follows
 *       {@link AsyncIterable}.</li>
 *   <li>A generated frame says where it is through {@link #$info()}, one string literal (what
 *       {@code toString()}, async stack traces and task dumps read).</li>
 * </ul>
 *
 * @param <T> the coroutine's result type
 */
public abstract class AsyncFrame<T> extends Coroutine<T> {
  /** The value of an async-iteration step at the end of the source. */
  public static final Object END = Resources.END;

  /** The state the next step starts in; 0 on the first step. */
  protected int $state;

  protected AsyncFrame() {}

  /**
   * Suspends on {@code awaitable} and resumes in {@code resumeState}:
   * {@code return $await(3, stream.receive());}.
   */
  protected final Object $await(int resumeState, Awaitable<?> awaitable) {
    if (awaitable == null) {
      throw new NullPointerException("await(null): the awaited expression was null");
    }
    this.$state = resumeState;
    return awaitable;
  }

  /**
   * Closes a plain try-with-resources resource at the end of its block (JLS 14.20.3), given the
   * exception the block ended with ({@code pending}, null if none), and returns what propagates:
   * <ul>
   *   <li>a null resource is not closed: {@code pending};</li>
   *   <li>a {@code CancelScope} exits and catches its own cancellation (trio's rule; a fail scope
   *       turns it into {@code DeadlineExceededException});</li>
   *   <li>otherwise {@code close()} runs; if it throws, that exception propagates when
   *       {@code pending} is null, else it is added to {@code pending} as suppressed.</li>
   * </ul>
   */
  public static Throwable $closeSync(AutoCloseable resource, Throwable pending) {
    if (resource == null) {
      return pending;
    }
    return Resources.exitSync(resource, pending);
  }

  /**
   * The async exit of {@code try (@Await R r = ...)}: awaiting it yields what propagates. The
   * runtime's resources exit as their classes document; any other implements {@link AsyncExit}.
   */
  @SuppressWarnings("unchecked")
  public static Awaitable<Throwable> $aexit(AsyncCloseable resource, Throwable pending) {
    if (resource == null) {
      return dev.baton.Baton.done(pending);
    }
    if (Resources.isRuntimeResource(resource)) {
      return (Awaitable<Throwable>) Resources.exitAsync(resource, pending);
    }
    if (resource instanceof AsyncExit) {
      return ((AsyncExit) resource).$aexit(pending);
    }
    throw new IllegalArgumentException(resource.getClass().getName()
        + " implements AsyncCloseable but not AsyncExit, so it has no async exit");
  }

  /**
   * One step of {@code for (@Await T x : source)}: awaiting it yields the next item or {@link #END}.
   * The runtime's streams step as documented; any other source implements {@link AsyncNext}.
   */
  @SuppressWarnings("unchecked")
  public static Awaitable<Object> $next(AsyncIterable<?> source) {
    if (Resources.isRuntimeResource(source)) {
      return (Awaitable<Object>) Resources.next(source);
    }
    if (source instanceof AsyncNext) {
      return ((AsyncNext<?>) source).$next();
    }
    throw new IllegalArgumentException(source.getClass().getName()
        + " implements AsyncIterable but not AsyncNext, so it cannot be iterated");
  }

  /**
   * Gives an awaited expression the target type it has in the user's source:
   * {@code String v = await(tg.start(st -> child(st)))} suspends on
   * {@code AsyncFrame.<String>$typed(tg.start(st -> child(st)))}, so javac infers {@code start}'s
   * type argument from {@code String} as it does in the original.
   */
  public static <T> Awaitable<? extends T> $typed(Awaitable<? extends T> awaitable) {
    return awaitable;
  }

  /** Throws {@code t} unchanged ({@code throw $rethrow(t)} keeps the compiler's flow analysis happy). */
  public static RuntimeException $rethrow(Throwable t) {
    throw AsyncFrame.<RuntimeException>sneaky(t);
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  /**
   * What the generated frame says about itself, in one string literal (one constant is cheaper to
   * compile than a method per fact): the user's class (binary name), method, source file, the
   * method's description, then the resume state and the user's line of each {@code await},
   * {@code |}-separated:
   * {@code "golden.Pump|drain|Pump.java|Pump.drain (Pump.java:15)|3:19 4:23"}. Null (the default)
   * for a hand-written frame. Read only by {@link #toString()}, {@link #$where()} (async stack
   * traces, task dumps) and error messages, never on the happy path; parsed once per class.
   */
  protected String $info() {
    return null;
  }

  /** {@code "Pump.drain (Pump.java:15) in state 3"}: the user's method and the frame's state. */
  @Override
  public String toString() {
    Info info = INFO.get(getClass()).of(this);
    return info == null ? super.toString() : info.description() + " in state " + $state;
  }

  /** The user's file:line of the await the frame is suspended at, from {@link #$info()}. */
  @Override
  protected StackTraceElement $where() {
    Info info = INFO.get(getClass()).of(this);
    if (info == null) {
      return null;
    }
    for (int i = 0; i < info.states().length; i++) {
      if (info.states()[i] == $state) {
        return new StackTraceElement(info.className(), info.method(), info.file(), info.lines()[i]);
      }
    }
    return null;
  }

  /** {@code default:} of the state switch: a state the machine does not have (a bug, never a user error). */
  protected final IllegalStateException $badState() {
    return new IllegalStateException(this + ": resumed in a state the machine does not have");
  }

  /** {@code default:} of a lowered finally's completion switch (a bug, never a user error). */
  protected final IllegalStateException $badCompletion(int completion) {
    return new IllegalStateException(this + ": finally ended with unknown completion " + completion);
  }

  private static final ClassValue<Lazy> INFO = new ClassValue<>() {
    @Override
    protected Lazy computeValue(Class<?> type) {
      return new Lazy();
    }
  };

  /** The parsed {@link #$info()} of one class, computed the first time a frame of it is asked. */
  private static final class Lazy {
    private volatile Object value; // an Info, or NONE

    Info of(AsyncFrame<?> frame) {
      Object v = value;
      if (v == null) {
        String s = frame.$info();
        Info parsed = s == null ? null : Info.parse(s);
        v = parsed == null ? NONE : parsed;
        value = v;
      }
      return v == NONE ? null : (Info) v;
    }

    private static final Object NONE = new Object();
  }

  /** {@link #$info()} parsed: {@code lines[i]} is the user's line of the await resuming in {@code states[i]}. */
  private record Info(String className, String method, String file, String description, int[] states, int[] lines) {
    static Info parse(String s) {
      String[] parts = s.split("\\|", -1);
      if (parts.length != 5) {
        return null; // not what the processor writes: the frame says nothing rather than fail a trace
      }
      String[] pairs = parts[4].isEmpty() ? new String[0] : parts[4].split(" ");
      int[] states = new int[pairs.length];
      int[] lines = new int[pairs.length];
      for (int i = 0; i < pairs.length; i++) {
        int colon = pairs[i].indexOf(':');
        try {
          states[i] = Integer.parseInt(pairs[i].substring(0, colon));
          lines[i] = Integer.parseInt(pairs[i].substring(colon + 1));
        } catch (RuntimeException e) {
          return null;
        }
      }
      return new Info(parts[0], parts[1], parts[2], parts[3], states, lines);
    }
  }
}
