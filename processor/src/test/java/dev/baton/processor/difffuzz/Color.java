package dev.baton.processor.difffuzz;

/** An enum for enum switches (with and without default) in generated programs. */
public enum Color {
  RED, GREEN, BLUE
}
