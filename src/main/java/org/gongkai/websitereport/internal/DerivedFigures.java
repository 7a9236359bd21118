package org.gongkai.websitereport.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.gongkai.websitereport.internal.ReportViews.Figure;

/**
 * The computed rows made of other rows, some of them entered: 解读信息发布总数 (the materials counted plus
 * the products and commentaries entered) and the supervision report's 办结率 (error reports handled of
 * those received, in percent; none when none were received). Each is filled once its parts are.
 */
final class DerivedFigures {

  static void derive(List<Figure> figures, boolean supervision) {
    if (supervision) {
      BigDecimal received = number(figures, "errors.received");
      BigDecimal handled = number(figures, "errors.handled");
      if (received != null && handled != null && received.signum() > 0) {
        set(
            figures,
            "errors.rate",
            handled.multiply(BigDecimal.valueOf(100)).divide(received, 1, RoundingMode.HALF_UP));
      }
      return;
    }
    long sum = 0;
    for (String part :
        List.of("interpretation.materials", "interpretation.products", "interpretation.media")) {
      BigDecimal n = number(figures, part);
      if (n == null) {
        return;
      }
      sum += n.longValue();
    }
    set(figures, "interpretation.total", sum);
  }

  static BigDecimal number(List<Figure> figures, String key) {
    return figures.stream()
        .filter(f -> f.key().equals(key))
        .findFirst()
        .map(Figure::value)
        .filter(Number.class::isInstance)
        .map(n -> new BigDecimal(n.toString()))
        .orElse(null);
  }

  private static void set(List<Figure> figures, String key, Object value) {
    for (int i = 0; i < figures.size(); i++) {
      Figure f = figures.get(i);
      if (f.key().equals(key)) {
        figures.set(
            i,
            new Figure(
                f.key(), f.section(), f.kind(), value, f.source(), f.from(), null, null, null));
      }
    }
  }

  private DerivedFigures() {}
}
