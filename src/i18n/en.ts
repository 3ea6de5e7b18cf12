/* -------------------------------------------------------------------------------------------------
 * English: the built-in words, and the reference every locale matches key for key
 *
 * A message is a string, or a function where it needs values. Dates and durations arrive already
 * formatted through `Intl`. `locale` is the language the words are written in.
 * -----------------------------------------------------------------------------------------------*/

const en = {
  locale: 'en',
  /** The direction the language is written in. */
  dir: 'ltr' as 'ltr' | 'rtl',

  'status.connected': 'Connected',
  'status.authorization_required': 'Authorization required',
  'status.backfilling': 'Backfilling',
  'status.error': 'Error',
  'status.reauthorizing': 'Reconnecting',
  /** How long a status has lasted, after the status: "for 3 days". */
  'status.for': (duration: string) => `for ${duration}`,
  /** A grant about to lapse; `when` is relative, like "in 3 days". */
  'status.expiring': (when: string) => `Expires ${when}`,

  'list.loading': 'Loading connections…',
  'list.empty': 'No connections yet.',
  'list.loadError': 'Connections could not be loaded. Check your network and try again.',
  /** A reload failed while a list is shown; the list stays. */
  'list.refreshError': 'This list may be out of date. Try again to refresh it.',
  'list.search': 'Search connections',
  'list.attention': 'Needs attention',
  'list.matches': (count: number) => (count === 1 ? '1 connection matches.' : `${count} connections match.`),
  'list.noMatches': 'No connections match. Try another search.',
  'list.summary': (count: number) => (count === 1 ? '1 connection needs reconnecting.' : `${count} connections need reconnecting.`),
  'list.summaryHint': 'Data stops syncing until you reconnect.',
  'list.expiring': (count: number) => (count === 1 ? '1 connection expires soon.' : `${count} connections expire soon.`),
  'list.expiringHint': 'Renew to keep data flowing.',
  /** A button: the count in parentheses, as buttons with counts show it. */
  'list.reconnectAll': (count: number) => `Reconnect all (${count})`,
  'group.advertising': 'Advertising',
  'group.crm': 'CRM',
  'group.other': 'Other',
  /** Names the row's Reconnect button for screen readers, and titles its dialog. */
  'item.reconnectLabel': (provider: string, account: string) => `Reconnect ${provider} — ${account}`,
  /** How long the row has been in its status, when not connected. */
  'item.since': (duration: string) => `For ${duration}`,
  'item.lastSync': (ago: string) => `Last synced ${ago}`,
  'item.backfill': (date: string) => `Sending data missed since ${date}`,
  'item.noRights': 'Ask a workspace admin to reconnect it.',
  'item.renew': 'Renew',
  'item.renewLabel': (provider: string, account: string) => `Renew ${provider} — ${account}`,
  'item.askAdmin': 'Ask an admin',
  'item.askAdminLabel': (provider: string, account: string) => `Ask an admin to reconnect ${provider} — ${account}`,
  /** `ago` is relative, like "2 hours ago". */
  'item.requested': (ago: string) => `Requested ${ago}`,

  'announce.connected': (name: string) => `${name} is reconnected.`,
  'announce.authorization_required': (name: string) => `${name} needs reconnecting.`,
  'announce.backfilling': (name: string) => `${name} is catching up on missed data.`,
  'announce.error': (name: string) => `${name} has an error.`,
  'announce.caughtUp': (name: string) => `${name} has caught up.`,
  'announce.failed': (name: string) => `${name} was not reconnected.`,

  /** `ago` is relative, like "3 days ago"; absent when unknown. */
  'impact.stopped': (ago?: string) => (ago ? `Stopped ${ago}:` : 'Stopped:'),
  /** Before a grant lapses; `date` is a calendar date. */
  'impact.willStop': (date: string) => `On ${date}, these will stop:`,
  'impact.cost_data': 'Cost data downloads',
  'impact.ad_tagging': 'UTM tags on new ads',
  'impact.record_updates': 'Updates to CRM records',
  'impact.touchpoint_push': 'New touchpoints sent to your CRM',
  'impact.data_sync': 'Data sync',
  'impact.permanent': 'Touchpoints from new ads can’t be tagged later. Reconnect soon to keep the gap small.',
  'impact.possibly_permanent': 'If auto-tagging is on, touchpoints from new ads can’t be tagged later. Reconnect soon.',
  'impact.backfilled': 'Nothing is lost. Missed data goes to your CRM once you reconnect.',

  'flow.ready': (provider: string) => `You’ll sign in to ${provider} in a new window.`,
  'flow.readyCredentials': (provider: string) => `Enter your ${provider} username and password.`,
  'flow.starting': 'Opening the sign-in window…',
  'flow.waiting': (provider: string) => `Finish signing in to ${provider} in the new window.`,
  'flow.windowClosed': 'The sign-in window closed before you finished. Reopen it to continue.',
  'flow.completing': 'Reconnecting…',
  'flow.succeeded': (provider: string) => `${provider} is reconnected.`,
  'flow.backfilling': (date: string) => `Data missed since ${date} is on its way to your CRM.`,
  'flow.cancelled': 'Nothing was changed. You can try again at any time.',
  'flow.wrongAccount': (account: string) => `You signed in to another account. Sign in as ${account} and try again.`,

  /** What went wrong, by `ConnectionsError` code, each with what to do next. */
  'error.popup_blocked': 'Your browser blocked the sign-in window. Allow pop-ups for this site, then try again.',
  'error.superseded': 'Another connection started signing in. Try this one again afterwards.',
  'error.timeout': 'Signing in took too long. Try again.',
  'error.invalid_authorization_url': 'The platform sent an unsafe sign-in address. Contact your admin.',
  'error.state_mismatch': 'The answer did not match this sign-in. Try again.',
  'error.provider_error': 'The platform refused the sign-in. Try again.',
  'error.adapter_failed': 'Reconnecting failed. Try again in a moment.',
  'error.unsupported': 'This connection can’t be reconnected here. Ask a workspace admin.',
  'error.invalid_credentials': 'The username or password was not accepted. Check them and try again.',

  'queue.title': 'Reconnect all',
  /** `name` is "Google Ads — Acme Search". */
  'queue.step': (index: number, total: number, name: string) => `${index} of ${total} · ${name}`,
  'queue.skip': 'Skip',
  'queue.summary': (reconnected: number, skipped: number) => `${reconnected} reconnected, ${skipped} skipped.`,

  'ask.description': 'Workspace admins get your request. Add a note if it helps.',
  'ask.note': 'Note for the admin',
  'ask.noteHint': (max: number) => `Optional. Up to ${max} characters.`,
  'ask.send': 'Send request',
  'ask.sent': 'Request sent. An admin will reconnect it.',
  'ask.failed': 'The request was not sent. Try again.',

  'action.reconnect': 'Reconnect',
  'action.reopen': 'Reopen window',
  'action.cancel': 'Cancel',
  'action.retry': 'Try again',
  'action.done': 'Done',
  'action.close': 'Close',
  'form.username': 'Username',
  'form.password': 'Password',
};

/** Every message. A locale typed `Messages` fails the build when a key is missing or takes other values. */
export type Messages = { [Key in keyof typeof en]: (typeof en)[Key] extends string ? string : (typeof en)[Key] };
export type MessageKey = keyof Messages;

export { en };
