// npm run start:all — runs the four built services and the console in one terminal (one process
// each), with prefixed output. Ctrl-C or SIGTERM drains and stops them all; if one dies on its own, the
// others are stopped and this exits non-zero.
//
// Each service runs in a process group of its own, so a signal to this script's group (Ctrl-C,
// or `kill -TERM -- -<pgid>` from a process manager) reaches each service exactly once: from
// here. START_ALL_FROM=source runs the TypeScript sources instead of dist (tests, development).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = ['requests', 'offers', 'matching', 'notifications', 'console'];
const COLOURS = { requests: 36, offers: 35, matching: 33, notifications: 32, console: 34 };
const colour = process.stdout.isTTY && !process.env.NO_COLOR;

const fromSource = process.env.START_ALL_FROM === 'source';
const NODE_FLAGS = JSON.parse(readFileSync(resolve(root, 'scripts/service-node-flags.json'), 'utf8'));
const entryOf = (service) => [
  ...NODE_FLAGS[service],
  ...(fromSource ? ['-r', '@swc-node/register', `apps/${service}/src/main.ts`] : [`dist/apps/${service}/src/main.js`]),
];
const missing = fromSource ? [] : SERVICES.map((s) => `dist/apps/${s}/src/main.js`).filter((f) => !existsSync(resolve(root, f)));
if (missing.length > 0) {
  console.error(`start-all: ${missing.join(', ')} missing; run "npm run build" first (or "npm start", which does both)`);
  process.exit(1);
}

let stopping = false;
let exitCode = 0;
const children = new Map();

function prefix(service) {
  const label = `[${service}]`.padEnd(15);
  return colour ? `\x1b[${COLOURS[service]}m${label}\x1b[0m ` : `${label} `;
}

function stopAll(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) if (child.exitCode === null) child.kill(signal);
}

for (const service of SERVICES) {
  const child = spawn(process.execPath, entryOf(service), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.set(service, child);
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    createInterface({ input: stream }).on('line', (line) => out.write(`${prefix(service)}${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(service);
    const clean = code === 0;
    if (!stopping) {
      console.error(`start-all: ${service} exited (${signal ?? `code ${code}`}); stopping the others`);
      exitCode = 1;
      stopAll('SIGTERM');
    } else if (!clean) {
      exitCode = exitCode || code || 1;
    }
    if (children.size === 0) process.exit(exitCode);
  });
}

// Every signal after the first is ignored here: the services are draining, and they would
// ignore a second one anyway. If this script is killed outright (SIGKILL), the services keep
// running in their own groups: a supervisor stops them with the cgroup (systemd, containers).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    console.error(`start-all: ${signal}: draining the services`);
    stopAll('SIGTERM');
  });
}

// Detached children outlive a crash of this script; make sure a normal exit takes them along.
process.on('exit', () => {
  for (const child of children.values()) if (child.exitCode === null) child.kill('SIGTERM');
});
