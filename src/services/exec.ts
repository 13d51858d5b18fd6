import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/** Signals a wrapper must pass on: Ctrl-C, `kill`, and a closed terminal. */
export const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** How the child ended: an exit code, or the signal that killed it; `spawnError` when it never started. */
export type ChildOutcome =
  | { kind: 'exited'; code: number }
  | { kind: 'signalled'; signal: NodeJS.Signals }
  | { kind: 'spawn-error'; errno: string; message: string };

// Handlers are installed before spawning, so a signal that arrives while the child starts is not lost: it
// is delivered once the child exists. While they are installed, Node's default "die on SIGINT" is off.
/** Runs `cmd args` with inherited stdio and `env`, forwarding SIGINT/SIGTERM/SIGHUP to it, until it ends. */
export function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv, proc: NodeJS.Process = process): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const pending: NodeJS.Signals[] = [];
    let child: ReturnType<typeof spawn> | undefined;
    const handlers = new Map<NodeJS.Signals, () => void>();
    for (const sig of FORWARDED_SIGNALS) {
      const h = (): void => {
        if (child?.pid !== undefined) child.kill(sig);
        else pending.push(sig);
      };
      handlers.set(sig, h);
      proc.on(sig, h);
    }
    const cleanup = (): void => {
      for (const [sig, h] of handlers) proc.removeListener(sig, h);
    };
    child = spawn(cmd, args, { stdio: 'inherit', env });
    child.once('spawn', () => {
      for (const sig of pending.splice(0)) child?.kill(sig);
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      cleanup();
      resolve({ kind: 'spawn-error', errno: err.code ?? 'UNKNOWN', message: err.message });
    });
    child.once('exit', (code, signal) => {
      cleanup();
      resolve(signal ? { kind: 'signalled', signal } : { kind: 'exited', code: code ?? 1 });
    });
  });
}

/** The conventional exit status for death by a signal: 128 + its number (SIGINT 130, SIGTERM 143). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

// A shell reports "killed by SIGINT" only when the process really died of it, which makes `while awsidc exec ...`
// loops stop on Ctrl-C; 128+n is the fallback where re-raising cannot kill us.
/** Ends this process the way the child ended: same exit code, or the same signal re-raised. */
export function exitLikeChild(outcome: Exclude<ChildOutcome, { kind: 'spawn-error' }>, proc: NodeJS.Process = process): void {
  if (outcome.kind === 'exited') {
    proc.exitCode = outcome.code;
    return;
  }
  const code = signalExitCode(outcome.signal);
  proc.exitCode = code;
  for (const l of proc.listeners(outcome.signal)) proc.removeListener(outcome.signal, l as () => void);
  try {
    proc.kill(proc.pid, outcome.signal);
  } catch {
    proc.exit(code);
  }
  setTimeout(() => proc.exit(code), 1000).unref();
}
