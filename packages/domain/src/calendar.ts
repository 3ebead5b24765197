/**
 * Calendar days across time zones. A date typed by a worker is a day on her own calendar, which
 * the server does not know: "not in the future" allows up to the latest calendar day on Earth
 * (UTC+14) and "not in the past" down to the earliest (UTC−12), so no one is refused a day that
 * is today where she is.
 */
const HOUR = 3_600_000;

/** The latest calendar date that is today somewhere on Earth, as yyyy-mm-dd. */
export function latestCalendarDate(now: Date): string {
  return new Date(now.getTime() + 14 * HOUR).toISOString().slice(0, 10);
}

/** The earliest calendar date that is today somewhere on Earth, as yyyy-mm-dd. */
export function earliestCalendarDate(now: Date): string {
  return new Date(now.getTime() - 12 * HOUR).toISOString().slice(0, 10);
}
