import type { Decorator } from '@storybook/react-vite';
import * as React from 'react';
import { ConnectionsProvider, createMemoryAdapter } from '../src';
import type { ConnectionsAdapter, ConnectionsProviderProps, MemoryAdapter, MemoryAdapterOptions } from '../src';
import styles from '../src/styles.css?inline';
import { LOCALES, localeOf, messagesFor } from '../stories/support/locales';
import type { StoryLocale } from '../stories/support/locales';

/* -------------------------------------------------------------------------------------------------
 * What a story can ask of the preview (parameters.connections, parameters.styles)
 * -----------------------------------------------------------------------------------------------*/

export interface StoryConnectionsParameters {
  /**
   * Builds the story's own adapter instead of the in-memory one, for instance a fake whose
   * promises never settle so that a flow phase holds still. Called once per story and args.
   */
  adapter?: () => ConnectionsAdapter;
  /** Options for the in-memory adapter; latency and failure rate come from the toolbar. */
  memory?: Omit<MemoryAdapterOptions, 'latencyMs' | 'failureRate'>;
  /** Extra props for `ConnectionsProvider` (flow timeout, retry, your own messages). */
  provider?: Omit<ConnectionsProviderProps, 'adapter' | 'locale' | 'children'>;
  /** `false`: render the story without any provider, as a standalone component gets used. @default true */
  wrap?: boolean;
}

export type StoryGlobals = {
  theme?: 'light' | 'dark';
  /** One of the nine toolbar languages (`LOCALES`): its message set goes to the provider. */
  locale?: StoryLocale;
  /** Milliseconds, as a string: toolbar values are strings. */
  latency?: string;
  /** 0..1, as a string. */
  failureRate?: string;
};

/* -------------------------------------------------------------------------------------------------
 * withTheme: data-theme on the root, the styled look unless a story is headless
 * -----------------------------------------------------------------------------------------------*/

const STYLE_ELEMENT_ID = 'react-connected-accounts-styles';

/** The canvas colours where styles.css is not loaded (the headless story). */
const CANVAS = {
  light: { background: '#ffffff', color: '#1a1d23' },
  dark: { background: '#15171c', color: '#e9ebef' },
} as const;

const withTheme: Decorator = (Story, context) => {
  const { theme = 'light' } = context.globals as StoryGlobals;
  const locale = localeOf(context.globals);
  const styled = context.parameters.styles !== false;
  // Before paint, so no story is ever seen (or checked by axe) in the wrong theme or direction.
  React.useLayoutEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.lang = locale;
    // Arabic mirrors the whole canvas, story markup and portalled dialogs alike.
    root.dir = LOCALES[locale].messages.dir;
    root.style.colorScheme = theme;
    // The canvas takes the theme's background (styles.css variables where loaded), so axe checks
    // contrast against what people would see; inline, because the test runner has no preview-head.
    const { style } = document.body;
    style.background = `var(--rca-color-bg, ${CANVAS[theme].background})`;
    style.color = `var(--rca-color-text, ${CANVAS[theme].color})`;
    style.fontFamily = 'var(--rca-font, system-ui, sans-serif)';
  }, [theme, locale]);
  React.useLayoutEffect(() => {
    if (!styled) return;
    let element = document.getElementById(STYLE_ELEMENT_ID);
    if (!element) {
      element = document.createElement('style');
      element.id = STYLE_ELEMENT_ID;
      element.textContent = styles;
      document.head.append(element);
    }
    return () => element.remove();
  }, [styled]);
  return <Story />;
};

/* -------------------------------------------------------------------------------------------------
 * withConnections: a fresh adapter per story and args, inside ConnectionsProvider
 * -----------------------------------------------------------------------------------------------*/

const withConnections: Decorator = (Story, context) => {
  const parameters = (context.parameters.connections ?? {}) as StoryConnectionsParameters;
  const globals = context.globals as StoryGlobals;
  // A new key (another story, or changed args) mounts a new adapter: no state leaks between them.
  const key = `${context.id}:${safeStringify(context.args)}`;
  if (parameters.wrap === false) return <Story />;
  return (
    <StoryConnections key={key} parameters={parameters} globals={globals}>
      <Story />
    </StoryConnections>
  );
};

function StoryConnections({
  parameters,
  globals,
  children,
}: {
  parameters: StoryConnectionsParameters;
  globals: StoryGlobals;
  children: React.ReactNode;
}) {
  const knobs = { latencyMs: Number(globals.latency ?? 0), failureRate: Number(globals.failureRate ?? 0) };
  const [adapter] = React.useState<ConnectionsAdapter>(() => parameters.adapter?.() ?? createMemoryAdapter({ ...parameters.memory, ...knobs }));
  // The toolbar's knobs change the running adapter, so a flow in progress carries on.
  React.useEffect(() => {
    if (isMemoryAdapter(adapter)) adapter.setOptions(knobs);
  }, [adapter, knobs.latencyMs, knobs.failureRate]);
  // The toolbar's language: its message set, and its locale for dates and numbers.
  return (
    <ConnectionsProvider adapter={adapter} locale={localeOf(globals)} messages={messagesFor(globals)} {...parameters.provider}>
      {children}
    </ConnectionsProvider>
  );
}

/* -------------------------------------------------------------------------------------------------
 * Helpers
 * -----------------------------------------------------------------------------------------------*/

function isMemoryAdapter(adapter: ConnectionsAdapter): adapter is MemoryAdapter {
  return typeof (adapter as Partial<MemoryAdapter>).setOptions === 'function';
}

/** Args as a key; functions (actions) and cycles are left out. */
function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

export { withConnections, withTheme };
