package dev.baton.lowlevel;

/**
 * Typing without attribution: how generated code gets back the exact static type of a value it
 * had to keep in an {@code Object} slot across an await.
 *
 * <p>An annotation processor cannot ask javac for the type of an expression in a method body. So
 * when a value must survive a suspension (an operand evaluated before a later await, or the result
 * of an await), the generated code stores it in an {@code Object} field and reads it back through
 * {@code as}, whose first argument is a <em>witness</em>: a lambda, never invoked, whose body is the
 * original expression. Overload resolution on the lambda's result type picks the right
 * {@code as}, so javac itself types the value exactly, primitives included:
 *
 * <pre>{@code
 * // user:       log.add(prefix() + await(rs.receive()));
 * // generated:  state 1:  this.$s0 = this.$self.prefix();  return $await(2, rs.receive());
 * //             state 2:  log.add(Witness.as((Pump_drain $f) -> { var $w = $f.$self.prefix(); return $w; }, this.$s0)
 * //                              + Witness.as((Pump_drain $f) -> { var $w = dev.baton.Baton.await($f.rs.receive()); return $w; }, $value));
 * }</pre>
 *
 * <p>The lambdas take the frame as a parameter and capture nothing, so they are created once per
 * call site and never allocate afterwards. The body declares a {@code var} and returns it so the
 * result is never a constant expression (whose narrowing would otherwise select {@code byte}).
 */
@SuppressWarnings("overloads")
public final class Witness {
  private Witness() {}

  /** A witness of a reference-typed expression. */
  public interface OfRef<F, V> {
    V w(F frame);
  }

  /** A witness of an awaited expression: its body is the awaitable, so its type gives the value's. */
  public interface OfAwaitable<F, T> {
    dev.baton.Awaitable<T> w(F frame);
  }

  /** A witness of an {@code int} expression. */
  public interface OfInt<F> {
    int w(F frame);
  }

  /** A witness of a {@code long} expression. */
  public interface OfLong<F> {
    long w(F frame);
  }

  /** A witness of a {@code double} expression. */
  public interface OfDouble<F> {
    double w(F frame);
  }

  /** A witness of a {@code float} expression. */
  public interface OfFloat<F> {
    float w(F frame);
  }

  /** A witness of a {@code short} expression. */
  public interface OfShort<F> {
    short w(F frame);
  }

  /** A witness of a {@code byte} expression. */
  public interface OfByte<F> {
    byte w(F frame);
  }

  /** A witness of a {@code char} expression. */
  public interface OfChar<F> {
    char w(F frame);
  }

  /** A witness of a {@code boolean} expression. */
  public interface OfBoolean<F> {
    boolean w(F frame);
  }

  /**
   * The value of {@code await(a)}, typed as {@code await} types it: the witness's body is {@code a}.
   * One overload (an awaited value is never primitive), so javac attributes the witness once
   * instead of once per {@code as} overload: this keeps compile time low.
   */
  @SuppressWarnings("unchecked")
  public static <F, T> T awaited(OfAwaitable<F, T> witness, Object value) {
    return (T) value;
  }

  @SuppressWarnings("unchecked")
  public static <F, V> V as(OfRef<F, V> witness, Object value) {
    return (V) value;
  }

  public static <F> int as(OfInt<F> witness, Object value) {
    return (Integer) value;
  }

  public static <F> long as(OfLong<F> witness, Object value) {
    return (Long) value;
  }

  public static <F> double as(OfDouble<F> witness, Object value) {
    return (Double) value;
  }

  public static <F> float as(OfFloat<F> witness, Object value) {
    return (Float) value;
  }

  public static <F> short as(OfShort<F> witness, Object value) {
    return (Short) value;
  }

  public static <F> byte as(OfByte<F> witness, Object value) {
    return (Byte) value;
  }

  public static <F> char as(OfChar<F> witness, Object value) {
    return (Character) value;
  }

  public static <F> boolean as(OfBoolean<F> witness, Object value) {
    return (Boolean) value;
  }

  // box: store a value as the witness's type would hold it (for a conditional whose operand types
  // differ from its own: `c ? anInt : aLong` must be stored as a Long).

  public static <F, V> Object box(OfRef<F, V> witness, V value) {
    return value;
  }

  public static <F> Object box(OfInt<F> witness, int value) {
    return value;
  }

  public static <F> Object box(OfLong<F> witness, long value) {
    return value;
  }

  public static <F> Object box(OfDouble<F> witness, double value) {
    return value;
  }

  public static <F> Object box(OfFloat<F> witness, float value) {
    return value;
  }

  public static <F> Object box(OfShort<F> witness, short value) {
    return value;
  }

  public static <F> Object box(OfByte<F> witness, byte value) {
    return value;
  }

  public static <F> Object box(OfChar<F> witness, char value) {
    return value;
  }

  public static <F> Object box(OfBoolean<F> witness, boolean value) {
    return value;
  }
}
