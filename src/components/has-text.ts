import * as React from 'react';

/**
 * Whether children include words of their own, at any depth, rather than only an icon or an
 * element to render as: words name a button themselves, and a built-in `aria-label` would
 * override what is seen. Words a component renders from its props (a translation component
 * given only a message id) cannot be seen here: pass `aria-label` yourself then.
 */
function hasText(children: React.ReactNode): boolean {
  return React.Children.toArray(children).some(
    (child) =>
      (typeof child === 'string' && child.trim() !== '') ||
      typeof child === 'number' ||
      (React.isValidElement<{ children?: React.ReactNode }>(child) && hasText(child.props.children)),
  );
}

export { hasText };
