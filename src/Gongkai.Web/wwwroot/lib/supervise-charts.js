// Draws the comparison chart from the figures the page already shows as a table (the page reads without this).
(function () {
    var el = document.getElementById('chart');
    if (!el || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(el.getAttribute('data-chart') || '{}');
    if (!data.labels || data.labels.length === 0) { return; }
    var peers = data.kind === 'peers';
    el.style.height = peers ? '420px' : '360px';
    var chart = echarts.init(el);
    chart.setOption({
        tooltip: { trigger: 'axis' },
        // The legend on its own line at the top; the grid below it holds the (rotated, long) agency names inside the
        // chart (containLabel), so neither the legend nor the page below covers them.
        legend: { top: 0, data: data.series.map(function (s) { return s.name; }) },
        grid: { top: 48, left: 16, right: 16, bottom: 8, containLabel: true },
        xAxis: {
            type: 'category', data: data.labels,
            axisLabel: { interval: 0, rotate: peers ? 30 : 0, width: 140, overflow: 'truncate' }
        },
        yAxis: [{ type: 'value' }, { type: 'value' }],
        series: data.series.map(function (s, i) { return { name: s.name, type: i === 0 ? 'bar' : 'line', yAxisIndex: i, data: s.data }; })
    });
})();
