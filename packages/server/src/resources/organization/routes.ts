/**
 * Organization settings for its administrator: session timeouts and the section access matrix.
 * Changes need a fresh second factor and are audited in the same transaction.
 */
import { ZOrganizationSettings } from '@cope/contracts';
import {
  type Audience,
  effectiveMatrix,
  matrixOverrides,
  SECTIONS,
  type Section,
  type SectionMatrix,
} from '@cope/domain';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import { organization } from '../../db/schema.js';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { requireStepUp } from '../../http/step-up.js';
import { authorize } from '../../policy/enforce.js';

const tags = ['organization'];

/** Every rule with both lists spelled out, as the settings form shows them. */
function present(matrix: SectionMatrix) {
  return Object.fromEntries(
    SECTIONS.map((section) => [
      section,
      { full: matrix[section].full, limited: matrix[section].limited ?? [] },
    ]),
  ) as Record<Section, { full: Audience[]; limited: Audience[] }>;
}

export async function organizationRoutes({ app, db }: AppContext): Promise<void> {
  app.get(
    '/api/organization/settings',
    { schema: { tags, response: { 200: ZOrganizationSettings } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'organization.manage', { resourceType: 'organization' });
      const [org] = await db.run(viewer, (tx) =>
        tx.select().from(organization).where(eq(organization.id, viewer.organizationId)),
      );
      return {
        idleTimeoutMinutes: org?.idleTimeoutMinutes ?? 15,
        absoluteTimeoutMinutes: org?.absoluteTimeoutMinutes ?? 480,
        sectionMatrix: present(effectiveMatrix(org?.sectionMatrix as Partial<SectionMatrix> | null)),
      };
    },
  );

  app.put(
    '/api/organization/settings',
    { schema: { tags, body: ZOrganizationSettings, response: { 200: ZOrganizationSettings } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'organization.manage', { resourceType: 'organization' });
      requireStepUp(viewer);
      const settings = request.body;
      const overrides = matrixOverrides(settings.sectionMatrix as SectionMatrix);
      await db.run(viewer, async (tx) => {
        await tx
          .update(organization)
          .set({
            idleTimeoutMinutes: settings.idleTimeoutMinutes,
            absoluteTimeoutMinutes: settings.absoluteTimeoutMinutes,
            sectionMatrix: Object.keys(overrides).length > 0 ? overrides : null,
          })
          .where(eq(organization.id, viewer.organizationId));
        await recordAudit(tx, {
          organizationId: viewer.organizationId,
          actorUserId: viewer.userId,
          action: 'organization.section_matrix_changed',
          resourceType: 'organization',
          resourceId: viewer.organizationId,
          reason:
            `timeouts ${settings.idleTimeoutMinutes}/${settings.absoluteTimeoutMinutes} min; ` +
            `sections differing from the defaults: ${Object.keys(overrides).join(', ') || 'none'}`,
        });
      });
      return { ...settings, sectionMatrix: present(effectiveMatrix(overrides)) };
    },
  );
}
