/**
 * The organization's safety settings: days until the periodic reassessment per risk level, and
 * how close to a risk area an address counts as near it (DOMAIN.md defaults: critical 14,
 * high 30, medium 90, low 180 days; 300 m). A change applies to assessments saved from then
 * on: due dates already set stay as they are.
 */
import type { TSafetySettings, TSafetySettingsView } from '@cope/contracts';
import { type SafetySettings, safetySettingsOf } from '@cope/domain';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { organization } from '../../db/schema.js';
import type { Tx } from '../../db/tenant.js';
import { can } from '../../policy/index.js';
import type { Viewer } from '../auth/sessions.js';

export async function readSafetySettings(tx: Tx, viewer: Viewer): Promise<TSafetySettingsView> {
  const [row] = await tx
    .select({ stored: organization.safetySettings })
    .from(organization)
    .where(eq(organization.id, viewer.organizationId));
  const settings = safetySettingsOf(row?.stored as Partial<SafetySettings> | null);
  return { ...settings, canEdit: can(viewer, 'safety.configure') };
}

export async function saveSafetySettings(
  tx: Tx,
  viewer: Viewer,
  settings: TSafetySettings,
): Promise<TSafetySettingsView> {
  await tx
    .update(organization)
    .set({ safetySettings: settings })
    .where(eq(organization.id, viewer.organizationId));
  const days = settings.reassessmentDays;
  await recordAudit(tx, {
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    action: 'safety.settings_changed',
    resourceType: 'organization',
    resourceId: viewer.organizationId,
    reason:
      `reassessment days: critical ${days.critical}, high ${days.high}, medium ${days.medium}, ` +
      `low ${days.low}; near a risk area: ${settings.nearAreaMeters} m`,
  });
  return readSafetySettings(tx, viewer);
}
