// The dashboard's chart: executions and emails per day. The numbers come from the
// <script type="application/json" id="chart-data"> element (data, not code: allowed by the
// Content-Security-Policy); Chart.js is served from our own origin (npm, vendor/chart.js).
(function () {
  "use strict";

  function draw() {
    var source = document.getElementById("chart-data");
    var canvas = document.getElementById("activity-chart");
    if (!source || !canvas || !window.Chart || canvas.dataset.drawn) {
      return;
    }
    var data = JSON.parse(source.textContent);
    var colours = ["#0b5cad", "#1a7f37"];
    var locale = document.documentElement.lang || "nb";
    canvas.dataset.drawn = "true";
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set, index) {
          return {
            label: set.label,
            data: set.data,
            backgroundColor: colours[index % colours.length],
            borderRadius: 3,
            maxBarThickness: 28,
          };
        }),
      },
      options: {
        locale: locale,
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : undefined,
        interaction: { mode: "index", intersect: false },
        scales: {
          y: { beginAtZero: true, ticks: { precision: 0 } },
          x: { grid: { display: false } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
