// The public web form: a point on the map fills the hidden lat/lon fields. Without JavaScript
// (or without the map) the address field alone is enough.
document.addEventListener('DOMContentLoaded', function () {
  var problems = document.getElementById('problems');
  if (problems) {
    problems.focus();
  }
  var el = document.getElementById('map');
  if (!el || !window.L) {
    if (el) {
      el.hidden = true;
    }
    return;
  }
  var lat = document.getElementById('lat');
  var lon = document.getElementById('lon');
  var shown = document.getElementById('point-text');
  var clear = document.getElementById('clear-point');
  var map = L.map(el).setView([parseFloat(el.dataset.lat), parseFloat(el.dataset.lon)], parseInt(el.dataset.zoom, 10));
  L.tileLayer(el.dataset.tiles, { attribution: el.dataset.attribution, maxZoom: 19 }).addTo(map);
  var marker = null;
  function place(latlng) {
    if (marker) {
      marker.setLatLng(latlng);
    } else {
      marker = L.marker(latlng, { keyboard: false }).addTo(map);
    }
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    shown.textContent = 'Обрано точку: ' + lat.value + ', ' + lon.value;
    clear.hidden = false;
  }
  if (lat.value && lon.value) {
    place(L.latLng(parseFloat(lat.value), parseFloat(lon.value)));
  }
  map.on('click', function (e) { place(e.latlng); });
  // Enter on the focused map marks its centre: the map works from the keyboard too.
  el.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      place(map.getCenter());
    }
  });
  clear.addEventListener('click', function () {
    if (marker) {
      map.removeLayer(marker);
      marker = null;
    }
    lat.value = '';
    lon.value = '';
    shown.textContent = 'Точку прибрано.';
    clear.hidden = true;
  });
});
