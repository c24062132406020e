import path from 'node:path';
import { ESLint, RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layersRule } from './layers.js';

// RuleTester reports through describe/it; hand it vitest's.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const at = (file: string) => path.join(process.cwd(), file);
const crossing = { messageId: 'crossing' };

new RuleTester({
  languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
}).run('holdfast/layers', layersRule, {
  valid: [
    { filename: at('main/core/incidents/x.ts'), code: "import { a } from '../../contract/calls';" },
    { filename: at('main/core/incidents/x.ts'), code: "import { a } from '../../shared/dates';" },
    { filename: at('main/core/incidents/x.ts'), code: "import { a } from '../evidence/logStore';" },
    { filename: at('main/core/x.ts'), code: "import { a } from 'zod';" },
    { filename: at('main/shells/web/x.ts'), code: "import { a } from '../../core/createCore';" },
    { filename: at('main/cli/x.ts'), code: "import { a } from '../core/runbooks/checkFolder';" },
    {
      filename: at('renderer/features/home/x.ts'),
      code: "import a from '../../../main/contract/types';",
    },
    { filename: at('renderer/App.tsx'), code: "import a from './lib/time';" },
    { filename: at('main/contract/__fixtures__/x.ts'), code: "import a from '../calls';" },
    { filename: at('scripts/bench.ts'), code: "import a from '../main/core/createCore';" },
  ],
  invalid: [
    // The fixture the rule exists for: core reaching up into a shell, the CLI or the renderer.
    {
      filename: at('main/core/incidents/x.ts'),
      code: "import { a } from '../../shells/web/httpTransport';",
      errors: [crossing],
    },
    {
      filename: at('main/core/x.ts'),
      code: "export * from '../cli/logVerify';",
      errors: [crossing],
    },
    {
      filename: at('main/core/runbooks/search/x.ts'),
      code: "const a = import('../../../../renderer/api');",
      errors: [crossing],
    },
    {
      filename: at('main/core/x.ts'),
      code: "import a from '../shells/electron/lifecycle';",
      errors: [crossing],
    },
    // The renderer reaches the core only through the contract.
    {
      filename: at('renderer/features/home/x.ts'),
      code: "import a from '../../../main/core/createCore';",
      errors: [crossing],
    },
    {
      filename: at('renderer/api.ts'),
      code: "import a from '../main/shells/web/startHarness';",
      errors: [crossing],
    },
    // The contract and shared code stand beneath everything.
    {
      filename: at('main/contract/x.ts'),
      code: "import a from '../shared/markdown';",
      errors: [crossing],
    },
    {
      filename: at('main/shared/x.ts'),
      code: "import a from '../core/lib/hash';",
      errors: [crossing],
    },
    {
      filename: at('main/cli/x.ts'),
      code: "import a from '../shells/web/cli';",
      errors: [crossing],
    },
    {
      filename: at('main/shells/web/x.ts'),
      code: "import a from '../../../renderer/api';",
      errors: [crossing],
    },
  ],
});

describe('the project lint config', () => {
  it.each([
    'main/core/createCore.ts',
    'main/contract/contract.ts',
    'renderer/App.tsx',
    'main/cli/backup.ts',
  ])('turns the layers rule on for %s', async (file) => {
    const config = (await new ESLint().calculateConfigForFile(file)) as {
      rules: Record<string, unknown>;
    };
    expect(config.rules['holdfast/layers']).toEqual([2]);
  });
});
