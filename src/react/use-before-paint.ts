import * as React from 'react';

/** `useLayoutEffect` in the browser; on the server, where nothing paints, a no-op `useEffect`. */
const useBeforePaint = typeof window === 'undefined' ? React.useEffect : React.useLayoutEffect;

export { useBeforePaint };
