import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionList } from '../../src/components/connection-list';
import { StatusBadge } from '../../src/components/status-badge';
import type { StatusBadgeStatus } from '../../src/components/status-badge';
import type { Connection } from '../../src/core/types';
import '../../src/styles.css';

/* The status icons are drawn by styles.css (a mask on `::before`), so only a real browser with
 * the stylesheet can tell whether a badge shows one, in which colour, and where. */

afterEach(cleanup);

const STATUSES: StatusBadgeStatus[] = ['connected', 'authorization_required', 'backfilling', 'error', 'reauthorizing'];

function icon(badge: Element) {
  const style = getComputedStyle(badge, '::before');
  return { mask: style.maskImage, width: style.width, height: style.height, background: style.backgroundColor, display: style.display };
}

/** A custom property resolved to a colour, the way the browser paints it. */
function resolved(property: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${property})`;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

describe('given the styled look', () => {
  it('draws a different 15px icon for every status, in the colour of its words', () => {
    const masks = new Set<string>();
    for (const status of STATUSES) {
      const { container, unmount } = render(<StatusBadge status={status} />);
      const badge = container.querySelector('.rca-status-badge')!;
      const drawn = icon(badge);
      expect(drawn.mask, status).toMatch(/^url\("data:image\/svg\+xml,/);
      expect([drawn.width, drawn.height]).toEqual(['15px', '15px']);
      expect(drawn.background).toBe(getComputedStyle(badge).color);
      masks.add(drawn.mask);
      unmount();
    }
    expect(masks.size).toBe(STATUSES.length);
  });

  it('draws the key of "Authorization required" in the danger colour', () => {
    const { container } = render(<StatusBadge status="authorization_required" />);
    const badge = container.querySelector('.rca-status-badge')!;
    expect(getComputedStyle(badge).color).toBe(resolved('--rca-color-danger'));
    expect(icon(badge).background).toBe(resolved('--rca-color-danger'));
  });

  it('keeps the icon beside the first line of words when they wrap on a narrow screen', () => {
    const { container } = render(
      <div style={{ width: 120 }}>
        <StatusBadge status="authorization_required" since={new Date(Date.now() - 3 * 86_400_000).toISOString()} />
      </div>,
    );
    const badge = container.querySelector<HTMLElement>('.rca-status-badge')!;
    const range = document.createRange();
    range.selectNodeContents(badge);
    const lines = [...range.getClientRects()];
    const box = badge.getBoundingClientRect();
    // It wrapped, every line starts past the icon's 15px, and the first is the badge's top line.
    expect(new Set(lines.map((line) => Math.round(line.top))).size).toBeGreaterThan(1);
    for (const line of lines) expect(line.left).toBeGreaterThanOrEqual(box.left + 15);
    expect(Math.abs(lines[0]!.top - box.top)).toBeLessThan(2);
  });

  it('draws the badge icon of a list row the same way, with no SVG per row', () => {
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const connections: Connection[] = [
      { id: 'a', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', status: 'authorization_required', statusSince: since },
      { id: 'b', provider: 'salesforce', category: 'crm', accountName: 'Acme CRM', status: 'connected', statusSince: since },
    ];
    const { container } = render(<ConnectionList connections={connections} onReauthorize={() => {}} />);
    const rows = container.querySelectorAll('li.rca-connection-item');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(icon(row.querySelector('.rca-status-badge')!).mask).toMatch(/^url\("data:image\/svg\+xml,/);
    // The only SVG left in a row is the red key of its button.
    expect([...container.querySelectorAll('li svg')].map((svg) => svg.closest('button')?.className)).toEqual(['rca-reauthorize-button']);
  });
});
