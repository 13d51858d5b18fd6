import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, type RunResult } from './sandbox.js';

// Drives a command on a pseudo-terminal (python3's pty module) the way a person types: each step's text is sent
// once its prompt has appeared again since the previous step. Everything the terminal showed comes back as stderr.
const DRIVER = `
import json, os, pty, select, sys, time
steps = json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp('sh', ['sh', '-c', sys.argv[1]])
out = b''
seen = 0
deadline = time.time() + 30
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.05)
    if r:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    if steps and out.count(steps[0][0].encode()) > seen:
        _, text = steps.pop(0)
        os.write(fd, text.encode())
        time.sleep(0.15)
        seen = out.count(steps[0][0].encode()) if steps else 0
_, status = os.waitpid(pid, 0)
sys.stderr.write(out.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

/** True when python3 with its pty module is there to drive a terminal. */
export async function hasPty(): Promise<boolean> {
  return (await run('python3', ['-c', 'import pty'], process.env)).code === 0;
}

/** Runs `shellCommand` on a terminal, typing each [prompt, text] step in turn; `dir` holds the driver script. */
export function runOnTerminal(shellCommand: string, steps: Array<[prompt: string, text: string]>, env: NodeJS.ProcessEnv, dir: string): Promise<RunResult> {
  const script = join(dir, 'drive_terminal.py');
  writeFileSync(script, DRIVER);
  return run('python3', [script, shellCommand, JSON.stringify(steps)], { ...env, TERM: 'xterm' }, 60_000);
}
