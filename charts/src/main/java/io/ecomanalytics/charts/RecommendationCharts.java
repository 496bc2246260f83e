package io.ecomanalytics.charts;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/** The recommendation models side by side on held-out time. */
final class RecommendationCharts {

    static final String NDCG_SERIES = "NDCG@10";
    static final String PRECISION_SERIES = "Precision@10";
    static final String RECALL_SERIES = "Recall@10";
    static final String MAP_SERIES = "MAP@10";

    private RecommendationCharts() {
    }

    /** One group of bars per model, in the given order (the baseline first). */
    static ChartDrawing modelComparison(List<RecommenderScore> scores) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (RecommenderScore score : scores) {
            String model = score.model().replace('_', ' ');
            dataset.addValue(score.ndcg(), NDCG_SERIES, model);
            dataset.addValue(score.precision(), PRECISION_SERIES, model);
            dataset.addValue(score.recall(), RECALL_SERIES, model);
            dataset.addValue(score.meanAveragePrecision(), MAP_SERIES, model);
        }
        String title = "Recommendation models on held-out purchases";
        JFreeChart chart = ChartFactory.createBarChart(title, "Model", "Score (higher is better)", dataset,
                PlotOrientation.VERTICAL, true, false, false);
        Theme.apply(chart, "No recommendation models to compare");
        Theme.addSubtitle(chart, "Top 10 per customer, trained before the evaluation period and scored on what each"
                + " customer bought in it");
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(Formats.decimalFormat());
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, Theme.BLUE);
        renderer.setSeriesPaint(1, Theme.ORANGE);
        renderer.setSeriesPaint(2, Theme.GREEN);
        renderer.setSeriesPaint(3, Theme.REDDISH_PURPLE);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        return new ChartDrawing(ChartKind.RECOMMENDATION_MODELS, chart, title, takeaway(scores));
    }

    /** The best model by NDCG against the first (the baseline). */
    private static String takeaway(List<RecommenderScore> scores) {
        if (scores.isEmpty()) {
            return "No recommendation models to compare.";
        }
        RecommenderScore baseline = scores.get(0);
        RecommenderScore best = scores.stream().max(Comparator.comparingDouble(RecommenderScore::ndcg)).orElseThrow();
        String bestName = best.model().replace('_', ' ');
        if (best == baseline || best.ndcg() <= baseline.ndcg()) {
            return String.format(Locale.ROOT, "No model beats %s on NDCG@10 (%.4f).",
                    baseline.model().replace('_', ' '), baseline.ndcg());
        }
        String ratio = baseline.ndcg() > 0
                ? String.format(Locale.ROOT, ", %.1f times", best.ndcg() / baseline.ndcg()) : "";
        return String.format(Locale.ROOT, "%s leads with NDCG@10 %.4f against %.4f for %s%s.",
                Character.toUpperCase(bestName.charAt(0)) + bestName.substring(1), best.ndcg(),
                baseline.ndcg(), baseline.model().replace('_', ' '), ratio);
    }
}
