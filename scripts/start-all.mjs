// npm run start:all — runs the four built services and the console in one terminal (one process
// each), with prefixed output. Ctrl-C or SIGTERM drains and stops them all; if one dies on its own, the
// others are stopped and this exits non-zero.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVICES = ['requests', 'offers', 'matching', 'notifications', 'console'];
const COLOURS = { requests: 36, offers: 35, matching: 33, notifications: 32, console: 34 };
const colour = process.stdout.isTTY && !process.env.NO_COLOR;

const missing = SERVICES.map((s) => `dist/apps/${s}/src/main.js`).filter((f) => !existsSync(resolve(root, f)));
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
  const child = spawn(process.execPath, [`dist/apps/${service}/src/main.js`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    console.error(`start-all: ${signal}: draining the services`);
    stopAll('SIGTERM');
  });
}
