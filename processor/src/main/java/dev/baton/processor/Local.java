package dev.baton.processor;

/**
 * A user local (or parameter) that lives in a field of the state machine.
 *
 * @param name the name in the user's source
 * @param field the field's name in the frame (the user's name unless that would clash)
 * @param type the field's type as Java source text
 */
record Local(String name, String field, String type) {
  boolean isPrimitive() {
    return switch (type) {
      case "int", "long", "double", "float", "short", "byte", "char", "boolean" -> true;
      default -> false;
    };
  }

  /** The name of the effectively-final copy that lambda and class bodies read. */
  String snapshot() {
    return field + "$snap";
  }
}
