import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, STAFF_ROLES } from '@cope/domain';
import { z } from 'zod';

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Enter a valid email address.' }));

export const ZNewPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.` })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters.` });

export const ZTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: 'Enter the 6-digit code from your authenticator app.' });

export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  password: z.string().min(1, { message: 'Enter your password.' }).max(PASSWORD_MAX_LENGTH),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMfaVerifyRequest = z.strictObject({ code: ZTotpCode });
export type TMfaVerifyRequest = z.infer<typeof ZMfaVerifyRequest>;

export const ZSessionState = z.enum(['mfa_enrolment_required', 'mfa_required', 'active']);
export type TSessionState = z.infer<typeof ZSessionState>;

export const ZLoginResponse = z.object({ state: ZSessionState });
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

export const ZMfaEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeSvg: z.string(),
});
export type TMfaEnrolmentResponse = z.infer<typeof ZMfaEnrolmentResponse>;

export const ZMe = z
  .object({
    state: ZSessionState,
    user: z.object({
      id: z.string(),
      displayName: z.string(),
      email: z.string(),
      roles: z.array(z.enum(STAFF_ROLES)),
      locale: z.string(),
    }),
    organization: z.object({ id: z.string(), name: z.string() }),
    session: z.object({
      expiresAt: z
        .string()
        .meta({ description: 'When the session ends unless there is activity (ISO 8601).' }),
      idleMinutes: z.number().int(),
    }),
    demo: z.boolean(),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;
