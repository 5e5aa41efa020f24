package org.lettermerge.problems;

import java.util.List;
import java.util.stream.Collectors;

/** The input (campaign file, template, recipients, data) cannot be used as it is; nothing has been sent. */
public final class InvalidInputException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInputException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
