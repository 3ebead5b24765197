/**
 * The audit hash chain. Each event stores the hash of the previous event of its organization and
 * the hash of its own content together with that previous hash, so changing, removing or
 * reordering any event breaks every hash after it.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  organizationId: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  section: string | null;
  reason: string | null;
  outcome: 'allowed' | 'denied';
  flagged: boolean;
}

export function eventHash(prevHash: string, content: AuditContent): string {
  // A JSON array keeps field order fixed and separates fields unambiguously.
  const canonical = JSON.stringify([
    prevHash,
    content.organizationId,
    content.seq,
    content.occurredAt.toISOString(),
    content.actorUserId,
    content.action,
    content.resourceType,
    content.resourceId,
    content.section,
    content.reason,
    content.outcome,
    content.flagged,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export interface StoredEvent extends AuditContent {
  id: number;
  prevHash: string;
  hash: string;
}

export type ChainBreak = { id: number; organizationId: string; seq: number; problem: string };

/** Walks one organization's events in sequence order; returns the first break, if any. */
export function verifyChain(events: StoredEvent[]): ChainBreak | null {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const event of events) {
    const at = { id: event.id, organizationId: event.organizationId, seq: event.seq };
    if (event.seq !== expectedSeq) return { ...at, problem: `sequence ${expectedSeq} is missing` };
    if (event.prevHash !== expectedPrev) return { ...at, problem: 'previous-hash link does not match' };
    if (eventHash(event.prevHash, event) !== event.hash)
      return { ...at, problem: 'content does not match its hash' };
    expectedPrev = event.hash;
    expectedSeq += 1;
  }
  return null;
}
