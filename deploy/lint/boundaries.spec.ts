import { Linter, Rule } from 'eslint';
import { join } from 'node:path';
import * as tseslint from 'typescript-eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule is CommonJS so ESLint's ESM config can load it too
const { rule } = require('./boundaries.cjs') as { rule: (root: string) => Rule.RuleModule };

const ROOT = join(__dirname, '../..');

/** Lints one file's imports with the boundaries rule only, as if the file stood at `path`. */
function crossings(path: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser as Linter.Parser },
        plugins: { bangbang: { rules: { boundaries: rule(ROOT) } } },
        rules: { 'bangbang/boundaries': 'error' },
      },
    ],
    { filename: join(ROOT, path) },
  );
  return messages.map((m) => m.message);
}

describe('the import boundaries', () => {
  it("refuses a service importing another service's code", () => {
    expect(
      crossings('services/request/src/requests/intake.service.ts', "import { Dispatcher } from '../../../dispatch/src/jobs/dispatcher';"),
    ).toEqual(['services/request may not import services/dispatch: services share only events and HTTP']);
  });

  it('refuses a lib importing a service, by export or dynamic import too', () => {
    expect(crossings('libs/platform/src/x.ts', "export * from '../../../services/rating/src/figures/rates';")).toHaveLength(1);
    expect(crossings('libs/platform/src/x.ts', "const m = import('../../../services/rating/src/figures/rates');")).toHaveLength(1);
  });

  it('lets a service import its own code and the libs, and tests import anything', () => {
    expect(
      crossings(
        'services/request/src/requests/intake.service.ts',
        "import { x } from '../households/households.service';\nimport { y } from '@bangbang/platform';",
      ),
    ).toEqual([]);
    expect(
      crossings('services/gateway/test/district.ts', "import { requestService } from '../../request/src/request.service-definition';"),
    ).toEqual([]);
    expect(crossings('services/request/src/a.int-spec.ts', "import { x } from '../../dispatch/src/jobs/dispatcher';")).toEqual([]);
  });
});
