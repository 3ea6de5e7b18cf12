import { siGoogleads, siMeta } from 'simple-icons';
import type { SimpleIcon } from 'simple-icons';
import { getProvider } from '../../src';
import type { Connection } from '../../src';

/* -------------------------------------------------------------------------------------------------
 * Real brand logos through `renderIcon`, from simple-icons (a development dependency only)
 *
 * simple-icons 16 has Google Ads and Meta. LinkedIn, Microsoft (Advertising, Dynamics 365) and
 * Salesforce asked to be removed from it, so those keep the library's own letters, as does any
 * provider outside the catalog.
 * -----------------------------------------------------------------------------------------------*/

const LOGOS: Readonly<Record<string, SimpleIcon>> = {
  google_ads: siGoogleads,
  meta_ads: siMeta,
};

/** The logo in white on its brand colour, filling the mark; the letters where there is none. */
function renderBrandIcon(connection: Connection) {
  const icon = Object.hasOwn(LOGOS, connection.provider) ? LOGOS[connection.provider]! : undefined;
  if (!icon) return getProvider(connection.provider).mark;
  return (
    <span style={{ display: 'grid', placeItems: 'center', width: '100%', height: '100%', background: `#${icon.hex}` }}>
      <svg viewBox="0 0 24 24" width="18" height="18" fill="#fff" aria-hidden focusable="false">
        <path d={icon.path} />
      </svg>
    </span>
  );
}

export { LOGOS, renderBrandIcon };
