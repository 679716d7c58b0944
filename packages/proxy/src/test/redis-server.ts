import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BINARY = '/usr/bin/redis-server';

/** A throwaway redis-server on a free loopback port (no persistence). */
export interface TestRedis {
  url: string;
  port: number;
  /** Ends the server (SIGTERM) for good. */
  stop(): Promise<void>;
  /** Kills the server as a crash would (SIGKILL): open connections drop, nothing is saved. */
  kill(): Promise<void>;
  /** Starts a fresh server on the same port after `kill()` (empty: nothing was persisted). */
  restart(): Promise<void>;
}

/**
 * Starts a throwaway redis-server on a free loopback port. No persistence by default; with
 * `persist`, an append-only file synced on every write (in a temporary directory removed by
 * `stop`), so what was acknowledged survives `kill()` and `restart()`.
 */
export async function startRedisServer(options: { persist?: boolean } = {}): Promise<TestRedis> {
  if (!existsSync(BINARY)) {
    throw new Error(
      'redis-server is not installed: run `npm test` (it installs it) or apt-get install redis-server',
    );
  }
  const port = await freePort();
  const dir = options.persist ? mkdtempSync(join(tmpdir(), 'clinik-redis-')) : undefined;
  let child: ChildProcess | undefined = await spawnRedis(port, dir);
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const current = child;
      child = undefined;
      if (!current || current.exitCode !== null || current.signalCode !== null) {
        resolve();
        return;
      }
      current.once('exit', () => resolve());
      current.kill(signal);
    });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await end('SIGTERM');
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
    restart: async () => {
      if (child) throw new Error('redis-server is still running');
      child = await spawnRedis(port, dir);
    },
  };
}

async function spawnRedis(port: number, dir: string | undefined): Promise<ChildProcess> {
  const persistence = dir
    ? ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always']
    : ['--appendonly', 'no'];
  const child = spawn(
    BINARY,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      ...persistence,
      '--protected-mode',
      'yes',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)),
    );
  });
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
