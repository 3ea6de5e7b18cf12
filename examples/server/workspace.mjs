// The workspace's connections as the backend keeps them, with the platforms' tokens beside them.
// Tokens live only here: what leaves the server is the public connection, never a token.

/** Sample connections; sign in to the stand-in platform with the `accountId` to re-authorize one. */
export function sampleConnections(now = Date.now()) {
  const ago = (hours) => new Date(now - hours * 3_600_000).toISOString();
  return [
    { id: 'gads-search', provider: 'google_ads', category: 'advertising', accountName: 'Acme Search', accountId: 'acme-search', status: 'authorization_required', statusSince: ago(76), lastSyncedAt: ago(77), autoTagging: true },
    { id: 'meta-retargeting', provider: 'meta_ads', category: 'advertising', accountName: 'Acme Retargeting', accountId: 'acme-retargeting', status: 'connected', statusSince: ago(2000), lastSyncedAt: ago(1) },
    { id: 'sfdc-prod', provider: 'salesforce', category: 'crm', accountName: 'Acme Production', accountId: 'acme-crm', status: 'authorization_required', statusSince: ago(49), lastSyncedAt: ago(50) },
    { id: 'd365-onprem', provider: 'dynamics365', category: 'crm', accountName: 'Acme On-Premises', accountId: 'onprem-01', status: 'authorization_required', statusSince: ago(9), lastSyncedAt: ago(10), authMethod: 'credentials' },
    // Only an admin may reconnect it: this user can ask one to (POST /connections/:id/reauthorization-requests).
    { id: 'linkedin-emea', provider: 'linkedin_ads', category: 'advertising', accountName: 'Acme EMEA Leads', accountId: 'acme-emea', status: 'authorization_required', statusSince: ago(30), lastSyncedAt: ago(31), canReauthorize: false },
  ];
}

export function createWorkspace(connections = sampleConnections(), { backfillMs = 3000 } = {}) {
  const data = new Map(connections.map((connection) => [connection.id, structuredClone(connection)]));
  /** Connection id → the platform's tokens. Never serialized into an answer. */
  const vault = new Map();
  const listeners = new Set();
  const timers = new Set();
  /** Requests to an admin, oldest first, each note as the user wrote it. */
  const requests = [];

  const put = (connection) => {
    data.set(connection.id, connection);
    for (const listener of listeners) listener(structuredClone(connection));
    return structuredClone(connection);
  };

  return {
    list: () => [...data.values()].map((connection) => structuredClone(connection)),
    get: (id) => (data.has(id) ? structuredClone(data.get(id)) : undefined),

    /** Keeps the new grant and marks the connection working again; a CRM first pushes what it missed. */
    reconnect(id, tokens) {
      const before = data.get(id);
      if (tokens) vault.set(id, tokens);
      const at = new Date().toISOString();
      const after = { ...before, statusSince: at, lastSyncedAt: at };
      delete after.error;
      // Reconnected: a request to an admin is answered.
      delete after.reauthorizationRequestedAt;
      if (before.category === 'crm') {
        after.status = 'backfilling';
        after.backfill = { since: before.statusSince ?? at, progress: 0 };
        const timer = setTimeout(() => {
          timers.delete(timer);
          const current = data.get(id);
          if (current?.status !== 'backfilling') return;
          const done = { ...current, status: 'connected', statusSince: new Date().toISOString() };
          delete done.backfill;
          put(done);
        }, backfillMs);
        timers.add(timer);
      } else {
        after.status = 'connected';
      }
      return put(after);
    },

    /** Keeps a request to an admin, its note as given (never trimmed or escaped), and says when it was made. */
    requestReauthorization(id, note) {
      const requestedAt = new Date().toISOString();
      requests.push({ connectionId: id, note, requestedAt });
      return put({ ...data.get(id), reauthorizationRequestedAt: requestedAt });
    },

    /** The requests to an admin so far, oldest first. */
    requests: () => structuredClone(requests),

    /** Pushes every change to `listener`; returns the function that stops it. */
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    hasTokens: (id) => vault.has(id),

    close() {
      for (const timer of timers) clearTimeout(timer);
      listeners.clear();
    },
  };
}
