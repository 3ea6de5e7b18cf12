import * as React from 'react';
import { useBeforePaint } from '../react/use-before-paint';

/** Whether a node shows words a screen reader reads: text outside `hidden` and `aria-hidden` parts. */
function showsWords(node: Node): boolean {
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (child.textContent?.trim()) return true;
    } else if (child instanceof Element && !child.hasAttribute('hidden') && child.getAttribute('aria-hidden') !== 'true' && showsWords(child)) {
      return true;
    }
  }
  return false;
}

/**
 * For a button with a built-in name: whether what it renders shows words of its own, which then
 * name it instead (what is seen must be what is said). Read from the element after each render,
 * so words from fragments, components and `asChild` elements count, and an icon font's hidden
 * ligature does not. `false` on the server and in the first render, which keep the built-in name.
 */
function useOwnWords(ref: React.RefObject<HTMLElement | null>): boolean {
  const [words, setWords] = React.useState(false);
  useBeforePaint(() => {
    const element = ref.current;
    const shows = !!element && showsWords(element);
    if (shows !== words) setWords(shows);
  });
  return words;
}

export { useOwnWords };
