#!/usr/bin/env node
// npm run test:cluster — the Redis Cluster test tier. Starts a real 3-master Redis Cluster
// (redis-server --cluster-enabled yes on loopback ports in 4560-4599, joined with
// `redis-cli --cluster create`), runs the cross-service e2e scenario and the no-loss test
// (SIGKILL of matching mid-stream) against it through REDIS_CLUSTER=true, then stops the
// cluster and exits with jest's status. Needs redis-server and redis-cli 6.2+ on the PATH, and
// the Postgres of `npm test`. Extra arguments go to jest.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIRST_PORT = 4560;
const LAST_PORT = 4599;
const MASTERS = 3;
const SPECS = ['test/pipeline.e2e-spec.ts', 'test/no-loss.e2e-spec.ts'];

const log = (message) => process.stderr.write(`test:cluster: ${message}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function isFree(port) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

/** MASTERS ports in range whose cluster bus port (port + 10000) is free too, from a random start. */
async function pickPorts() {
  const span = LAST_PORT - FIRST_PORT + 1;
  const start = Math.floor(Math.random() * span);
  const ports = [];
  for (let i = 0; i < span && ports.length < MASTERS; i++) {
    const port = FIRST_PORT + ((start + i) % span);
    if ((await isFree(port)) && (await isFree(port + 10000))) ports.push(port);
  }
  if (ports.length < MASTERS) throw new Error(`fewer than ${MASTERS} free ports in ${FIRST_PORT}-${LAST_PORT}`);
  return ports;
}

function cli(port, ...args) {
  return spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { encoding: 'utf8' });
}

async function until(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function startCluster(dir) {
  for (const tool of ['redis-server', 'redis-cli']) {
    if (spawnSync(tool, ['--version']).status !== 0) throw new Error(`${tool} is not on the PATH (install Redis 6.2+)`);
  }
  const ports = await pickPorts();
  const servers = ports.map((port) =>
    spawn(
      'redis-server',
      [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
        '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000', '--dir', dir,
        '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction', '--logfile', join(dir, `redis-${port}.log`),
      ],
      { stdio: 'ignore' },
    ),
  );
  const stop = async () => {
    for (const server of servers) if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await Promise.all(servers.map((s) => (s.exitCode !== null || s.signalCode !== null ? undefined : new Promise((r) => s.once('exit', r)))));
  };
  try {
    for (const port of ports) await until(`redis-server on ${port} did not answer`, () => cli(port, 'ping').stdout.trim() === 'PONG');
    const created = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed:\n${created.stdout}${created.stderr}`);
    await until('the cluster did not reach cluster_state:ok', () =>
      ports.every((port) => /cluster_state:ok/.test(cli(port, 'cluster', 'info').stdout)),
    );
    log(`cluster of ${MASTERS} masters up on 127.0.0.1:${ports.join(', ')} (${dir})`);
    return { ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'capmatch-cluster-'));
  let cluster;
  let stopping = false;
  const cleanUp = async () => {
    if (stopping) return;
    stopping = true;
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanUp().then(() => process.exit(130)));
  try {
    cluster = await startCluster(dir);
    const env = {
      ...process.env,
      TEST_REDIS_URL: cluster.ports.map((p, i) => `${i === 0 ? 'redis://' : ''}127.0.0.1:${p}`).join(','),
      TEST_REDIS_CLUSTER: 'true',
      TEST_DATABASE: process.env.TEST_DATABASE || 'capmatch_cluster_test',
    };
    const jest = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', 'config/jest.config.js', '--runInBand', ...SPECS, ...process.argv.slice(2)],
      { cwd: ROOT, env, stdio: 'inherit' },
    );
    return await new Promise((done) => jest.once('exit', (code) => done(code ?? 1)));
  } finally {
    await cleanUp();
  }
}

main().then(
  (status) => process.exit(status),
  (error) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
