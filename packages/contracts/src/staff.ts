/** Staff administration and the one-time links that let a person set up her own account. */
import { PASSWORD_MAX_LENGTH, STAFF_ROLES } from '@cope/domain';
import { z } from 'zod';
import { ZEmail, ZSessionState } from './auth.js';

export const STAFF_STATUSES = ['invited', 'second_factor_pending', 'active', 'disabled'] as const;
export const SETUP_LINK_KINDS = ['invitation', 'second_factor'] as const;

export const ZSetupLinkKind = z.enum(SETUP_LINK_KINDS);
export type TSetupLinkKind = z.infer<typeof ZSetupLinkKind>;

export const ZStaffMember = z
  .object({
    id: z.string(),
    displayName: z.string(),
    email: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    status: z.enum(STAFF_STATUSES).meta({
      description:
        'invited: has not opened her invitation yet; second_factor_pending: must set up a second factor with a link.',
    }),
    secondFactor: z.object({ totp: z.boolean(), passkeys: z.number().int() }),
    mfaResetAt: z.string().nullable(),
    lastActiveAt: z.string().nullable(),
    pendingLink: z.object({ kind: ZSetupLinkKind, expiresAt: z.string() }).nullable(),
    isYou: z.boolean(),
    abilities: z.object({
      disable: z.boolean(),
      enable: z.boolean(),
      resetSecondFactor: z.boolean(),
      newLink: z.boolean(),
    }),
  })
  .meta({ id: 'StaffMember' });
export type TStaffMember = z.infer<typeof ZStaffMember>;

export const ZStaffList = z.object({ items: z.array(ZStaffMember) });
export type TStaffList = z.infer<typeof ZStaffList>;

export const ZStaffParams = z.strictObject({
  userId: z.uuid({ message: 'This is not a valid staff member id.' }),
});

export const ZInviteStaffRequest = z.strictObject({
  displayName: z.string().trim().min(2, { message: 'Enter her name.' }).max(200),
  email: ZEmail,
  roles: z
    .array(z.enum(STAFF_ROLES))
    .min(1, { message: 'Choose at least one role.' })
    .max(STAFF_ROLES.length)
    .refine((roles) => new Set(roles).size === roles.length, { message: 'Each role once.' }),
  locale: z.enum(['en', 'es', 'it', 'ca']).default('en'),
});
export type TInviteStaffRequest = z.infer<typeof ZInviteStaffRequest>;

export const ZSetupLink = z
  .object({
    kind: ZSetupLinkKind,
    url: z.string().meta({ description: 'Shown once. Hand it to her in person or by a trusted channel.' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'SetupLink' });
export type TSetupLink = z.infer<typeof ZSetupLink>;

export const ZStaffMemberResponse = z.object({ member: ZStaffMember });
export type TStaffMemberResponse = z.infer<typeof ZStaffMemberResponse>;

export const ZStaffLinkResponse = z.object({ member: ZStaffMember, link: ZSetupLink });
export type TStaffLinkResponse = z.infer<typeof ZStaffLinkResponse>;

/** 256 random bits in base64url: the token part of /invite/<token>. */
export const ZSetupToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'This link is not complete.' });

export const ZInvitationLookupRequest = z.strictObject({ token: ZSetupToken });

export const ZInvitationInfo = z.object({
  kind: ZSetupLinkKind,
  displayName: z.string(),
  email: z.string(),
  organizationName: z.string(),
  expiresAt: z.string(),
});
export type TInvitationInfo = z.infer<typeof ZInvitationInfo>;

export const ZInvitationAcceptRequest = z.strictObject({
  token: ZSetupToken,
  /** A new password for an invitation (the password rules apply); her current one after a reset. */
  password: z.string().min(1, { message: 'Enter a password.' }).max(PASSWORD_MAX_LENGTH),
});
export type TInvitationAcceptRequest = z.infer<typeof ZInvitationAcceptRequest>;

export const ZInvitationAcceptResponse = z.object({ state: ZSessionState, csrfToken: z.string() });
