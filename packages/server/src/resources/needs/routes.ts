/**
 * Her needs assessment (DOMAIN.md "The fourteen spheres"): reading all spheres, saving one, and
 * her own ranking. The needs section opens the door (onItinerary); each sphere is further guarded
 * by its own section, and a save on a closed sphere is refused and written to the audit trail.
 */
import {
  ZNeedsOverview,
  ZNeedsSave,
  ZParticipantParams,
  ZPriorities,
  ZPrioritiesSave,
  ZSphereNeeds,
  ZSphereParams,
} from '@cope/contracts';
import { SPHERE_SECTION } from '@cope/domain';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { recordDenial } from '../../policy/enforce.js';
import { type ItineraryRule, onItinerary } from '../itinerary/access.js';
import { sectionRestricted } from '../sections/service.js';
import { readNeeds } from './overview.js';
import { savePriorities, saveSphere } from './save.js';

const tags = ['needs'];
const READ: ItineraryRule = { section: 'needs', edit: false, auditAs: 'needs.read' };
const EDIT: ItineraryRule = { section: 'needs', edit: true, auditAs: 'itinerary.edit' };

export async function needsRoutes({ app, db, keyring }: AppContext): Promise<void> {
  app.get(
    '/api/participants/:participantId/needs',
    {
      schema: {
        tags,
        summary:
          'Her needs in the fourteen spheres (closed spheres without content), her ranking, basic needs',
        params: ZParticipantParams,
        response: { 200: ZNeedsOverview },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return onItinerary(db, viewer, request.params.participantId, READ, (tx, itinerary) =>
        readNeeds(tx, keyring, viewer, itinerary),
      );
    },
  );

  app.put(
    '/api/participants/:participantId/needs/spheres/:sphere',
    {
      schema: {
        tags,
        summary: 'Save her needs in one sphere, from the version read (a stale version is refused)',
        params: ZSphereParams,
        body: ZNeedsSave,
        response: { 200: ZSphereNeeds },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const { participantId, sphere } = request.params;
      const outcome = await onItinerary(db, viewer, participantId, EDIT, (tx, itinerary) =>
        saveSphere(tx, keyring, viewer, itinerary, sphere, request.body),
      );
      if (outcome.kind === 'ok') return outcome.value;
      const section = SPHERE_SECTION[outcome.sphere];
      await recordDenial(db, viewer, 'itinerary.edit', {
        resourceType: 'participant',
        resourceId: participantId,
        section,
      });
      throw sectionRestricted(section);
    },
  );

  app.put(
    '/api/participants/:participantId/needs/priorities',
    {
      schema: {
        tags,
        summary: 'Her own ranking of the spheres, most important first',
        params: ZParticipantParams,
        body: ZPrioritiesSave,
        response: { 200: ZPriorities },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return onItinerary(db, viewer, request.params.participantId, EDIT, (tx, itinerary) =>
        savePriorities(tx, keyring, viewer, itinerary, request.body.priorities),
      );
    },
  );
}
