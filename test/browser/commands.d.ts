import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Turns Chromium's emulation of forced colours (Windows' contrast themes) on or off. */
    emulateForcedColors(active: boolean): Promise<void>;
  }
}
