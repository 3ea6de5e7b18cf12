import { expect, test } from 'vitest';
import { describeImpact } from '../../src';

test('smoke', () => {
  expect(describeImpact({ id: 'a', provider: 'x', category: 'crm', accountName: 'A', status: 'connected' })).toBeNull();
});
