#!/usr/bin/env node
// Runs the Dockerfile's own install and build steps where no Docker engine runs (the CI machine), so the
// image's recipe cannot drift unnoticed: every step is read from the Dockerfile, none is written here.
//   node scripts/dockerfile-recipe.mjs --plan   prints the parsed stages as JSON (tests/deploy/dockerfile.test.ts)
//   node scripts/dockerfile-recipe.mjs          runs them in a temporary folder, then starts the last stage's
//                                               ENTRYPOINT with `serve` and waits for /health/ready
// Each stage is a folder standing for the image's root: FROM a stage copies that folder, COPY reads the build
// context (this checkout) or another stage, RUN runs the project's own `npm` commands there. System steps
// (apt-get, mkdir/chown of image paths) touch the machine, not the app: they are listed, not run, and the tools
// apt-get would install must already be on PATH. The Node that runs this must be the image's major version.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The Dockerfile as instructions: continuation lines joined, comments and the syntax directive dropped. */
export function parseDockerfile(text) {
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  const stages = [];
  for (const raw of lines) {
    const line = raw.trim().replace(/\s+/g, ' ');
    if (!line || line.startsWith('#')) continue;
    const [keyword, ...rest] = line.split(' ');
    const args = rest.join(' ');
    const op = keyword.toUpperCase();
    if (op === 'FROM') {
      const [image, as, name] = rest;
      stages.push({
        name: as?.toUpperCase() === 'AS' ? name : String(stages.length),
        from: image,
        steps: [],
      });
      continue;
    }
    if (stages.length === 0) throw new Error(`${op} before FROM`);
    stages.at(-1).steps.push({ op, args });
  }
  return stages;
}

/** COPY's flags and paths: `--from=deps --chown=node:node /app/dist ./dist`. */
function copyArgs(args) {
  const words = args.split(' ');
  const flags = Object.fromEntries(
    words.filter((w) => w.startsWith('--')).map((w) => w.slice(2).split('=', 2)),
  );
  const paths = words.filter((w) => !w.startsWith('--'));
  return { from: flags.from, sources: paths.slice(0, -1), dest: paths.at(-1) };
}

const isProjectStep = (command) => /^npm /.test(command);

function run(dockerfilePath) {
  const stages = parseDockerfile(readFileSync(dockerfilePath, 'utf8'));
  const imageMajor = stages[0].from.match(/^node:(\d+)/)?.[1];
  const nodeMajor = process.versions.node.split('.')[0];
  if (imageMajor !== nodeMajor) {
    throw new Error(
      `the image is on Node ${imageMajor}; this runs on Node ${nodeMajor} (put Node ${imageMajor} first on PATH)`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'sightline-image-'));
  const built = new Map();
  try {
    for (const stage of stages) {
      const base = built.get(stage.from);
      const dir = join(work, stage.name);
      if (base) cpSync(base.dir, dir, { recursive: true, verbatimSymlinks: true });
      else mkdirSync(dir, { recursive: true });
      const state = {
        dir,
        workdir: base?.workdir ?? '/',
        env: { ...(base?.env ?? {}) },
        entrypoint: base?.entrypoint,
      };
      for (const step of stage.steps) applyStep(state, step, built);
      built.set(stage.name, state);
      console.log(`stage ${stage.name}: done`);
    }
    return serve(built.get(stages.at(-1).name)).finally(() => rmSync(work, { recursive: true, force: true }));
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
}

function applyStep(state, { op, args }, built) {
  const inImage = (path) => join(state.dir, posix.resolve(state.workdir, path));
  if (op === 'WORKDIR') {
    state.workdir = posix.resolve(state.workdir, args);
    mkdirSync(inImage('.'), { recursive: true });
  } else if (op === 'ENV') {
    for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) state.env[key] = value;
  } else if (op === 'COPY') {
    const { from, sources, dest } = copyArgs(args);
    const source = from ? built.get(from) : undefined;
    if (from && !source) throw new Error(`COPY --from=${from}: no such stage`);
    for (const src of sources) {
      const path = source ? join(source.dir, src) : join(root, src);
      const into =
        dest.endsWith('/') || sources.length > 1 ? join(inImage(dest), basename(src)) : inImage(dest);
      mkdirSync(dirname(into), { recursive: true });
      cpSync(path, into, { recursive: true, verbatimSymlinks: true });
    }
    console.log(`COPY ${args}`);
  } else if (op === 'RUN' && isProjectStep(args)) {
    console.log(`RUN ${args}`);
    // No prebuilt addon binary can be downloaded here: better-sqlite3 builds from source, as in scripts/install.sh.
    // The npm cache is the image's own, as in a build: `npm cache clean --force` must not empty the machine's.
    execFileSync('bash', ['-euo', 'pipefail', '-c', args], {
      cwd: inImage('.'),
      stdio: 'inherit',
      env: {
        ...process.env,
        ...state.env,
        npm_config_build_from_source: 'true',
        npm_config_cache: join(state.dir, 'root/.npm'),
      },
    });
  } else if (op === 'RUN') {
    const tools = args
      .match(/apt-get install[^&]*/)?.[0]
      .split(' ')
      .filter((w) => w && !w.startsWith('-'))
      .slice(2);
    for (const tool of tools ?? []) execFileSync('bash', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    console.log(`system step, not run here${tools ? ` (${tools.join(', ')} on PATH)` : ''}: ${args}`);
  } else if (op === 'ENTRYPOINT') {
    state.entrypoint = JSON.parse(args);
  } else {
    console.log(`${op} ${args}: nothing to do outside an image`);
  }
}

/** Starts the image's ENTRYPOINT with `serve` on a free port and waits for /health/ready to answer 200. */
async function serve(state) {
  const cwd = join(state.dir, state.workdir);
  if (!existsSync(join(cwd, 'dist/main.js')) || !statSync(join(cwd, 'node_modules')).isDirectory()) {
    throw new Error('the last stage has no dist/main.js or node_modules');
  }
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const [command, ...args] = state.entrypoint;
  const child = spawn(command, [...args, 'serve'], {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      PATH: process.env.PATH,
      ...state.env,
      HOST: '127.0.0.1',
      PORT: port,
      SQLITE_PATH: join(cwd, 'data/sightline.db'),
      AUTH_SECRET: 'dockerfile-recipe-secret-of-at-least-32-chars',
      LOG_LEVEL: 'warn',
    },
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    for (let attempt = 0; attempt < 120; attempt++) {
      const done = await Promise.race([
        exited.then(() => true),
        new Promise((r) => setTimeout(r, 500, false)),
      ]);
      if (done) throw new Error('the server exited before it was ready');
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      if (response?.status === 200) {
        console.log(`/health/ready: 200 ${await response.text()}`);
        return;
      }
    }
    throw new Error('/health/ready did not answer 200 within 60 s');
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

if (process.argv.includes('--plan')) {
  console.log(JSON.stringify(parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8')), null, 2));
} else {
  await run(join(root, 'Dockerfile')).catch((error) => {
    console.error(`dockerfile recipe: ${error.message}`);
    process.exit(1);
  });
  console.log('dockerfile recipe: the image installs, builds and serves');
}
