/**
 * Walks every organization's audit chain through the owner connection (an explicitly
 * cross-organization job) and reports the first broken link.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvent } from '../db/schema.js';
import { type ChainBreak, type StoredEvent, verifyChain } from './chain.js';

export interface AuditVerification {
  organizations: number;
  events: number;
  broken: ChainBreak | null;
}

export async function verifyAuditTrail(system: Db): Promise<AuditVerification> {
  const rows = await system
    .select()
    .from(auditEvent)
    .orderBy(asc(auditEvent.organizationId), asc(auditEvent.seq));
  const byOrganization = new Map<string, StoredEvent[]>();
  for (const row of rows) {
    const list = byOrganization.get(row.organizationId) ?? [];
    list.push(row);
    byOrganization.set(row.organizationId, list);
  }
  for (const events of byOrganization.values()) {
    const broken = verifyChain(events);
    if (broken) return { organizations: byOrganization.size, events: rows.length, broken };
  }
  return { organizations: byOrganization.size, events: rows.length, broken: null };
}

export function describeVerification(result: AuditVerification): string {
  if (!result.broken) {
    return `Audit trail intact: ${result.events} events in ${result.organizations} organization chain(s).`;
  }
  const b = result.broken;
  return `Audit trail BROKEN at event id ${b.id} (organization ${b.organizationId}, sequence ${b.seq}): ${b.problem}.`;
}
