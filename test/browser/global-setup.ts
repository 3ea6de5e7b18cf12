import type { TestProject } from 'vitest/node';
import { startProviderServer } from './oauth-provider';

/* -------------------------------------------------------------------------------------------------
 * Runs once before the browser tests: the stand-in OAuth provider on a second loopback origin
 * -----------------------------------------------------------------------------------------------*/

declare module 'vitest' {
  export interface ProvidedContext {
    /** The stand-in provider, e.g. `http://127.0.0.1:41234`: another origin than the test page's `http://localhost:<port>`. */
    oauthProviderUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const provider = await startProviderServer();
  project.provide('oauthProviderUrl', provider.url);
  return () => provider.close();
}
