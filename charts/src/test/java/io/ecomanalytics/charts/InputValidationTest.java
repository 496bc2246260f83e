package io.ecomanalytics.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputValidationTest {

    @Test
    void aNonFiniteAmountNamesTheRecordAndField() {
        assertThatThrownBy(() -> new CategoryRevenue("cat_001", "Books", Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CategoryRevenue.revenue is NaN; pass a finite number (an upstream division by zero or a "
                        + "missing value is the usual cause)");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> new FunnelStep(" ", 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FunnelStep.name is blank; pass a non-empty name (use the id when no name is known)");
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> new CountFrequency(-1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CountFrequency.count is -1; it cannot be negative");
    }

    @Test
    void aProbabilityOutsideZeroToOneNamesTheCell() {
        assertThatThrownBy(() -> new AliveProbabilityCell(3, 12.5, 1.2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AliveProbabilityCell.probabilityAlive is 1.2 at frequency 3, recency 12.5 days; "
                        + "a probability lies between 0 and 1");
    }

    @Test
    void aNullTableAsksForAnEmptyList() {
        assertThatThrownBy(() -> ChartInputs.empty().withFunnel(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChartInputs.funnel is null; pass an empty list when there is no data (the chart then "
                        + "says so)");
    }

    @Test
    void aNullRowNamesItsIndex() {
        List<DailyRevenue> rows = new ArrayList<>();
        rows.add(new DailyRevenue(java.time.LocalDate.of(2026, 8, 1), 1));
        rows.add(null);
        assertThatThrownBy(() -> ChartInputs.empty().withDailyRevenue(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChartInputs.dailyRevenue has a null row at index 1; drop it before building the "
                        + "ChartInputs");
    }

    @Test
    void tablesAreCopiedSoLaterChangesDoNotLeakIn() {
        List<FunnelStep> steps = new ArrayList<>(List.of(new FunnelStep("Sessions", 10)));
        ChartInputs inputs = ChartInputs.empty().withFunnel(steps);
        steps.add(new FunnelStep("Orders", 1));

        assertThat(inputs.funnel()).containsExactly(new FunnelStep("Sessions", 10));
    }

    @Test
    void chartStyleRefusesSizesThatCannotFitLabels() {
        assertThatThrownBy(() -> new ChartStyle(100, 600, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChartStyle size 100 x 600 is out of range; width and height must lie between 320 and "
                        + "8000 logical pixels (smaller charts cannot fit their labels)");
        assertThatThrownBy(() -> ChartStyle.defaults().withScale(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChartStyle scale 0.0 is out of range; pass a number above 0 and at most 8.0 (1 for "
                        + "screens, 2 or 3 for print)");
    }

    @Test
    void chartStyleComputesPixelsAndResolution() {
        ChartStyle style = ChartStyle.defaults().withSize(1200, 700).withScale(2.5);

        assertThat(style.pixelWidth()).isEqualTo(3000);
        assertThat(style.pixelHeight()).isEqualTo(1750);
        assertThat(style.dotsPerInch()).isEqualTo(240.0);
    }

    @Test
    void headlineFiguresRefuseMoreConversionsThanSessions() {
        assertThatThrownBy(() -> new HeadlineFigures(10, 1, 1, 5, 6, "Books"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HeadlineFigures.convertedSessions (6) exceeds sessions (5); count converted sessions "
                        + "among the same sessions");
    }

    @Test
    void headlineFiguresDeriveAverageOrderValueAndConversionRate() {
        HeadlineFigures figures = new HeadlineFigures(1_000, 8, 5, 40, 10, "Books");

        assertThat(figures.averageOrderValue()).isEqualTo(125.0);
        assertThat(figures.conversionRate()).isEqualTo(0.25);
        assertThat(new HeadlineFigures(0, 0, 0, 0, 0, "").averageOrderValue()).isNaN();
    }

    @Test
    void renderedChartNamesTheSeriesItHasWhenAskedForAnother() {
        RenderedChart chart = new RenderedChart(ChartKind.DAILY_REVENUE, "Revenue per day", "None.",
                java.nio.file.Path.of("x.png"), List.of(new PlottedSeries("Daily revenue", List.of())));

        assertThatThrownBy(() -> chart.series("Weekly"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Chart DAILY_REVENUE has no series named 'Weekly'; it has [Daily revenue]");
    }
}
