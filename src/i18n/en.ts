/* -------------------------------------------------------------------------------------------------
 * English messages: the reference set every other locale must match key for key
 * -----------------------------------------------------------------------------------------------*/

const en = {
  'status.connected': 'Connected',
  'status.authorization_required': 'Authorization required',
  'status.backfilling': 'Backfilling',
  'status.error': 'Error',
  'status.reauthorizing': 'Reauthorizing',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

export { en };
