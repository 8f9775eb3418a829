package dev.baton.processor.difffuzz;

/** A {@link Shape}. */
public record Circle(int r) implements Shape {}
