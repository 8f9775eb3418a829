package dev.baton.processor;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A piece of generated Java text, and the hoisted locals it reads through a snapshot (inside a lambda
 * or class body): the statement that finally holds the text must declare those snapshots first.
 */
record Code(String text, Set<Local> snapshots) {
  Code {
    snapshots = Collections.unmodifiableSet(new LinkedHashSet<>(snapshots));
  }

  static Code of(String text) {
    return new Code(text, Set.of());
  }

  Code map(String newText) {
    return new Code(newText, snapshots);
  }

  static Set<Local> union(Iterable<Code> codes) {
    Set<Local> all = new LinkedHashSet<>();
    for (Code c : codes) {
      all.addAll(c.snapshots);
    }
    return all;
  }
}
