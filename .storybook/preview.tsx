import type { Preview } from '@storybook/react-vite';
import { LOCALES } from '../stories/support/locales';
import { withConnections, withTheme } from './with-connections';

/* -------------------------------------------------------------------------------------------------
 * Preview: toolbar globals, the decorators every story runs in, axe in error mode
 * -----------------------------------------------------------------------------------------------*/

const preview: Preview = {
  // The last decorator is the outermost: the theme wraps the provider, which wraps the story.
  decorators: [withConnections, withTheme],
  globalTypes: {
    theme: {
      description: 'Light or dark look of the styled components',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of every message, date and duration',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        // Each language's own message set (src/locales/<tag>); Arabic also turns the canvas right to left.
        items: Object.entries(LOCALES).map(([value, { title, messages }]) => ({ value, title, right: messages.dir === 'rtl' ? 'RTL' : undefined })),
        dynamicTitle: true,
      },
    },
    latency: {
      description: 'Delay of every call to the in-memory adapter',
      toolbar: {
        title: 'Latency',
        icon: 'timer',
        items: [
          { value: '0', title: 'Adapter answers at once' },
          { value: '300', title: 'Adapter latency 300 ms' },
          { value: '1500', title: 'Adapter latency 1.5 s' },
          { value: '5000', title: 'Adapter latency 5 s' },
        ],
        dynamicTitle: true,
      },
    },
    failureRate: {
      description: 'Share of calls to the in-memory adapter that fail (and are retried where safe)',
      toolbar: {
        title: 'Failures',
        icon: 'alert',
        items: [
          { value: '0', title: 'Adapter never fails' },
          { value: '0.25', title: 'Adapter fails 25% of calls' },
          { value: '0.5', title: 'Adapter fails 50% of calls' },
          { value: '1', title: 'Adapter always fails' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en', latency: '300', failureRate: '0' },
  parameters: {
    // Every story, run as a test, fails on any axe violation.
    a11y: { test: 'error' },
    controls: { expanded: true },
    layout: 'padded',
    options: {
      storySort: {
        order: ['Introduction', 'Guides', 'Components', 'Pages', 'Core', '*'],
      },
    },
  },
};

export default preview;
