/**
 * The Baton language: {@link dev.baton.annotations.Async} methods compiled into state machines,
 * and {@link dev.baton.annotations.Await} switch points.
 */
package dev.baton.annotations;
