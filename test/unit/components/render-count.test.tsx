import { act, render, screen } from '@testing-library/react';
import * as React from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectionList } from '../../../src/components/connection-list';
import type { Connection } from '../../../src/core/types';
import { Provider, createFakeAdapter, googleBrand, googleSearch, sample } from './harness';

/* The list re-renders only when the set or order of rows changes; each row follows its own
 * connection. `renderIcon` runs once per row render, so it counts them. */

function renderCounted() {
  const fake = createFakeAdapter();
  const renders = new Map<string, number>();
  const renderIcon = vi.fn((connection: Connection) => {
    renders.set(connection.id, (renders.get(connection.id) ?? 0) + 1);
    return null;
  });
  render(
    <Provider adapter={fake.adapter}>
      <ConnectionList renderIcon={renderIcon} />
    </Provider>,
  );
  return { ...fake, renders };
}

describe('given a loaded list', () => {
  it('re-renders exactly one row when one status change is pushed', async () => {
    const { push, renders } = renderCounted();
    await screen.findByText('Acme Search');
    const before = new Map(renders);
    expect([...before.keys()].sort()).toEqual(sample.map((c) => c.id).sort());

    act(() => push({ ...googleBrand, status: 'authorization_required' }));

    expect(screen.getByText('Acme Brand').closest('li')).toHaveAttribute('data-status', 'authorization_required');
    const rerendered = [...renders].filter(([id, count]) => count !== before.get(id)).map(([id]) => id);
    expect(rerendered).toEqual(['gads-brand']);
    expect(renders.get('gads-brand')).toBe(before.get('gads-brand')! + 1);
  });

  it('re-renders no row when a push changes nothing', async () => {
    const { push, renders } = renderCounted();
    await screen.findByText('Acme Search');
    const before = new Map(renders);
    act(() => push({ ...googleSearch }));
    expect(renders).toEqual(before);
  });
});
