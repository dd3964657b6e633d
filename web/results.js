// Fetches the result files of the served folder (/results/, docs/formats.md).
// Every file is optional: a `rampart run` folder has scenario.geojson and
// trajectories.csv, a `rampart footprint` folder footprint.geojson, a
// `rampart coverage` folder coverage.geojson, and so on.

async function fetchOptional(url, as) {
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return as === 'json' ? response.json() : response.text();
}

/** {scenario, trajectories (text), summary, events[], footprint, coverage, difference}; absent files are null. */
export async function loadResults(base = 'results/') {
  const [scenario, trajectories, summary, eventsText, footprint, coverage, difference] = await Promise.all([
    fetchOptional(base + 'scenario.geojson', 'json'),
    fetchOptional(base + 'trajectories.csv', 'text'),
    fetchOptional(base + 'summary.json', 'json'),
    fetchOptional(base + 'events.jsonl', 'text'),
    fetchOptional(base + 'footprint.geojson', 'json'),
    fetchOptional(base + 'coverage.geojson', 'json'),
    fetchOptional(base + 'difference.geojson', 'json'),
  ]);
  const events = eventsText
    ? eventsText.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line))
    : null;
  return { scenario, trajectories, summary, events, footprint, coverage, difference };
}

/**
 * d3-geo takes a polygon's ring as spherical, clockwise around its inside;
 * RFC 7946 files wind exteriors counter-clockwise (holes clockwise). A
 * polygon whose exterior is counter-clockwise in longitude and latitude
 * (planar shoelace: cheap, and right for rings smaller than a hemisphere,
 * which every rampart file has; antimeridian crossings come split) has every
 * ring reversed, so that d3 draws the small area and not the rest of the world.
 */
export function windForD3(feature) {
  const g = feature.geometry;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return feature;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polygons) {
    if (rings.length && shoelace(rings[0]) > 0) for (const ring of rings) ring.reverse();
  }
  return feature;
}

/** Twice the signed area of a ring in lon/lat: positive when counter-clockwise. */
function shoelace(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return sum;
}

/** The bounding box [[west, south], [east, north]] of features, from their coordinates (no projection). */
export function boundsOf(features) {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      if (c[0] < west) west = c[0];
      if (c[0] > east) east = c[0];
      if (c[1] < south) south = c[1];
      if (c[1] > north) north = c[1];
    } else {
      for (const inner of c) visit(inner);
    }
  };
  for (const f of features) if (f.geometry) visit(f.geometry.coordinates);
  return west <= east ? [[west, south], [east, north]] : null;
}
