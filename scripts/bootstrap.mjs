// Brings a fresh machine (Node 20 + npm only) to a state where the project runs:
// a pinned pnpm in .tools/, workspace dependencies from the frozen lockfile, and the
// Debian packages a suite needs. Every step checks first, so a second run installs nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.21.0';
const TOOLS = join(ROOT, '.tools');
const PNPM_BIN = join(TOOLS, 'node_modules', '.bin', 'pnpm');
const INSTALL_STAMP = join(ROOT, 'node_modules', '.clinik-install-stamp');

/** Debian packages by the binary that proves they are installed. */
export const SYSTEM_PACKAGES = {
  chromium: '/usr/bin/chromium',
  'redis-server': '/usr/bin/redis-server',
  openssl: '/usr/bin/openssl',
};

const log = (message) => process.stdout.write(`[bootstrap] ${message}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** Installs the pinned pnpm into .tools/ (corepack does not work on these machines). */
export function ensurePnpm() {
  if (existsSync(PNPM_BIN)) {
    const version = execFileSync(PNPM_BIN, ['--version'], { encoding: 'utf8' }).trim();
    if (version === PNPM_VERSION) return PNPM_BIN;
  }
  log(`installing pnpm ${PNPM_VERSION} into .tools/`);
  mkdirSync(TOOLS, { recursive: true });
  writeFileSync(join(TOOLS, 'package.json'), '{"private":true}\n');
  run('npm', [
    'install',
    '--prefix',
    TOOLS,
    `pnpm@${PNPM_VERSION}`,
    '--no-audit',
    '--no-fund',
    '--no-package-lock',
    '--loglevel=error',
  ]);
  return PNPM_BIN;
}

function manifestFiles() {
  const files = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json'];
  for (const group of ['packages', 'apps', 'examples']) {
    const dir = join(ROOT, group);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const manifest = join(group, name, 'package.json');
      if (existsSync(join(ROOT, manifest))) files.push(manifest);
    }
  }
  return files;
}

function manifestHash() {
  const hash = createHash('sha256');
  for (const file of manifestFiles()) {
    hash.update(file);
    hash.update(existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file)) : '');
  }
  return hash.digest('hex');
}

/** Installs workspace dependencies from the frozen lockfile unless nothing changed since last time. */
export function ensureDependencies() {
  const pnpm = ensurePnpm();
  const hash = manifestHash();
  if (existsSync(INSTALL_STAMP) && readFileSync(INSTALL_STAMP, 'utf8') === hash) return;
  log('installing workspace dependencies (frozen lockfile)');
  run(pnpm, ['install', '--frozen-lockfile'], {
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  writeFileSync(INSTALL_STAMP, hash);
}

/**
 * Makes sure the Debian packages a suite needs are present: installs them with apt-get when
 * running as root, otherwise stops with the exact command to run.
 */
export function ensureSystemPackages(names) {
  const missing = names.filter((name) => {
    const binary = SYSTEM_PACKAGES[name];
    if (!binary) throw new Error(`unknown system package ${name}`);
    return !existsSync(binary);
  });
  if (missing.length === 0) return;
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `[bootstrap] missing system packages: ${missing.join(', ')}\n` +
        `[bootstrap] run this as root, then try again:\n  sudo sh -c '${command}'\n`,
    );
    process.exit(1);
  }
  log(`installing system packages: ${missing.join(', ')}`);
  run('sh', ['-c', command], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Environment for child processes: the pinned pnpm and workspace binaries on PATH. */
export function toolEnv(extra = {}) {
  const bins = [join(TOOLS, 'node_modules', '.bin'), join(ROOT, 'node_modules', '.bin')];
  return { ...process.env, PATH: [...bins, process.env.PATH].join(':'), ...extra };
}

/** Runs pnpm with the pinned version. */
export function pnpm(args, options = {}) {
  run(ensurePnpm(), args, options);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDependencies();
  log('ready');
}
