// trajectories.csv (docs/formats.md, "Trajectories"): samples of every
// threat and interceptor, and where each one is at a time t, so that the
// time slider can place the markers between the 5-s samples.

/** Parses `object,kind,t_s,lat_deg,lon_deg,alt_m` into Map(name -> {name, kind, t[], lat[], lon[], alt[]}). */
export function parseTrajectories(text) {
  const objects = new Map();
  const lines = text.split('\n');
  const header = lines[0].trim().split(',');
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`trajectories.csv: no column ${name}`);
    return i;
  };
  const [iObject, iKind, iT, iLat, iLon, iAlt] = ['object', 'kind', 't_s', 'lat_deg', 'lon_deg', 'alt_m'].map(col);
  for (let n = 1; n < lines.length; ++n) {
    const line = lines[n].trim();
    if (line === '') continue;
    const f = line.split(',');
    const name = f[iObject];
    let object = objects.get(name);
    if (!object) {
      object = { name, kind: f[iKind], t: [], lat: [], lon: [], alt: [] };
      objects.set(name, object);
    }
    object.t.push(+f[iT]);
    object.lat.push(+f[iLat]);
    object.lon.push(+f[iLon]);
    object.alt.push(+f[iAlt]);
  }
  // The file is in time order per object; sort anyway so that the binary
  // search below holds for any file that follows the format.
  for (const o of objects.values()) {
    const order = o.t.map((_, i) => i).sort((a, b) => o.t[a] - o.t[b]);
    for (const key of ['t', 'lat', 'lon', 'alt']) o[key] = order.map((i) => o[key][i]);
  }
  return objects;
}

/**
 * Where `object` is at time t: {lon, lat, alt} linearly interpolated between
 * the samples around t (longitude across the antimeridian by the short way),
 * or null before its first or after its last sample.
 */
export function positionAt(object, t) {
  const times = object.t;
  const last = times.length - 1;
  if (last < 0 || t < times[0] || t > times[last]) return null;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid;
  }
  if (lo === hi || times[hi] === times[lo]) return { lon: object.lon[lo], lat: object.lat[lo], alt: object.alt[lo] };
  const f = (t - times[lo]) / (times[hi] - times[lo]);
  let dLon = object.lon[hi] - object.lon[lo];
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  let lon = object.lon[lo] + f * dLon;
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  return {
    lon,
    lat: object.lat[lo] + f * (object.lat[hi] - object.lat[lo]),
    alt: object.alt[lo] + f * (object.alt[hi] - object.alt[lo]),
  };
}

/** [first, last] sample time over all objects, or null when there are none. */
export function timeSpan(objects) {
  let first = Infinity;
  let last = -Infinity;
  for (const o of objects.values()) {
    if (o.t.length === 0) continue;
    first = Math.min(first, o.t[0]);
    last = Math.max(last, o.t[o.t.length - 1]);
  }
  return first <= last ? [first, last] : null;
}
