// A map drawn locally: Natural Earth country borders from the vendored
// world-atlas (no tiles, nothing fetched from elsewhere), event points
// clustered with Leaflet.markercluster, and countries shaded by how many of
// the points fall inside them.
import { el } from './common.js';

let borders = null;
async function countries() {
  if (!borders) {
    borders = fetch('/assets/vendor/world-atlas/countries-110m.json')
      .then((r) => r.json())
      .then((topo) => topojson.feature(topo, topo.objects.countries).features);
  }
  return borders;
}

// Ray casting over one ring of [lon, lat] points.
function inRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inFeature(lon, lat, f) {
  const g = f.geometry;
  if (!g) return false;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.some((rings) => inRing(lon, lat, rings[0]) && !rings.slice(1).some((h) => inRing(lon, lat, h)));
}

const SHADES = ['#f2f0e6', '#fde0c5', '#facba6', '#f8b58b', '#f59e72', '#f2855d', '#ef6a4c', '#eb4a40'];

/**
 * Draws `points` ({lat, lon, n, popup: Node}) into `container`, replacing
 * what was there. Sets `data-points` (markers placed) and
 * `data-countries` (countries with at least one point) when done.
 */
export async function drawMap(container, points) {
  const features = await countries();
  if (container._map) container._map.remove();
  const map = L.map(container, { worldCopyJump: true, attributionControl: false, minZoom: 1, maxZoom: 10 });
  container._map = map;
  const placed = points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const counts = new Map();
  for (const p of placed) {
    const f = features.find((f) => inFeature(p.lon, p.lat, f));
    if (f) counts.set(f, (counts.get(f) || 0) + (p.n || 1));
  }
  const max = Math.max(1, ...counts.values());
  L.geoJSON({ type: 'FeatureCollection', features }, {
    style: (f) => {
      const n = counts.get(f) || 0;
      const shade = n === 0 ? SHADES[0] : SHADES[1 + Math.min(6, Math.floor((6 * Math.log1p(n)) / Math.log1p(max)))];
      return { color: '#8a96a3', weight: 0.6, fillColor: shade, fillOpacity: 1 };
    },
    onEachFeature: (f, layer) => {
      const n = counts.get(f) || 0;
      layer.bindTooltip(el('span', { class: 'country-label' }, f.properties.name, n ? ` · ${n} events` : ''));
    },
  }).addTo(map);
  const cluster = L.markerClusterGroup({ showCoverageOnHover: false });
  const icon = L.divIcon({ className: 'pin-icon', html: '', iconSize: [12, 12] });
  for (const p of placed) {
    const m = L.marker([p.lat, p.lon], { icon });
    if (p.popup) m.bindPopup(p.popup);
    cluster.addLayer(m);
  }
  map.addLayer(cluster);
  if (placed.length) {
    map.fitBounds(L.latLngBounds(placed.map((p) => [p.lat, p.lon])).pad(0.6), { maxZoom: 6 });
  } else {
    map.setView([20, 10], 1);
  }
  container.dataset.points = String(placed.length);
  container.dataset.countries = String(counts.size);
  return map;
}
