import type { Connection, ConnectionStatus } from '../../src';

/* -------------------------------------------------------------------------------------------------
 * A long list: many ad accounts and CRM orgs, a few of them lapsed
 * -----------------------------------------------------------------------------------------------*/

const COMPANIES = ['Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Tyrell', 'Soylent'];
const REGIONS = ['Search', 'Brand', 'EMEA', 'APAC', 'LATAM', 'Retargeting', 'B2B', 'Video', 'Shopping', 'Display', 'Mobile', 'Events'];
const PROVIDERS = [
  { provider: 'google_ads', category: 'advertising' },
  { provider: 'meta_ads', category: 'advertising' },
  { provider: 'linkedin_ads', category: 'advertising' },
  { provider: 'microsoft_ads', category: 'advertising' },
  { provider: 'salesforce', category: 'crm' },
  { provider: 'dynamics365', category: 'crm' },
] as const;

const HOUR = 60 * 60 * 1000;

/** `count` connections with stable ids and names; every 17th has lapsed, every 29th is in error. */
function manyConnections(count: number, now: number = Date.now()): Connection[] {
  return Array.from({ length: count }, (_, index) => {
    const { provider, category } = PROVIDERS[index % PROVIDERS.length]!;
    const company = COMPANIES[Math.floor(index / PROVIDERS.length) % COMPANIES.length]!;
    const region = REGIONS[Math.floor(index / (PROVIDERS.length * COMPANIES.length)) % REGIONS.length]!;
    const status: ConnectionStatus = index % 17 === 5 ? 'authorization_required' : index % 29 === 7 ? 'error' : 'connected';
    const since = new Date(now - ((index % 23) + 1) * 7 * HOUR).toISOString();
    return {
      id: `conn-${index + 1}`,
      provider,
      category,
      accountName: `${company} ${region}`,
      accountId: `acct-${1000 + index}`,
      status,
      statusSince: since,
      lastSyncedAt: status === 'connected' ? new Date(now - ((index % 5) + 1) * HOUR).toISOString() : since,
      ...(category === 'advertising' && { autoTagging: index % 2 === 0 }),
      ...(status === 'error' && { error: { code: 'quota_exceeded', message: 'The platform rate-limited the last sync; it retries on its own.' } }),
    };
  });
}

export { manyConnections };
