/** Allocates the next pseudonymous case code of an organization (per year, no gaps reused). */
import { formatCaseCode } from '@cope/domain';
import { eq, sql } from 'drizzle-orm';
import { caseCodeCounter, organization } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';

export async function nextCaseCode(tx: Tx, organizationId: string, openedAt: Date): Promise<string> {
  const [org] = await tx
    .select({ prefix: organization.caseCodePrefix, format: organization.caseCodeFormat })
    .from(organization)
    .where(eq(organization.id, organizationId));
  if (!org) throw new Error('organization not visible in this transaction');
  const year = openedAt.getUTCFullYear();
  const [counter] = await tx
    .insert(caseCodeCounter)
    .values({ organizationId, year, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [caseCodeCounter.organizationId, caseCodeCounter.year],
      set: { lastSequence: sql`${caseCodeCounter.lastSequence} + 1` },
    })
    .returning({ sequence: caseCodeCounter.lastSequence });
  if (!counter) throw new Error('case code counter did not return a value');
  return formatCaseCode(org.format, { prefix: org.prefix, year, sequence: counter.sequence });
}
