package org.tandem.requests;

import java.time.LocalDate;

import org.tandem.artifacts.HelpKind;

/** Published when an engineer logs time spent on a request. */
public record TimeLogged(long requestId, long engineerId, LocalDate workDate, int minutes, HelpKind kind) {
}
