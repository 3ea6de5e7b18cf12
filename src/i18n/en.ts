/* -------------------------------------------------------------------------------------------------
 * English messages: the reference set every other locale must match key for key
 *
 * A message is a string, or a function where it needs values (names, dates, counts). Dates and
 * durations arrive already formatted through `Intl` in the provider's locale.
 * -----------------------------------------------------------------------------------------------*/

const en = {
  // Status badge.
  'status.connected': 'Connected',
  'status.authorization_required': 'Authorization required',
  'status.backfilling': 'Backfilling',
  'status.error': 'Error',
  'status.reauthorizing': 'Reauthorizing',
  /** How long the connection has been in its status, e.g. "3 days". */
  'status.for': (duration: string) => `for ${duration}`,

  // Connection list.
  'list.loading': 'Loading connections…',
  'list.empty': 'No connections yet.',
  'list.loadError': 'The connections could not be loaded.',
  'list.retry': 'Try again',
  /** A reload failed while a list is on screen; the list stays. */
  'list.refreshError': 'The connections could not be refreshed, so this list may be out of date.',
  'list.search': 'Search connections',
  'list.noMatches': (query: string) => `No connections match “${query}”.`,
  /** Announced politely while searching; `count` may be 0. */
  'list.matchCount': (count: number) =>
    count === 0 ? 'No connections match.' : count === 1 ? '1 connection matches.' : `${count} connections match.`,
  'list.results': 'Search results',
  'list.moreMatches': (shown: number, total: number) => `Showing ${shown} of ${total} matches; type more to narrow them down.`,
  'list.showMore': 'Show more',
  'list.summary': (count: number) =>
    count === 1 ? '1 connection needs reauthorization' : `${count} connections need reauthorization`,
  'group.advertising': 'Advertising',
  'group.crm': 'CRM',
  'group.other': 'Other',
  'item.reauthorize': (provider: string, account: string) => `Reauthorize ${provider} — ${account}`,
  /** `when` is relative, e.g. "2 hours ago". */
  'item.lastSync': (when: string) => `Last synced ${when}`,
  'item.backfill': (since: string) => `Backfilling data missed since ${since}`,
  'item.noRights': 'Ask a workspace admin to reauthorize this connection.',

  // Polite announcements of status changes.
  'announce.connected': (provider: string, account: string) => `${provider} reconnected: ${account}`,
  'announce.authorization_required': (provider: string, account: string) => `${provider} needs reauthorization: ${account}`,
  'announce.backfilling': (provider: string, account: string) => `${provider} is backfilling missed data: ${account}`,
  'announce.error': (provider: string, account: string) => `${provider} has a problem: ${account}`,
  'announce.failed': (provider: string, account: string) => `${provider} could not be reconnected: ${account}`,
  /** A backfill ended: the connection went from backfilling to connected. */
  'announce.caughtUp': (provider: string, account: string) => `${provider} has caught up on missed data: ${account}`,

  // Reauthorize dialog.
  'dialog.title': (provider: string) => `Reauthorize ${provider}`,
  'dialog.description': (provider: string, account: string) =>
    `Access to ${account} has lapsed. Sign in to ${provider} again to resume.`,
  /** `ago` is relative ("3 days ago") and `date` absolute; both absent when unknown. */
  'impact.stopped': (ago?: string, date?: string) => (ago ? `Stopped ${ago} (${date}):` : 'Stopped:'),
  'impact.cost_data': 'Downloading cost data',
  'impact.ad_tagging': 'Adding UTM parameters to new ads',
  'impact.record_updates': 'Updating records in your CRM',
  'impact.touchpoint_push': 'Sending new touchpoints to your CRM',
  'impact.data_sync': 'Syncing data',
  'impact.permanent':
    'Touchpoints created while the account is disconnected can never be tagged afterwards, so this gap is permanent. Reconnect soon to keep it small.',
  'impact.backfilled': 'Nothing is lost: once you reconnect, the data missed meanwhile is sent to your CRM.',
  'impact.unknown': 'Syncing resumes once you reconnect.',

  // Where the flow stands.
  'flow.ready': (provider: string) => `You will sign in to ${provider} in a new window.`,
  'flow.readyCredentials': (provider: string) => `Enter the ${provider} username and password for this account.`,
  'flow.starting': 'Opening the sign-in window…',
  'flow.waiting': (provider: string) => `Finish signing in to ${provider} in the window that opened.`,
  'flow.windowClosed': 'The sign-in window was closed before you finished, or the platform took it out of our reach. If it is still open, finish there; otherwise reopen it, or cancel.',
  'flow.blocked': 'Your browser blocked the sign-in window. Allow pop-ups for this site, or open the window again.',
  'flow.completing': 'Finishing the reconnection…',
  'flow.succeeded': (provider: string) => `${provider} is connected again.`,
  'flow.backfilling': (since: string) => `Backfilling data missed since ${since}.`,
  'flow.cancelled': 'Reauthorization cancelled. Nothing was changed.',
  'flow.wrongAccount': (account: string) =>
    `You signed in with a different account. Sign in as ${account} to reconnect it.`,

  // Errors, by `ConnectionsError` code.
  'error.popup_blocked': 'The browser blocked the sign-in window.',
  'error.popup_closed': 'The sign-in window was closed before you finished.',
  'error.cancelled': 'The reauthorization was cancelled.',
  'error.superseded': 'Another connection started signing in, so this one stopped.',
  'error.timeout': 'Signing in took too long and was stopped.',
  'error.invalid_authorization_url': 'The platform sent a sign-in address that is not safe to open.',
  'error.state_mismatch': 'The answer from the platform did not match this sign-in.',
  'error.provider_error': 'The platform refused the sign-in.',
  'error.account_mismatch': 'You signed in with a different account.',
  'error.adapter_failed': 'Something went wrong while reconnecting.',
  'error.unsupported': 'This connection cannot be reauthorized from here.',

  // Buttons and fields.
  'action.signIn': (provider: string) => `Sign in to ${provider}`,
  'action.reopen': 'Reopen window',
  'action.openAgain': 'Open sign-in window',
  'action.cancel': 'Cancel',
  'action.retry': 'Try again',
  'action.done': 'Done',
  'action.close': 'Close',
  'form.username': 'Username',
  'form.password': 'Password',
};

/** Every message: the built-in sets and any overrides must have exactly these keys and shapes. */
export type Messages = typeof en;
export type MessageKey = keyof Messages;

export { en };
