import * as React from 'react';

/* -------------------------------------------------------------------------------------------------
 * KeyIcon — the red key of "Authorization required"
 *
 * Drawn on the 15×15 grid of @radix-ui/react-icons (which has no key): one path, `currentColor`,
 * hidden from assistive technology because the words beside it say the same. It is red only
 * through CSS (`.rca-key-icon`), so it follows the theme.
 * -----------------------------------------------------------------------------------------------*/

export interface KeyIconProps extends React.ComponentPropsWithoutRef<'svg'> {}

const KeyIcon = /* @__PURE__ */ React.forwardRef<SVGSVGElement, KeyIconProps>(function KeyIcon(props, ref) {
  return (
    <svg width="15" height="15" viewBox="0 0 15 15" fill="none" xmlns="http://www.w3.org/2000/svg" aria-hidden {...props} ref={ref}>
      <path
        d="M4.5 3.5a4 4 0 1 0 3.87 5H10V10h1V8.5h1V11h1V8.5h1v-2H8.37A4 4 0 0 0 4.5 3.5ZM2 7.5a2.5 2.5 0 1 1 5 0 2.5 2.5 0 1 1-5 0Z"
        fill="currentColor"
        fillRule="evenodd"
        clipRule="evenodd"
      />
    </svg>
  );
});

export { KeyIcon };
