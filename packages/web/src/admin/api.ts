/** Staff administration calls. */
import {
  type TInviteStaffRequest,
  ZStaffLinkResponse,
  ZStaffList,
  ZStaffMemberResponse,
} from '@cope/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../api/client';

export const staffQuery = queryOptions({
  queryKey: ['staff'],
  queryFn: ({ signal }) => api('/api/staff', ZStaffList, { signal }),
});

export const inviteStaff = (body: TInviteStaffRequest) =>
  api('/api/staff', ZStaffLinkResponse, { method: 'POST', body });

const member = (userId: string, action: string) => `/api/staff/${encodeURIComponent(userId)}/${action}`;

export const disableStaff = (userId: string) =>
  api(member(userId, 'disable'), ZStaffMemberResponse, { method: 'POST' });

export const enableStaff = (userId: string) =>
  api(member(userId, 'enable'), ZStaffMemberResponse, { method: 'POST' });

export const resetSecondFactor = (userId: string) =>
  api(member(userId, 'second-factor-reset'), ZStaffLinkResponse, { method: 'POST' });

export const newSetupLink = (userId: string) =>
  api(member(userId, 'setup-link'), ZStaffLinkResponse, { method: 'POST' });
