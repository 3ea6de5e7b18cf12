import type { ConnectionCategory } from './types';

/* -------------------------------------------------------------------------------------------------
 * Provider catalog
 * -----------------------------------------------------------------------------------------------*/

/** A platform's name, category and mark. */
export interface ProviderInfo {
  /** The key used in `Connection.provider`. */
  id: string;
  /** The platform's own name, shown to users. */
  label: string;
  category: ConnectionCategory;
  /** One to three letters for its mark; styles.css colours the built-in ones. @default the label's initials */
  mark?: string;
}

export type ProviderCatalog = Readonly<Record<string, ProviderInfo>>;

const defaultProviders: ProviderCatalog = {
  google_ads: { id: 'google_ads', label: 'Google Ads', category: 'advertising', mark: 'GA' },
  meta_ads: { id: 'meta_ads', label: 'Meta Ads', category: 'advertising', mark: 'Me' },
  linkedin_ads: { id: 'linkedin_ads', label: 'LinkedIn Ads', category: 'advertising', mark: 'in' },
  microsoft_ads: { id: 'microsoft_ads', label: 'Microsoft Advertising', category: 'advertising', mark: 'MS' },
  salesforce: { id: 'salesforce', label: 'Salesforce', category: 'crm', mark: 'SF' },
  dynamics365: { id: 'dynamics365', label: 'Microsoft Dynamics 365', category: 'crm', mark: 'D' },
};

/** The built-in catalog with your own providers; yours win on a shared key. */
function createProviderCatalog(extra: Iterable<ProviderInfo> = [], base: ProviderCatalog = defaultProviders): ProviderCatalog {
  const catalog: Record<string, ProviderInfo> = { ...base };
  for (const provider of extra) catalog[provider.id] = provider;
  return catalog;
}

/** The provider's entry, or one made from its key: `'acme_crm'` reads "Acme Crm", marked "AC". */
function getProvider(provider: string, catalog: ProviderCatalog = defaultProviders): ProviderInfo {
  const known = Object.hasOwn(catalog, provider) ? catalog[provider]! : undefined;
  const label = known?.label ?? provider.split(/[_\-\s]+/).filter(Boolean).map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
  return {
    id: provider,
    category: 'other',
    ...known,
    label,
    mark: known?.mark ?? label.split(' ', 2).map((word) => word[0]).join('').toUpperCase(),
  };
}

export { createProviderCatalog, defaultProviders, getProvider };
