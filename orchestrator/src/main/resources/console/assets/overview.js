// Draws the overview's charts from their canvas' data attributes: no inline script, so the console's
// Content-Security-Policy (script-src 'self') holds.
document.querySelectorAll('canvas.chart').forEach(function (canvas) {
  var labels = canvas.dataset.labels.split(',');
  var values = canvas.dataset.values.split(',').map(Number);
  new Chart(canvas, {
    type: canvas.id === 'throughput' ? 'bar' : 'line',
    data: {labels: labels, datasets: [{label: canvas.dataset.label, data: values, borderColor: '#b3261e',
      backgroundColor: 'rgba(179, 38, 30, 0.4)'}]},
    options: {animation: false, responsive: true, scales: {y: {beginAtZero: true}}}
  });
});
