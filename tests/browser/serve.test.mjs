// `rampart serve` over raw HTTP (node:net, so that no client library
// normalises the paths first): requests that try to escape the served folders
// get 404 and never the secret's bytes; normal files come with their type;
// the server listens on loopback only unless --bind says otherwise; bad
// arguments are exit 2; Ctrl-C and SIGTERM stop it with exit 0.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { checkPrerequisites, removeDir, runRampart, startServe, tempDir, webDir } from './harness.mjs';

const SECRET = 'the-secret-that-must-not-be-served';
let base;
let results;
let server;

before(async () => {
  checkPrerequisites();
  base = tempDir('rampart-serve-');
  results = path.join(base, 'results');
  mkdirSync(results);
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  writeFileSync(path.join(results, 'hello.json'), '{"hello": "world"}\n');
  writeFileSync(path.join(results, 'scenario.czml'), '[]\n');
  symlinkSync(path.join(base, 'secret.txt'), path.join(results, 'escape.txt'));
  symlinkSync(base, path.join(results, 'up'));
  server = await startServe(results);
});

after(async () => {
  if (server) await server.stop();
  if (base) removeDir(base);
});

/** Sends `GET target` as written; {status, headers, body}. */
function rawGet(target, { port = server.port, host = '127.0.0.1', hostHeader = `127.0.0.1:${server.port}` } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    let data = '';
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', (chunk) => { data += chunk; });
    socket.on('error', reject);
    socket.on('end', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d+)/.exec(head)?.[1]);
      resolve({ status, head, body: rest.join('\r\n\r\n') });
    });
  });
}

test('the address printed is on 127.0.0.1', () => {
  assert.match(server.output().stdout,
    /^rampart serve: http:\/\/127\.0\.0\.1:\d+\/ \(2D map\), http:\/\/127\.0\.0\.1:\d+\/globe\.html \(3D globe\); Ctrl-C stops$/m);
});

test('normal files are served with their type', async () => {
  const hello = await rawGet('/results/hello.json');
  assert.equal(hello.status, 200);
  assert.match(hello.head, /Content-Type: application\/json/i);
  assert.equal(hello.body, '{"hello": "world"}\n');
  const index = await rawGet('/');
  assert.equal(index.status, 200);
  assert.match(index.head, /Content-Type: text\/html/i);
  const d3 = await rawGet('/node_modules/d3/dist/d3.min.js');
  assert.equal(d3.status, 200);
  assert.match(d3.head, /Content-Type: text\/javascript/i);
  assert.equal((await rawGet('/globe.html?light=1')).status, 200);
  assert.equal((await rawGet('/results/nothing.json')).status, 404);
});

test('path traversal gets 404', async () => {
  const secretPath = path.join(base, 'secret.txt');
  const attempts = [
    '/../', '/../secret.txt', '/%2e%2e/', '/%2e%2e/%2e%2e/etc/passwd', '/%2E%2E%2Fetc%2Fpasswd',
    '/results/../../etc/passwd', '/results/..', '/results/%2e%2e/secret.txt', '/results/..%2fsecret.txt',
    '/results/..%5csecret.txt', '/results/..\\secret.txt', '/results/%252e%252e/secret.txt',
    '//etc/passwd', `/results/${secretPath}`, `/results/${encodeURIComponent(secretPath)}`, `/${secretPath}`,
    '/results/escape.txt', '/results/up/secret.txt', '/results/hello.json%00.png',
    `/node_modules/../../${path.relative(path.dirname(webDir), secretPath)}`,
  ];
  for (const target of attempts) {
    const response = await rawGet(target);
    assert.equal(response.status, 404, `${target} -> ${response.status}`);
    assert.ok(!response.body.includes(SECRET), `${target} leaked the secret`);
  }
  // The same with a client that sends what a browser would (it normalises `..` away first).
  const fetched = await fetch(`${server.url}results/%2e%2e/secret.txt`);
  assert.equal(fetched.status, 404);
});

test('only a loopback Host is answered (no DNS rebinding)', async () => {
  assert.equal((await rawGet('/results/hello.json', { hostHeader: 'attacker.example' })).status, 403);
  assert.equal((await rawGet('/results/hello.json', { hostHeader: `localhost:${server.port}` })).status, 200);
});

test('by default nothing but loopback can connect', async (t) => {
  const outside = Object.values(networkInterfaces()).flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!outside) {
    t.skip('this machine has no non-loopback IPv4 address');
    return;
  }
  await assert.rejects(rawGet('/', { host: outside.address }), /ECONNREFUSED/,
    `${outside.address}:${server.port} refuses`);
});

test('bad arguments are exit 2 with a message', () => {
  const cases = [
    [['serve', results, '--bind', 'example.com', '--port', '0'], /--bind: error: 'example\.com' is not an IPv4 or IPv6 address/],
    [['serve', results, '--bind', '999.1.1.1', '--port', '0'], /is not an IPv4 or IPv6 address/],
    [['serve', path.join(base, 'no-such-folder'), '--port', '0'], /no such folder/],
    [['serve', results, '--port', '70000'], /--port/],
  ];
  for (const [args, message] of cases) {
    const run = runRampart(args, { allowFailure: true, timeout: 10000 });
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
  }
  const bareWeb = path.join(base, 'web-without-packages');
  mkdirSync(bareWeb);
  writeFileSync(path.join(bareWeb, 'index.html'), '<!doctype html>');
  const run = runRampart(['serve', results, '--port', '0'],
    { allowFailure: true, timeout: 10000, env: { ...process.env, RAMPART_WEB_DIR: bareWeb } });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /run scripts\/install-deps\.sh/);
});

test('a port in use is exit 2', () => {
  const run = runRampart(['serve', results, '--port', String(server.port)], { allowFailure: true, timeout: 10000 });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /cannot listen on 127\.0\.0\.1:\d+/);
});

test('an explicit --bind is honoured, with a warning when not loopback', async () => {
  const other = await startServe(results, ['--bind', '0.0.0.0']);
  try {
    assert.match(other.output().stdout, /http:\/\/127\.0\.0\.1:\d+\//);
    assert.equal((await rawGet('/results/hello.json', { port: other.port, hostHeader: 'any.example' })).status, 200);
  } finally {
    assert.equal(await other.stop('SIGTERM'), 0);
  }
  assert.match(other.output().stderr, /warning: listening on 0\.0\.0\.0/);
});

test('Ctrl-C stops the server with exit 0', async () => {
  const other = await startServe(results);
  assert.equal((await rawGet('/', { port: other.port, hostHeader: '127.0.0.1' })).status, 200);
  assert.equal(await other.stop('SIGINT'), 0);
  await assert.rejects(rawGet('/', { port: other.port }), /ECONNREFUSED/);
});
