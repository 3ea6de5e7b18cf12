import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';

/* -------------------------------------------------------------------------------------------------
 * The simulated platform's consent page (public/oauth/consent.html): where it agrees to send
 * the answer. It runs on the Storybook host, so it must not be an open redirect.
 * -----------------------------------------------------------------------------------------------*/

const HTML = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../public/oauth/consent.html'), 'utf8');
const PAGE = 'http://localhost:6123/oauth/consent.html';

/**
 * jsdom does not navigate, and the "not implemented" error it reports names no address. Where
 * `location.replace()`, `assign()` and `href =` end up inside jsdom (pinned with the toolchain: a
 * rename fails this file loudly) gives the address the page asked for.
 */
const require = createRequire(import.meta.url);
const LocationImpl = (require('jsdom/lib/jsdom/living/window/Location-impl.js') as { implementation: { prototype: { _locationObjectNavigate(url: unknown): void } } }).implementation;
const { serializeURL } = require('whatwg-url') as { serializeURL(url: unknown): string };

let dom: JSDOM | undefined;

afterEach(() => {
  dom?.window.close();
  dom = undefined;
  vi.restoreAllMocks();
});

/** Loads the page with these query parameters and runs its script; records navigations it tries. */
function openConsent(params: Record<string, string>) {
  const navigations: string[] = [];
  vi.spyOn(LocationImpl.prototype, '_locationObjectNavigate').mockImplementation((url: unknown) => {
    navigations.push(serializeURL(url));
  });
  const virtualConsole = new VirtualConsole();
  // Any other navigation (a link, a form) reaches jsdom's "not implemented" report.
  virtualConsole.on('jsdomError', (error) => {
    if (/navigation/i.test(error.message)) navigations.push(error.message);
  });
  dom = new JSDOM(HTML, { url: `${PAGE}?${new URLSearchParams(params)}`, runScripts: 'dangerously', virtualConsole });
  const { document } = dom.window;
  const button = (id: string) => document.getElementById(id) as HTMLButtonElement;
  const problem = document.getElementById('problem')!;
  return { document, button, problem, navigations };
}

const BASE = { state: 'state-1', provider: 'google_ads', account_name: 'Acme Search', account_id: '123-456-7890' };

describe('given a redirect_uri on the page’s own origin', () => {
  it('offers the choices and sends the answer there', () => {
    const consent = openConsent({ ...BASE, redirect_uri: 'http://localhost:6123/oauth/callback.html' });

    expect(consent.problem.hidden).toBe(true);
    expect(consent.button('allow').disabled).toBe(false);
    consent.button('allow').click();

    expect(consent.navigations).toHaveLength(1);
    const target = new URL(consent.navigations[0]!);
    expect(`${target.origin}${target.pathname}`).toBe('http://localhost:6123/oauth/callback.html');
    expect(target.searchParams.get('state')).toBe('state-1');
    expect(target.searchParams.get('code')).toMatch(/^[0-9a-f]{24}$/);
    expect(target.searchParams.get('account_id')).toBe('123-456-7890');
    expect(target.searchParams.has('error')).toBe(false);
  });

  it('sends a refusal there as access_denied, with the same state', () => {
    const consent = openConsent({ ...BASE, redirect_uri: 'http://localhost:6123/oauth/callback.html' });

    consent.button('deny').click();

    expect(consent.navigations).toHaveLength(1);
    const target = new URL(consent.navigations[0]!);
    expect(`${target.origin}${target.pathname}`).toBe('http://localhost:6123/oauth/callback.html');
    expect(target.searchParams.get('state')).toBe('state-1');
    expect(target.searchParams.get('error')).toBe('access_denied');
    expect(target.searchParams.has('code')).toBe(false);
  });
});

describe('given a redirect_uri on another origin', () => {
  it.each([
    ['another host', 'https://attacker.example/collect'],
    ['another port', 'http://localhost:6124/oauth/callback.html'],
    ['another scheme', 'https://localhost:6123/oauth/callback.html'],
    ['a look-alike host', 'http://localhost:6123.attacker.example/oauth/callback.html'],
    ['a relative address', '/oauth/callback.html'],
    ['a javascript: address', 'javascript:alert(1)'],
  ])('refuses %s: says why as text and sends nothing anywhere', (_name, redirect) => {
    const consent = openConsent({ ...BASE, redirect_uri: redirect });

    expect(consent.problem.hidden).toBe(false);
    expect(consent.problem.textContent).toMatch(/cannot continue/);
    expect(consent.problem.children).toHaveLength(0);
    for (const id of ['allow', 'other', 'deny']) expect(consent.button(id).disabled).toBe(true);

    for (const id of ['allow', 'other', 'deny']) consent.button(id).click();
    expect(consent.navigations).toHaveLength(0);
    expect(consent.button('close').disabled).toBe(false);
  });
});
