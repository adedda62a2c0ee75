package io.github.camelvideo.benchmarks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One PNG per scenario (JFreeChart): a bar chart per metric, the loads along the axis, a bar per approach, and the
 * goal drawn as a line where there is one.
 */
final class Charts {

    private static final int WIDTH = 960;
    private static final int PANEL_HEIGHT = 300;
    private static final Color[] SERIES = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728)};

    private Charts() {
    }

    /** Draws the scenario's figures to {@code file}; does nothing when there are none. */
    static void write(String scenario, List<Figure> figures, Path file) throws IOException {
        Set<String> metrics = new LinkedHashSet<>();
        figures.forEach(f -> metrics.add(f.metric()));
        List<JFreeChart> charts = new ArrayList<>();
        for (String metric : metrics) {
            charts.add(chart(scenario, metric, figures.stream().filter(f -> f.metric().equals(metric)).toList()));
        }
        if (charts.isEmpty()) {
            return;
        }
        BufferedImage image = new BufferedImage(WIDTH, PANEL_HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).draw(g, new java.awt.geom.Rectangle2D.Double(0, i * PANEL_HEIGHT, WIDTH, PANEL_HEIGHT));
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static JFreeChart chart(String scenario, String metric, List<Figure> figures) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        figures.forEach(f -> data.addValue(f.value(), f.approach(), f.load()));
        String unit = figures.get(0).unit();
        JFreeChart chart = ChartFactory.createBarChart(scenario + ": " + metric, null, unit, data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < SERIES.length; i++) {
            renderer.setSeriesPaint(i, SERIES[i]);
        }
        double max = figures.stream().mapToDouble(Figure::value).max().orElse(0);
        double minPositive = figures.stream().mapToDouble(Figure::value).filter(v -> v > 0).min().orElse(max);
        if (minPositive > 0 && max / minPositive > 100) {
            // a thread per job next to a fixed pool: only a log scale shows both bars
            LogAxis axis = new LogAxis(unit.isEmpty() ? "log scale" : unit + " (log scale)");
            axis.setSmallestValue(Math.min(1, minPositive / 2));
            plot.setRangeAxis(axis);
        }
        java.util.Set<Goal> goals = new java.util.HashSet<>();
        figures.forEach(f -> goals.add(f.goal()));
        // one line only when every load has the same goal (jobs completed = 1000, 5000… have none in common)
        goals.stream().filter(g -> g != null && goals.size() == 1).findFirst().ifPresent(goal -> {
            ValueMarker marker = new ValueMarker(goal.threshold(), Color.RED, new java.awt.BasicStroke(1.5f));
            marker.setLabel("goal " + goal.text());
            marker.setLabelPaint(Color.RED);
            marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(marker);
        });
        return chart;
    }
}
