/** Milliseconds since the epoch for an ISO 8601 string, or `undefined` when it does not parse. */
function parseTime(value: string | undefined): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

function toTime(now: Date | number | undefined): number {
  if (now === undefined) return Date.now();
  return typeof now === 'number' ? now : now.getTime();
}

export { parseTime, toTime };
