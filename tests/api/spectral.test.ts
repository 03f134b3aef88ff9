import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { testApi } from './support.js';

const root = join(import.meta.dirname, '../..');
const spectral = join(root, 'node_modules/.bin/spectral');

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}

describe('the OpenAPI document, as API teams lint it', () => {
  it("gets no result at all from Spectral's spectral:oas ruleset (.spectral.yaml)", async () => {
    const api = await testApi();
    const dir = mkdtempSync(join(tmpdir(), 'sightline-spectral-'));
    try {
      const response = await api.app.inject('/openapi.json');
      writeFileSync(join(dir, 'openapi.json'), response.body);
      const output = join(dir, 'results.json');
      const args = ['lint', join(dir, 'openapi.json'), '--ruleset', join(root, '.spectral.yaml')];
      // Exit 1 when it finds anything; the results file says what, which is what the assertion shows.
      await promisify(execFile)(spectral, [...args, '--format', 'json', '--output', output]).catch(() => {});
      const results = JSON.parse(readFileSync(output, 'utf8')) as SpectralResult[];
      expect(results.map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await api.close();
    }
  }, 180_000);
});
