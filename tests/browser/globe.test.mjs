// The 3D globe of `rampart serve` in its light mode (software WebGL on two
// cores draws about a frame a second): the European run's scenario.czml
// loads, every threat and interceptor of the file is an entity, the clock
// ticks, the canvas shows a picture (not one flat colour), no request leaves
// 127.0.0.1, and a screenshot is saved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import {
  checkPrerequisites, foreignRequests, launchBrowser, makeEuropeRun, newPage, removeDir, saveScreenshot,
  startServe,
} from './harness.mjs';

let browser;
let server;
let runDir;
let page;

before(async () => {
  checkPrerequisites();
  runDir = makeEuropeRun();
  server = await startServe(runDir);
  browser = await launchBrowser();
  page = await newPage(browser);
  const started = Date.now();
  await page.goto(`${server.url}globe.html?light=1`);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout: 120000 });
  console.log(`globe ready (CZML loaded) ${Date.now() - started} ms after navigation`);
});

after(async () => {
  await browser?.close();
  if (server) assert.equal(await server.stop(), 0);
  if (runDir) removeDir(path.dirname(runDir));
});

test('the CZML loads without an error', async () => {
  assert.equal(await page.evaluate(() => window.rampartGlobe.error), null);
  assert.deepEqual(page.consoleErrors, []);
});

test('every threat and interceptor of the CZML is an entity', async () => {
  const packets = JSON.parse(readFileSync(path.join(runDir, 'scenario.czml'), 'utf8'));
  const expected = packets.map((p) => p.id).filter((id) => /^(threat|interceptor)\//.test(id));
  const summary = JSON.parse(readFileSync(path.join(runDir, 'summary.json'), 'utf8'));
  assert.equal(expected.filter((id) => id.startsWith('threat/')).length, summary.threats_launched);
  assert.equal(expected.filter((id) => id.startsWith('interceptor/')).length, summary.interceptors_used);
  const ids = new Set(await page.evaluate(() => window.rampartGlobe.entityIds()));
  for (const id of expected) assert.ok(ids.has(id), `entity ${id}`);
});

test('the clock ticks', async () => {
  const t1 = await page.evaluate(() => window.rampartGlobe.clockSeconds());
  await page.waitForTimeout(1500);
  const t2 = await page.evaluate(() => window.rampartGlobe.clockSeconds());
  assert.ok(t2 > t1, `clock advanced (${t1} -> ${t2} s)`);
});

test('the canvas is not blank', async () => {
  await page.waitForFunction(() => window.rampartGlobe.tilesLoaded(), null, { timeout: 120000 });
  await page.evaluate(() => window.rampartGlobe.renderOnce());
  const file = await saveScreenshot(page, 'globe');
  console.log(`screenshot: ${file}`);
  const png = await page.locator('#globe-container canvas').first().screenshot();
  // Decoded by the browser itself (no PNG library): distinct colours and the
  // share of the most common one. A blank or black canvas has one colour.
  const stats = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    return { pixels: data.length / 4, colours: counts.size, top: Math.max(...counts.values()) };
  }, png.toString('base64'));
  console.log(`canvas: ${stats.pixels} pixels, ${stats.colours} colours, most common ${stats.top}`);
  assert.ok(stats.colours >= 100, `${stats.colours} distinct colours`);
  assert.ok(stats.top < 0.9 * stats.pixels, 'no colour covers 90 % of the canvas');
});

test('no request leaves 127.0.0.1', () => {
  assert.deepEqual(foreignRequests(browser), []);
});
