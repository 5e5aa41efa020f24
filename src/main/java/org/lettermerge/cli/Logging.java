package org.lettermerge.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Diagnostics go to stderr through SLF4J: warnings by default, everything with --verbose. */
final class Logging {

    private Logging() {}

    static void quiet() {
        root().setLevel(Level.WARN);
    }

    static void verbose() {
        root().setLevel(Level.DEBUG);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
