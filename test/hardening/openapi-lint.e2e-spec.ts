// OpenAPI (issue 11, item 8): each service's /docs-json passes Redocly's recommended rules with
// 0 errors and carries a licence. @redocly/openapi-core is ES modules only, so the lint runs in
// a child node process rather than under jest's CommonJS runtime.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { startStack, type Stack } from '../support/stack';

const LINT = `
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { readFileSync } from 'node:fs';
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: readFileSync(process.argv[1], 'utf8'), absoluteRef: process.argv[1], config });
process.stdout.write(JSON.stringify(problems.map((p) => ({ severity: p.severity, rule: p.ruleId, message: p.message, where: p.location?.[0]?.pointer }))));
`;

describe('OpenAPI documents under Redocly recommended rules', () => {
  let stack: Stack;
  const dir = mkdtempSync(join(tmpdir(), 'capmatch-openapi-'));

  beforeAll(async () => {
    stack = await startStack();
  }, 120_000);
  afterAll(() => stack?.close());

  it.each(['requests', 'offers', 'matching'] as const)('%s: 0 errors, a licence, servers, public operations without security', async (service) => {
    const doc = (await request(stack[service].http).get('/docs-json').expect(200)).body;
    expect(doc.info.license).toEqual(expect.objectContaining({ name: 'Apache-2.0' }));
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.paths['/health/ready'].get.security).toEqual([]);
    expect(doc.paths['/health/live'].get.summary).toEqual(expect.any(String));
    const file = join(dir, `${service}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT, file], { cwd: resolve(__dirname, '..', '..') });
    const problems = JSON.parse(out.toString()) as Array<{ severity: string }>;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
