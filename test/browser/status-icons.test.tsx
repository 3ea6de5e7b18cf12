import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, page } from 'vitest/browser';
import { ConnectionList } from '../../src/components/connection-list';
import { StatusBadge } from '../../src/components/status-badge';
import type { StatusBadgeStatus } from '../../src/components/status-badge';
import { getConnectionStore } from '../../src/core/store';
import type { Connection, ConnectionsAdapter } from '../../src/core/types';
import { ConnectionsProvider } from '../../src/react/context';
import '../../src/styles.css';

/* The pills' icons are drawn by styles.css (a mask from `--rca-icon` on `::before`), so only a
 * real browser with the stylesheet can tell whether a pill shows one, which, and in what colour. */

afterEach(cleanup);

const STATUSES: StatusBadgeStatus[] = ['connected', 'authorization_required', 'backfilling', 'error', 'reauthorizing'];
const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

/** One row in each status; the last is lapsed and signs in with a form, to be caught reconnecting. */
const ROWS: Connection[] = [
  { id: 'connected', provider: 'google_ads', category: 'advertising', accountName: 'Acme Brand', status: 'connected', statusSince: daysAgo(40), lastSyncedAt: daysAgo(0.1) },
  { id: 'lapsed', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', status: 'authorization_required', statusSince: daysAgo(3) },
  { id: 'backfilling', provider: 'salesforce', category: 'crm', accountName: 'Acme CRM', status: 'backfilling', statusSince: daysAgo(0.1), backfill: { since: daysAgo(4), progress: 0.4 } },
  { id: 'error', provider: 'microsoft_ads', category: 'advertising', accountName: 'Acme EMEA', status: 'error', statusSince: daysAgo(0.3), error: { message: 'Rate-limited.' } },
  { id: 'reconnecting', provider: 'dynamics365', category: 'crm', accountName: 'Acme On-Premises', status: 'authorization_required', statusSince: daysAgo(1), authMethod: 'credentials' },
];

/**
 * The Connections screen in a page of this theme (the page's own background and colour scheme),
 * with a pill in every status: the login of the last row is under way, so its pill says
 * "Reconnecting".
 */
async function renderEveryStatus(theme: Theme) {
  const adapter: ConnectionsAdapter = {
    listConnections: async () => ROWS.map((row) => ({ ...row })),
    startAuthorization: async () => ({ url: 'https://accounts.example.com/', state: 's' }),
    completeAuthorization: async (connection) => connection,
    // Never answers: the flow stays `completing` until the screen goes.
    submitCredentials: () => new Promise(() => {}),
  };
  const { container } = render(
    <div data-theme={theme} style={{ colorScheme: theme, background: 'var(--rca-color-bg)', padding: 8 }}>
      <ConnectionsProvider adapter={adapter} refreshOnFocus={false} onError={() => {}}>
        <ConnectionList />
      </ConnectionsProvider>
    </div>,
  );
  await expect.poll(() => container.querySelectorAll('li.rca-connection-item').length).toBe(ROWS.length);
  await act(async () => {
    void getConnectionStore(adapter).reauthorize('reconnecting', { credentials: { username: 'ana', password: 'not kept' } }).catch(() => {});
  });
  await expect.poll(() => container.querySelector('.rca-status-badge[data-status="reauthorizing"]')).not.toBeNull();
  return container;
}

/** Each status's pill in the list, by status. */
function pills(container: HTMLElement): Map<string, HTMLElement> {
  return new Map([...container.querySelectorAll<HTMLElement>('.rca-status-badge')].map((pill) => [pill.dataset.status!, pill]));
}

/** How a pill draws its icon, and its own colours. */
function look(pill: Element) {
  const style = getComputedStyle(pill);
  const icon = getComputedStyle(pill, '::before');
  return {
    tone: style.color,
    background: style.backgroundColor,
    border: style.borderTopStyle === 'none' ? 'none' : style.borderTopColor,
    fontSize: style.fontSize,
    mask: icon.maskImage,
    iconColour: icon.backgroundColor,
    iconSize: [icon.width, icon.height],
  };
}

/** A custom property or system colour resolved to a colour, the way the browser paints it. */
function resolved(colour: string): string {
  const probe = document.createElement('span');
  probe.style.color = colour.startsWith('--') ? `var(${colour})` : colour;
  document.body.append(probe);
  const painted = getComputedStyle(probe).color;
  probe.remove();
  return painted;
}

describe('given the styled look', () => {
  it.each(THEMES)('gives each status pill its own icon, drawn in the colour and at the size of its words (%s)', async (theme) => {
    const container = await renderEveryStatus(theme);
    const shown = pills(container);
    expect([...shown.keys()].sort()).toEqual([...STATUSES].sort());
    const masks = new Set<string>();
    for (const status of STATUSES) {
      const drawn = look(shown.get(status)!);
      expect(drawn.mask, status).toMatch(/^url\("data:image\/svg\+xml,/);
      expect(drawn.iconSize, status).toEqual([drawn.fontSize, drawn.fontSize]);
      expect(drawn.iconColour, status).toBe(drawn.tone);
      // Words at 4.5:1 on the pill's tint, and so the icon in the same colour too.
      expect(contrast(drawn.tone, drawn.background), status).toBeGreaterThanOrEqual(4.5);
      masks.add(drawn.mask);
    }
    expect(masks.size).toBe(STATUSES.length);
  });

  // Issue 15: each status distinct in colour as well as shape. Backfilling and reconnecting used to look the same.
  it.each(THEMES)('gives each status pill its own tone (%s)', async (theme) => {
    const container = await renderEveryStatus(theme);
    const tones = new Map([...pills(container)].map(([status, pill]) => [status, look(pill).tone]));
    expect(new Set(tones.values()).size, JSON.stringify(Object.fromEntries(tones))).toBe(STATUSES.length);
  });

  it('draws the key of "Authorization required" in the danger colour', () => {
    const { container } = render(<StatusBadge status="authorization_required" />);
    const badge = container.querySelector('.rca-status-badge')!;
    expect(getComputedStyle(badge).color).toBe(resolved('--rca-color-danger'));
    expect(look(badge).iconColour).toBe(resolved('--rca-color-danger'));
  });

  /**
   * Where the icon sits against the words. The icon is a flex item, so its box is not readable:
   * the words must start after it, on one line, both centred on the pill.
   */
  function placement(badge: HTMLElement) {
    const lines = wordBoxes(badge);
    const box = badge.getBoundingClientRect();
    const style = getComputedStyle(badge);
    const icon = parseFloat(getComputedStyle(badge, '::before').width);
    const rtl = style.direction === 'rtl';
    const words = { left: Math.min(...lines.map((line) => line.left)), right: Math.max(...lines.map((line) => line.right)) };
    const start = rtl ? box.right - words.right : words.left - box.left;
    return {
      oneLine: lines.every((line) => Math.abs(line.top + line.height / 2 - (lines[0]!.top + lines[0]!.height / 2)) < 1),
      centred: style.alignItems === 'center' && Math.abs(lines[0]!.top + lines[0]!.height / 2 - (box.top + box.height / 2)) < 1.5,
      // Past the border, the padding and the icon, and not much further.
      afterIcon: start >= icon + parseFloat(style.paddingInlineStart) && start <= icon + parseFloat(style.paddingInlineStart) + parseFloat(style.fontSize),
      inside: lines.every((line) => line.left >= box.left && line.right <= box.right),
    };
  }

  // Pills no longer wrap (white-space: nowrap); the icon stays at the start of the one line.
  it.each([
    ['1.5', 'ltr'],
    ['normal', 'ltr'],
    ['1', 'ltr'],
    ['2', 'rtl'],
  ] as const)('keeps the icon at the start of the words, on one line, centred on the pill (line height %s, %s)', (lineHeight, dir) => {
    const { container } = render(
      <div dir={dir} style={{ width: 320, font: '16px sans-serif', lineHeight }}>
        <StatusBadge status="authorization_required" since={daysAgo(3)} />
      </div>,
    );
    const badge = container.querySelector<HTMLElement>('.rca-status-badge')!;
    expect(badge.textContent).toBe('Authorization required for 3 days');
    expect(placement(badge)).toEqual({ oneLine: true, centred: true, afterIcon: true, inside: true });
    expect(badge.getBoundingClientRect().right).toBeLessThanOrEqual(container.firstElementChild!.getBoundingClientRect().right);
  });

  it('keeps a row with a long e-mail address inside a 320px screen: the name cut with an ellipsis, the pill and "Reconnect" whole', () => {
    const connection: Connection = {
      id: 'a',
      provider: 'microsoft_ads',
      category: 'advertising',
      // CRMs name accounts by e-mail address: one long word.
      accountName: 'revenueoperations@acmecorporationworldwide.example.com',
      status: 'authorization_required',
      statusSince: daysAgo(3),
    };
    const { container } = render(
      <div style={{ width: 320 }}>
        <ConnectionList connections={[connection]} onReauthorize={() => {}} />
      </div>,
    );
    const row = container.querySelector<HTMLElement>('li.rca-connection-item')!;
    const name = row.querySelector<HTMLElement>('.rca-connection-item-name')!;
    const badge = row.querySelector<HTMLElement>('.rca-status-badge')!;
    const button = row.querySelector<HTMLElement>('.rca-reauthorize-button')!;
    expect(badge.textContent).toBe('Authorization required, ');
    expect(placement(badge)).toMatchObject({ oneLine: true, centred: true, afterIcon: true });

    // The name is one line cut with an ellipsis; the whole address is still its text.
    expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
    expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    expect(name.textContent).toContain(connection.accountName);
    expect(button).toHaveAccessibleName(`Reconnect Microsoft Advertising — ${connection.accountName}`);

    // Nothing runs past the row, and nothing covers anything else.
    const rowBox = row.getBoundingClientRect();
    expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth);
    expect(rowBox.right).toBeLessThanOrEqual(container.firstElementChild!.getBoundingClientRect().right);
    const boxes = [name, badge, button, row.querySelector<HTMLElement>('.rca-connection-item-meta')!].map((element) => element.getBoundingClientRect());
    for (const box of boxes) expect(box.right).toBeLessThanOrEqual(rowBox.right);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
  });

  it('draws every icon of a row from the stylesheet, "Reconnect" with the same key as the pill, in its own colour', () => {
    const connections: Connection[] = [
      { id: 'a', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', status: 'authorization_required', statusSince: daysAgo(1) },
      { id: 'b', provider: 'salesforce', category: 'crm', accountName: 'Acme CRM', status: 'connected', statusSince: daysAgo(1) },
    ];
    const { container } = render(<ConnectionList connections={connections} onReauthorize={() => {}} />);
    const rows = container.querySelectorAll('li.rca-connection-item');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(look(row.querySelector('.rca-status-badge')!).mask).toMatch(/^url\("data:image\/svg\+xml,/);
    // No SVG per row: every icon is a mask.
    expect(container.querySelectorAll('li svg')).toHaveLength(0);
    const button = container.querySelector('.rca-reauthorize-button')!;
    const key = getComputedStyle(button, '::before');
    expect(key.maskImage).toBe(look(rows[0]!.querySelector('.rca-status-badge')!).mask);
    // The key is red; the button's words stay neutral, as the row already says it lapsed.
    expect(key.backgroundColor).toBe(resolved('--rca-color-danger'));
    expect(getComputedStyle(button).color).toBe(resolved('--rca-color-text'));
  });

  it('shows where a backfill\'s progress bar ends at 3:1 or more, in both themes', async () => {
    for (const theme of THEMES) {
      const { container, unmount } = render(
        <div data-theme={theme} style={{ colorScheme: theme, background: 'var(--rca-color-bg)', padding: 8 }}>
          <ConnectionList connections={[backfilling()]} />
        </div>,
      );
      const bar = container.querySelector<HTMLElement>('.rca-progress')!;
      const pageColour = getComputedStyle(container.firstElementChild!).backgroundColor;
      expect(await extentContrast(bar, pageColour), theme).toBeGreaterThanOrEqual(3);
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

  it.each(THEMES)('keeps each status pill\'s own icon, outlined and drawn in a system colour that stands out (%s)', async (theme) => {
    await commands.emulateForcedColors(true);
    const container = await renderEveryStatus(theme);
    const shown = pills(container);
    const masks = new Set<string>();
    for (const status of STATUSES) {
      const drawn = look(shown.get(status)!);
      expect(drawn.mask, status).toMatch(/^url\("data:image\/svg\+xml,/);
      // The theme's tones give way to the user's palette: icon, words and edge in its text colour.
      expect(drawn.iconColour, status).toBe(resolved('CanvasText'));
      expect(drawn.tone, status).toBe(resolved('CanvasText'));
      expect(drawn.border, status).toBe(resolved('CanvasText'));
      expect(contrast(drawn.iconColour, drawn.background), status).toBeGreaterThanOrEqual(4.5);
      masks.add(drawn.mask);
    }
    expect(masks.size).toBe(STATUSES.length);
  });

  it('draws the key of "Reconnect" in the button\'s own text colour, whatever the library\'s theme', async () => {
    await commands.emulateForcedColors(true);
    const connection: Connection = { id: 'a', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', status: 'authorization_required' };
    for (const theme of THEMES) {
      const { container, unmount } = render(
        <div data-theme={theme}>
          <ConnectionList connections={[connection]} onReauthorize={() => {}} />
        </div>,
      );
      const button = container.querySelector<HTMLElement>('.rca-reauthorize-button')!;
      const key = getComputedStyle(button, '::before');
      expect(key.maskImage, theme).toMatch(/^url\("data:image\/svg\+xml,/);
      expect(key.backgroundColor, theme).toBe(getComputedStyle(button).color);
      expect(contrast(key.backgroundColor, getComputedStyle(button).backgroundColor), theme).toBeGreaterThanOrEqual(4.5);
      unmount();
    }
  });
});

describe('given forced colours and a backfill under way', () => {
  afterEach(() => commands.emulateForcedColors(false));

  it('fills the progress bar in a system colour that stands out from its track, and shows where it ends', async () => {
    await commands.emulateForcedColors(true);
    const { container } = render(
      <div>
        <ConnectionList connections={[backfilling()]} />
      </div>,
    );
    const bar = container.querySelector<HTMLElement>('.rca-progress')!;
    // The fill is a pseudo-element that getComputedStyle cannot read: look at the pixels.
    const [fill, track] = await pixels(bar, [0.2, 0.85]);
    // The user's own highlight colour (painted over the track where it is translucent), not the theme's.
    expect(distance(fill!, over(resolved('Highlight'), track!))).toBeLessThanOrEqual(2);
    expect(contrast(fill!, track!)).toBeGreaterThanOrEqual(3);
    expect(await extentContrast(bar, resolved('Canvas'))).toBeGreaterThanOrEqual(3);
  });
});

/** A CRM 40% through catching up on the days it missed. */
function backfilling(): Connection {
  const since = daysAgo(3);
  return { id: 'b', provider: 'salesforce', category: 'crm', accountName: 'Acme CRM', status: 'backfilling', statusSince: since, backfill: { since, progress: 0.4 } };
}

/** The boxes of the words an element shows: its text, less what is hidden for screen readers only. */
function wordBoxes(element: HTMLElement): DOMRect[] {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const boxes: DOMRect[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('.rca-visually-hidden') || !node.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    boxes.push(...range.getClientRects());
  }
  return boxes;
}

function overlap(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** `rgb()`, `rgba()` or `color(srgb …)` as 0–255 channels and an alpha. */
function channels(colour: string): [number, number, number, number] {
  const numbers = colour.match(/[\d.]+/g)!.map(Number);
  const [r, g, b] = colour.startsWith('color(') ? numbers.slice(0, 3).map((value) => value * 255) : numbers;
  return [r!, g!, b!, numbers[3] ?? 1];
}

/** A colour painted over an opaque one, as `rgb()`. */
function over(colour: string, background: string): string {
  const [r, g, b, a] = channels(colour);
  const [br, bg, bb] = channels(background);
  const mix = (top: number, bottom: number) => Math.round(top * a + bottom * (1 - a));
  return `rgb(${mix(r, br)}, ${mix(g, bg)}, ${mix(b, bb)})`;
}

/** The largest difference between two colours in any channel (blending may round either way). */
function distance(a: string, b: string): number {
  const [x, y] = [channels(a), channels(b)];
  return Math.max(...[0, 1, 2].map((i) => Math.abs(x[i]! - y[i]!)));
}

/** A screenshot of an element, drawn on a canvas to read its pixels. */
async function snapshot(element: HTMLElement): Promise<{ width: number; height: number; at(x: number, y: number): string }> {
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
  return {
    width: image.width,
    height: image.height,
    at(x, y) {
      const [r, g, b] = context.getImageData(x, y, 1, 1).data;
      return `rgb(${r}, ${g}, ${b})`;
    },
  };
}

/** The colours across the middle of an element, at these fractions of its width. */
async function pixels(element: HTMLElement, at: number[]): Promise<string[]> {
  const shot = await snapshot(element);
  return at.map((fraction) => shot.at(Math.floor(shot.width * fraction), Math.floor(shot.height / 2)));
}

/**
 * How well the whole length of a progress bar stands out from the page: its border, where it has
 * one, or else its empty track. (A 1px edge cannot be read from pixels here: the test frame is
 * scaled, so thin lines come out blended.)
 */
async function extentContrast(bar: HTMLElement, pageColour: string): Promise<number> {
  const style = getComputedStyle(bar);
  const edge = style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) >= 1 ? contrast(style.borderTopColor, pageColour) : 0;
  const [track] = await pixels(bar, [0.85]);
  return Math.max(edge, contrast(track!, pageColour));
}

/** WCAG contrast of two opaque colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = channels(colour)
      .slice(0, 3)
      .map((value) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
