package dev.baton.core;

/** Internal, not API: how the protocol ({@code dev.baton.lowlevel.AsyncFrame}) reaches the runtime's resources. */
public final class Resources {
  /** The value of an async-iteration step at the end of the source ({@code AsyncFrame.END}). */
  public static final Object END = new Frame.Marker("END");

  private Resources() {}

  /** Whether {@code o} is one of the runtime's own resources. */
  public static boolean isRuntimeResource(Object o) {
    return o instanceof Resource;
  }

  /** {@link Resource#exitAsync} of {@code resource}. */
  public static Object exitAsync(Object resource, Throwable pending) {
    return ((Resource) resource).exitAsync(pending);
  }

  /**
   * Closes {@code resource} at the end of a plain try-with-resources whose body ended with
   * {@code pending} (null if none) and returns what propagates: a runtime resource decides
   * ({@link Resource#exitSync}); any other is closed as JLS 14.20.3 says.
   */
  public static Throwable exitSync(AutoCloseable resource, Throwable pending) {
    if (resource instanceof Resource) {
      return ((Resource) resource).exitSync(pending);
    }
    return close(resource, pending);
  }

  /** JLS 14.20.3: closes {@code resource}; a failure is what propagates if {@code pending} is null, else suppressed on it. */
  static Throwable close(AutoCloseable resource, Throwable pending) {
    try {
      resource.close();
    } catch (Throwable t) {
      if (pending == null) {
        return t;
      }
      if (pending != t) {
        pending.addSuppressed(t);
      }
    }
    return pending;
  }

  /** {@link Resource#next} of {@code resource}. */
  public static Object next(Object resource) {
    return ((Resource) resource).next();
  }
}
