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

/**
 * Where a session stands. `enrolment_link_required`: the account has no second factor (never set
 * up, or reset by an administrator) and this session may not set one up: only a one-time link
 * from an administrator can open that step, so a password alone never enrols a new factor.
 */
export const ZSessionState = z.enum([
  'mfa_enrolment_required',
  'enrolment_link_required',
  'mfa_required',
  'active',
]);
export type TSessionState = z.infer<typeof ZSessionState>;

export const ZCsrfToken = z
  .string()
  .meta({ description: 'Send it back as the x-csrf-token header on every write of this session.' });

export const ZLoginResponse = z.object({ state: ZSessionState, csrfToken: ZCsrfToken });
export type TLoginResponse = z.infer<typeof ZLoginResponse>;

/** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or copied by hand survives. */
const RECOVERY_ALPHABET = /^[0-9A-HJKMNP-TV-Z]{16}$/;

export const ZRecoveryCode = z
  .string()
  .max(40)
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0'))
  .pipe(
    z.string().regex(RECOVERY_ALPHABET, {
      message: 'Enter one of your recovery codes: 16 letters and digits, for example 7K3M-Q9TX-…',
    }),
  );

export const ZRecoveryCodeRequest = z.strictObject({ code: ZRecoveryCode });
export type TRecoveryCodeRequest = z.infer<typeof ZRecoveryCodeRequest>;

export const ZRecoveryCodes = z.object({
  recoveryCodes: z
    .array(z.string())
    .meta({ description: 'Shown once: only their hashes are kept. Each works a single time.' }),
});
export type TRecoveryCodes = z.infer<typeof ZRecoveryCodes>;

export const ZRecoverySignInResponse = ZLoginResponse.extend({
  recoveryCodesLeft: z.number().int().meta({ description: 'Unused codes left after this one.' }),
});
export type TRecoverySignInResponse = z.infer<typeof ZRecoverySignInResponse>;

export const ZEnrolmentConfirmResponse = ZLoginResponse.extend(ZRecoveryCodes.shape);
export type TEnrolmentConfirmResponse = z.infer<typeof ZEnrolmentConfirmResponse>;

export const ZMfaEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCodeSvg: z.string(),
});
export type TMfaEnrolmentResponse = z.infer<typeof ZMfaEnrolmentResponse>;

export const ZSecondFactors = z.object({
  totp: z.boolean(),
  passkeys: z.number().int(),
  recoveryCodesLeft: z.number().int(),
});
export type TSecondFactors = z.infer<typeof ZSecondFactors>;

export const ZMe = z
  .object({
    state: ZSessionState,
    csrfToken: ZCsrfToken,
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
    secondFactors: ZSecondFactors,
    mfaResetAt: z
      .string()
      .nullable()
      .meta({ description: 'When an administrator last reset her second factors (ISO 8601).' }),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;

export const ZSessionSummary = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type TSessionSummary = z.infer<typeof ZSessionSummary>;

export const ZSessionList = z.object({ items: z.array(ZSessionSummary) });
export type TSessionList = z.infer<typeof ZSessionList>;

export const ZSessionParams = z.strictObject({
  sessionId: z.uuid({ message: 'This is not a valid session id.' }),
});

export const ZSignedOut = z.object({ signedOut: z.literal(true) });
