package io.ecomanalytics.runner;

/** The exit codes of every command; the README lists them. */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** The command failed while running: a store could not be reached, a file could not be read, a stage failed. */
    public static final int FAILED = 1;
    /** The command line was wrong: unknown option, missing value, a folder that does not exist. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
