// The 2D map of `rampart serve`, used as a person would: the European run's
// results served, every layer drawn (counted against summary.json, which the
// engine writes independently of the map files), the time slider moving the
// threat markers westward (the threats fly from Iran to Romania and
// Bulgaria), a layer hidden by its checkbox, no request leaving 127.0.0.1,
// and a 20,000-cell footprint drawn and timed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  checkPrerequisites, foreignRequests, launchBrowser, makeEuropeRun, newPage, removeDir, runRampart,
  saveScreenshot, startServe, tempDir,
} from './harness.mjs';

let browser;
let server;
let runDir;
let summary;
let page;

before(async () => {
  checkPrerequisites();
  runDir = makeEuropeRun();
  summary = JSON.parse(readFileSync(path.join(runDir, 'summary.json'), 'utf8'));
  server = await startServe(runDir);
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 60000 });
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0, 'rampart serve exits 0 on Ctrl-C');
  if (runDir) removeDir(path.dirname(runDir));
});

const count = (selector) => page.locator(selector).count();

test('the map loads without an error', async () => {
  assert.equal(await page.evaluate(() => window.rampartMap.error), null);
  assert.deepEqual(page.consoleErrors.filter((e) => !e.includes('404')), []);
});

test('every layer of the run is drawn, with a checkbox each', async () => {
  const threatNames = summary.threats.map((t) => t.name).sort();
  assert.equal(await count('path.threat-track'), summary.threats_launched, 'one track per threat');
  const markerNames = await page.locator('circle.threat-marker').evaluateAll((els) => els.map((e) => e.dataset.threat));
  assert.deepEqual(markerNames.sort(), threatNames, 'one marker per threat, by name');
  assert.equal(await count('circle.intercept-marker'), summary.threats_killed, 'an intercept marker per kill');
  assert.equal(await count('circle.leak-marker'), summary.leakers, 'a leak marker per leaker');
  assert.equal(await count('path.interceptor-track'), summary.interceptors_used, 'a track per interceptor');
  assert.equal(await count('circle.interceptor-marker'), summary.interceptors_used);
  assert.equal(await count('path.asset-area'), summary.defended_assets.length);
  const batteries = summary.batteries.length;
  assert.equal(await count('circle.battery-marker'), batteries);
  assert.equal(await count('circle.launch-marker'), summary.threats_launched);
  assert.ok(await count('path.radar-footprint') >= 1, 'radar coverage drawn');
  assert.ok(await count('circle.radar-marker') >= 1, 'radars drawn');
  assert.ok(await count('path.land') === 1 && await count('path.borders') === 1, 'base map drawn');
  for (const layer of ['coverage', 'assets', 'threats', 'interceptors', 'launches', 'sites', 'radars', 'intercepts']) {
    assert.equal(await count(`#layer-${layer}`), 1, `layer ${layer}`);
    assert.equal(await count(`input[data-layer=${layer}]`), 1, `checkbox of ${layer}`);
  }
});

/** {name: [cx, cy]} of the threat markers shown at the slider's time. */
async function threatPositions() {
  return page.locator('circle.threat-marker:not(.gone)').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.threat, [+e.getAttribute('cx'), +e.getAttribute('cy')]])));
}

test('moving the time slider moves the threat markers', async () => {
  // Between the last launch and the first kill every threat is in flight.
  const lastLaunch = Math.max(...summary.threats.map((t) => t.launch_time_s));
  const firstEnd = Math.min(...summary.threats.map((t) => t.intercept_time_s ?? t.impact_time_s));
  const t1 = Math.ceil(lastLaunch + 60);
  const t2 = Math.floor(firstEnd - 30);
  assert.ok(t2 - t1 > 100, `a span with every threat in flight (${t1}..${t2} s)`);

  await page.locator('#time-slider').fill(String(t1));
  const before1 = await threatPositions();
  await page.locator('#time-slider').fill(String(t2));
  const after2 = await threatPositions();
  assert.equal(Object.keys(before1).length, summary.threats_launched, `every threat shown at ${t1} s`);
  assert.equal(Object.keys(after2).length, summary.threats_launched, `every threat shown at ${t2} s`);
  for (const name of Object.keys(before1)) {
    const [x1] = before1[name];
    const [x2] = after2[name];
    // West is left on the map: the threats fly from about 46 E to 23-28 E.
    assert.ok(x2 < x1 - 20, `${name} moved west on the map (${x1} -> ${x2})`);
  }
  assert.match(await page.locator('#time-label').textContent(), new RegExp(`t = ${t2} s`));

  // Intercepts appear when they happen.
  assert.equal(await count('circle.intercept-marker:not(.not-yet)'), 0, 'no intercept yet');
  const end = await page.evaluate(() => window.rampartMap.span[1]);
  await page.locator('#time-slider').fill(String(Math.ceil(end)));
  assert.equal(await count('circle.intercept-marker:not(.not-yet)'), summary.threats_killed);

  await page.locator('#time-slider').fill(String(t2));
  const file = await saveScreenshot(page, 'viewer2d');
  console.log(`screenshot: ${file}`);
});

test('unchecking a layer hides it, checking shows it again', async () => {
  // The group's own display (a group whose markers are all in the future is
  // shown but has nothing to see).
  const displayed = (layer) => page.locator(`#layer-${layer}`).evaluate((g) => getComputedStyle(g).display !== 'none');
  for (const layer of ['threats', 'coverage', 'intercepts', 'sites']) {
    assert.ok(await displayed(layer), `${layer} shown at first`);
    await page.locator(`input[data-layer=${layer}]`).uncheck();
    assert.ok(!(await displayed(layer)), `${layer} hidden`);
    await page.locator(`input[data-layer=${layer}]`).check();
    assert.ok(await displayed(layer), `${layer} shown again`);
  }
  await page.locator('input[data-layer=threats]').uncheck();
  assert.ok(await page.locator('circle.threat-marker').first().isHidden(), 'markers go with their layer');
  await page.locator('input[data-layer=threats]').check();
});

test('no request leaves 127.0.0.1', () => {
  assert.deepEqual(foreignRequests(browser), []);
});

test('a 20,000-cell footprint is drawn in at most 2 s', async () => {
  const dir = tempDir('rampart-footprint-');
  try {
    const started = Date.now();
    // 144 x 140 cells of 0.25 deg over Europe: 20,160.
    runRampart(['footprint', 'scenarios/europe.yaml', '--launch', '38.1,46.3', '--grid', '0.25',
      '--region', '35,10,71,45', '--no-report', '-o', dir]);
    console.log(`rampart footprint (20,160 cells): ${Date.now() - started} ms`);
    const footprintSummary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
    assert.ok(footprintSummary.cells >= 20000, `20,000 cells or more (${footprintSummary.cells})`);

    const footprintServer = await startServe(dir);
    try {
      const footprintPage = await newPage(browser);
      const navigation = Date.now();
      await footprintPage.goto(footprintServer.url);
      await footprintPage.waitForFunction(() => document.body.dataset.ready, null, { timeout: 60000 });
      const wall = Date.now() - navigation;
      const state = await footprintPage.evaluate(() => ({ error: window.rampartMap.error, ...window.rampartMap.timings }));
      assert.equal(state.error, null);
      const cells = await footprintPage.locator('path.footprint-cell').count();
      assert.equal(cells, footprintSummary.cells, 'a path per cell');
      const inRange = await footprintPage.locator('path.footprint-cell:not(.out-of-range)').count();
      assert.equal(inRange, footprintSummary.cells_in_missile_range, 'cells in the missile\'s range');
      console.log(`footprint of ${footprintSummary.cells} cells (${cells} drawn): drawn and painted in ` +
        `${state.painted_ms.toFixed(0)} ms after loading (${state.load_ms.toFixed(0)} ms to fetch the files); ` +
        `${wall} ms from navigation to ready`);
      assert.ok(state.painted_ms <= 2000, `drawn in ${state.painted_ms.toFixed(0)} ms`);
      await saveScreenshot(footprintPage, 'viewer2d-footprint');
      await footprintPage.close();
    } finally {
      assert.equal(await footprintServer.stop('SIGTERM'), 0, 'rampart serve exits 0 on SIGTERM');
    }
  } finally {
    removeDir(dir);
  }
});
