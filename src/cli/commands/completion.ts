import type { Argv, CommandModule } from 'yargs';
import { completionScript, completionWords, SHELLS, type Shell } from '../../services/completion.js';
import { resolvePaths } from '../../store/paths.js';
import type { GlobalArgs } from '../context.js';

interface CompletionArgs extends GlobalArgs {
  shell: Shell;
}

export const completionCommand: CommandModule<GlobalArgs, CompletionArgs> = {
  command: 'completion <shell>',
  describe: 'Print the shell completion script (bash, zsh or fish)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('shell', { choices: SHELLS, demandOption: true, describe: 'Your shell' })
      .example('source <($0 completion bash)', 'in ~/.bashrc')
      .example('source <($0 completion zsh)', 'in ~/.zshrc, after compinit')
      .example('$0 completion fish > ~/.config/fish/completions/awsidc.fish', ''),
  handler: (argv) => {
    process.stdout.write(completionScript(argv.shell));
  },
};

interface CompleteArgs extends GlobalArgs {
  kind: string;
}

// Called by the completion scripts on every Tab: local files only, no network, nothing on stderr.
export const completeCommand: CommandModule<GlobalArgs, CompleteArgs> = {
  command: '__complete <kind>',
  describe: false,
  builder: (y: Argv<GlobalArgs>) => y.positional('kind', { type: 'string', demandOption: true }),
  handler: (argv) => {
    try {
      const words = completionWords(argv.kind, resolvePaths(), process.env);
      if (words.length > 0) process.stdout.write(words.join('\n') + '\n');
    } catch {
      // A completion that fails must stay silent: the shell shows nothing rather than an error mid-line.
    }
  },
};
