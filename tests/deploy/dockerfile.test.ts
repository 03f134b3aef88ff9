import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

interface Stage {
  name: string;
  from: string;
  steps: { op: string; args: string }[];
}

/** The stages scripts/dockerfile-recipe.mjs runs in CI, as it reads them from the Dockerfile. */
function plan(): Stage[] {
  const result = spawnSync(process.execPath, [join(root, 'scripts/dockerfile-recipe.mjs'), '--plan'], {
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Stage[];
}

const runs = (stage: Stage | undefined) =>
  stage?.steps.filter((s) => s.op === 'RUN').map((s) => s.args) ?? [];

describe('the Dockerfile recipe CI runs without a Docker engine', () => {
  const stages = plan();
  const byName = new Map(stages.map((stage) => [stage.name, stage]));

  it('reads every stage of the Dockerfile, in order', () => {
    const froms = readFileSync(join(root, 'Dockerfile'), 'utf8').match(/^FROM .*$/gm) ?? [];
    expect(stages.map((s) => `FROM ${s.from} AS ${s.name}`)).toEqual(froms);
  });

  it('installs production dependencies from the lock file, then builds with the dev ones', () => {
    expect(runs(byName.get('deps')).some((run) => run.startsWith('npm ci --omit=dev'))).toBe(true);
    expect(runs(byName.get('build'))).toEqual(['npm ci', 'npm run build']);
    expect(stages.flatMap(runs).filter((run) => /npm install\b/.test(run))).toEqual([]);
  });

  it('ships the production node_modules and the build into the image it starts', () => {
    const last = stages.at(-1)!;
    const copies = last.steps.filter((s) => s.op === 'COPY').map((s) => s.args);
    expect(copies).toContain('--from=deps --chown=node:node /app/node_modules ./node_modules');
    expect(copies).toContain('--from=build --chown=node:node /app/dist ./dist');
    expect(last.steps.find((s) => s.op === 'ENTRYPOINT')?.args).toBe('["node", "dist/main.js"]');
  });

  it('is run by CI, and scripts/install.sh installs with npm ci', () => {
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^node scripts\/dockerfile-recipe\.mjs$/m);
    expect(readFileSync(join(root, 'scripts/install.sh'), 'utf8')).toMatch(/^\s+npm ci\b/m);
  });
});

describe('the Node.js the image, the package and CI run on', () => {
  const imageMajor = Number(/^FROM node:(\d+)-/m.exec(readFileSync(join(root, 'Dockerfile'), 'utf8'))?.[1]);
  const ciRun = readFileSync(join(root, '.ci/run'), 'utf8');

  it('is a supported LTS line: the image on Node 24, the package refusing anything before 22', () => {
    expect(imageMajor).toBe(24);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=22');
  });

  it("runs CI's whole suite on the image's Node, its addons built against that Node's headers", () => {
    const fetchAt = ciRun.indexOf('scripts/node-runtime.sh "$node_major"');
    expect(ciRun).toContain("node_major=$(sed -n 's/^FROM node:\\([0-9]*\\)-.*/\\1/p' Dockerfile | head -1)");
    expect(fetchAt).toBeGreaterThan(-1);
    expect(ciRun).toContain('export PATH="$node_dir/bin:$PATH"');
    expect(ciRun).toContain('export npm_config_nodedir="$node_dir"');
    expect(fetchAt).toBeLessThan(ciRun.indexOf('bash scripts/test.sh'));
  });
});
