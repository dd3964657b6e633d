// The 2D map of `rampart serve` (index.html): the results in /results/ drawn
// with d3 over Natural Earth land and borders (world-atlas), one SVG group
// per layer (`#layer-NAME`) toggled by its checkbox (`input[data-layer=NAME]`),
// and a time slider (`#time-slider`) that puts every threat and interceptor
// marker at its interpolated position and shows events once they happened.
// Tests drive it through the DOM and `window.rampartMap` (state, timings).

import { boundsOf, loadResults, windForD3 } from './results.js';
import { parseTrajectories, positionAt, timeSpan } from './trajectories.js';

const state = {
  ready: false,
  error: null,
  time: 0,
  span: null,
  counts: {},
  timings: {},
  setTime: () => {},
};
window.rampartMap = state;

// Layer order is drawing order (bottom to top).
const LAYERS = [
  { id: 'footprint', label: 'Footprint cells' },
  { id: 'difference', label: 'Compare cells' },
  { id: 'coverage', label: 'Radar and battery coverage' },
  { id: 'assets', label: 'Defended assets' },
  { id: 'threats', label: 'Threats' },
  { id: 'interceptors', label: 'Interceptors' },
  { id: 'launches', label: 'Launch and aim points' },
  { id: 'sites', label: 'Sites and batteries' },
  { id: 'radars', label: 'Radars' },
  { id: 'intercepts', label: 'Intercepts and misses' },
  { id: 'leaks', label: 'Leakers and impacts' },
];

const FOOTPRINT_NOT_ENGAGEABLE = '#c8c8c8';
const FOOTPRINT_OUT_OF_RANGE = '#ffffff';
const DIFFERENCE_COLOURS = { gained: '#2ca02c', lost: '#d62728', both: '#9ecae1' };

const status = (text) => { document.getElementById('status').textContent = text; };

function byRole(scenario) {
  const roles = new Map();
  for (const f of scenario ? scenario.features : []) {
    const role = f.properties.role;
    if (!roles.has(role)) roles.set(role, []);
    roles.get(role).push(f);
  }
  return (...names) => names.flatMap((name) => roles.get(name) || []);
}

/** Fits the projection on the results (not the world): every feature but the base map. */
function fitProjection(width, height, collections) {
  const bounds = boundsOf(collections.flat());
  const projection = d3.geoMercator();
  if (!bounds) return projection.fitExtent([[10, 10], [width - 10, height - 10]], { type: 'Sphere' });
  const [[west, south], [east, north]] = bounds;
  const box = { type: 'MultiPoint', coordinates: [[west, south], [east, south], [east, north], [west, north]] };
  return projection.fitExtent([[30, 30], [width - 30, height - 30]], box);
}

/**
 * SVG path of a grid cell (footprint, compare): its corners projected and
 * joined by straight lines. A cell's sides are parallels and meridians,
 * straight on the Mercator map, so this is exact, and it skips d3.geoPath's
 * resampling and clipping, which cost most of the time for 20,000 cells.
 */
function cellPath(projection, feature) {
  const g = feature.geometry;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let d = '';
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; ++i) {
        const [x, y] = projection(ring[i]);
        d += `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
      }
      d += 'Z';
    }
  }
  return d;
}

async function loadBaseMap() {
  const [land, countries] = await Promise.all([
    fetch('node_modules/world-atlas/land-50m.json').then((r) => r.json()),
    fetch('node_modules/world-atlas/countries-50m.json').then((r) => r.json()),
  ]);
  return {
    land: topojson.feature(land, land.objects.land),
    borders: topojson.mesh(countries, countries.objects.countries, (a, b) => a !== b),
  };
}

function addLayerToggle(id, label, count) {
  const row = d3.select('#layers').append('label');
  row.append('input')
    .attr('type', 'checkbox')
    .attr('data-layer', id)
    .property('checked', true)
    .on('change', function () {
      d3.select(`#layer-${id}`).style('display', this.checked ? null : 'none');
    });
  row.append('span').text(` ${label} `);
  row.append('span').attr('class', 'count').text(`(${count})`);
}

function drawFootprint(group, projection, footprint) {
  const start = performance.now();
  // As footprint.svg: viridis on the negation probability, grey when not
  // engageable, white (here translucent) out of the missile's range.
  const colour = (p) => {
    if (!p.in_missile_range) return FOOTPRINT_OUT_OF_RANGE;
    if (!p.engageable) return FOOTPRINT_NOT_ENGAGEABLE;
    return d3.interpolateViridis(p.negation_probability ?? 0);
  };
  const cells = footprint.features.filter((f) => f.geometry);
  group.selectAll('path')
    .data(cells)
    .join('path')
    .attr('class', (f) => (f.properties.in_missile_range ? 'footprint-cell' : 'footprint-cell out-of-range'))
    .attr('fill', (f) => colour(f.properties))
    .attr('d', (f) => cellPath(projection, f));
  state.timings.footprint_build_ms = performance.now() - start;
  return cells.length;
}

function drawDifference(group, projection, difference) {
  const cells = difference.features.filter((f) => DIFFERENCE_COLOURS[f.properties.status]);
  group.selectAll('path')
    .data(cells)
    .join('path')
    .attr('class', (f) => `difference-cell difference-${f.properties.status}`)
    .attr('fill', (f) => DIFFERENCE_COLOURS[f.properties.status])
    .attr('d', (f) => cellPath(projection, f));
  return cells.length;
}

function drawPoints(group, projection, features, className, radius, dataKey) {
  const points = features.filter((f) => f.geometry && f.geometry.type === 'Point');
  group.selectAll(`circle.${className}`)
    .data(points)
    .join('circle')
    .attr('class', className)
    .attr('data-name', (f) => f.properties.name)
    .attr('data-threat', dataKey === 'threat' ? (f) => f.properties.threat ?? f.properties.name : null)
    .attr('data-base-r', radius)
    .attr('r', radius)
    .attr('cx', (f) => projection(f.geometry.coordinates)[0])
    .attr('cy', (f) => projection(f.geometry.coordinates)[1]);
  return points.length;
}

function drawLabels(group, projection, features) {
  group.selectAll('text.label')
    .data(features.filter((f) => f.geometry && f.geometry.type === 'Point'))
    .join('text')
    .attr('class', 'label')
    .attr('x', (f) => projection(f.geometry.coordinates)[0] + 6)
    .attr('y', (f) => projection(f.geometry.coordinates)[1] - 6)
    .text((f) => f.properties.name);
}

function describeSummary(summary) {
  if (!summary) return '';
  if (summary.threats_launched !== undefined) {
    return `${summary.threats_launched} threats, ${summary.threats_killed} killed, ${summary.leakers} leakers, ` +
      `${summary.interceptors_used} interceptors`;
  }
  if (summary.cells !== undefined) {
    return `${summary.cells} cells, ${summary.engageable_cells} engageable; defended area ` +
      `${Math.round(summary.defended_area_km2)} km²`;
  }
  return '';
}

function formatTime(t, epochMs) {
  const base = `t = ${t.toFixed(0)} s`;
  if (epochMs === null) return base;
  return `${base} (${new Date(epochMs + t * 1000).toISOString().replace('.000Z', 'Z')})`;
}

async function main() {
  const t0 = performance.now();
  const [results, base] = await Promise.all([loadResults(), loadBaseMap()]);
  state.timings.load_ms = performance.now() - t0;
  const t1 = performance.now();

  const role = byRole(results.scenario);
  for (const f of results.scenario ? results.scenario.features : []) windForD3(f);
  const coverageFeatures = (results.coverage ? results.coverage.features : []).filter((f) => f.geometry);
  coverageFeatures.forEach(windForD3);
  document.getElementById('scenario-name').textContent =
    (results.summary && results.summary.scenario) || '';

  const svg = d3.select('#map');
  const { width, height } = svg.node().getBoundingClientRect();
  const fitOn = [
    role('threat_track', 'interceptor_track', 'site', 'battery', 'launch_point', 'aim_point', 'defended_asset'),
    results.footprint ? results.footprint.features : [],
    results.difference ? results.difference.features : [],
    coverageFeatures,
  ];
  if (fitOn.every((c) => c.length === 0)) fitOn.push(role('radar_footprint'));
  const projection = fitProjection(width, height, fitOn);
  const path = d3.geoPath(projection);

  const root = svg.append('g').attr('id', 'zoom-root');
  const baseGroup = root.append('g').attr('id', 'base-map');
  baseGroup.append('path').datum({ type: 'Sphere' }).attr('class', 'sphere').attr('d', path);
  baseGroup.append('path').datum(d3.geoGraticule10()).attr('class', 'graticule').attr('d', path);
  baseGroup.append('path').datum(base.land).attr('class', 'land').attr('d', path);
  baseGroup.append('path').datum(base.borders).attr('class', 'borders').attr('d', path);

  const groups = {};
  for (const layer of LAYERS) groups[layer.id] = root.append('g').attr('id', `layer-${layer.id}`);
  const counts = {};

  if (results.footprint) counts.footprint = drawFootprint(groups.footprint, projection, results.footprint);
  if (results.footprint) {
    // Colour key, as in footprint.svg: viridis on the negation probability.
    const stops = d3.range(0, 1.01, 0.1).map((p) => d3.interpolateViridis(p)).join(', ');
    d3.select('#legend').html(
      `<div>Footprint: probability of negation</div>
       <div class="ramp" style="background: linear-gradient(to right, ${stops})"></div>
       <div class="ramp-labels"><span>0</span><span>0.5</span><span>1</span></div>
       <div><span class="swatch" style="background: ${FOOTPRINT_NOT_ENGAGEABLE}"></span> not engageable;
       white: out of the missile's range</div>`);
  }
  if (results.difference) counts.difference = drawDifference(groups.difference, projection, results.difference);

  const radarFootprints = role('radar_footprint');
  if (radarFootprints.length + coverageFeatures.length > 0) {
    groups.coverage.selectAll('path.radar-footprint').data(radarFootprints).join('path')
      .attr('class', 'radar-footprint').attr('data-name', (f) => f.properties.name).attr('d', path);
    groups.coverage.selectAll('path.coverage-area').data(coverageFeatures).join('path')
      .attr('class', 'coverage-area').attr('data-name', (f) => f.properties.system).attr('d', path);
    counts.coverage = radarFootprints.length + coverageFeatures.length;
  }

  const assets = role('defended_asset');
  if (assets.length) {
    groups.assets.selectAll('path').data(assets).join('path')
      .attr('class', 'asset-area').attr('data-name', (f) => f.properties.name).attr('d', path);
    counts.assets = assets.length;
  }

  // Tracks: the whole flight as a faint line; the marker moves along it.
  const objects = results.trajectories ? parseTrajectories(results.trajectories) : new Map();
  const threatTracks = role('threat_track', 'debris_track');
  const interceptorTracks = role('interceptor_track');
  const threatObjects = [...objects.values()].filter((o) => o.kind === 'threat');
  const interceptorObjects = [...objects.values()].filter((o) => o.kind === 'interceptor');
  if (threatTracks.length || threatObjects.length) {
    groups.threats.selectAll('path').data(threatTracks).join('path')
      .attr('class', (f) => (f.properties.role === 'debris_track' ? 'debris-track' : 'threat-track'))
      .attr('data-threat', (f) => f.properties.name).attr('d', path);
    groups.threats.selectAll('circle').data(threatObjects).join('circle')
      .attr('class', 'threat-marker').attr('data-threat', (o) => o.name).attr('data-base-r', 4).attr('r', 4);
    counts.threats = role('threat_track').length || threatObjects.length;
  }
  if (interceptorTracks.length || interceptorObjects.length) {
    groups.interceptors.selectAll('path').data(interceptorTracks).join('path')
      .attr('class', 'interceptor-track').attr('data-interceptor', (f) => f.properties.name).attr('d', path);
    groups.interceptors.selectAll('circle').data(interceptorObjects).join('circle')
      .attr('class', 'interceptor-marker').attr('data-interceptor', (o) => o.name).attr('data-base-r', 3)
      .attr('r', 3);
    counts.interceptors = interceptorTracks.length || interceptorObjects.length;
  }

  const launches = role('launch_point');
  const aims = role('aim_point');
  if (launches.length + aims.length) {
    counts.launches = drawPoints(groups.launches, projection, launches, 'launch-marker', 4, 'threat') +
      drawPoints(groups.launches, projection, aims, 'aim-marker', 3, 'threat');
  }
  const sites = role('site');
  const batteries = role('battery');
  if (sites.length + batteries.length) {
    counts.sites = drawPoints(groups.sites, projection, sites, 'site-marker', 5) +
      drawPoints(groups.sites, projection, batteries, 'battery-marker', 2.5);
    drawLabels(groups.sites, projection, sites);
  }
  const radars = role('radar');
  if (radars.length) {
    counts.radars = drawPoints(groups.radars, projection, radars, 'radar-marker', 3.5);
  }
  const intercepts = role('intercept');
  const misses = role('miss');
  if (intercepts.length + misses.length) {
    counts.intercepts = drawPoints(groups.intercepts, projection, intercepts, 'intercept-marker', 5, 'threat') +
      drawPoints(groups.intercepts, projection, misses, 'miss-marker', 4, 'threat');
  }
  const leaks = role('leaker_impact');
  const impacts = role('impact');
  if (leaks.length + impacts.length) {
    counts.leaks = drawPoints(groups.leaks, projection, leaks, 'leak-marker', 5, 'threat') +
      drawPoints(groups.leaks, projection, impacts, 'impact-marker', 4, 'threat');
  }
  state.counts = counts;

  for (const layer of LAYERS) {
    if (counts[layer.id] === undefined) groups[layer.id].remove();
    else addLayerToggle(layer.id, layer.label, counts[layer.id]);
  }

  // Time: markers to their positions, events shown from their instant on.
  const launchTimes = launches.map((f) => f.properties.t_s);
  const span = timeSpan(objects) ?? (launchTimes.length ? [Math.min(...launchTimes), Math.max(...launchTimes)] : null);
  const epochFeature = launches.find((f) => f.properties.time);
  const epochMs = epochFeature ? Date.parse(epochFeature.properties.time) - epochFeature.properties.t_s * 1000 : null;
  const slider = document.getElementById('time-slider');
  const label = document.getElementById('time-label');
  const timedEvents = root.selectAll('.intercept-marker, .miss-marker, .leak-marker, .impact-marker');
  const markers = root.selectAll('circle.threat-marker, circle.interceptor-marker');

  const setTime = (t) => {
    state.time = t;
    markers.each(function (o) {
      const p = positionAt(o, t);
      const marker = d3.select(this);
      if (!p) {
        marker.classed('gone', true);
        return;
      }
      const [x, y] = projection([p.lon, p.lat]);
      marker.classed('gone', false).attr('cx', x).attr('cy', y).attr('data-alt-m', Math.round(p.alt));
    });
    timedEvents.classed('not-yet', (f) => f.properties.t_s !== undefined && f.properties.t_s > t);
    slider.value = String(t);
    label.textContent = formatTime(t, epochMs);
  };
  state.setTime = setTime;
  state.span = span;
  if (span) {
    slider.min = String(Math.floor(span[0]));
    slider.max = String(Math.ceil(span[1]));
    slider.addEventListener('input', () => setTime(+slider.value));
    setTime(Math.ceil(span[1]));
  } else {
    slider.disabled = true;
    document.getElementById('play').disabled = true;
  }

  let timer = null;
  document.getElementById('play').addEventListener('click', (event) => {
    if (timer) {
      timer.stop();
      timer = null;
      event.target.textContent = 'Play';
      return;
    }
    event.target.textContent = 'Pause';
    if (state.time >= span[1]) setTime(span[0]);
    let last = null;
    timer = d3.timer((elapsed) => {
      const dt = last === null ? 0 : (elapsed - last) / 1000;
      last = elapsed;
      const t = Math.min(span[1], state.time + 20 * dt);  // 20x real time
      setTime(t);
      if (t >= span[1]) {
        timer.stop();
        timer = null;
        event.target.textContent = 'Play';
      }
    });
  });

  // Zoom and pan; markers keep their size on screen.
  svg.call(d3.zoom().scaleExtent([0.5, 64]).on('zoom', (event) => {
    root.attr('transform', event.transform);
    const k = event.transform.k;
    root.selectAll('circle').attr('r', function () { return +this.dataset.baseR / k; });
    root.selectAll('text.label').style('font-size', `${10 / k}px`);
    root.selectAll('.threat-track, .interceptor-track, .radar-footprint, .coverage-area, .asset-area, .borders')
      .style('stroke-width', `${1 / k}px`);
  }));

  // Click on anything drawn from a feature: its properties.
  svg.on('click', (event) => {
    const datum = d3.select(event.target).datum();
    const details = document.getElementById('details');
    if (datum && datum.properties) details.textContent = JSON.stringify(datum.properties, null, 1);
    else if (datum && datum.kind) details.textContent = `${datum.kind} ${datum.name}`;
  });

  state.timings.draw_ms = performance.now() - t1;
  // Ready after the browser has painted what was drawn.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  state.timings.painted_ms = performance.now() - t1;
  status(describeSummary(results.summary) || 'ready');
  state.ready = true;
  document.body.dataset.ready = '1';
}

main().catch((error) => {
  state.error = String(error && error.stack ? error.stack : error);
  status(`error: ${error.message || error}`);
  document.body.dataset.ready = 'error';
});
