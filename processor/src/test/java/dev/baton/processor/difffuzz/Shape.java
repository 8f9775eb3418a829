package dev.baton.processor.difffuzz;

/** A sealed interface for exhaustive pattern-matching switches (Java 21 programs). */
public sealed interface Shape permits Circle, Rect, Sq {}
