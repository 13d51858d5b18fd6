import { createInterface } from 'node:readline/promises';
import { AwsidcError } from '../core/errors.js';

/** True when a person can answer questions: stdin and stderr are both terminals. */
export function interactive(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

/** Asks for one value on the terminal, with a default; without a TTY, fails naming the flag to pass. */
export async function ask(question: string, o: { flag: string; default?: string; validate?: (v: string) => string }): Promise<string> {
  if (!interactive()) {
    throw new AwsidcError('NOT_A_TTY', `missing ${o.flag} and there is no terminal to ask on`, { hint: `pass ${o.flag}` });
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    for (;;) {
      const raw = (await rl.question(`${question}${o.default ? ` [${o.default}]` : ''}: `)).trim();
      const value = raw || o.default || '';
      if (!value) continue;
      try {
        return o.validate ? o.validate(value) : value;
      } catch (err) {
        process.stderr.write(`${(err as Error).message}\n`);
      }
    }
  } finally {
    rl.close();
  }
}

/** A yes/no question; without a TTY, fails naming the flag (--yes) that confirms. */
export async function confirm(question: string, o: { flag: string }): Promise<boolean> {
  if (!interactive()) {
    throw new AwsidcError('NOT_A_TTY', `${question.replace(/\?$/, '')} needs confirmation and there is no terminal`, { hint: `pass ${o.flag}` });
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
}
