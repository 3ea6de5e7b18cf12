import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * Français, avec « vous » : `import { fr } from 'react-connected-accounts/locales/fr'`, puis `messages={fr}`
 *
 * Before a colon stands a no-break space (U+00A0), as French typography wants.
 * -----------------------------------------------------------------------------------------------*/

const rules = /* @__PURE__ */ new Intl.PluralRules('fr');
/** "1 connexion", "0 connexion", "3 connexions": French counts 0 and 1 as singular. */
const one = (count: number) => rules.select(count) == 'one';

const fr: Messages = {
  locale: 'fr',
  dir: 'ltr',

  'status.connected': 'Connecté',
  'status.authorization_required': 'Autorisation requise',
  'status.backfilling': 'Rattrapage en cours',
  'status.error': 'Erreur',
  'status.reauthorizing': 'Reconnexion en cours',
  'status.for': (duration) => `depuis ${duration}`,
  'status.expiring': (when) => `Expire ${when}`,

  'list.loading': 'Chargement des connexions…',
  'list.empty': 'Aucune connexion pour le moment.',
  'list.loadError': 'Impossible de charger les connexions. Vérifiez votre réseau et réessayez.',
  'list.refreshError': 'Cette liste n’est peut-être pas à jour. Réessayez pour l’actualiser.',
  'list.search': 'Rechercher une connexion',
  'list.attention': 'À traiter',
  'list.matches': (count) => (one(count) ? `${count} connexion trouvée.` : `${count} connexions trouvées.`),
  'list.noMatches': 'Aucune connexion trouvée. Essayez une autre recherche.',
  'list.summary': (count) => (one(count) ? `${count} connexion à reconnecter.` : `${count} connexions à reconnecter.`),
  'list.summaryHint': 'Les données ne sont plus synchronisées. Reconnectez pour reprendre.',
  'list.expiring': (count) => (one(count) ? `${count} connexion expire bientôt.` : `${count} connexions expirent bientôt.`),
  'list.expiringHint': 'Renouvelez l’accès pour continuer à recevoir les données.',
  'list.reconnectAll': (count) => `Reconnecter les ${count}`,
  'group.advertising': 'Publicité',
  'group.crm': 'CRM',
  'group.other': 'Autres',
  'item.reconnectLabel': (provider, account) => `Reconnecter ${provider} — ${account}`,
  'item.since': (duration) => `Depuis ${duration}`,
  'item.lastSync': (ago) => `Synchronisé ${ago}`,
  'item.backfill': (date) => `Envoi des données manquées depuis le ${date}`,
  'item.noRights': 'Demandez à un administrateur de la reconnecter.',
  'item.renew': 'Renouveler',
  'item.renewLabel': (provider, account) => `Renouveler ${provider} — ${account}`,
  'item.askAdmin': 'Demander à un administrateur',
  'item.askAdminLabel': (provider, account) => `Demander à un administrateur de reconnecter ${provider} — ${account}`,
  'item.requested': (ago) => `Demande envoyée ${ago}`,

  'announce.connected': (name) => `${name} : reconnexion réussie.`,
  'announce.authorization_required': (name) => `${name} : reconnexion nécessaire.`,
  'announce.backfilling': (name) => `${name} : rattrapage des données manquées.`,
  'announce.error': (name) => `${name} : une erreur est survenue.`,
  'announce.caughtUp': (name) => `${name} : données à jour.`,
  'announce.failed': (name) => `${name} : échec de la reconnexion.`,

  'impact.stopped': (ago) => (ago ? `Ce qui s’est arrêté ${ago} :` : 'Ce qui s’est arrêté :'),
  'impact.willStop': (date) => `Ce qui s’arrêtera le ${date} :`,
  'impact.cost_data': 'Téléchargement des données de coût',
  'impact.ad_tagging': 'Tags UTM des nouvelles annonces',
  'impact.record_updates': 'Mises à jour des fiches CRM',
  'impact.touchpoint_push': 'Envoi des nouveaux points de contact au CRM',
  'impact.data_sync': 'Synchronisation des données',
  'impact.permanent': 'Les points de contact des nouvelles annonces ne pourront pas être tagués après coup. Reconnectez vite pour limiter la perte.',
  'impact.possibly_permanent': 'Avec le marquage automatique, les points de contact des nouvelles annonces ne pourront pas être tagués après coup. Reconnectez vite.',
  'impact.backfilled': 'Rien n’est perdu. Les données manquées iront dans votre CRM dès la reconnexion.',

  'flow.ready': (provider) => `Vous vous connecterez à ${provider} dans une nouvelle fenêtre.`,
  'flow.readyCredentials': (provider) => `Saisissez votre identifiant et votre mot de passe ${provider}.`,
  'flow.starting': 'Ouverture de la fenêtre de connexion…',
  'flow.waiting': (provider) => `Terminez la connexion à ${provider} dans la nouvelle fenêtre.`,
  'flow.windowClosed': 'La fenêtre de connexion s’est fermée trop tôt. Rouvrez-la pour continuer.',
  'flow.completing': 'Reconnexion…',
  'flow.succeeded': (provider) => `${provider} est reconnecté.`,
  'flow.backfilling': (date) => `Les données manquées depuis le ${date} partent vers votre CRM.`,
  'flow.cancelled': 'Rien n’a été modifié. Vous pouvez réessayer à tout moment.',
  'flow.wrongAccount': (account) => `Ce n’est pas le bon compte. Connectez-vous avec ${account}, puis réessayez.`,

  'error.popup_blocked': 'Votre navigateur a bloqué la fenêtre de connexion. Autorisez les pop-ups pour ce site, puis réessayez.',
  'error.superseded': 'Une autre connexion est en cours de reconnexion. Réessayez celle-ci ensuite.',
  'error.timeout': 'La connexion a pris trop de temps. Réessayez.',
  'error.invalid_authorization_url': 'La plateforme a envoyé une adresse de connexion non sécurisée. Contactez votre administrateur.',
  'error.state_mismatch': 'La réponse ne correspond pas à cette connexion. Réessayez.',
  'error.provider_error': 'La plateforme a refusé la connexion. Réessayez.',
  'error.adapter_failed': 'La reconnexion a échoué. Réessayez dans un instant.',
  'error.unsupported': 'Impossible de reconnecter cette connexion ici. Demandez à un administrateur.',
  'error.invalid_credentials': 'Identifiant ou mot de passe refusé. Vérifiez-les, puis réessayez.',

  'queue.title': 'Tout reconnecter',
  'queue.step': (index, total, name) => `${index} sur ${total} · ${name}`,
  'queue.skip': 'Passer',
  'queue.summary': (reconnected, skipped) =>
    `${reconnected} ${one(reconnected) ? 'reconnectée' : 'reconnectées'}, ${skipped} ${one(skipped) ? 'ignorée' : 'ignorées'}.`,

  'ask.description': 'Les administrateurs de l’espace de travail recevront votre demande. Ajoutez une note si besoin.',
  'ask.note': 'Note pour l’administrateur',
  'ask.noteHint': (max) => `Facultatif. ${max} ${one(max) ? 'caractère' : 'caractères'} maximum.`,
  'ask.send': 'Envoyer la demande',
  'ask.sent': 'Demande envoyée. Un administrateur va la reconnecter.',
  'ask.failed': 'La demande n’a pas été envoyée. Réessayez.',

  'action.reconnect': 'Reconnecter',
  'action.reopen': 'Rouvrir la fenêtre',
  'action.cancel': 'Annuler',
  'action.retry': 'Réessayer',
  'action.done': 'Terminé',
  'action.close': 'Fermer',
  'form.username': 'Identifiant',
  'form.password': 'Mot de passe',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'fr' })`. */
const callbackMessages: CallbackMessages = {
  error: 'La connexion n’a pas abouti. Fermez cette fenêtre et réessayez dans l’application.',
  invalid: 'Cette page termine une connexion lancée depuis l’application. Vous pouvez la fermer.',
  done: 'Connexion réussie. Vous pouvez fermer cette fenêtre.',
};

export { callbackMessages, fr };
export default fr;
