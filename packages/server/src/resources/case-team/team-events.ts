/**
 * How team changes are written to the audit trail. The trail has no payload column, so the
 * colleague concerned travels in `reason` as `<change>:<user id>` (ids only, never names); the
 * timeline and the transparency log read it back with `decodeTeamChange`.
 */
export type TeamChange = 'added' | 'removed' | 'handover';

export function encodeTeamChange(change: TeamChange, userId: string): string {
  return `${change}:${userId}`;
}

const PATTERN = /^(added|removed|handover):([0-9a-f-]{36})$/;

export function decodeTeamChange(reason: string | null): { change: TeamChange; userId: string } | null {
  const match = reason ? PATTERN.exec(reason) : null;
  if (!match) return null;
  return { change: match[1] as TeamChange, userId: match[2] as string };
}
