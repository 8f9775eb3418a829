package dev.baton.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor reports: a stable tag, and a message of the form
 * {@code [Tag] Rule; specifics. What to do instead}. {@code docs/diagnostics.md} lists them all and
 * {@code DiagnosticsCoverageTest} fails if one has no negative test.
 */
public enum Diag {
  AsyncAwaitOutsideAsync("await(...) may only be called inside an @Async method; %s. "
      + "Annotate the enclosing method with @Async (it must return Coroutine<T>), or run the awaitable with Baton.run"),
  AsyncAwaitInLambda("await(...) cannot be used inside a lambda or method reference; the lambda body is not part of the "
      + "state machine. Move the await into the @Async method body, or make the lambda's work an @Async method"),
  AsyncAwaitInClassBody("await(...) cannot be used inside an anonymous or local class body; %s. Move the await into the "
      + "@Async method body, or make that code an @Async method"),
  AsyncAwaitInSynchronized("await(...) cannot be used inside a synchronized block; a monitor cannot be held across a "
      + "switch point. Do the awaiting outside the synchronized block"),
  AsyncReturnType("@Async method '%s' must return dev.baton.Coroutine<T>, not %s. Declare the return type "
      + "Coroutine<T> (Coroutine<Void> for no result) and end with 'return done(value)'"),
  AsyncModifier("@Async method '%s' cannot be %s; the generated class overrides or re-declares it. Remove '%s'"),
  AsyncEnclosingType("@Async method '%s' must be declared in a top-level or static nested class; %s. "
      + "Move the method into a class"),
  AsyncFinalClass("@Async method '%s' is declared in final class %s, which the generated class must extend. "
      + "Remove 'final' from the class"),
  AsyncPrivateClass("@Async method '%s' is declared in private class %s, which the generated class cannot extend. "
      + "Make the class package-private"),
  AsyncInnerClass("@Async method '%s' is declared in inner (non-static) class %s; the generated class cannot supply its "
      + "enclosing instance. Make the class static"),
  AsyncNoConstructor("Class %s has no constructor that the generated class %s can call (all are private). "
      + "Add a package-private or more visible constructor"),
  AsyncPrivateAccess("An @Async body cannot use private %s '%s' of %s; the generated class is a separate class that "
      + "cannot reach it. Make it package-private"),
  AsyncSuper("An @Async body cannot use '%2$s.%1$s': %3$s. Call it from a helper method of the class "
      + "instead"),
  AsyncAwaitAnnotation("@Await on a local variable is only allowed on the variable of an enhanced for "
      + "(async iteration) or on a try-with-resources resource (async close); '%s' is neither. Remove @Await"),
  AsyncVarType("The type of 'var %s' cannot be written in the generated code (%s), but the variable lives across a "
      + "switch point. Declare its type explicitly"),
  AsyncAnonymousValue("'%s' uses a member of a value whose type is an anonymous class (%s), and the generated code "
      + "must keep that value across a switch point, where it can only be typed as the class's supertype. Use a "
      + "local class instead, which the generated code can name"),
  AsyncTaskGroupWithoutAwait("A TaskGroup must be entered with @Await, its exit waits for the children; '%s' is "
      + "entered synchronously and would throw IllegalStateException when it closes. Write "
      + "'try (@Await TaskGroup %s = createTaskGroup())'"),
  AsyncMissingType("@Async methods of %s use a type that was never found or generated: %s. Check the name and the "
      + "imports; if another annotation processor generates the type, run it in the same compilation"),
  AsyncUnsupportedEnvironment("The Baton processor needs javac's Compiler Tree API (com.sun.source.util.Trees), but "
      + "this build hands it a wrapped processing environment (%s) that it cannot unwrap. Build with javac "
      + "(Maven/Gradle delegate to it; in IntelliJ delegate build actions to Maven or Gradle)"),
  AsyncGeneratedNameTaken("The generated class %s for %s would replace a class declared in this compilation. "
      + "Rename that class"),
  AsyncAwaitMethodNotStatic("@Await method '%s' must be static to be a switch point; an instance method is never "
      + "treated as one. Make it static (it takes the awaitable as its only parameter)"),
  AsyncInternalError("The Baton processor failed on '%s'; this is a bug, please report it with this message: %s"),

  // ---- warnings (lints): each can be suppressed with @SuppressWarnings("baton:<key>") ----------------
  AsyncDroppedAwaitable("baton:dropped", "%s creates an awaitable that nothing awaits, so it never runs; a bare "
      + "'sleep(1);' or 'save(x);' does nothing. Write 'await(...)' around it, or start it as a task"),
  AsyncUntransformedCall("baton:untransformed", "%s calls the untransformed body of @Async method '%s'; only the "
      + "generated %s runs it as a coroutine. Call %s instead"),
  AsyncBlockingCall("baton:blocking", "%s blocks the thread, and with it every task of the loop, from inside an "
      + "@Async body. Use the runtime's own operation (await(sleep(...)), a stream, a task group) instead"),
  AsyncSwallowedCancellation("baton:cancellation", "This catch of %s can catch the loop's Cancelled and does not "
      + "rethrow it; cancellation that is swallowed leaves the cancel scope waiting forever. Rethrow it, or "
      + "catch a narrower type");

  private final String format;
  /** For a warning, the key of {@code @SuppressWarnings("baton:...")} that silences it; else null. */
  private final String suppressKey;

  Diag(String format) {
    this(null, format);
  }

  Diag(String suppressKey, String format) {
    this.format = format;
    this.suppressKey = suppressKey;
  }

  /** True for the lints, which are warnings. */
  public boolean isWarning() {
    return suppressKey != null;
  }

  /** The {@code @SuppressWarnings} value that silences this warning, or null for an error. */
  public String suppressKey() {
    return suppressKey;
  }

  /** The full message: {@code [Tag] } followed by the formatted rule text. */
  public String format(Object... args) {
    String text = "[" + name() + "] " + String.format(Locale.ROOT, format, args);
    return suppressKey == null ? text
        : text + ". If this is intended, suppress it with @SuppressWarnings(\"" + suppressKey + "\")";
  }

  public String tag() {
    return "[" + name() + "]";
  }
}
