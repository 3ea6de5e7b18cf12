import type { CallbackMessages } from '../core/callback';
import type { Messages } from '../i18n/en';

/* -------------------------------------------------------------------------------------------------
 * Español: `import { es } from 'react-connected-accounts/locales/es'`, then `messages={es}`
 * -----------------------------------------------------------------------------------------------*/

const es: Messages = {
  locale: 'es',
  dir: 'ltr',

  'status.connected': 'Conectada',
  'status.authorization_required': 'Se requiere autorización',
  'status.backfilling': 'Recuperando datos',
  'status.error': 'Error',
  'status.reauthorizing': 'Reconectando',
  'status.for': (duration) => `desde hace ${duration}`,
  'status.expiring': (when) => `Caduca ${when}`,

  'list.loading': 'Cargando conexiones…',
  'list.empty': 'Aún no hay conexiones.',
  'list.loadError': 'No se pudieron cargar las conexiones. Revisa tu conexión e inténtalo de nuevo.',
  'list.refreshError': 'Puede que esta lista no esté al día. Vuelve a intentarlo para actualizarla.',
  'list.search': 'Buscar conexiones',
  'list.attention': 'Requieren atención',
  'list.matches': (count) => (count === 1 ? '1 conexión coincide.' : `${count} conexiones coinciden.`),
  'list.noMatches': 'Ninguna conexión coincide. Prueba con otra búsqueda.',
  'list.summary': (count) => (count === 1 ? '1 conexión necesita reconectarse.' : `${count} conexiones necesitan reconectarse.`),
  'list.summaryHint': 'Los datos ya no se sincronizan. Reconecta para reanudar la sincronización.',
  'list.expiring': (count) => (count === 1 ? '1 conexión caduca pronto.' : `${count} conexiones caducan pronto.`),
  'list.expiringHint': 'Renueva el acceso para que los datos sigan llegando.',
  'list.reconnectAll': (count) => `Reconectar las ${count}`,
  'group.advertising': 'Publicidad',
  'group.crm': 'CRM',
  'group.other': 'Otras',
  'item.reconnectLabel': (provider, account) => `Reconectar ${provider} — ${account}`,
  'item.since': (duration) => `Desde hace ${duration}`,
  'item.lastSync': (ago) => `Última sincronización ${ago}`,
  'item.backfill': (date) => `Enviando los datos pendientes desde el ${date}`,
  'item.noRights': 'Pide a un administrador que la reconecte.',
  'item.renew': 'Renovar',
  'item.renewLabel': (provider, account) => `Renovar ${provider} — ${account}`,
  'item.askAdmin': 'Pedir a un administrador',
  'item.askAdminLabel': (provider, account) => `Pedir a un administrador que reconecte ${provider} — ${account}`,
  'item.requested': (ago) => `Solicitado ${ago}`,

  'announce.connected': (name) => `${name} se ha reconectado.`,
  'announce.authorization_required': (name) => `${name} necesita reconectarse.`,
  'announce.backfilling': (name) => `${name} está recuperando los datos pendientes.`,
  'announce.error': (name) => `${name} tiene un error.`,
  'announce.caughtUp': (name) => `${name} ya está al día.`,
  'announce.failed': (name) => `${name} no se ha reconectado.`,

  'impact.stopped': (ago) => (ago ? `Detenido ${ago}:` : 'Detenido:'),
  'impact.willStop': (date) => `El ${date} se detendrá:`,
  'impact.cost_data': 'La descarga de datos de costes',
  'impact.ad_tagging': 'Las etiquetas UTM de los anuncios nuevos',
  'impact.record_updates': 'La actualización de registros del CRM',
  'impact.touchpoint_push': 'El envío de puntos de contacto nuevos al CRM',
  'impact.data_sync': 'La sincronización de datos',
  'impact.permanent': 'Los puntos de contacto de anuncios nuevos no podrán etiquetarse después. Reconecta pronto para reducir la pérdida.',
  'impact.possibly_permanent': 'Si el etiquetado automático está activo, los puntos de contacto de anuncios nuevos no podrán etiquetarse después. Reconecta pronto.',
  'impact.backfilled': 'No se pierde nada. Los datos pendientes llegarán a tu CRM al reconectar.',

  'flow.ready': (provider) => `Iniciarás sesión en ${provider} en una ventana nueva.`,
  'flow.readyCredentials': (provider) => `Escribe tu usuario y contraseña de ${provider}.`,
  'flow.starting': 'Abriendo la ventana de inicio de sesión…',
  'flow.waiting': (provider) => `Termina de iniciar sesión en ${provider} en la ventana nueva.`,
  'flow.windowClosed': 'La ventana se cerró antes de terminar. Vuelve a abrirla para continuar.',
  'flow.completing': 'Reconectando…',
  'flow.succeeded': (provider) => `${provider} se ha reconectado.`,
  'flow.backfilling': (date) => `Los datos pendientes desde el ${date} van camino de tu CRM.`,
  'flow.cancelled': 'No se ha cambiado nada. Puedes volver a intentarlo cuando quieras.',
  'flow.wrongAccount': (account) => `Iniciaste sesión con otra cuenta. Entra como ${account} y vuelve a intentarlo.`,

  'error.popup_blocked': 'El navegador bloqueó la ventana de inicio de sesión. Permite las ventanas emergentes y vuelve a intentarlo.',
  'error.superseded': 'Otra conexión empezó a iniciar sesión. Vuelve a intentarlo con esta después.',
  'error.timeout': 'El inicio de sesión tardó demasiado. Vuelve a intentarlo.',
  'error.invalid_authorization_url': 'La plataforma envió una dirección de inicio de sesión insegura. Avisa a tu administrador.',
  'error.state_mismatch': 'La respuesta no corresponde a este inicio de sesión. Vuelve a intentarlo.',
  'error.provider_error': 'La plataforma rechazó el inicio de sesión. Vuelve a intentarlo.',
  'error.adapter_failed': 'No se pudo reconectar. Vuelve a intentarlo en un momento.',
  'error.unsupported': 'Esta conexión no se puede reconectar desde aquí. Pide ayuda a un administrador.',
  'error.invalid_credentials': 'El usuario o la contraseña no son válidos. Revísalos y vuelve a intentarlo.',

  'queue.title': 'Reconectar todas',
  'queue.step': (index, total, name) => `${index} de ${total} · ${name}`,
  'queue.skip': 'Omitir',
  'queue.summary': (reconnected, skipped) =>
    `${reconnected === 1 ? '1 reconectada' : `${reconnected} reconectadas`}, ${skipped === 1 ? '1 omitida' : `${skipped} omitidas`}.`,

  'ask.description': 'Los administradores del espacio de trabajo recibirán tu solicitud. Añade una nota si ayuda.',
  'ask.note': 'Nota para el administrador',
  'ask.noteHint': (max) => `Opcional. Hasta ${max} caracteres.`,
  'ask.send': 'Enviar solicitud',
  'ask.sent': 'Solicitud enviada. Un administrador la reconectará.',
  'ask.failed': 'No se pudo enviar la solicitud. Vuelve a intentarlo.',

  'action.reconnect': 'Reconectar',
  'action.reopen': 'Volver a abrir',
  'action.cancel': 'Cancelar',
  'action.retry': 'Reintentar',
  'action.done': 'Listo',
  'action.close': 'Cerrar',
  'form.username': 'Usuario',
  'form.password': 'Contraseña',
};

/** The callback page's words: `handleAuthorizationCallback({ messages: callbackMessages, locale: 'es' })`. */
const callbackMessages: CallbackMessages = {
  error: 'No se completó el inicio de sesión. Cierra esta ventana y vuelve a intentarlo en la aplicación.',
  invalid: 'Esta página solo termina un inicio de sesión abierto desde la aplicación. Puedes cerrarla.',
  done: 'Sesión iniciada. Puedes cerrar esta ventana.',
};

export { callbackMessages, es };
export default es;
