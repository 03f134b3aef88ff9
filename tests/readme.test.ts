import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('shows the curl walk-through exactly as tests/api/walkthrough.sh runs it', () => {
    const script = readFileSync(new URL('./api/walkthrough.sh', import.meta.url), 'utf8');
    const body = script.slice(script.indexOf('TODAY=')).trimEnd();
    expect(readme).toContain(body);
  });

  it('keeps exactly two set-up commands, and CI runs the test one', () => {
    const setup = readme.slice(readme.indexOf('## Set up'), readme.indexOf('## Configuration'));
    const commands = [...setup.matchAll(/```sh\n(.+?)\n```/gs)].map((m) => m[1]);
    expect(commands).toEqual(['bash scripts/start.sh', 'bash scripts/test.sh']);
    expect(readFileSync(new URL('../.ci/run', import.meta.url), 'utf8')).toContain('bash scripts/test.sh');
  });
});
