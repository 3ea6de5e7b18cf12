import type { Messages } from './en';

/* -------------------------------------------------------------------------------------------------
 * Spanish messages: typed as `Messages`, so a missing key fails the type check
 * -----------------------------------------------------------------------------------------------*/

const es: Messages = {
  'status.connected': 'Conectada',
  'status.authorization_required': 'Se requiere autorización',
  'status.backfilling': 'Recuperando datos',
  'status.error': 'Error',
  'status.reauthorizing': 'Reautorizando',
};

export { es };
