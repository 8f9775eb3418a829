package dev.baton;

/**
 * Anything {@code await(...)} accepts: a {@link Coroutine}, or an operation of the runtime such as
 * {@link Baton#sleep(double)}, {@link MemoryObjectSendStream#send(Object)} or
 * {@link TaskGroup#start(java.util.function.Function)}.
 *
 * <p>Users never implement this interface: the loop only knows how to await coroutines (which it
 * calls) and its own operations (which may park the task). Awaiting anything else fails with an
 * {@link IllegalArgumentException}.
 *
 * @param <T> the type of the value that awaiting produces
 */
public interface Awaitable<T> {}
