/**
 * Internal, not API: the core of the runtime, on which the public API ({@code dev.baton}) and the
 * protocol of generated code ({@code dev.baton.lowlevel}) are built: the loop and its run queue
 * ({@link dev.baton.core.Loop}), tasks and their frames ({@link dev.baton.core.Task},
 * {@link dev.baton.core.Frame}), the operations tasks park on ({@link dev.baton.core.Operation},
 * {@link dev.baton.core.WaitQueue}), timers, and the plumbing of cancellation
 * ({@link dev.baton.core.CancelStatus}).
 *
 * <p>Java has no friend packages, so these classes are public; they are not part of Baton's API,
 * may change in any release, and must not be used by applications (like kotlinx.coroutines'
 * {@code internal} and trio's {@code _core}). This package depends on nothing else in Baton.
 */
package dev.baton.core;
