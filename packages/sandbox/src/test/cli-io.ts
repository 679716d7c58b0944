import { type CliIo, runCli } from '../cli/commands.js';

/** Runs the CLI with captured output; `stop` resolves when `serve` should stop. */
export function captureCli(stop: Promise<void> = Promise.resolve()) {
  const io = { out: '', err: '' };
  const handle: CliIo = {
    out: (t) => {
      io.out += t;
    },
    err: (t) => {
      io.err += t;
    },
    env: {},
    untilStopped: () => stop,
  };
  return { io, run: (...argv: string[]) => runCli(argv, handle) };
}
