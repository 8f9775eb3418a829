package dev.baton.processor.difffuzz;

/** A {@link Shape}. */
public record Rect(int w, int h) implements Shape {}
