package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTablesTest {

    @Test
    void csvQuotesOnlyTheValuesThatNeedIt() {
        String csv = TextTables.csv(List.of("user_id", "note"), List.of(
                List.of("u1", "plain"),
                List.of("Smith, Jane", "say \"hi\""),
                List.of("Zoë", "two\nlines")));
        String newline = System.lineSeparator();
        assertThat(csv).isEqualTo("user_id,note" + newline
                + "u1,plain" + newline
                + "\"Smith, Jane\",\"say \"\"hi\"\"\"" + newline
                + "Zoë,\"two\nlines\"" + newline);
    }

    @Test
    void alignedTablesCountTheirRows() {
        assertThat(TextTables.aligned(List.of("os", "sessions"), List.of(List.of("iOS", "12"))))
                .isEqualTo("os  | sessions" + System.lineSeparator()
                        + "----+---------" + System.lineSeparator()
                        + "iOS | 12      " + System.lineSeparator()
                        + "1 row" + System.lineSeparator());
    }
}
