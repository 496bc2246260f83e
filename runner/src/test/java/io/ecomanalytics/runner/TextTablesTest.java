package io.ecomanalytics.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTablesTest {
    private static final String NL = System.lineSeparator();

    @Test
    void alignedPadsEveryColumnToItsWidestValueAndCountsTheRows() {
        String table = TextTables.aligned(List.of("category_id", "revenue"),
                List.of(List.of("cat_001", "1234.50"), List.of("cat_10", "7.00")));

        assertThat(table).isEqualTo("category_id | revenue" + NL
                + "------------+--------" + NL
                + "cat_001     | 1234.50" + NL
                + "cat_10      | 7.00   " + NL
                + "2 rows" + NL);
    }

    @Test
    void csvQuotesValuesWithCommasQuotesOrLineBreaks() {
        String csv = TextTables.csv(List.of("name", "note"),
                List.of(List.of("Home & Kitchen", "plain"), List.of("a,b", "say \"hi\"")));

        assertThat(csv).isEqualTo("name,note" + NL + "Home & Kitchen,plain" + NL + "\"a,b\",\"say \"\"hi\"\"\"" + NL);
    }

    @Test
    void anEmptyResultStillShowsTheHeader() {
        assertThat(TextTables.aligned(List.of("x"), List.of())).isEqualTo("x" + NL + "-" + NL + "0 rows" + NL);
    }
}
