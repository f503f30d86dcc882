// Custos dashboard behaviour. Loaded from 'self' only: the Content-Security-Policy forbids inline script.
(function () {
  'use strict';

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : null;
  }

  // htmx sends the session's CSRF token with every request it makes.
  function installCsrfHeader() {
    var token = csrfToken();
    if (token && document.body) {
      document.body.setAttribute('hx-headers', JSON.stringify({ 'X-CSRF-Token': token }));
    }
  }

  var palette = ['#1f6feb', '#d73a49', '#2da44e', '#bf8700', '#8250df', '#0a7d8c', '#cf222e', '#6e7781',
    '#fb8500', '#219ebc'];

  // A chart's whole configuration comes from the server in the canvas' data-chart attribute (JSON).
  function drawCharts(root) {
    if (typeof Chart === 'undefined') {
      return;
    }
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = 'yes';
      var spec = JSON.parse(canvas.getAttribute('data-chart'));
      spec.datasets.forEach(function (d, i) {
        var colour = palette[i % palette.length];
        d.borderColor = d.borderColor || colour;
        d.backgroundColor = d.backgroundColor || colour;
        d.pointRadius = spec.type === 'line' ? 0 : d.pointRadius;
        d.borderWidth = spec.type === 'line' ? 1.5 : 0;
      });
      new Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          plugins: { legend: { position: 'bottom' }, title: { display: !!spec.title, text: spec.title } },
          scales: {
            x: { stacked: !!spec.stacked, ticks: { maxTicksLimit: 12 } },
            y: { stacked: !!spec.stacked, beginAtZero: true, suggestedMax: spec.max || undefined }
          }
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    installCsrfHeader();
    drawCharts(document);
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    drawCharts(e.target);
  });
})();
