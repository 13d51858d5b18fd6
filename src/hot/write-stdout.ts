import { writeSync } from 'node:fs';

let deferred = false;

/**
 * Writes all of `text` to fd 1 synchronously. Touching `process.stdout` would load the stream and net modules,
 * about 3 ms of a ~50 ms cache hit; fd 1 is normally a blocking pipe (both SDKs spawn it so). If it is
 * non-blocking and full (EAGAIN), the rest goes through process.stdout, which waits for the pipe to drain.
 */
export function writeStdout(text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  try {
    while (off < buf.length) off += writeSync(1, buf, off, buf.length - off);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    deferred = true;
    process.stdout.write(buf.subarray(off));
  }
}

/** True once some output is waiting in process.stdout, so the process must not exit before it drains. */
export function stdoutDeferred(): boolean {
  return deferred;
}
