import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
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

  /**
   * Where the icon sits against the words: how far its centre is from the first line's, and
   * whether every line of words clears it on its side.
   */
  function placement(badge: HTMLElement) {
    const range = document.createRange();
    range.selectNodeContents(badge);
    const lines = [...range.getClientRects()];
    const box = badge.getBoundingClientRect();
    const drawn = getComputedStyle(badge, '::before');
    const rtl = getComputedStyle(badge).direction === 'rtl';
    const iconTop = box.top + parseFloat(drawn.top);
    const iconStart = rtl ? box.right - parseFloat(drawn.right) : box.left + parseFloat(drawn.left);
    return {
      wrapped: new Set(lines.map((line) => Math.round(line.top))).size > 1,
      offCentre: Math.abs(iconTop + 7.5 - (lines[0]!.top + lines[0]!.height / 2)),
      clear: lines.every((line) => (rtl ? line.right <= iconStart - 15 : line.left >= iconStart + 15)),
      atStart: rtl ? Math.abs(box.right - iconStart) < 1 : Math.abs(iconStart - box.left) < 1,
    };
  }

  const threeDaysAgo = () => new Date(Date.now() - 3 * 86_400_000).toISOString();

  it.each([
    ['1.5', 'ltr'],
    ['normal', 'ltr'],
    ['1', 'ltr'],
    ['2', 'rtl'],
  ] as const)('keeps the icon at the start of the first line of words when they wrap (line height %s, %s)', (lineHeight, dir) => {
    const { container } = render(
      <div dir={dir} style={{ width: 120, font: '16px sans-serif', lineHeight }}>
        <StatusBadge status="authorization_required" since={threeDaysAgo()} />
      </div>,
    );
    const badge = container.querySelector<HTMLElement>('.rca-status-badge')!;
    expect(badge.textContent).toBe('Authorization required for 3 days');
    const where = placement(badge);
    expect(where).toMatchObject({ wrapped: true, clear: true, atStart: true });
    expect(where.offCentre).toBeLessThan(1.5);
  });

  it('keeps a list row\'s icon and words together on a 320px screen, and a long e-mail address inside the row', () => {
    const connection: Connection = {
      id: 'a',
      provider: 'microsoft_ads',
      category: 'advertising',
      // CRMs name accounts by e-mail address: one long word.
      accountName: 'revenueoperations@acmecorporationworldwide.example.com',
      status: 'authorization_required',
      statusSince: threeDaysAgo(),
    };
    const { container } = render(
      <div style={{ width: 320 }}>
        <ConnectionList connections={[connection]} onReauthorize={() => {}} />
      </div>,
    );
    const row = container.querySelector<HTMLElement>('li.rca-connection-item')!;
    const badge = row.querySelector<HTMLElement>('.rca-status-badge')!;
    expect(badge.textContent).toBe('Authorization required for 3 days');
    const where = placement(badge);
    expect(where).toMatchObject({ clear: true, atStart: true });
    expect(where.offCentre).toBeLessThan(1.5);
    // The words start beside the icon, and nothing runs past the row or under its key button.
    const range = document.createRange();
    range.selectNodeContents(badge);
    expect(range.getClientRects()[0]!.width).toBeGreaterThan(40);
    const key = row.querySelector('.rca-reauthorize-button')!.getBoundingClientRect();
    for (const line of range.getClientRects()) expect(line.right).toBeLessThanOrEqual(key.left);
    expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth);
    expect(row.getBoundingClientRect().right).toBeLessThanOrEqual(container.firstElementChild!.getBoundingClientRect().right);
    const name = document.createRange();
    name.selectNodeContents(row.querySelector('.rca-connection-item-name')!);
    for (const line of name.getClientRects()) expect(line.right).toBeLessThanOrEqual(key.left);
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

  it('outlines the whole length of a backfill\'s progress bar at 3:1 or more, in both themes', () => {
    const connection = backfilling();
    for (const theme of ['light', 'dark']) {
      const { container, unmount } = render(
        <div data-theme={theme}>
          <ConnectionList connections={[connection]} />
        </div>,
      );
      const bar = container.querySelector<HTMLElement>('.rca-progress')!;
      const style = getComputedStyle(bar);
      expect(style.borderTopStyle, theme).toBe('solid');
      expect(parseFloat(style.borderTopWidth), theme).toBeGreaterThanOrEqual(1);
      const around = getComputedStyle(container.querySelector('.rca-connection-list')!.parentElement!).backgroundColor;
      const page = around === 'rgba(0, 0, 0, 0)' ? resolved('--rca-color-bg') : around;
      expect(contrast(style.borderTopColor, page), theme).toBeGreaterThanOrEqual(3);
      unmount();
    }
  });

  it('keeps "Try again" on one line beside a failed load on a 320px screen', () => {
    const { container } = render(
      <div style={{ width: 288 }}>
        <ConnectionList connections={[]} status="error" error={new Error('down')} onRetry={() => {}} />
      </div>,
    );
    const button = container.querySelector<HTMLElement>('.rca-connection-list-error .rca-button')!;
    expect(button.textContent).toBe('Try again');
    const words = document.createRange();
    words.selectNodeContents(button);
    expect(new Set([...words.getClientRects()].map((line) => Math.round(line.top))).size).toBe(1);
  });
});

describe('given forced colours (a Windows contrast theme)', () => {
  afterEach(() => commands.emulateForcedColors(false));

  it('paints the red key in the system\'s button text colour, whatever the library\'s theme', async () => {
    await commands.emulateForcedColors(true);
    const connection: Connection = { id: 'a', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', status: 'authorization_required' };
    for (const theme of ['light', 'dark']) {
      const { container, unmount } = render(
        <div data-theme={theme}>
          <ConnectionList connections={[connection]} onReauthorize={() => {}} />
        </div>,
      );
      const button = container.querySelector<HTMLElement>('.rca-reauthorize-button')!;
      const key = button.querySelector('svg')!;
      expect(getComputedStyle(key).color, theme).toBe(getComputedStyle(button).color);
      unmount();
    }
  });
});

describe('given forced colours and a backfill under way', () => {
  afterEach(() => commands.emulateForcedColors(false));

  it('fills the progress bar in a system colour that stands out from its track', async () => {
    await commands.emulateForcedColors(true);
    const { container } = render(<ConnectionList connections={[backfilling()]} />);
    const bar = container.querySelector<HTMLElement>('.rca-progress')!;
    // The fill is a pseudo-element that getComputedStyle cannot read: look at the pixels.
    const [fill, track] = await pixels(bar, [0.2, 0.8]);
    // The user's own highlight colour (painted over the track where it is translucent), not the theme's.
    expect(distance(fill!, over(system('Highlight'), track!))).toBeLessThanOrEqual(2);
    expect(contrast(fill!, track!)).toBeGreaterThanOrEqual(3);
    expect(getComputedStyle(bar).borderTopColor).toBe(system('CanvasText'));
  });
});

/** A CRM 40% through catching up on the days it missed. */
function backfilling(): Connection {
  const since = new Date(Date.now() - 3 * 86_400_000).toISOString();
  return { id: 'b', provider: 'salesforce', category: 'crm', accountName: 'Acme CRM', status: 'backfilling', statusSince: since, backfill: { since, progress: 0.4 } };
}

/** A system colour (forced colours' palette) as the browser paints it. */
function system(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = name;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** An `rgb()`/`rgba()` colour painted over an opaque `rgb()` one, as `rgb()`. */
function over(colour: string, background: string): string {
  const [r, g, b, a = 1] = colour.match(/[\d.]+/g)!.map(Number);
  const [br, bg, bb] = background.match(/[\d.]+/g)!.map(Number);
  const mix = (top: number, bottom: number) => Math.round(top * a + bottom * (1 - a));
  return `rgb(${mix(r!, br!)}, ${mix(g!, bg!)}, ${mix(b!, bb!)})`;
}

/** The largest difference between two `rgb()` colours in any channel (blending may round either way). */
function distance(a: string, b: string): number {
  const [x, y] = [a, b].map((colour) => colour.match(/[\d.]+/g)!.slice(0, 3).map(Number));
  return Math.max(...x!.map((value, i) => Math.abs(value - y![i]!)));
}

/** The colours drawn across the middle of an element, at these fractions of its width, as `rgb()`. */
async function pixels(element: HTMLElement, at: number[]): Promise<string[]> {
  // Not saved: the base64 PNG comes back instead of a path.
  const base64 = await page.screenshot({ element, save: false });
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  return at.map((fraction) => {
    const [r, g, b] = context.getImageData(Math.floor(image.width * fraction), Math.floor(image.height / 2), 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  });
}

/** WCAG contrast of two `rgb()` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = colour.match(/[\d.]+/g)!.slice(0, 3).map((value) => {
      const c = Number(value) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
