import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * Deutsch, mit „Sie“: `import { de } from 'react-connected-accounts/locales/de'`, dann `messages={de}`
 * -----------------------------------------------------------------------------------------------*/

const rules = /* @__PURE__ */ new Intl.PluralRules('de');
const one = (count: number) => rules.select(count) == 'one';
/** `Intl` writes "3 Tage"; after "seit" German wants the dative, "3 Tagen". Hours and minutes need no change. */
const dative = (duration: string) => duration.replace(/Tage$/, 'Tagen');
/** "vor 3 Tagen", "gestern" at the start of a heading. */
const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

const de: Messages = {
  locale: 'de',
  dir: 'ltr',

  'status.connected': 'Verbunden',
  'status.authorization_required': 'Autorisierung erforderlich',
  'status.backfilling': 'Daten werden nachgeholt',
  'status.error': 'Fehler',
  'status.reauthorizing': 'Wird neu verbunden',
  'status.for': (duration) => `seit ${dative(duration)}`,
  'status.expiring': (when) => `Läuft ${when} ab`,

  'list.loading': 'Verbindungen werden geladen…',
  'list.empty': 'Noch keine Verbindungen.',
  'list.loadError': 'Verbindungen konnten nicht geladen werden. Prüfen Sie Ihr Netzwerk und versuchen Sie es erneut.',
  'list.refreshError': 'Diese Liste ist eventuell nicht aktuell. Versuchen Sie es erneut.',
  'list.search': 'Verbindungen durchsuchen',
  'list.attention': 'Handlungsbedarf',
  'list.matches': (count) => (one(count) ? `${count} Verbindung gefunden.` : `${count} Verbindungen gefunden.`),
  'list.noMatches': 'Keine Verbindung gefunden. Versuchen Sie einen anderen Suchbegriff.',
  'list.summary': (count) => (one(count) ? `${count} Verbindung ist unterbrochen.` : `${count} Verbindungen sind unterbrochen.`),
  'list.summaryHint': 'Es werden keine Daten mehr synchronisiert. Verbinden Sie neu, um fortzufahren.',
  'list.expiring': (count) => (one(count) ? `${count} Verbindung läuft bald ab.` : `${count} Verbindungen laufen bald ab.`),
  'list.expiringHint': 'Verlängern Sie rechtzeitig, damit weiter Daten fließen.',
  'list.reconnectAll': (count) => `Alle ${count} neu verbinden`,
  'group.advertising': 'Werbung',
  'group.crm': 'CRM',
  'group.other': 'Sonstige',
  'item.reconnectLabel': (provider, account) => `${provider} — ${account} neu verbinden`,
  'item.since': (duration) => `Seit ${dative(duration)}`,
  'item.lastSync': (ago) => `Zuletzt synchronisiert ${ago}`,
  'item.backfill': (date) => `Fehlende Daten seit dem ${date} werden nachgeliefert`,
  'item.noRights': 'Bitten Sie einen Admin, die Verbindung wiederherzustellen.',
  'item.renew': 'Verlängern',
  'item.renewLabel': (provider, account) => `${provider} — ${account} verlängern`,
  'item.askAdmin': 'Admin fragen',
  'item.askAdminLabel': (provider, account) => `Admin fragen: ${provider} — ${account} neu verbinden`,
  'item.requested': (ago) => `Angefragt ${ago}`,

  'announce.connected': (name) => `${name} ist wieder verbunden.`,
  'announce.authorization_required': (name) => `${name} muss neu verbunden werden.`,
  'announce.backfilling': (name) => `${name} holt fehlende Daten nach.`,
  'announce.error': (name) => `${name} meldet einen Fehler.`,
  'announce.caughtUp': (name) => `${name} ist wieder auf dem neuesten Stand.`,
  'announce.failed': (name) => `${name} wurde nicht neu verbunden.`,

  'impact.stopped': (ago) => (ago ? `${capital(ago)} gestoppt:` : 'Gestoppt:'),
  'impact.willStop': (date) => `Am ${date} stoppt Folgendes:`,
  'impact.cost_data': 'Download der Kostendaten',
  'impact.ad_tagging': 'UTM-Tags für neue Anzeigen',
  'impact.record_updates': 'Aktualisierung von CRM-Datensätzen',
  'impact.touchpoint_push': 'Übertragung neuer Touchpoints an Ihr CRM',
  'impact.data_sync': 'Datensynchronisierung',
  'impact.permanent': 'Touchpoints neuer Anzeigen lassen sich später nicht mehr taggen. Verbinden Sie bald neu, damit die Lücke klein bleibt.',
  'impact.possibly_permanent': 'Mit Auto-Tagging lassen sich Touchpoints neuer Anzeigen später nicht mehr taggen. Verbinden Sie bald neu.',
  'impact.backfilled': 'Nichts geht verloren. Fehlende Daten gehen nach dem Neuverbinden an Ihr CRM.',

  'flow.ready': (provider) => `Sie melden sich in einem neuen Fenster bei ${provider} an.`,
  'flow.readyCredentials': (provider) => `Geben Sie Benutzername und Passwort für ${provider} ein.`,
  'flow.starting': 'Anmeldefenster wird geöffnet…',
  'flow.waiting': (provider) => `Schließen Sie die Anmeldung bei ${provider} im neuen Fenster ab.`,
  'flow.windowClosed': 'Das Anmeldefenster wurde zu früh geschlossen. Öffnen Sie es erneut, um fortzufahren.',
  'flow.completing': 'Wird neu verbunden…',
  'flow.succeeded': (provider) => `${provider} ist wieder verbunden.`,
  'flow.backfilling': (date) => `Fehlende Daten seit dem ${date} werden an Ihr CRM gesendet.`,
  'flow.cancelled': 'Es wurde nichts geändert. Sie können es jederzeit erneut versuchen.',
  'flow.wrongAccount': (account) => `Sie sind mit einem anderen Konto angemeldet. Melden Sie sich als ${account} an und versuchen Sie es erneut.`,

  'error.popup_blocked': 'Ihr Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Website und versuchen Sie es erneut.',
  'error.superseded': 'Eine andere Verbindung hat eine Anmeldung gestartet. Versuchen Sie es danach mit dieser erneut.',
  'error.timeout': 'Die Anmeldung hat zu lange gedauert. Versuchen Sie es erneut.',
  'error.invalid_authorization_url': 'Die Plattform hat eine unsichere Anmeldeadresse gesendet. Wenden Sie sich an Ihren Admin.',
  'error.state_mismatch': 'Die Antwort passt nicht zu dieser Anmeldung. Versuchen Sie es erneut.',
  'error.provider_error': 'Die Plattform hat die Anmeldung abgelehnt. Versuchen Sie es erneut.',
  'error.adapter_failed': 'Das Neuverbinden ist fehlgeschlagen. Versuchen Sie es gleich noch einmal.',
  'error.unsupported': 'Diese Verbindung lässt sich hier nicht wiederherstellen. Bitten Sie einen Admin darum.',
  'error.invalid_credentials': 'Benutzername oder Passwort wurde nicht akzeptiert. Prüfen Sie beides und versuchen Sie es erneut.',

  'queue.title': 'Alle neu verbinden',
  'queue.step': (index, total, name) => `${index} von ${total} · ${name}`,
  'queue.skip': 'Überspringen',
  'queue.summary': (reconnected, skipped) => `${reconnected} neu verbunden, ${skipped} übersprungen.`,

  'ask.description': 'Ihre Anfrage geht an die Workspace-Admins. Fügen Sie bei Bedarf eine Notiz hinzu.',
  'ask.note': 'Notiz für den Admin',
  'ask.noteHint': (max) => `Optional. Bis zu ${max} Zeichen.`,
  'ask.send': 'Anfrage senden',
  'ask.sent': 'Anfrage gesendet. Ein Admin verbindet sie neu.',
  'ask.failed': 'Die Anfrage wurde nicht gesendet. Versuchen Sie es erneut.',

  'action.reconnect': 'Neu verbinden',
  'action.reopen': 'Fenster erneut öffnen',
  'action.cancel': 'Abbrechen',
  'action.retry': 'Erneut versuchen',
  'action.done': 'Fertig',
  'action.close': 'Schließen',
  'form.username': 'Benutzername',
  'form.password': 'Passwort',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'de' })`. */
const callbackMessages: CallbackMessages = {
  error: 'Die Anmeldung wurde nicht abgeschlossen. Schließen Sie dieses Fenster und versuchen Sie es in der App erneut.',
  invalid: 'Diese Seite schließt nur eine Anmeldung aus der App ab. Sie können sie schließen.',
  done: 'Angemeldet. Sie können dieses Fenster schließen.',
};

export { callbackMessages, de };
export default de;
