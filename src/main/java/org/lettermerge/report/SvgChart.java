package org.lettermerge.report;

import java.util.Locale;

/**
 * The sends-and-replies chart as inline SVG: per bucket, a bar for letters accepted and a bar for replies, heights
 * proportional to the counts on a shared scale, with the axes labelled and a legend. Inline so the report stays
 * one self-contained file; no namespace URL is needed for SVG inside HTML.
 */
final class SvgChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 300;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 64;

    private SvgChart() {}

    static String of(Buckets buckets) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int max = buckets.max();
        int n = buckets.all().size();
        double slot = (double) plotWidth / n;
        double bar = Math.min(40, Math.max(1, slot * 0.38));
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\">\n");
        svg.append("<title>Letters accepted and replies received per ")
                .append(buckets.unit().toString().toLowerCase(Locale.ROOT).replaceAll("s$", "")).append("</title>\n");
        legend(svg);
        int baseline = TOP + plotHeight;
        svg.append(line(LEFT, TOP, LEFT, baseline)).append(line(LEFT, baseline, WIDTH - RIGHT, baseline));
        for (int tick : java.util.stream.IntStream.of(0, (max + 1) / 2, max).distinct().toArray()) {
            double y = baseline - (double) tick * plotHeight / max;
            svg.append(text(LEFT - 6, y + 4, "end", Integer.toString(tick)));
        }
        for (int i = 0; i < n; i++) {
            Buckets.Bucket b = buckets.all().get(i);
            double x = LEFT + i * slot + (slot - 2 * bar) / 2;
            svg.append(rect("sends", b, b.sends(), x, bar, baseline, plotHeight, max));
            svg.append(rect("replies", b, b.replies(), x + bar, bar, baseline, plotHeight, max));
            if (i % labelEvery == 0) {
                svg.append(text(LEFT + i * slot + slot / 2, baseline + 16, "middle", b.label()));
            }
        }
        svg.append(text(LEFT + plotWidth / 2.0, HEIGHT - 12, "middle", buckets.axisTitle()));
        svg.append("<text x=\"14\" y=\"").append(TOP + plotHeight / 2).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(TOP + plotHeight / 2).append(")\">Count</text>\n");
        return svg.append("</svg>\n").toString();
    }

    private static void legend(StringBuilder svg) {
        svg.append("<g class=\"legend\">\n")
                .append("<rect class=\"key-sends\" x=\"").append(LEFT).append("\" y=\"10\" width=\"12\" height=\"12\"/>\n")
                .append(text(LEFT + 18, 21, "start", "Letters accepted by the server"))
                .append("<rect class=\"key-replies\" x=\"").append(LEFT + 250).append("\" y=\"10\" width=\"12\" height=\"12\"/>\n")
                .append(text(LEFT + 268, 21, "start", "Replies received"))
                .append("</g>\n");
    }

    private static String rect(String kind, Buckets.Bucket b, int count, double x, double width, int baseline,
                               int plotHeight, int max) {
        double height = (double) count * plotHeight / max;
        return "<rect class=\"bar " + kind + "\" data-bucket=\"" + Html.escape(b.label()) + "\" data-count=\"" + count
                + "\" x=\"" + num(x) + "\" y=\"" + num(baseline - height) + "\" width=\"" + num(width) + "\" height=\""
                + num(height) + "\"><title>" + Html.escape(b.label()) + ": " + count + " " + kind + "</title></rect>\n";
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line class=\"axis\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\""
                + num(y2) + "\"/>\n";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\">" + Html.escape(content)
                + "</text>\n";
    }

    /** Two decimals with a dot whatever the machine's locale: SVG numbers never use a comma. */
    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
