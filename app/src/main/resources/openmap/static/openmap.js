// The public map: asks /public/api/map for the view and the filters, draws points coloured by
// status (or clusters when there are many), and on a click shows the appeal from
// /public/api/appeals/{number}: number, direction, status, dates, executor. Nothing personal is
// ever sent to it.
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('open-map');
  if (!el || !window.L) {
    return;
  }
  var texts = JSON.parse(el.dataset.texts);
  var colours = { REGISTERED: '#6b7280', IN_PROGRESS: '#d97706', NEEDS_INFO: '#7c3aed', RESOLVED: '#15803d', REJECTED: '#b91c1c', WITHDRAWN: '#94a3b8' };
  var map = L.map(el).setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)], parseInt(el.dataset.zoom, 10));
  L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution, maxZoom: 19 }).addTo(map);
  var layer = L.layerGroup().addTo(map);
  var form = document.getElementById('filters');
  var summary = document.getElementById('map-summary');
  var details = document.getElementById('details');
  var serial = 0;

  function field(id) {
    return document.getElementById(id).value;
  }

  function query() {
    var b = map.getBounds();
    var q = new URLSearchParams();
    q.set('period', field('period'));
    if (field('period') === 'custom') {
      q.set('from', field('from'));
      q.set('to', field('to'));
    } else {
      q.set('date', field('date'));
    }
    ['category', 'status', 'executor'].forEach(function (name) {
      if (field(name)) {
        q.set(name, field(name));
      }
    });
    q.set('bbox', [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map(function (v) { return v.toFixed(5); }).join(','));
    q.set('zoom', String(map.getZoom()));
    return q;
  }

  function showCustom() {
    var custom = field('period') === 'custom';
    document.querySelectorAll('.custom').forEach(function (f) { f.hidden = !custom; });
    document.getElementById('date-field').hidden = custom;
  }

  function majority(byStatus) {
    var best = null;
    Object.keys(byStatus).forEach(function (s) {
      if (best === null || byStatus[s] > byStatus[best]) {
        best = s;
      }
    });
    return best;
  }

  function row(dl, label, value) {
    var dt = document.createElement('dt');
    dt.textContent = label;
    var dd = document.createElement('dd');
    dd.textContent = value;
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function when(iso) {
    return iso ? new Date(iso).toLocaleString('uk-UA', { dateStyle: 'short', timeStyle: 'short' }) : '—';
  }

  function show(number) {
    fetch('/public/api/appeals/' + encodeURIComponent(number)).then(function (r) { return r.json(); }).then(function (a) {
      details.textContent = '';
      var dl = document.createElement('dl');
      dl.id = 'appeal-details';
      row(dl, texts['map.number'], '№ ' + a.number);
      row(dl, texts['map.direction'], a.direction + (a.issueType ? ' — ' + a.issueType : ''));
      row(dl, texts['map.status'], a.statusName);
      row(dl, texts['map.created'], when(a.createdAt));
      row(dl, texts['map.deadline'], when(a.deadline));
      if (a.closedAt) {
        row(dl, texts['map.closed'], when(a.closedAt));
      }
      row(dl, texts['map.executor'], a.executor);
      details.appendChild(dl);
      details.hidden = false;
    });
  }

  function load() {
    var mine = ++serial;
    fetch('/public/api/map?' + query().toString()).then(function (r) { return r.json(); }).then(function (data) {
      if (mine !== serial) {
        return;
      }
      layer.clearLayers();
      (data.points || []).forEach(function (p) {
        var m = L.circleMarker([p.lat, p.lon], { radius: 8, color: '#fff', weight: 2, fillColor: colours[p.status], fillOpacity: 0.9 });
        m.options.number = p.number;
        m.on('click', function () { show(p.number); });
        m.bindTooltip('№ ' + p.number + ' — ' + texts['status.' + p.status]);
        m.addTo(layer);
      });
      (data.clusters || []).forEach(function (c) {
        var size = Math.min(64, 28 + Math.round(Math.log(c.count) * 4));
        // Built as an element, not HTML text: the page's CSP allows no inline style attributes.
        var div = document.createElement('div');
        div.className = 'cluster status-' + majority(c.byStatus);
        div.style.width = size + 'px';
        div.style.height = size + 'px';
        div.textContent = String(c.count);
        var icon = L.divIcon({ className: '', iconSize: [size, size], html: div });
        var m = L.marker([c.lat, c.lon], { icon: icon, title: c.count + ' ' + texts['map.cluster'], keyboard: true });
        m.on('click', function () { map.setView([c.lat, c.lon], Math.min(map.getZoom() + 2, 19)); });
        m.addTo(layer);
      });
      el.dataset.points = String((data.points || []).length);
      el.dataset.clusters = String((data.clusters || []).length);
      summary.textContent = data.total === 0 ? texts['map.none']
        : texts['map.total'] + ': ' + data.total + (data.truncated ? '. ' + texts['map.truncated'] : '');
    });
  }

  form.addEventListener('change', function () {
    showCustom();
    load();
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    load();
  });
  map.on('moveend', load);
  showCustom();
  load();
});
