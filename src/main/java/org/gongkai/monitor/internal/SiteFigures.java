package org.gongkai.monitor.internal;

import java.util.List;

/**
 * A website's figures from the latest runs of the agencies it shows: how many, their lowest and
 * mean score, how many are vetoed (a single veto fails the site under the 2019 index) and the
 * findings open on it.
 */
record SiteFigures(int agencies, int lowest, int mean, int vetoed, int findings, boolean passed) {

  static SiteFigures of(List<MonitorRuns.Ranked> runs) {
    if (runs.isEmpty()) {
      return new SiteFigures(0, 0, 0, 0, 0, false);
    }
    int lowest = runs.stream().mapToInt(MonitorRuns.Ranked::score).min().orElse(0);
    int mean =
        (int) Math.round(runs.stream().mapToInt(MonitorRuns.Ranked::score).average().orElse(0));
    int vetoed = (int) runs.stream().filter(MonitorRuns.Ranked::vetoed).count();
    int findings = runs.stream().mapToInt(MonitorRuns.Ranked::findings).sum();
    return new SiteFigures(runs.size(), lowest, mean, vetoed, findings, vetoed == 0 && mean >= 60);
  }
}
