package dev.baton.processor.difffuzz;

/**
 * The static types of values in whole-language programs ({@link LanguageGenerator}): the generator
 * knows the exact static type of every expression it writes, so that {@code var}, conditional and
 * switch-expression typing (JLS 15.25, 15.28.1), compound assignment (15.26.2) and boxing are all
 * valid Java by construction.
 */
enum Ty {
  INT("int"), LONG("long"), DOUBLE("double"), BOOL("boolean"), CHAR("char"), BYTE("byte"), SHORT("short"),
  INTEGER("Integer"), LONGB("Long"), DOUBLEB("Double"), BOOLB("Boolean"), CHARB("Character"), BYTEB("Byte"),
  SHORTB("Short"),
  STRING("String"), OBJECT("Object"), BOX("Box"), COLOR("Color"), SHAPE("Shape"), CIRCLE("Circle"), RECT("Rect"),
  SQ("Sq"), NUMBER("Number"), PAIR("Pair<?, ?>"),
  INTS("int[]"), LONGS("long[]"), DOUBLES("double[]"), STRINGS("String[]"), CHARS("char[]"), BYTES("byte[]"),
  INTS2("int[][]"), STRINGS2("String[][]"),
  /** The program's own class ({@code §C}). */
  SELF("§C"),
  /** {@code List<IntSupplier>}: the prologue's {@code sups}. */
  SUPPLIERS("List<IntSupplier>"),
  SUPPLIER("IntSupplier"),
  SB("StringBuilder"),
  /** {@code List<Integer>}. */
  LIST("List<Integer>"),
  /** {@code List<? extends Number>}. */
  WILD("List<? extends Number>"),
  /** {@code Map.Entry<String, ? extends Number>}. */
  ENTRY("Map.Entry<String, ? extends Number>"),
  /** A value whose type is an intersection (declared with {@code var}); used as an Object. */
  INTERSECTION(null),
  /** An instance of a local class or record; its name is in {@code Var.cls}. */
  LOCAL(null),
  RESOURCE("FuzzResource");

  final String java;

  Ty(String java) {
    this.java = java;
  }

  boolean isPrimitive() {
    return ordinal() <= SHORT.ordinal();
  }

  boolean isBox() {
    return ordinal() >= INTEGER.ordinal() && ordinal() <= SHORTB.ordinal();
  }

  /** The primitive of a box, or the type itself. */
  Ty unboxed() {
    return switch (this) {
      case INTEGER -> INT;
      case LONGB -> LONG;
      case DOUBLEB -> DOUBLE;
      case BOOLB -> BOOL;
      case CHARB -> CHAR;
      case BYTEB -> BYTE;
      case SHORTB -> SHORT;
      default -> this;
    };
  }

  /** The box of a primitive, or the type itself. */
  Ty boxed() {
    return switch (this) {
      case INT -> INTEGER;
      case LONG -> LONGB;
      case DOUBLE -> DOUBLEB;
      case BOOL -> BOOLB;
      case CHAR -> CHARB;
      case BYTE -> BYTEB;
      case SHORT -> SHORTB;
      default -> this;
    };
  }

  /** Numeric after unboxing. */
  boolean isNumeric() {
    Ty p = unboxed();
    return p.isPrimitive() && p != BOOL;
  }

  /** Integral after unboxing. */
  boolean isIntegral() {
    Ty p = unboxed();
    return p == INT || p == LONG || p == CHAR || p == BYTE || p == SHORT;
  }

  boolean isBoolean() {
    return unboxed() == BOOL;
  }

  boolean isArray() {
    return java != null && java.endsWith("]");
  }

  /** The element type of an array type. */
  Ty element() {
    return switch (this) {
      case INTS -> INT;
      case LONGS -> LONG;
      case DOUBLES -> DOUBLE;
      case STRINGS -> STRING;
      case CHARS -> CHAR;
      case BYTES -> BYTE;
      case INTS2 -> INTS;
      case STRINGS2 -> STRINGS;
      default -> throw new IllegalArgumentException(name());
    };
  }

  /** Unary/binary numeric promotion of one operand (JLS 5.6). */
  Ty promoted() {
    Ty p = unboxed();
    return p == BYTE || p == SHORT || p == CHAR ? INT : p;
  }

  /** Binary numeric promotion. */
  static Ty promote(Ty a, Ty b) {
    Ty x = a.promoted();
    Ty y = b.promoted();
    if (x == DOUBLE || y == DOUBLE) {
      return DOUBLE;
    }
    if (x == LONG || y == LONG) {
      return LONG;
    }
    return INT;
  }

  /** Rank for widening primitive conversion. */
  private int rank() {
    return switch (this) {
      case BYTE -> 1;
      case SHORT, CHAR -> 2;
      case INT -> 3;
      case LONG -> 4;
      case DOUBLE -> 6;
      default -> -1;
    };
  }

  /** Identity or widening primitive conversion from {@code from} to {@code to} (JLS 5.1.2). */
  static boolean widens(Ty from, Ty to) {
    if (from == to) {
      return true;
    }
    if (!from.isPrimitive() || !to.isPrimitive() || from == BOOL || to == BOOL) {
      return false;
    }
    if (to == CHAR || from == CHAR && to == SHORT) {
      return false;
    }
    return from.rank() < to.rank() && !(from == BYTE && to == CHAR);
  }
}
