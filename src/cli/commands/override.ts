import type { Argv, CommandModule } from 'yargs';
import { AwsidcError } from '../../core/errors.js';
import { checkOverrides, overrideKey, parseOverrideKey, withOverride, withoutOverride, type Override } from '../../core/overrides.js';
import { validateAccountId, validateRegion, validateRoleName } from '../../core/validate.js';
import { integrationFilePath, listIntegrations, pickIntegration, saveIntegration } from '../../store/integrations.js';
import { context, type GlobalArgs } from '../context.js';
import { table } from '../output.js';

interface OverrideArgs extends GlobalArgs {
  action: 'set' | 'unset' | 'list';
  integration?: string;
  account?: string;
  role?: string;
  region?: string;
  name?: string;
  skip?: boolean;
  field?: Array<'region' | 'name' | 'skip'>;
  json?: boolean;
}

const FIELDS = ['region', 'name', 'skip'] as const;

export const overrideCommand: CommandModule<GlobalArgs, OverrideArgs> = {
  command: 'override <action>',
  describe: 'Per-account or per-role profile settings: region, name, skip (applied by the next sync)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('action', { choices: ['set', 'unset', 'list'] as const, demandOption: true, describe: 'set or unset an override, or list them' })
      .option('integration', { alias: 'i', type: 'string', describe: 'Integration alias (default: the only one)' })
      .option('account', { type: 'string', describe: '12-digit account id' })
      .option('role', { type: 'string', describe: 'Role (permission set) name; without it the override covers every role of the account' })
      .option('region', { type: 'string', describe: 'set: region written into the profile(s)' })
      .option('name', { type: 'string', describe: 'set: with --role, the profile name; without, the account name used by the name template' })
      .option('skip', { type: 'boolean', describe: 'set: write no profile (--no-skip: write it even if its account is skipped)' })
      .option('field', { type: 'string', array: true, choices: FIELDS, describe: 'unset: only these fields (default: the whole entry)' })
      .option('json', { type: 'boolean', describe: 'list: print JSON' })
      .example('$0 override set --account 123456789012 --region eu-west-1 --name payments', 'profiles of that account: payments.<role>, region eu-west-1')
      .example('$0 override set --account 123456789012 --role ReadOnlyAccess --skip', 'no profile for that role')
      .example('$0 override unset --account 123456789012 --field region', 'back to the default region'),
  handler: async (argv) => {
    const { out, paths } = context(argv);
    if (argv.action === 'list') {
      const integs = argv.integration ? [pickIntegration(paths.configDir, argv.integration)] : listIntegrations(paths.configDir);
      const rows = integs.flatMap((i) =>
        Object.entries(checkOverrides(i.overrides, integrationFilePath(paths.configDir, i.alias))).map(([key, o]) => ({ integration: i.alias, ...parseOverrideKey(key), ...o })),
      );
      if (argv.json) return out.json(rows);
      if (rows.length === 0) return out.info('no overrides; add one with `awsidc override set --account ID ...`');
      return out.result(table(
        rows.map((r) => [r.integration, r.accountId, r.roleName ?? '*', r.region ?? '', r.name ?? '', r.skip === undefined ? '' : String(r.skip)]),
        ['INTEGRATION', 'ACCOUNT', 'ROLE', 'REGION', 'NAME', 'SKIP'],
      ));
    }
    if (argv.account === undefined) throw new AwsidcError('USAGE', `override ${argv.action} needs --account`, { hint: 'pass --account 123456789012 (and --role NAME for one role)' });
    const integ = pickIntegration(paths.configDir, argv.integration);
    const where = integrationFilePath(paths.configDir, integ.alias);
    const key = overrideKey(validateAccountId(argv.account), argv.role === undefined ? undefined : validateRoleName(argv.role));
    const current = checkOverrides(integ.overrides, where);
    let next;
    if (argv.action === 'set') {
      const patch: Override = {};
      if (argv.region !== undefined) patch.region = validateRegion(argv.region, '--region');
      if (argv.name !== undefined) {
        if (argv.name.trim() === '') throw new AwsidcError('USAGE', '--name must not be empty', { hint: 'use `awsidc override unset --field name` to drop a name' });
        patch.name = argv.name;
      }
      if (argv.skip !== undefined) patch.skip = argv.skip;
      if (Object.keys(patch).length === 0) throw new AwsidcError('USAGE', 'override set needs --region, --name or --skip', { hint: 'see `awsidc override --help`' });
      next = withOverride(current, key, patch);
    } else {
      if (!(key in current)) {
        out.info(`no override for ${key} in "${integ.alias}"`);
        return;
      }
      next = argv.field?.length ? withOverride(current, key, Object.fromEntries(argv.field.map((f) => [f, undefined]))) : withoutOverride(current, key);
    }
    const { overrides: _old, ...rest } = integ;
    saveIntegration(paths.configDir, Object.keys(next).length > 0 ? { ...rest, overrides: next } : rest);
    const entry = next[key];
    out.success(entry ? `"${integ.alias}" ${key}: ${JSON.stringify(entry)}` : `"${integ.alias}": removed the override for ${key}`);
    out.info(`run \`awsidc sync --integration ${integ.alias}\` to apply it`);
  },
};
