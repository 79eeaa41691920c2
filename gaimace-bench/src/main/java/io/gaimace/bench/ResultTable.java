package io.gaimace.bench;

import java.util.List;
import java.util.Locale;

/** Prints results as a Markdown table: benchmark, metric, Gaimace, raw NATS, ratio. */
final class ResultTable {
  private ResultTable() {}

  static String render(List<Report> reports) {
    StringBuilder sb = new StringBuilder();
    sb.append("| benchmark | metric | Gaimace | raw NATS | ratio (Gaimace ÷ raw) |\n");
    sb.append("|---|---|---:|---:|---:|\n");
    for (Report report : reports) {
      for (Result r : report.results()) {
        sb.append("| ")
            .append(r.benchmark())
            .append(" | ")
            .append(r.metric())
            .append(" | ")
            .append(number(r.gaimace(), r.unit()))
            .append(" | ")
            .append(number(r.raw(), r.unit()))
            .append(" | ")
            .append(Double.isNaN(r.ratio()) ? "–" : String.format(Locale.ROOT, "%.2f", r.ratio()))
            .append(" |\n");
      }
    }
    for (Report report : reports) {
      for (String note : report.notes()) {
        sb.append("\n- ").append(note);
      }
    }
    return sb.append('\n').toString();
  }

  static String number(double v, String unit) {
    if (Double.isNaN(v)) {
      return "–";
    }
    String n;
    double abs = Math.abs(v);
    if (abs >= 1000 || (v == Math.rint(v) && !unit.equals("ms") && !unit.equals("s"))) {
      n = String.format(Locale.ROOT, "%,.0f", v);
    } else if (abs >= 100) {
      n = String.format(Locale.ROOT, "%.0f", v);
    } else if (abs >= 10) {
      n = String.format(Locale.ROOT, "%.1f", v);
    } else {
      n = String.format(Locale.ROOT, "%.2f", v);
    }
    return n + " " + unit;
  }
}
