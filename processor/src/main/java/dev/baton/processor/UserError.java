package dev.baton.processor;

import java.util.List;

/** Thrown by a phase that meets input validation should have rejected: carries the problems to report. */
final class UserError extends RuntimeException {
  private final List<Problem> problems;

  UserError(List<Problem> problems) {
    super(problems.isEmpty() ? "user error" : problems.get(0).message(), null, false, false);
    this.problems = List.copyOf(problems);
  }

  UserError(Problem problem) {
    this(List.of(problem));
  }

  List<Problem> problems() {
    return problems;
  }
}
