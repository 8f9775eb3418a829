package dev.baton.core;

/**
 * Internal, not API: marks a throwable the loop never attaches an async stack trace ({@link AsyncStackTraces}) to.
 * Cancellation is one: it is built without a stack trace so that it stays cheap, it unwinds every
 * frame of a cancelled task, and where it came from is its scope, which its message names.
 */
public interface Untraced {}
