package io.ecomanalytics.runner;

import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop filesystem with a scheme of its own, {@code elsewhere:}, stored on the local disk: it stands in for HDFS or
 * S3 in tests, where the driver's files must travel through the Hadoop API rather than {@code java.nio}.
 */
public final class ElsewhereFileSystem extends RawLocalFileSystem {
    static final String SCHEME = "elsewhere";

    /** A configuration that maps the {@code elsewhere:} scheme to this class. */
    static Configuration configuration() {
        Configuration configuration = new Configuration(false);
        configuration.set("fs." + SCHEME + ".impl", ElsewhereFileSystem.class.getName());
        configuration.setBoolean("fs." + SCHEME + ".impl.disable.cache", true);
        return configuration;
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
