// Types for dev-platform.mjs, for TypeScript callers (the project's end-to-end tests).
export interface DevPlatformOptions {
  /** @default 0 (any free port) */
  port?: number;
  /** @default 'localhost' */
  host?: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export function startDevPlatform(options: DevPlatformOptions): Promise<{ issuer: string; close(): Promise<void> }>;
