/* -------------------------------------------------------------------------------------------------
 * What the stand-in provider does, shared by its Node server and the browser tests
 * -----------------------------------------------------------------------------------------------*/

/**
 * How `/authorize` answers, chosen by the test through `mode`:
 * - `allow`: redirects to `redirect_uri` with a fresh code and the state.
 * - `deny`: redirects with `error=access_denied` and a description full of HTML.
 * - `wrong-state`: redirects with a code and a state that was never handed out.
 * - `forge`: a page that posts look-alike results (right shape, right state, a forged code) to
 *   its opener from the provider's origin, then redirects with the real code.
 * - `wait`: a sign-in page that waits for the user (who closes it).
 * - `coop`: a page served with `Cross-Origin-Opener-Policy: same-origin`, which severs
 *   `window.opener`, then redirects with a code.
 */
export type ProviderMode = 'allow' | 'deny' | 'wrong-state' | 'forge' | 'wait' | 'coop';

/** The HTML the `deny` mode puts in `error_description`; it must never be rendered as HTML. */
export const HOSTILE_DESCRIPTION = '<img src="x" onerror="window.__providerHtmlRan = true">You <b>declined</b> access';

/** The code the `forge` mode's look-alike messages carry. */
export const FORGED_CODE = 'forged-by-provider';

/**
 * What the `wait` mode's page posts to its opener once it shows, followed by the flow's state: a
 * test counts only the pages of its own flows, not a late one from the test before.
 */
export const SIGN_IN_PAGE_LOADED = 'stand-in sign-in page loaded: ';
