import { describe, expect, it } from 'vitest';
import { parseRoute } from '../../useRoute';
import { readinessHref } from './readinessLinks';

describe('readiness links into Settings', () => {
  it.each([
    ['backup', '#/settings/backup'],
    ['isolation', '#/settings/isolation'],
  ] as const)('the %s line opens Settings at that part', (section, address) => {
    const href = readinessHref({ to: 'settings', section });
    expect(href).toBe(address);
    expect(parseRoute(href)).toEqual({ name: 'settings', section });
  });

  it('a settings link with no part opens Settings at the top', () => {
    expect(parseRoute(readinessHref({ to: 'settings' }))).toEqual({ name: 'settings' });
  });
});
