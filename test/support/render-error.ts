/**
 * Wraps a render that must throw, for `expect(...).toThrow()`. React 18 also reports the error
 * through the window's error event, which jsdom prints; the test expects it, so it is handled.
 */
export function rendering(render: () => unknown): () => void {
  return () => {
    const handled = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', handled);
    try {
      render();
    } finally {
      window.removeEventListener('error', handled);
    }
  };
}
