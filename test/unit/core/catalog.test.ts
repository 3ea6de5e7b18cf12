import { describe, expect, it } from 'vitest';
import { createProviderCatalog, defaultProviders, getProvider } from '../../../src/core/catalog';

/* -------------------------------------------------------------------------------------------------
 * Provider catalog
 * -----------------------------------------------------------------------------------------------*/

describe('given the built-in catalog', () => {
  it('knows the six platforms with their names and kinds', () => {
    const summary = Object.fromEntries(Object.values(defaultProviders).map((p) => [p.id, [p.label, p.category]]));
    expect(summary).toEqual({
      google_ads: ['Google Ads', 'advertising'],
      meta_ads: ['Meta Ads', 'advertising'],
      linkedin_ads: ['LinkedIn Ads', 'advertising'],
      microsoft_ads: ['Microsoft Advertising', 'advertising'],
      salesforce: ['Salesforce', 'crm'],
      dynamics365: ['Microsoft Dynamics 365', 'crm'],
    });
  });

  it('gives a readable name and the "other" kind to a provider it does not know', () => {
    expect(getProvider('acme_crm')).toEqual({ id: 'acme_crm', label: 'Acme Crm', category: 'other', mark: 'AC' });
    expect(getProvider('zoho-books')).toMatchObject({ label: 'Zoho Books', category: 'other' });
  });

  it('does not mistake object built-ins for providers', () => {
    expect(getProvider('toString')).toEqual({ id: 'toString', label: 'ToString', category: 'other', mark: 'T' });
    expect(getProvider('constructor').category).toBe('other');
  });
});

describe("given an integrator's own providers", () => {
  const catalog = createProviderCatalog([
    { id: 'hubspot', label: 'HubSpot', category: 'crm' },
    { id: 'google_ads', label: 'Google Ads (MCC)', category: 'advertising' },
  ]);

  it('adds them beside the built-in ones', () => {
    expect(getProvider('hubspot', catalog)).toEqual({ id: 'hubspot', label: 'HubSpot', category: 'crm', mark: 'H' });
    expect(getProvider('salesforce', catalog).label).toBe('Salesforce');
  });

  it("lets theirs win over a built-in entry with the same key", () => {
    expect(getProvider('google_ads', catalog).label).toBe('Google Ads (MCC)');
  });

  it('leaves the built-in catalog untouched', () => {
    expect(defaultProviders.hubspot).toBeUndefined();
    expect(defaultProviders.google_ads?.label).toBe('Google Ads');
  });

  it('gives each built-in platform marks of its own letters', () => {
    const marks = Object.values(defaultProviders).map((provider) => provider.mark);
    expect(new Set(marks).size).toBe(marks.length);
  });
});
