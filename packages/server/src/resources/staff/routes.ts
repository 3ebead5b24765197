/** Staff administration, for administrators. Changes that hand out access need a step-up. */
import {
  ZInviteStaffRequest,
  ZStaffLinkResponse,
  ZStaffList,
  ZStaffMemberResponse,
  ZStaffParams,
} from '@cope/contracts';
import { requireViewer } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { requireStepUp } from '../../http/step-up.js';
import { authorize } from '../../policy/enforce.js';
import { publicOrigin } from '../auth/webauthn.js';
import {
  disableStaff,
  enableStaff,
  inviteStaff,
  listStaff,
  newSetupLink,
  resetSecondFactor,
} from './service.js';

const tags = ['staff'];

export async function staffRoutes({ app, db, config }: AppContext): Promise<void> {
  app.get('/api/staff', { schema: { tags, response: { 200: ZStaffList } } }, async (request) => {
    const viewer = requireViewer(request);
    await authorize(db, viewer, 'staff.list');
    return listStaff(db, viewer);
  });

  app.post(
    '/api/staff',
    { schema: { tags, body: ZInviteStaffRequest, response: { 201: ZStaffLinkResponse } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'staff.invite');
      requireStepUp(viewer);
      const created = await inviteStaff(db, viewer, request.body, publicOrigin(request, config));
      return reply.status(201).send(created);
    },
  );

  app.post(
    '/api/staff/:userId/disable',
    { schema: { tags, params: ZStaffParams, response: { 200: ZStaffMemberResponse } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'staff.disable', {
        resourceType: 'staff_user',
        resourceId: request.params.userId,
      });
      return disableStaff(db, viewer, request.params.userId);
    },
  );

  app.post(
    '/api/staff/:userId/enable',
    { schema: { tags, params: ZStaffParams, response: { 200: ZStaffMemberResponse } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'staff.enable', {
        resourceType: 'staff_user',
        resourceId: request.params.userId,
      });
      requireStepUp(viewer);
      return enableStaff(db, viewer, request.params.userId);
    },
  );

  app.post(
    '/api/staff/:userId/second-factor-reset',
    { schema: { tags, params: ZStaffParams, response: { 200: ZStaffLinkResponse } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'staff.reset_mfa', {
        resourceType: 'staff_user',
        resourceId: request.params.userId,
      });
      requireStepUp(viewer);
      return resetSecondFactor(db, viewer, request.params.userId, publicOrigin(request, config));
    },
  );

  app.post(
    '/api/staff/:userId/setup-link',
    { schema: { tags, params: ZStaffParams, response: { 200: ZStaffLinkResponse } } },
    async (request) => {
      const viewer = requireViewer(request);
      await authorize(db, viewer, 'staff.setup_link', {
        resourceType: 'staff_user',
        resourceId: request.params.userId,
      });
      requireStepUp(viewer);
      return newSetupLink(db, viewer, request.params.userId, publicOrigin(request, config));
    },
  );
}
