package io.ecomanalytics.runner;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of option values that picocli cannot make by type alone; each failure is a usage error (exit code 2). */
final class CommandArguments {
    private CommandArguments() {
    }

    static void requireFolder(CommandSpec spec, String option, Path folder) {
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': " + folder + " is not a folder.");
        }
    }

    /** The results location of {@code --out}: a local path or a Hadoop filesystem URI. */
    static URI outputLocation(CommandSpec spec, String value) {
        try {
            return OutputFolder.location(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--out': " + e.getMessage());
        }
    }
}
