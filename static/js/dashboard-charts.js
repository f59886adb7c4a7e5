/* The charts of leadership's overview (reporting/dashboards), drawn with Chart.js from the figures the page
   carries as JSON (#dashboard-data) and the labels in the reader's language (#dashboard-labels data-*).
   No inline script: the Content-Security-Policy allows none. The same figures stand in tables below. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  var words = document.getElementById("dashboard-labels");
  if (typeof Chart === "undefined" || !source || !words) { return; }
  var data = JSON.parse(source.textContent);
  var t = words.dataset;
  Chart.defaults.font.size = 13;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.animation = false;  // a projector, a print, a screenshot: the final figures at once
  function draw(id, config) { var el = document.getElementById(id); if (el) { new Chart(el, config); } }
  draw("chart-plans", {type: "bar", data: {labels: data.plans.labels, datasets: [
    {label: t.plans, data: data.plans.counts, backgroundColor: "#0d6efd"}]},
    options: {plugins: {legend: {display: false}}, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}});
  draw("chart-tasks", {type: "bar", data: {labels: data.tasks.labels, datasets: [
    {label: t.done, data: data.tasks.done, backgroundColor: "#198754"},
    {label: t.inProgress, data: data.tasks.in_progress, backgroundColor: "#0dcaf0"},
    {label: t.overdue, data: data.tasks.overdue, backgroundColor: "#dc3545"}]},
    options: {indexAxis: "y", scales: {x: {stacked: true, ticks: {precision: 0}}, y: {stacked: true}}}});
  draw("chart-compliance", {type: "bar", data: {labels: data.compliance.labels, datasets: [
    {label: t.onTimeRate, data: data.compliance.on_time_rate, backgroundColor: "#fd7e14"}]},
    options: {indexAxis: "y", plugins: {legend: {display: false}}, scales: {x: {min: 0, max: 100}}}});
  draw("chart-trend", {data: {labels: data.trend.years, datasets: [
    {type: "line", label: t.onTimeRate, data: data.trend.on_time_rate, borderColor: "#198754", yAxisID: "rate"},
    {type: "bar", label: t.overdueTasks, data: data.trend.overdue_tasks, backgroundColor: "rgba(220,53,69,.6)",
     yAxisID: "count"}]},
    options: {scales: {rate: {position: "left", min: 0, max: 100},
                       count: {position: "right", beginAtZero: true, grid: {drawOnChartArea: false},
                               ticks: {precision: 0}}}}});
})();
