import * as React from 'react';

/**
 * Whether children include words of their own, rather than only an icon or an element to render
 * as: words name a button themselves, and a built-in `aria-label` would override what is seen.
 */
function hasText(children: React.ReactNode): boolean {
  return React.Children.toArray(children).some((child) => typeof child === 'string' || typeof child === 'number');
}

export { hasText };
