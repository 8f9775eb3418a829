package dev.baton.processor.support;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The names of the other artifacts' types the processor depends on (AutoValue's {@code ClassNames}):
 * the annotations, the runtime API, and the protocol generated code is written against
 * ({@code docs/protocol.md}).
 */
public final class Names {
  private Names() {}

  public static final String ASYNC = "dev.baton.annotations.Async";
  public static final String AWAIT = "dev.baton.annotations.Await";

  public static final String BATON = "dev.baton.Baton";
  public static final String COROUTINE = "dev.baton.Coroutine";
  public static final String AWAITABLE = "dev.baton.Awaitable";
  public static final String TASK_GROUP = "dev.baton.TaskGroup";
  public static final String CANCELLED = "dev.baton.Cancelled";

  /** The base class of every frame. */
  public static final String ASYNC_FRAME = "dev.baton.lowlevel.AsyncFrame";
  public static final String ASYNC_CLOSEABLE = "dev.baton.lowlevel.AsyncCloseable";
  public static final String ASYNC_ITERABLE = "dev.baton.lowlevel.AsyncIterable";

  /** The annotation every generated class carries. */
  public static final String GENERATED = "javax.annotation.processing.Generated";
  public static final String PROCESSOR = "dev.baton.processor.AsyncProcessor";

  public static boolean hasAnnotation(Element e, String qualifiedName) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  /** {@code dev.baton.lowlevel.AsyncFrame.member}: how generated code names a protocol helper. */
  public static String frame(String member) {
    return ASYNC_FRAME + "." + member;
  }
}
