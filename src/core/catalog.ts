import type { ConnectionCategory } from './types';

/* -------------------------------------------------------------------------------------------------
 * Provider catalog
 * -----------------------------------------------------------------------------------------------*/

/** A platform's name and category. How an account signs in again is its connection's `authMethod`. */
export interface ProviderInfo {
  /** The provider key used in `Connection.provider`. */
  id: string;
  /** The platform's own name, shown to users (product names are not translated). */
  label: string;
  category: ConnectionCategory;
}

export type ProviderCatalog = Readonly<Record<string, ProviderInfo>>;

const defaultProviders: ProviderCatalog = {
  google_ads: { id: 'google_ads', label: 'Google Ads', category: 'advertising' },
  meta_ads: { id: 'meta_ads', label: 'Meta Ads', category: 'advertising' },
  linkedin_ads: { id: 'linkedin_ads', label: 'LinkedIn Ads', category: 'advertising' },
  microsoft_ads: { id: 'microsoft_ads', label: 'Microsoft Advertising', category: 'advertising' },
  salesforce: { id: 'salesforce', label: 'Salesforce', category: 'crm' },
  dynamics365: { id: 'dynamics365', label: 'Microsoft Dynamics 365', category: 'crm' },
};

/**
 * The built-in catalog extended with an integrator's own providers; theirs win on a shared key.
 *
 * @example createProviderCatalog([{ id: 'hubspot', label: 'HubSpot', category: 'crm' }])
 */
function createProviderCatalog(extra: Iterable<ProviderInfo> = [], base: ProviderCatalog = defaultProviders): ProviderCatalog {
  const catalog: Record<string, ProviderInfo> = { ...base };
  for (const provider of extra) catalog[provider.id] = provider;
  return Object.freeze(catalog);
}

/** The provider's entry, or a readable fallback built from its key (`'acme_crm'` → `'Acme Crm'`). */
function getProvider(provider: string, catalog: ProviderCatalog = defaultProviders): ProviderInfo {
  const known = Object.prototype.hasOwnProperty.call(catalog, provider) ? catalog[provider] : undefined;
  if (known) return known;
  return { id: provider, label: humanize(provider), category: 'other' };
}

function humanize(key: string): string {
  const words = key.split(/[_\-\s]+/).filter(Boolean);
  if (words.length === 0) return key;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

export { createProviderCatalog, defaultProviders, getProvider };
