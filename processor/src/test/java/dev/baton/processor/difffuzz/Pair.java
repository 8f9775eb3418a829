package dev.baton.processor.difffuzz;

/** A generic record: {@code Pair<String, Integer>}, record patterns with {@code var}. */
public record Pair<A, B>(A first, B second) {}
