package dev.baton.processor.lowering;

import static dev.baton.processor.lowering.Differential.check;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Java 21 forms (pattern matching for switch, record patterns): run where the JDK compiles them
 * (the JDK 25 build of CI), each compared with the same body run directly.
 */
class PatternSwitchTest {
  static final String TYPES = """
      sealed interface Shape permits Circle, Rect {}
      record Circle(int r) implements Shape {}
      record Rect(int w, int h) implements Shape {}
      record Box(Object o) {}
      Object pick(int k) {
        return switch (k % 5) {
          case 0 -> new Box("hi");
          case 1 -> "abcdef";
          case 2 -> k;
          case 3 -> null;
          default -> new Box(k);
        };
      }
      """;

  @BeforeEach
  void needsJava21() {
    assumeTrue(Runtime.version().feature() >= 21, "pattern matching for switch needs JDK 21");
  }

  @Test
  void recordPatternsOverASealedInterfaceWithAwaitsInTheArms() {
    check(TYPES, """
        int total = 0;
        for (Shape s : List.of(new Circle(2), new Rect(2, 5), new Circle(1))) {
          total += switch (s) {
            case Circle(int r) -> await(h.val(3 * r * r));
            case Rect(int w, int hh) -> w * await(h.val(hh));
          };
        }
        return done(total);
        """);
  }

  @Test
  void guardsNullAndNestedRecordPatternsWithBindingsAcrossAwaits() {
    check(TYPES, """
        int total = 0;
        for (int k = 0; k < 10; k++) {
          Object o = pick(k);
          String r = switch (o) {
            case null -> "null";
            case String s when s.length() > 3 -> "long " + await(h.val(s.length()));
            case String s -> { await(h.val(1)); yield "short " + s; }
            case Box(String inner) -> { int t = await(h.val(inner.length())); yield "box " + inner + t; }
            case Box(Integer i) when i > 5 -> "big box";
            default -> "other";
          };
          h.log(r);
          if (o instanceof Box(String inner) && inner.length() > 1) {
            await(h.val(2));
            total += inner.length();
          }
        }
        return done(total);
        """);
  }

  @Test
  void patternSwitchStatementWithAnAwaitingSelector() {
    check(TYPES, """
        int total = 0;
        for (int k = 1; k < 8; k++) {
          switch (pick(await(h.val(k)) % 7 + 1)) {
            case Integer i when i > 3 -> { await(h.val(i)); total += i; }
            case Integer i -> total -= i;
            case Box b -> h.log("box " + await(h.val(1)));
            case null, default -> h.log("neither");
          }
        }
        return done(total);
        """);
  }

  @Test
  void guardsThatAwaitAreTestedInOrderWithTheirBindings() {
    check(TYPES, """
        int total = 0;
        for (int k = 0; k < 10; k++) {
          Object o = pick(k);
          String r = switch (o) {
            case null -> "null";
            case String s when s.length() > await(h.val(3)) -> "long " + s;
            case Box(Integer i) when i > await(h.val(i)) + 100 -> "never";
            case Box(Integer i) when await(h.val(i)) > 5 -> "big box " + i;
            case Integer i when i % 2 == 0 && await(h.val(i)) > 0 -> "even " + i;
            default -> "other";
          };
          h.log(r);
          total += r.length();
        }
        return done(total);
        """);
  }
}
