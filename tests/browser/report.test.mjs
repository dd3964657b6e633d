// report.html as a person opens it: the European run's report loaded from
// file:// in headless Chromium, with every request recorded (any that is
// not the file itself fails the test: the page must need nothing else);
// the map's threat tracks and intercept markers counted against
// summary.json (which the engine writes independently of the report), the
// timeline listing every threat, and a screenshot for a person to look at.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

import { checkPrerequisites, launchBrowser, newPage, removeDir, runRampart, saveScreenshot, tempDir } from './harness.mjs';

let browser;
let page;
let runDir;
let reportFile;
let summary;
const requests = [];

before(async () => {
  checkPrerequisites();
  runDir = path.join(tempDir('rampart-report-'), 'europe');
  runRampart(['run', 'scenarios/europe.yaml', '-o', runDir, '--no-report']);
  const printed = runRampart(['report', runDir]).stdout;
  reportFile = path.join(runDir, 'report.html');
  assert.equal(printed, `report: ${reportFile}\n`);
  summary = JSON.parse(readFileSync(path.join(runDir, 'summary.json'), 'utf8'));
  browser = await launchBrowser();
  browser.context.on('request', (request) => requests.push(request.url()));
  page = await newPage(browser);
  await page.goto(pathToFileURL(reportFile).href, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  if (runDir) removeDir(path.dirname(runDir));
});

const count = (selector) => page.locator(selector).count();

test('the page requests nothing but itself', async () => {
  const self = pathToFileURL(reportFile).href;
  assert.ok(requests.includes(self), `the report itself was loaded (${requests})`);
  assert.deepEqual(requests.filter((url) => url !== self), [], 'no other request');
  assert.deepEqual(page.consoleErrors, []);
});

test('the map draws one track per threat and one marker per kill', async () => {
  assert.equal(await count('#map-trajectories path.threat-track'), summary.threats.length);
  for (const threat of summary.threats) {
    assert.equal(await count(`path.threat-track[data-threat="${threat.name}"]`), 1, threat.name);
  }
  assert.equal(await count('#map-events circle.intercept-marker'), summary.threats_killed);
  assert.equal(await count('#map-events circle.leak-marker'), summary.leakers);
  assert.equal(await count('#map-trajectories path.interceptor-track'), summary.interceptors_used);
  const box = await page.locator('#map').boundingBox();
  assert.ok(box && box.width > 500 && box.height > 300, `the map is drawn (${JSON.stringify(box)})`);
  const attribution = await page.locator('#map text.attribution').textContent();
  assert.match(attribution, /Natural Earth, public domain, via world-atlas \(ISC\)/);
});

test('the timeline lists every threat', async () => {
  const names = await page.locator('g.timeline-threat').evaluateAll((els) => els.map((e) => e.dataset.threat));
  assert.deepEqual(names, summary.threats.map((t) => t.name));
  for (const battery of summary.batteries) {
    assert.equal(await count(`g.timeline-battery[data-battery="${battery.name}"]`), 1, battery.name);
  }
});

test('the file is small enough to mail', () => {
  assert.ok(statSync(reportFile).size <= 3 * 1024 * 1024);
});

test('a screenshot is saved', async () => {
  await page.setViewportSize({ width: 1100, height: 1700 }); // the map, profiles and timeline
  const file = await saveScreenshot(page, 'report');
  assert.ok(statSync(file).size > 10000);
});
