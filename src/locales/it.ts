import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * Italiano, con il “tu”: `import { it } from 'react-connected-accounts/locales/it'`, poi `messages={it}`
 * -----------------------------------------------------------------------------------------------*/

const rules = /* @__PURE__ */ new Intl.PluralRules('it');
const one = (count: number) => rules.select(count) == 'one';

const it: Messages = {
  locale: 'it',
  dir: 'ltr',

  'status.connected': 'Connessa',
  'status.authorization_required': 'Autorizzazione richiesta',
  'status.backfilling': 'Recupero dati',
  'status.error': 'Errore',
  'status.reauthorizing': 'Riconnessione',
  'status.for': (duration) => `da ${duration}`,
  'status.expiring': (when) => `Scade ${when}`,

  'list.loading': 'Caricamento delle connessioni…',
  'list.empty': 'Ancora nessuna connessione.',
  'list.loadError': 'Impossibile caricare le connessioni. Controlla la rete e riprova.',
  'list.refreshError': 'L’elenco potrebbe non essere aggiornato. Riprova per aggiornarlo.',
  'list.search': 'Cerca connessioni',
  'list.attention': 'Richiede attenzione',
  'list.matches': (count) => (one(count) ? `${count} connessione trovata.` : `${count} connessioni trovate.`),
  'list.noMatches': 'Nessuna connessione trovata. Prova un’altra ricerca.',
  'list.summary': (count) => (one(count) ? `${count} connessione da riconnettere.` : `${count} connessioni da riconnettere.`),
  'list.summaryHint': 'I dati non si sincronizzano più. Riconnetti per riprendere.',
  'list.expiring': (count) => (one(count) ? `${count} connessione scade a breve.` : `${count} connessioni scadono a breve.`),
  'list.expiringHint': 'Rinnova per continuare a ricevere i dati.',
  'list.reconnectAll': (count) => `Riconnetti tutte e ${count}`,
  'group.advertising': 'Pubblicità',
  'group.crm': 'CRM',
  'group.other': 'Altro',
  'item.reconnectLabel': (provider, account) => `Riconnetti ${provider} — ${account}`,
  'item.since': (duration) => `Da ${duration}`,
  'item.lastSync': (ago) => `Ultima sincronizzazione ${ago}`,
  'item.backfill': (date) => `Invio dei dati mancanti dal ${date}`,
  'item.noRights': 'Chiedi a un admin di riconnetterla.',
  'item.renew': 'Rinnova',
  'item.renewLabel': (provider, account) => `Rinnova ${provider} — ${account}`,
  'item.askAdmin': 'Chiedi a un admin',
  'item.askAdminLabel': (provider, account) => `Chiedi a un admin di riconnettere ${provider} — ${account}`,
  'item.requested': (ago) => `Richiesta inviata ${ago}`,

  'announce.connected': (name) => `${name}: riconnessione riuscita.`,
  'announce.authorization_required': (name) => `${name}: riconnessione necessaria.`,
  'announce.backfilling': (name) => `${name}: recupero dei dati mancanti in corso.`,
  'announce.error': (name) => `${name}: si è verificato un errore.`,
  'announce.caughtUp': (name) => `${name}: dati di nuovo aggiornati.`,
  'announce.failed': (name) => `${name}: riconnessione non riuscita.`,

  'impact.stopped': (ago) => (ago ? `Cosa si è fermato ${ago}:` : 'Cosa si è fermato:'),
  'impact.willStop': (date) => `Cosa si fermerà il ${date}:`,
  'impact.cost_data': 'Download dei dati di costo',
  'impact.ad_tagging': 'Tag UTM sui nuovi annunci',
  'impact.record_updates': 'Aggiornamento dei record nel CRM',
  'impact.touchpoint_push': 'Invio dei nuovi touchpoint al CRM',
  'impact.data_sync': 'Sincronizzazione dei dati',
  'impact.permanent': 'I touchpoint dei nuovi annunci non si potranno taggare in seguito. Riconnetti presto per limitare la perdita.',
  'impact.possibly_permanent': 'Con il tagging automatico attivo, i touchpoint dei nuovi annunci non si potranno taggare in seguito. Riconnetti presto.',
  'impact.backfilled': 'Non si perde nulla. I dati mancanti arriveranno al CRM appena ti riconnetti.',

  'flow.ready': (provider) => `Accederai a ${provider} in una nuova finestra.`,
  'flow.readyCredentials': (provider) => `Inserisci nome utente e password di ${provider}.`,
  'flow.starting': 'Apertura della finestra di accesso…',
  'flow.waiting': (provider) => `Completa l’accesso a ${provider} nella nuova finestra.`,
  'flow.windowClosed': 'La finestra di accesso si è chiusa troppo presto. Riaprila per continuare.',
  'flow.completing': 'Riconnessione…',
  'flow.succeeded': (provider) => `Riconnessione a ${provider} riuscita.`,
  'flow.backfilling': (date) => `I dati mancanti dal ${date} stanno arrivando al CRM.`,
  'flow.cancelled': 'Non è cambiato nulla. Puoi riprovare quando vuoi.',
  'flow.wrongAccount': (account) => `Hai eseguito l’accesso con un altro account. Accedi come ${account} e riprova.`,

  'error.popup_blocked': 'Il browser ha bloccato la finestra di accesso. Consenti i pop-up per questo sito e riprova.',
  'error.superseded': 'Un’altra connessione ha avviato l’accesso. Riprova con questa subito dopo.',
  'error.timeout': 'L’accesso ha richiesto troppo tempo. Riprova.',
  'error.invalid_authorization_url': 'La piattaforma ha inviato un indirizzo di accesso non sicuro. Contatta il tuo admin.',
  'error.state_mismatch': 'La risposta non corrisponde a questo accesso. Riprova.',
  'error.provider_error': 'La piattaforma ha rifiutato l’accesso. Riprova.',
  'error.adapter_failed': 'Riconnessione non riuscita. Riprova tra poco.',
  'error.unsupported': 'Questa connessione non si può riconnettere da qui. Chiedi a un admin.',
  'error.invalid_credentials': 'Nome utente o password non accettati. Controllali e riprova.',

  'queue.title': 'Riconnetti tutte',
  'queue.step': (index, total, name) => `${index} di ${total} · ${name}`,
  'queue.skip': 'Salta',
  'queue.summary': (reconnected, skipped) =>
    `${reconnected} ${one(reconnected) ? 'riconnessa' : 'riconnesse'}, ${skipped} ${one(skipped) ? 'saltata' : 'saltate'}.`,

  'ask.description': 'Gli admin del workspace riceveranno la tua richiesta. Aggiungi una nota, se serve.',
  'ask.note': 'Nota per l’admin',
  'ask.noteHint': (max) => `Facoltativa. Massimo ${max} ${one(max) ? 'carattere' : 'caratteri'}.`,
  'ask.send': 'Invia richiesta',
  'ask.sent': 'Richiesta inviata. Un admin la riconnetterà.',
  'ask.failed': 'La richiesta non è stata inviata. Riprova.',

  'action.reconnect': 'Riconnetti',
  'action.reopen': 'Riapri la finestra',
  'action.cancel': 'Annulla',
  'action.retry': 'Riprova',
  'action.done': 'Fatto',
  'action.close': 'Chiudi',
  'form.username': 'Nome utente',
  'form.password': 'Password',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'it' })`. */
const callbackMessages: CallbackMessages = {
  error: 'L’accesso non è stato completato. Chiudi questa finestra e riprova nell’app.',
  invalid: 'Questa pagina completa solo un accesso avviato dall’app. Puoi chiuderla.',
  done: 'Accesso eseguito. Puoi chiudere questa finestra.',
};

export { callbackMessages, it };
export default it;
