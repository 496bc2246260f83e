package io.ecomanalytics.runner;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Where the Kafka broker is. Unlike the stores, {@code replay} and {@code stream} start no broker of their own: an
 * embedded one would live only as long as the command and take the events with it. {@code serve} runs one for as
 * long as it serves and prints its address.
 */
final class KafkaOptions {
    @Option(names = "--kafka-bootstrap", defaultValue = "${env:ECOM_KAFKA_BOOTSTRAP}",
            description = "Kafka bootstrap servers HOST:PORT[,HOST:PORT...] (env ECOM_KAFKA_BOOTSTRAP; 'serve' prints"
                    + " the address of its embedded broker as 'kafka HOST:PORT').")
    String bootstrapServers;

    /** The bootstrap servers, or a usage error that says where to get them. */
    String required(CommandSpec spec) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "No Kafka to talk to: start 'serve' in"
                    + " another terminal (it prints 'kafka HOST:PORT') and pass --kafka-bootstrap HOST:PORT.");
        }
        for (String server : bootstrapServers.split(",")) {
            if (!server.strip().matches("[^:\\s]+:\\d{1,5}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option"
                        + " '--kafka-bootstrap': '" + server.strip() + "' is not HOST:PORT.");
            }
        }
        return bootstrapServers.strip();
    }
}
