package dev.baton;

import dev.baton.core.Operation;

/**
 * An operation of the runtime as users see it: an {@link Awaitable} whose awaiting the core's loop
 * carries out ({@link Operation#begin}).
 *
 * @param <T> the type of the value that awaiting produces
 */
abstract class RuntimeOperation<T> extends Operation implements Awaitable<T> {
  RuntimeOperation() {}

  /** An operation the loop begins from call site {@code site} ({@link Operation#SITE_SEND}, ...). */
  RuntimeOperation(int site) {
    super(site);
  }
}
