package dev.baton.processor.difffuzz;

/** A {@link Shape} holding a shape: for nested record patterns ({@code case Sq(Circle(int r), int k)}). */
public record Sq(Shape inner, int k) implements Shape {}
