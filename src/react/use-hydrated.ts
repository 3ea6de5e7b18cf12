import * as React from 'react';

const subscribeNowhere = () => () => {};
const yes = () => true;
const no = () => false;

/**
 * `false` on the server and while hydrating, `true` from then on (and in a render that only ever
 * ran in the browser). What depends on the clock or the time zone ("for 3 days", "2 hours ago", a
 * date) is rendered only when it is `true`: the server's clock and zone are not the browser's, and
 * a page may be hydrated long after it was rendered, so any such words would not match.
 */
function useHydrated(): boolean {
  return React.useSyncExternalStore(subscribeNowhere, yes, no);
}

export { useHydrated };
