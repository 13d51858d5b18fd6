import { resolvePaths, type Paths } from '../store/paths.js';
import { Output } from './output.js';

/** Options every command accepts. */
export interface GlobalArgs {
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

export interface Context {
  out: Output;
  paths: Paths;
}

export function context(argv: GlobalArgs): Context {
  const color = argv.color === false ? false : undefined;
  return { out: new Output({ quiet: argv.quiet, verbose: argv.verbose, ...(color === false ? { color } : {}) }), paths: resolvePaths() };
}
