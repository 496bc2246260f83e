package io.ecomanalytics.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --store DIR}: keep the embedded stores in a folder between commands (see {@link StoreFolder}). */
final class StoreFolderOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:ECOM_STORE}",
            description = "Keep the embedded MongoDB and HBase in this folder between runs (env ECOM_STORE; default:"
                    + " fresh stores that vanish with the command). A store that already holds the dataset is not"
                    + " loaded again.")
    Path store;

    /**
     * The folder, when given; a usage error when configured stores are given too, since only the embedded stores
     * are kept.
     */
    Optional<Path> folder(CommandSpec spec, StoreOptions stores) {
        if (store != null && (given(stores.mongoUri) || given(stores.zooKeeper))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store keeps the embedded stores: give"
                    + " either --store or --mongo-uri and --zookeeper (also set as ECOM_MONGO_URI, ECOM_ZOOKEEPER),"
                    + " not both.");
        }
        if (store != null && Files.exists(store) && !Files.isDirectory(store)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--store': "
                    + store + " is a file, not a folder.");
        }
        return Optional.ofNullable(store);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
