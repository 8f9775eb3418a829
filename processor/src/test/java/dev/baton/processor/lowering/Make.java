package dev.baton.processor.lowering;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a class for {@link GeneratedTypeTest.MakerProcessor}, as @AutoValue marks one for AutoValue. */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Make {}
