// Shared pieces of rampart's browser tests (node:test + playwright-core
// driving Debian's Chromium). Used by viewer2d, globe, serve and report tests.
//
// API (all exports):
//   repoDir, webDir            the source tree and its web/ folder (env RAMPART_WEB_DIR overrides webDir)
//   rampartCli                 the rampart binary: env RAMPART_CLI (set by CTest), else build/bin/rampart
//   screenshotDir              env RAMPART_SCREENSHOT_DIR (CTest: <build>/screenshots), else build/screenshots;
//                              created on first use
//   checkPrerequisites()       throws a clear Error when chromium (/usr/bin/chromium, or env RAMPART_CHROMIUM),
//                              web/node_modules or the binary is missing: the tests then FAIL saying so
//   runRampart(args, opts)     spawnSync of the binary from repoDir: {status, stdout, stderr}; throws on exit != 0
//                              unless opts.allowFailure
//   tempDir(prefix)            a fresh folder under the OS temp dir (removed by removeDir)
//   removeDir(dir)
//   makeEuropeRun()            runs `rampart run scenarios/europe.yaml -o TMP/europe --no-report` when the binary
//                              knows --no-report (else without it); returns that folder
//   launchBrowser()            {context, close()}: headless Chromium with a fresh user-data dir, the flags of
//                              issue 6 (--no-sandbox, --enable-unsafe-swiftshader, no background networking ...);
//                              every request goes through the recorder (below)
//   newPage(browser)           a page of that context; collects console errors in page.consoleErrors
//   foreignRequests(browser)   the URLs requested so far that were not to 127.0.0.1 / localhost / file: /
//                              data: / blob: (each was also aborted); a test asserts it is empty
//   startServe(dir, args)      spawns `rampart serve DIR --port 0 ARGS`, waits for its address line:
//                              {url (http://127.0.0.1:PORT/), port, process, output(), stop() -> exit code}
//   saveScreenshot(page, name) writes screenshotDir/NAME.png, returns its path
//   isLocalUrl(url)            the rule of the recorder
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoDir = path.resolve(here, '..', '..');
export const webDir = process.env.RAMPART_WEB_DIR || path.join(repoDir, 'web');
export const rampartCli = process.env.RAMPART_CLI || path.join(repoDir, 'build', 'bin', 'rampart');
export const screenshotDir = process.env.RAMPART_SCREENSHOT_DIR || path.join(repoDir, 'build', 'screenshots');
const chromiumPath = process.env.RAMPART_CHROMIUM || '/usr/bin/chromium';

export function checkPrerequisites() {
  const missing = [];
  if (!existsSync(chromiumPath)) missing.push(`${chromiumPath} (Debian package chromium)`);
  if (!existsSync(path.join(webDir, 'node_modules', 'playwright-core'))) {
    missing.push(`${webDir}/node_modules (npm packages)`);
  }
  if (!existsSync(rampartCli)) missing.push(`${rampartCli} (build the rampart_cli target)`);
  if (missing.length) {
    throw new Error(`browser tests need ${missing.join(', ')}: run scripts/install-deps.sh and build first`);
  }
}

// playwright-core lives in web/node_modules; ES imports ignore NODE_PATH, so it is required from there.
function playwright() {
  checkPrerequisites();
  return createRequire(path.join(webDir, 'package.json'))('playwright-core');
}

export function runRampart(args, opts = {}) {
  const result = spawnSync(rampartCli, args, { cwd: repoDir, encoding: 'utf8', ...opts });
  if (result.error) throw result.error;
  if (result.status !== 0 && !opts.allowFailure) {
    throw new Error(`rampart ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result;
}

export function tempDir(prefix = 'rampart-browser-') {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

export function makeEuropeRun() {
  const out = path.join(tempDir('rampart-europe-'), 'europe');
  const help = runRampart(['run', '--help']).stdout;
  const args = ['run', 'scenarios/europe.yaml', '-o', out];
  if (help.includes('--no-report')) args.push('--no-report');
  runRampart(args);
  return out;
}

export function isLocalUrl(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('file:') || url === 'about:blank') {
    return true;
  }
  try {
    const { hostname } = new URL(url);
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

export async function launchBrowser() {
  const { chromium } = playwright();
  const userDataDir = tempDir('rampart-chromium-');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-features=Translate,OptimizationHints,MediaRouter',
    ],
  });
  const foreign = [];
  // Every request passes here: a foreign one is recorded and aborted, so a
  // failing test cannot reach the network either.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocalUrl(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!isLocalUrl(url) && !foreign.includes(url)) foreign.push(url);
  });
  return {
    context,
    foreign,
    async close() {
      await context.close();
      removeDir(userDataDir);
    },
  };
}

export async function newPage(browser) {
  const page = await browser.context.newPage();
  page.consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') page.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => page.consoleErrors.push(String(error)));
  return page;
}

export function foreignRequests(browser) {
  return [...browser.foreign];
}

export function startServe(dir, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(rampartCli, ['serve', dir, '--port', '0', ...args], {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise((done) => child.on('exit', (code, signal) => done(code ?? signal)));
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`rampart serve printed no address in 10 s: ${stdout} ${stderr}`));
    }, 10000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /http:\/\/([0-9.]+|\[[0-9a-f:]+\]):(\d+)\//.exec(stdout);
      if (match) {
        clearTimeout(timeout);
        resolve({
          url: `http://${match[1]}:${match[2]}/`,
          port: Number(match[2]),
          process: child,
          output: () => ({ stdout, stderr }),
          async stop(signal = 'SIGINT') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('exit', (code) => {
      clearTimeout(timeout);
      reject(new Error(`rampart serve exited ${code} before printing its address: ${stderr}`));
    });
  });
}

export async function saveScreenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
