// Draws each dashboard table as a chart. The table stays on the page: it is what screen readers,
// printouts and pages without JavaScript use, and the chart is read from it.
(function () {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('.chart[data-table]').forEach(function (holder) {
    if (holder.dataset.kind === 'none') {
      holder.remove();
      return;
    }
    var table = document.getElementById(holder.dataset.table);
    if (!table) {
      return;
    }
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (c) { return c.textContent; });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var labels = rows.map(function (r) { return r.cells[0].textContent; });
    var line = holder.dataset.kind === 'line';
    var series = heads.map(function (name, i) {
      return {
        name: name, type: line ? 'line' : 'bar', stack: line ? undefined : 'total', connectNulls: line,
        data: rows.map(function (r) {
          var text = r.cells[i + 1].textContent.trim();
          return text === '' ? null : Number(text);
        })
      };
    });
    holder.style.height = '320px';
    var chart = echarts.init(holder);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll' },
      grid: { left: 40, right: 16, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', minInterval: 1, scale: line },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
