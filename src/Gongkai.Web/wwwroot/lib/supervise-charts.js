// Draws the comparison chart from the figures the page already shows as a table (the page reads without this).
(function () {
    var el = document.getElementById('chart');
    if (!el || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(el.getAttribute('data-chart') || '{}');
    if (!data.labels || data.labels.length === 0) { return; }
    el.style.height = '360px';
    var chart = echarts.init(el);
    chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { data: data.series.map(function (s) { return s.name; }) },
        xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, rotate: data.kind === 'peers' ? 30 : 0 } },
        yAxis: [{ type: 'value' }, { type: 'value' }],
        series: data.series.map(function (s, i) { return { name: s.name, type: i === 0 ? 'bar' : 'line', yAxisIndex: i, data: s.data }; })
    });
})();
