package io.github.camelvideo.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The figures of a run as a printed table, a CSV file and a markdown page. */
final class Report {

    private static final String[] HEADER = {"load", "approach", "metric", "value", "unit", "goal", "verdict"};

    private Report() {
    }

    /** Prints one scenario's figures as an aligned table. */
    static void print(String scenario, List<Figure> figures, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        figures.forEach(f -> rows.add(cells(f)));
        int[] widths = new int[HEADER.length];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        out.println();
        out.println("== " + scenario + " ==");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                boolean right = i == 3;
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(right ? pad + cell : cell + pad).append(i < row.length - 1 ? "  " : "");
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Writes {@code results.csv} with every figure. */
    static void writeCsv(List<Figure> figures, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("scenario,").append(String.join(",", HEADER)).append('\n');
        for (Figure f : figures) {
            csv.append(csvCell(f.scenario()));
            for (String cell : cells(f)) {
                csv.append(',').append(csvCell(cell));
            }
            csv.append('\n');
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    /** Writes {@code results.md}: a table per scenario, each followed by its plot. */
    static void writeMarkdown(List<String> scenarios, List<Figure> figures, Path file) throws IOException {
        StringBuilder md = new StringBuilder();
        for (String scenario : scenarios) {
            md.append(markdownTable(scenario, figures.stream().filter(f -> f.scenario().equals(scenario)).toList()));
        }
        Files.writeString(file, md, StandardCharsets.UTF_8);
    }

    /** One scenario's table in markdown, with a heading. */
    static String markdownTable(String scenario, List<Figure> figures) {
        StringBuilder md = new StringBuilder("### ").append(scenario).append("\n\n");
        if (figures.isEmpty()) {
            return md.append("no figures\n\n").toString();
        }
        md.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        for (int i = 0; i < HEADER.length; i++) {
            md.append(i == 3 ? "---:|" : "---|");
        }
        md.append('\n');
        for (Figure f : figures) {
            String[] cells = cells(f);
            if (cells[6].equals("MISS")) {
                cells[6] = "**MISS**";
            }
            md.append("| ").append(String.join(" | ", cells).replace("≤", "&le;").replace("≥", "&ge;")).append(" |\n");
        }
        return md.append('\n').toString();
    }

    private static String[] cells(Figure f) {
        return new String[] {f.load(), f.approach(), f.metric(), f.valueText(), f.unit(), f.goalText(), f.verdict()};
    }

    private static String csvCell(String cell) {
        return cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
