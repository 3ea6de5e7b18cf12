import type { Messages } from './en';

/* -------------------------------------------------------------------------------------------------
 * Spanish messages: typed as `Messages`, so a missing key fails the type check
 * -----------------------------------------------------------------------------------------------*/

const es: Messages = {
  // Status badge.
  'status.connected': 'Conectada',
  'status.authorization_required': 'Se requiere autorización',
  'status.backfilling': 'Recuperando datos',
  'status.error': 'Error',
  'status.reauthorizing': 'Reautorizando',
  'status.for': (duration) => `desde hace ${duration}`,

  // Connection list.
  'list.loading': 'Cargando conexiones…',
  'list.empty': 'Todavía no hay conexiones.',
  'list.loadError': 'No se pudieron cargar las conexiones.',
  'list.retry': 'Reintentar',
  'list.refreshError': 'No se pudieron actualizar las conexiones, así que esta lista puede no estar al día.',
  'list.search': 'Buscar conexiones',
  'list.noMatches': (query) => `Ninguna conexión coincide con «${query}».`,
  'list.matchCount': (count) =>
    count === 0 ? 'Ninguna conexión coincide.' : count === 1 ? '1 conexión coincide.' : `${count} conexiones coinciden.`,
  'list.results': 'Resultados de la búsqueda',
  'list.moreMatches': (shown, total) => `Se muestran ${shown} de ${total} coincidencias; escriba más para acotarlas.`,
  'list.showMore': 'Mostrar más',
  'list.summary': (count) =>
    count === 1 ? '1 conexión necesita volver a autorizarse' : `${count} conexiones necesitan volver a autorizarse`,
  'group.advertising': 'Publicidad',
  'group.crm': 'CRM',
  'group.other': 'Otras',
  'item.reauthorize': (provider, account) => `Volver a autorizar ${provider} — ${account}`,
  'item.lastSync': (when) => `Última sincronización ${when}`,
  'item.backfill': (since) => `Recuperando los datos pendientes desde el ${since}`,
  'item.noRights': 'Pida a un administrador del espacio de trabajo que vuelva a autorizar esta conexión.',

  // Polite announcements of status changes.
  'announce.connected': (provider, account) => `${provider} se ha vuelto a conectar: ${account}`,
  'announce.authorization_required': (provider, account) => `${provider} necesita volver a autorizarse: ${account}`,
  'announce.backfilling': (provider, account) => `${provider} está recuperando los datos pendientes: ${account}`,
  'announce.error': (provider, account) => `${provider} tiene un problema: ${account}`,
  'announce.failed': (provider, account) => `No se pudo volver a conectar ${provider}: ${account}`,
  'announce.caughtUp': (provider, account) => `${provider} ha terminado de recuperar los datos pendientes: ${account}`,

  // Reauthorize dialog.
  'dialog.title': (provider) => `Volver a autorizar ${provider}`,
  'dialog.description': (provider, account) =>
    `El acceso a ${account} ha caducado. Inicie sesión de nuevo en ${provider} para reanudarlo.`,
  'impact.stopped': (ago, date) => (ago ? `Se ha detenido lo siguiente ${ago} (${date}):` : 'Se ha detenido lo siguiente:'),
  'impact.cost_data': 'La descarga de los datos de coste',
  'impact.ad_tagging': 'La incorporación de parámetros UTM a los anuncios nuevos',
  'impact.record_updates': 'La actualización de registros en su CRM',
  'impact.touchpoint_push': 'El envío de nuevos puntos de contacto a su CRM',
  'impact.data_sync': 'La sincronización de datos',
  'impact.permanent':
    'Los puntos de contacto que se creen mientras la cuenta esté desconectada no podrán etiquetarse después: esa pérdida es definitiva. Vuelva a conectarla cuanto antes para reducirla.',
  'impact.backfilled': 'No se pierde nada: en cuanto vuelva a conectarla, los datos pendientes se enviarán a su CRM.',
  'impact.unknown': 'La sincronización se reanudará en cuanto vuelva a conectarla.',

  // Where the flow stands.
  'flow.ready': (provider) => `Iniciará sesión en ${provider} en una ventana nueva.`,
  'flow.readyCredentials': (provider) => `Escriba el usuario y la contraseña de ${provider} de esta cuenta.`,
  'flow.starting': 'Abriendo la ventana de inicio de sesión…',
  'flow.waiting': (provider) => `Termine de iniciar sesión en ${provider} en la ventana que se ha abierto.`,
  'flow.windowClosed': 'La ventana de inicio de sesión se cerró antes de que terminara, o la plataforma la dejó fuera de nuestro alcance. Si sigue abierta, termine allí; si no, vuelva a abrirla o cancele.',
  'flow.blocked': 'Su navegador bloqueó la ventana de inicio de sesión. Permita las ventanas emergentes de este sitio o ábrala de nuevo.',
  'flow.completing': 'Terminando de conectar…',
  'flow.succeeded': (provider) => `Se ha vuelto a conectar ${provider}.`,
  'flow.backfilling': (since) => `Recuperando los datos pendientes desde el ${since}.`,
  'flow.cancelled': 'Se canceló la reautorización. No ha cambiado nada.',
  'flow.wrongAccount': (account) =>
    `Ha iniciado sesión con otra cuenta. Inicie sesión como ${account} para volver a conectarla.`,

  // Errors, by `ConnectionsError` code.
  'error.popup_blocked': 'El navegador bloqueó la ventana de inicio de sesión.',
  'error.popup_closed': 'La ventana de inicio de sesión se cerró antes de que terminara.',
  'error.cancelled': 'Se canceló la reautorización.',
  'error.superseded': 'Otra conexión empezó a iniciar sesión, así que esta se detuvo.',
  'error.timeout': 'El inicio de sesión tardó demasiado y se detuvo.',
  'error.invalid_authorization_url': 'La plataforma envió una dirección de inicio de sesión que no es seguro abrir.',
  'error.state_mismatch': 'La respuesta de la plataforma no corresponde a este inicio de sesión.',
  'error.provider_error': 'La plataforma rechazó el inicio de sesión.',
  'error.account_mismatch': 'Ha iniciado sesión con otra cuenta.',
  'error.adapter_failed': 'Algo falló al volver a conectar.',
  'error.unsupported': 'Esta conexión no se puede volver a autorizar desde aquí.',

  // Buttons and fields.
  'action.signIn': (provider) => `Iniciar sesión en ${provider}`,
  'action.reopen': 'Volver a abrir la ventana',
  'action.openAgain': 'Abrir la ventana de inicio de sesión',
  'action.cancel': 'Cancelar',
  'action.retry': 'Reintentar',
  'action.done': 'Listo',
  'action.close': 'Cerrar',
  'form.username': 'Usuario',
  'form.password': 'Contraseña',
};

export { es };
