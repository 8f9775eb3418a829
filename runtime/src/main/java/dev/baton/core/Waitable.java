package dev.baton.core;

/**
 * Internal, not API: something tasks wait on (a memory stream, a lock, an event), as task dumps and
 * the deadlock report show it: a kind ({@code "memory object stream"}, {@code "Lock"}) that the dump
 * numbers ({@code stream#1}), its state, and the task holding it, if any.
 */
public interface Waitable {
  /** The kind of thing, e.g. {@code "memory object stream"}; a dump numbers each one of a kind. */
  String kind();

  /** Its state in a few words: statistics, what is open, who waits. Loop thread only. */
  String state();

  /**
   * The task that holds it and that alone can free it (a lock's owner), or null: the edge of the
   * deadlock report's wait-for graph.
   */
  default Task holder() {
    return null;
  }

  /**
   * For the deadlock report, when no task holds it: who could still wake its waiters, in words
   * (e.g. {@code "a send: 1 send handle is open, and no task waits to send"}), or null.
   */
  default String wakers() {
    return null;
  }
}
