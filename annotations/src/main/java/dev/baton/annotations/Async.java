package dev.baton.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose body is compiled into a state-machine coroutine.
 *
 * <p>An {@code @Async} method is ordinary Java: it declares the return type
 * {@code dev.baton.Coroutine<T>}, and inside its body {@code await(x)} marks every point where the
 * running task may switch to another one. Baton's annotation processor reads the body and writes a
 * class {@code AsyncFoo} (for a class {@code Foo}; {@code AsyncOuter_Inner} for a nested class) that
 * contains the compiled state machine:
 *
 * <pre>{@code
 * import static dev.baton.Baton.*;
 *
 * public class Greeter {
 *   @Async
 *   public Coroutine<String> greet(String name) {
 *     await(sleep(0.5));                 // the task may switch here, and only here
 *     return done("hello " + name);
 *   }
 * }
 *
 * String s = Baton.run(new AsyncGreeter().greet("world"));   // instance methods
 * }</pre>
 *
 * <h2>The rules</h2>
 * <ul>
 *   <li>The method returns {@code Coroutine<T>}. It may be static or an instance method, generic,
 *       and may declare {@code throws}. It may not be private, final, abstract, native or
 *       synchronized, and its class may be neither private nor final (instance methods are
 *       overridden in the generated subclass).</li>
 *   <li>{@code return done(v)} (or {@code return done()} for {@code Coroutine<Void>}) ends the
 *       coroutine with a value; {@code return e} for any other awaitable {@code e} ends it with the
 *       result of awaiting {@code e}.</li>
 *   <li>{@code await(...)} may stand in any statement and almost any expression position; Java's
 *       evaluation order is kept. A position the processor cannot compile is a compile error that
 *       says how to rewrite it. It may not stand inside a lambda, an anonymous or local class body,
 *       or a {@code synchronized} block.</li>
 *   <li>Code between two awaits runs without interruption: no other task of the loop runs there.</li>
 * </ul>
 *
 * <p>Calling an {@code @Async} method on the generated class returns a cold coroutine: nothing runs
 * until it is awaited, started as a task, or passed to {@code Baton.run}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Async {}
