import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * Nederlands, met „je”: `import { nl } from 'react-connected-accounts/locales/nl'`, dan `messages={nl}`
 * -----------------------------------------------------------------------------------------------*/

const rules = /* @__PURE__ */ new Intl.PluralRules('nl');
const one = (count: number) => rules.select(count) == 'one';

const nl: Messages = {
  locale: 'nl',
  dir: 'ltr',

  'status.connected': 'Gekoppeld',
  'status.authorization_required': 'Autorisatie vereist',
  'status.backfilling': 'Gegevens inhalen',
  'status.error': 'Fout',
  'status.reauthorizing': 'Wordt gekoppeld',
  'status.for': (duration) => `al ${duration}`,
  'status.expiring': (when) => `Verloopt ${when}`,

  'list.loading': 'Koppelingen laden…',
  'list.empty': 'Nog geen koppelingen.',
  'list.loadError': 'De koppelingen konden niet worden geladen. Controleer je netwerk en probeer het opnieuw.',
  'list.refreshError': 'Deze lijst is misschien niet actueel. Probeer het opnieuw om te vernieuwen.',
  'list.search': 'Koppelingen zoeken',
  'list.attention': 'Actie nodig',
  'list.matches': (count) => (one(count) ? `${count} koppeling gevonden.` : `${count} koppelingen gevonden.`),
  'list.noMatches': 'Geen koppelingen gevonden. Probeer een andere zoekterm.',
  'list.summary': (count) => (one(count) ? `${count} koppeling is verbroken.` : `${count} koppelingen zijn verbroken.`),
  'list.summaryHint': 'Er worden geen gegevens meer gesynchroniseerd. Koppel opnieuw om verder te gaan.',
  'list.expiring': (count) => (one(count) ? `${count} koppeling verloopt binnenkort.` : `${count} koppelingen verlopen binnenkort.`),
  'list.expiringHint': 'Verleng op tijd, zodat de gegevens blijven binnenkomen.',
  'list.reconnectAll': (count) => `Alle ${count} opnieuw koppelen`,
  'group.advertising': 'Advertenties',
  'group.crm': 'CRM',
  'group.other': 'Overig',
  'item.reconnectLabel': (provider, account) => `${provider} — ${account} opnieuw koppelen`,
  'item.since': (duration) => `Al ${duration}`,
  'item.lastSync': (ago) => `Laatst gesynchroniseerd ${ago}`,
  'item.backfill': (date) => `Gemiste gegevens sinds ${date} worden verzonden`,
  'item.noRights': 'Vraag een beheerder om opnieuw te koppelen.',
  'item.renew': 'Verlengen',
  'item.renewLabel': (provider, account) => `${provider} — ${account} verlengen`,
  'item.askAdmin': 'Beheerder vragen',
  'item.askAdminLabel': (provider, account) => `Beheerder vragen om ${provider} — ${account} opnieuw te koppelen`,
  'item.requested': (ago) => `Aangevraagd ${ago}`,

  'announce.connected': (name) => `${name} is weer gekoppeld.`,
  'announce.authorization_required': (name) => `${name} moet opnieuw worden gekoppeld.`,
  'announce.backfilling': (name) => `${name} haalt gemiste gegevens in.`,
  'announce.error': (name) => `Er is een fout bij ${name}.`,
  'announce.caughtUp': (name) => `${name} is weer bij.`,
  'announce.failed': (name) => `${name} is niet opnieuw gekoppeld.`,

  'impact.stopped': (ago) => (ago ? `Gestopt ${ago}:` : 'Gestopt:'),
  'impact.willStop': (date) => `Op ${date} stopt het volgende:`,
  'impact.cost_data': 'Downloaden van kostengegevens',
  'impact.ad_tagging': 'UTM-tags op nieuwe advertenties',
  'impact.record_updates': 'Updates van CRM-records',
  'impact.touchpoint_push': 'Nieuwe touchpoints naar je CRM',
  'impact.data_sync': 'Gegevenssynchronisatie',
  'impact.permanent': 'Touchpoints van nieuwe advertenties kunnen later niet meer worden getagd. Koppel snel opnieuw om het gat klein te houden.',
  'impact.possibly_permanent': 'Met automatisch taggen kunnen touchpoints van nieuwe advertenties later niet meer worden getagd. Koppel snel opnieuw.',
  'impact.backfilled': 'Er gaat niets verloren. Gemiste gegevens gaan naar je CRM zodra je opnieuw koppelt.',

  'flow.ready': (provider) => `Je logt in een nieuw venster in bij ${provider}.`,
  'flow.readyCredentials': (provider) => `Vul je gebruikersnaam en wachtwoord voor ${provider} in.`,
  'flow.starting': 'Inlogvenster openen…',
  'flow.waiting': (provider) => `Rond het inloggen bij ${provider} af in het nieuwe venster.`,
  'flow.windowClosed': 'Het inlogvenster is te vroeg gesloten. Open het opnieuw om verder te gaan.',
  'flow.completing': 'Opnieuw koppelen…',
  'flow.succeeded': (provider) => `${provider} is weer gekoppeld.`,
  'flow.backfilling': (date) => `Gemiste gegevens sinds ${date} gaan nu naar je CRM.`,
  'flow.cancelled': 'Er is niets gewijzigd. Je kunt het altijd opnieuw proberen.',
  'flow.wrongAccount': (account) => `Je bent ingelogd met een ander account. Log in als ${account} en probeer het opnieuw.`,

  'error.popup_blocked': 'Je browser heeft het inlogvenster geblokkeerd. Sta pop-ups toe voor deze site en probeer het opnieuw.',
  'error.superseded': 'Een andere koppeling is begonnen met inloggen. Probeer deze daarna opnieuw.',
  'error.timeout': 'Inloggen duurde te lang. Probeer het opnieuw.',
  'error.invalid_authorization_url': 'Het platform gaf een onveilig inlogadres. Neem contact op met je beheerder.',
  'error.state_mismatch': 'Het antwoord hoort niet bij deze inlogpoging. Probeer het opnieuw.',
  'error.provider_error': 'Het platform heeft het inloggen geweigerd. Probeer het opnieuw.',
  'error.adapter_failed': 'Opnieuw koppelen is mislukt. Probeer het zo nog eens.',
  'error.unsupported': 'Deze koppeling kan hier niet worden hersteld. Vraag een beheerder.',
  'error.invalid_credentials': 'Gebruikersnaam of wachtwoord klopt niet. Controleer ze en probeer het opnieuw.',

  'queue.title': 'Alles opnieuw koppelen',
  'queue.step': (index, total, name) => `${index} van ${total} · ${name}`,
  'queue.skip': 'Overslaan',
  'queue.summary': (reconnected, skipped) => `${reconnected} opnieuw gekoppeld, ${skipped} overgeslagen.`,

  'ask.description': 'De beheerders van je workspace krijgen je verzoek. Voeg zo nodig een notitie toe.',
  'ask.note': 'Notitie voor de beheerder',
  'ask.noteHint': (max) => `Optioneel. Maximaal ${max} ${one(max) ? 'teken' : 'tekens'}.`,
  'ask.send': 'Verzoek versturen',
  'ask.sent': 'Verzoek verstuurd. Een beheerder koppelt opnieuw.',
  'ask.failed': 'Het verzoek is niet verstuurd. Probeer het opnieuw.',

  'action.reconnect': 'Opnieuw koppelen',
  'action.reopen': 'Venster opnieuw openen',
  'action.cancel': 'Annuleren',
  'action.retry': 'Opnieuw proberen',
  'action.done': 'Klaar',
  'action.close': 'Sluiten',
  'form.username': 'Gebruikersnaam',
  'form.password': 'Wachtwoord',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'nl' })`. */
const callbackMessages: CallbackMessages = {
  error: 'Inloggen is niet afgerond. Sluit dit venster en probeer het opnieuw in de app.',
  invalid: 'Deze pagina rondt alleen een inlogpoging uit de app af. Je kunt hem sluiten.',
  done: 'Ingelogd. Je kunt dit venster sluiten.',
};

export { callbackMessages, nl };
export default nl;
