package io.ecomanalytics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code curl} example of this module's README, sent to a dashboard over the {@code tiny} dataset: the
 * abbreviated answer printed below it must be part of the real answer (every key shown has the value shown; an array
 * shows its first elements).
 */
@ExtendWith(ServedStores.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardReadmeIT {
    private static final Path README = Path.of("README.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "```sh\\ncurl -s (?:-X (\\w+) )?'?http://127\\.0\\.0\\.1:PORT/([^'\\s]*)'?\\n```\\n+```json\\n(.*?)```",
            Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private URI root;

    record Example(String method, String path, String answer) {
        @Override
        public String toString() {
            return method + " /" + path;
        }
    }

    @BeforeAll
    void start(ServedStores stores) {
        root = stores.address();
        stores.plantLiveMetrics();
    }

    static Stream<Example> examples() throws IOException {
        Matcher matcher = EXAMPLE.matcher(Files.readString(README));
        List<Example> examples = new ArrayList<>();
        while (matcher.find()) {
            examples.add(new Example(matcher.group(1) == null ? "GET" : matcher.group(1), matcher.group(2),
                    matcher.group(3)));
        }
        assertThat(examples).as("curl examples in " + README.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(8);
        return examples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theReadmesAnswerIsPartOfTheRealAnswer(Example example) throws IOException {
        HttpCalls.Answer answer = HttpCalls.send(root, example.method(), example.path());

        JsonNode documented = JSON.readTree(example.answer());
        assertContained(documented, answer.json(), "$");
        if (!documented.has("status")) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        } else {
            assertThat(answer.status()).isEqualTo(documented.get("status").asInt());
        }
    }

    private static void assertContained(JsonNode documented, JsonNode actual, String where) {
        if (documented.isObject()) {
            assertThat(actual.isObject()).as(where + " is an object in " + actual).isTrue();
            Iterator<Map.Entry<String, JsonNode>> fields = documented.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertThat(actual.has(field.getKey())).as(where + "." + field.getKey() + " in " + actual).isTrue();
                assertContained(field.getValue(), actual.get(field.getKey()), where + "." + field.getKey());
            }
        } else if (documented.isArray()) {
            assertThat(actual.isArray()).as(where + " is an array").isTrue();
            assertThat(actual.size()).as(where + " size").isGreaterThanOrEqualTo(documented.size());
            for (int i = 0; i < documented.size(); i++) {
                assertContained(documented.get(i), actual.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(where).isEqualTo(documented);
        }
    }
}
