import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  // StrictMode, as apps render in development: every effect mounts, unmounts and mounts again.
  // The story tests get it from .storybook/strict-mode.ts.
  framework: { name: '@storybook/react-vite', options: { strictMode: true } },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal: async (viteConfig) => {
    // Without pre-bundling React the canvas stays blank ("does not provide an export named 'default'").
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      include: [...(viteConfig.optimizeDeps?.include ?? []), 'react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'],
    };
    return viteConfig;
  },
};

export default config;
