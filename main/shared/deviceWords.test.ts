import { describe, expect, it } from 'vitest';
import { describeDevice } from './deviceWords';

describe('describeDevice', () => {
  it('names the computer and the user signed in', () => {
    expect(describeDevice({ host: 'CARE-PC-1', user: 'reception' })).toBe(
      'CARE-PC-1, signed in as reception',
    );
  });

  it('says "not recorded" for an entry without a device, never a guess', () => {
    expect(describeDevice(undefined)).toBe('not recorded');
    expect(describeDevice({})).toBe('not recorded');
  });

  it('says which part is missing when the system named only one', () => {
    expect(describeDevice({ host: 'CARE-PC-1' })).toBe('CARE-PC-1, user not recorded');
    expect(describeDevice({ user: 'reception' })).toBe(
      'computer name not recorded, signed in as reception',
    );
  });
});
