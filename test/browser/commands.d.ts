import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Turns Chromium's emulation of forced colours (Windows' contrast themes) on or off. */
    emulateForcedColors(active: boolean): Promise<void>;
    /** Types a fresh random password, made in Node, into the focused field. */
    typeSecret(): Promise<void>;
    /**
     * After a garbage collection, counts the heap snapshot's strings that contain the last typed
     * secret, and each of `needles`; `strings` is how many strings the snapshot holds.
     */
    countInHeap(needles: string[]): Promise<{ strings: number; secret: number; needles: number[] }>;
  }
}
