package dev.baton.processor.difffuzz;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An annotation for types only (as {@code @NonNull} of a nullness checker), written on locals of
 * generated programs: in front of a declaration it annotates the local's type, and the processor
 * must keep it valid where it writes the type qualified.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE_USE)
public @interface FuzzTypeUse {}
