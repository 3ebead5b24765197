/**
 * Her fixed commitments on one timeline (DOMAIN.md "Individual integration plan"): court dates
 * and appointments with lawyers or the police often collide with a course or a job. A commitment
 * happens once or every week until a date; two commitments conflict when their times overlap on
 * the same day.
 */

export const COMMITMENT_KINDS = [
  'court_hearing',
  'legal_appointment',
  'course',
  'work',
  'health_appointment',
  'childcare',
  'other',
] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export interface Commitment {
  id: string;
  kind: CommitmentKind;
  /** ISO date of the (first) occurrence. */
  date: string;
  /** HH:MM, 24-hour. */
  startTime: string;
  endTime: string;
  /** When set, the commitment repeats every week on the same weekday until this ISO date. */
  repeatsWeeklyUntil?: string | null;
}

export interface Occurrence {
  commitmentId: string;
  date: string;
  startTime: string;
  endTime: string;
}

export interface Conflict {
  date: string;
  /** The two commitments, in the order they were given. */
  first: Occurrence;
  second: Occurrence;
}

const DAY = 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date(new Date(`${iso}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);

export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** Every occurrence of a commitment that falls between two ISO dates (both included). */
export function occurrences(commitment: Commitment, from: string, to: string): Occurrence[] {
  const last =
    commitment.repeatsWeeklyUntil && commitment.repeatsWeeklyUntil < to ? commitment.repeatsWeeklyUntil : to;
  const found: Occurrence[] = [];
  const repeats = Boolean(commitment.repeatsWeeklyUntil);
  for (let date = commitment.date; date <= last; date = addDays(date, 7)) {
    if (date >= from)
      found.push({
        commitmentId: commitment.id,
        date,
        startTime: commitment.startTime,
        endTime: commitment.endTime,
      });
    if (!repeats) break;
  }
  return found;
}

/** Commitments whose times overlap on the same day within [from, to], earliest first. */
export function findConflicts(commitments: readonly Commitment[], from: string, to: string): Conflict[] {
  const byDay = new Map<string, Occurrence[]>();
  for (const commitment of commitments) {
    for (const occurrence of occurrences(commitment, from, to)) {
      const day = byDay.get(occurrence.date) ?? [];
      day.push(occurrence);
      byDay.set(occurrence.date, day);
    }
  }
  const conflicts: Conflict[] = [];
  for (const [date, day] of [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (let i = 0; i < day.length; i += 1) {
      for (let j = i + 1; j < day.length; j += 1) {
        const a = day[i] as Occurrence;
        const b = day[j] as Occurrence;
        if (a.startTime < b.endTime && b.startTime < a.endTime) conflicts.push({ date, first: a, second: b });
      }
    }
  }
  return conflicts;
}
