import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AwsidcError } from '../../src/core/errors.js';
import { kebab, parseTemplate, PROFILE_NAME_VARIABLES, renderTemplate, templateVariables, validateNameTemplate } from '../../src/core/template.js';

function throwsCode(fn: () => unknown, code: string, includes: string[] = []): AwsidcError {
  try {
    fn();
  } catch (err) {
    assert.instance(err, AwsidcError);
    const e = err as AwsidcError;
    assert.is(e.code, code);
    const text = `${e.message} ${e.hint ?? ''}`;
    for (const s of includes) assert.ok(text.includes(s), `expected ${JSON.stringify(text)} to mention ${s}`);
    return e;
  }
  assert.unreachable('expected a throw');
  throw new Error('unreachable');
}

const vars = { accountName: 'Payments Prod', accountId: '123456789012', roleName: 'AdministratorAccess', integration: 'acme', region: 'eu-west-1' };

const render = suite('renderTemplate');

render('should substitute variables and copy literal text', () => {
  assert.is(renderTemplate('{{accountName}}.{{roleName}}', vars), 'Payments Prod.AdministratorAccess');
  assert.is(renderTemplate('[{{integration}}] {{accountId}}/{{region}}!', vars), '[acme] 123456789012/eu-west-1!');
  assert.is(renderTemplate('no placeholders } { here', vars), 'no placeholders } { here');
  assert.is(renderTemplate('', vars), '');
});

render('should apply lower, upper and kebab filters left to right', () => {
  assert.is(renderTemplate('{{accountName|lower}}', vars), 'payments prod');
  assert.is(renderTemplate('{{ accountName | upper }}', vars), 'PAYMENTS PROD');
  assert.is(renderTemplate('{{accountName|kebab}}.{{roleName|kebab}}', vars), 'payments-prod.administrator-access');
  assert.is(renderTemplate('{{roleName|lower|upper}}', vars), 'ADMINISTRATORACCESS');
});

render('should name the known variables when one is unknown', () => {
  throwsCode(() => renderTemplate('{{acountName}}', vars), 'TEMPLATE_INVALID', ['acountName', ...PROFILE_NAME_VARIABLES]);
});

render('should refuse broken placeholders and unknown filters', () => {
  throwsCode(() => renderTemplate('{{accountName', vars), 'TEMPLATE_INVALID', ['never closed']);
  throwsCode(() => renderTemplate('{{}}', vars), 'TEMPLATE_INVALID');
  throwsCode(() => renderTemplate('{{account Name}}', vars), 'TEMPLATE_INVALID');
  throwsCode(() => renderTemplate('{{{accountName}}}', vars), 'TEMPLATE_INVALID');
  throwsCode(() => renderTemplate('{{accountName|title}}', vars), 'TEMPLATE_INVALID', ['title', 'lower', 'upper', 'kebab']);
});

render('should pass every substituted value through checkValue', () => {
  const seen: string[] = [];
  const out = renderTemplate('{{accountId}}-{{roleName|lower}}', vars, {
    checkValue: (name, value) => {
      seen.push(`${name}=${value}`);
      return value.toUpperCase();
    },
  });
  assert.equal(seen, ['accountId=123456789012', 'roleName=administratoraccess']);
  assert.is(out, '123456789012-ADMINISTRATORACCESS');
  throwsCode(
    () => renderTemplate('{{accountName}}', { accountName: 'a\nb' }, { checkValue: () => { throw new AwsidcError('TEMPLATE_INVALID', 'no'); } }),
    'TEMPLATE_INVALID',
  );
});

render('should not treat inherited object keys as variables', () => {
  throwsCode(() => renderTemplate('{{constructor}}', vars), 'TEMPLATE_INVALID', ['constructor']);
  throwsCode(() => renderTemplate('{{toString}}', vars), 'TEMPLATE_INVALID');
});

render.run();

const parse = suite('parseTemplate / validateNameTemplate');

parse('should list placeholders with their filters', () => {
  assert.equal(parseTemplate('a{{x|lower}}b'), ['a', { variable: 'x', filters: ['lower'], raw: '{{x|lower}}' }, 'b']);
  assert.equal(templateVariables('{{roleName}}-{{accountName}}-{{roleName|upper}}'), ['roleName', 'accountName']);
});

parse('should accept the default template and refuse unknown or empty ones', () => {
  validateNameTemplate('{{accountName}}.{{roleName}}');
  validateNameTemplate('{{integration}}-{{accountId}}-{{roleName|kebab}}-{{region}}');
  throwsCode(() => validateNameTemplate('{{accountName}}.{{permissionSet}}'), 'TEMPLATE_INVALID', ['permissionSet', 'accountName, accountId, roleName, integration, region']);
  throwsCode(() => validateNameTemplate('   '), 'TEMPLATE_INVALID');
});

parse('should kebab-case camelCase, acronyms and punctuation', () => {
  assert.is(kebab('AdministratorAccess'), 'administrator-access');
  assert.is(kebab('AWSReadOnlyAccess'), 'aws-read-only-access');
  assert.is(kebab('  Payments / Prod (EU)  '), 'payments-prod-eu');
  assert.is(kebab(''), '');
});

parse.run();
