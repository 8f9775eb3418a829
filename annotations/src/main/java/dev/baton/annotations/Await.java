package dev.baton.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a switch point of the Baton language.
 *
 * <p>It has three uses:
 *
 * <ul>
 *   <li><b>On a static method</b> (such as {@code dev.baton.Baton.await}): calling that method
 *       inside an {@code @Async} body is a switch point; the processor compiles the call into a
 *       suspension of the state machine.</li>
 *   <li><b>On the variable of an enhanced {@code for}</b>: asynchronous iteration, like anyio's
 *       {@code async for}. Each step awaits the next item; the loop ends at the end of the stream:
 *       <pre>{@code
 * for (@Await String msg : receiveStream) {
 *   System.out.println(msg);
 * }
 * }</pre></li>
 *   <li><b>On a try-with-resources variable</b>: asynchronous enter and exit, like anyio's
 *       {@code async with}. The exit is a switch point and sees the exception of the body:
 *       <pre>{@code
 * try (@Await TaskGroup tg = createTaskGroup()) {
 *   tg.startSoon(worker(1));
 *   tg.startSoon(worker(2));
 * }   // waits here for both workers
 * }</pre></li>
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.LOCAL_VARIABLE})
public @interface Await {}
