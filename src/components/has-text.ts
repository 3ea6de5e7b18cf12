import * as React from 'react';

/**
 * Whether children show words of their own, which name a button themselves (a built-in
 * `aria-label` would override what is seen): text, or text inside plain elements that are not
 * hidden from assistive technology (an icon font's ligature in an `aria-hidden` span is no
 * name). Words a component renders cannot be seen here: they keep the built-in name unless you
 * pass `aria-label`.
 */
function hasText(children: React.ReactNode): boolean {
  return React.Children.toArray(children).some((child) => {
    if (typeof child === 'string') return child.trim() !== '';
    if (typeof child === 'number') return true;
    if (!React.isValidElement<{ children?: React.ReactNode; hidden?: unknown; 'aria-hidden'?: unknown }>(child) || typeof child.type !== 'string') return false;
    const { props } = child;
    return !props.hidden && props['aria-hidden'] !== true && props['aria-hidden'] !== 'true' && hasText(props.children);
  });
}

export { hasText };
