package io.ecomanalytics.mongo;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The datasets the tests load, from the test class path. */
final class TestDatasets {

    private TestDatasets() {
    }

    /** The dataset the integration tests load and recompute independently. */
    static Path standard() {
        return folder("datasets/fixture");
    }

    static Path folder(String resource) {
        URL url = TestDatasets.class.getClassLoader().getResource(resource + "/users.json");
        if (url == null) {
            throw new IllegalStateException("Test dataset " + resource + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
