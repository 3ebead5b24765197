/**
 * Passkeys (WebAuthn) and step-up. The option and response shapes follow the WebAuthn JSON
 * encodings that @simplewebauthn produces on both sides; nested objects drop fields they do not
 * know (browsers add new ones) instead of refusing them.
 */
import { z } from 'zod';
import { ZTotpCode } from './auth.js';

const ZBase64Url = z
  .string()
  .max(8192)
  .regex(/^[A-Za-z0-9_-]*$/, { message: 'Expected base64url.' });
// Transports and descriptor types stay open strings, as in the WebAuthn JSON types: new ones appear.
const ZTransport = z.string().max(32);
const ZUserVerification = z.enum(['required', 'preferred', 'discouraged']);
const ZHint = z.enum(['hybrid', 'security-key', 'client-device']);

const ZCredentialDescriptor = z.object({
  id: ZBase64Url,
  type: z.string().max(32),
  transports: z.array(ZTransport).max(10).optional(),
});

export const ZPasskeyCreationOptions = z.object({
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: ZBase64Url,
  pubKeyCredParams: z.array(z.object({ alg: z.number().int(), type: z.literal('public-key') })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(ZCredentialDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      requireResidentKey: z.boolean().optional(),
      userVerification: ZUserVerification.optional(),
    })
    .optional(),
  hints: z.array(ZHint).optional(),
  attestation: z.enum(['none', 'indirect', 'direct', 'enterprise']).optional(),
  extensions: z.object({ credProps: z.boolean().optional() }).optional(),
});
export type TPasskeyCreationOptions = z.infer<typeof ZPasskeyCreationOptions>;

export const ZPasskeyRequestOptions = z.object({
  challenge: ZBase64Url,
  timeout: z.number().int().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(ZCredentialDescriptor).optional(),
  userVerification: ZUserVerification.optional(),
  hints: z.array(ZHint).optional(),
});
export type TPasskeyRequestOptions = z.infer<typeof ZPasskeyRequestOptions>;

const ZAttachment = z.enum(['platform', 'cross-platform']).optional();

export const ZPasskeyRegistration = z.object({
  id: ZBase64Url,
  rawId: ZBase64Url,
  response: z.object({
    clientDataJSON: ZBase64Url,
    attestationObject: ZBase64Url,
    authenticatorData: ZBase64Url.optional(),
    transports: z.array(ZTransport).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: ZBase64Url.optional(),
  }),
  authenticatorAttachment: ZAttachment,
  clientExtensionResults: z.object({ credProps: z.object({ rk: z.boolean().optional() }).optional() }),
  type: z.literal('public-key'),
});
export type TPasskeyRegistration = z.infer<typeof ZPasskeyRegistration>;

export const ZPasskeyAssertion = z.object({
  id: ZBase64Url,
  rawId: ZBase64Url,
  response: z.object({
    clientDataJSON: ZBase64Url,
    authenticatorData: ZBase64Url,
    signature: ZBase64Url,
    userHandle: ZBase64Url.optional(),
  }),
  authenticatorAttachment: ZAttachment,
  clientExtensionResults: z.object({}),
  type: z.literal('public-key'),
});
export type TPasskeyAssertion = z.infer<typeof ZPasskeyAssertion>;

export const ZPasskeyLabel = z
  .string()
  .trim()
  .min(1, { message: 'Give the passkey a name, for example “Work laptop”.' })
  .max(60, { message: 'Keep the name under 60 characters.' });

export const ZPasskeyRegisterRequest = z.strictObject({
  label: ZPasskeyLabel,
  response: ZPasskeyRegistration,
});
export type TPasskeyRegisterRequest = z.infer<typeof ZPasskeyRegisterRequest>;

export const ZPasskeyRenameRequest = z.strictObject({ label: ZPasskeyLabel });

export const ZPasskeyAssertionRequest = z.strictObject({ response: ZPasskeyAssertion });
export type TPasskeyAssertionRequest = z.infer<typeof ZPasskeyAssertionRequest>;

export const ZPasskeyParams = z.strictObject({
  passkeyId: ZBase64Url.min(16, { message: 'This is not a valid passkey id.' }),
});

export const ZPasskey = z.object({
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TPasskey = z.infer<typeof ZPasskey>;

export const ZPasskeyList = z.object({ items: z.array(ZPasskey) });

export const ZPasskeyRemoved = z.object({ removed: z.literal(true) });
export type TPasskeyList = z.infer<typeof ZPasskeyList>;

/** Step-up: a code from the authenticator app, or a passkey assertion. */
export const ZStepUpRequest = z.union([
  z.strictObject({ code: ZTotpCode }),
  z.strictObject({ passkey: ZPasskeyAssertion }),
]);
export type TStepUpRequest = z.infer<typeof ZStepUpRequest>;

export const ZStepUpResponse = z.object({
  stepUpUntil: z.string().meta({ description: 'Sensitive actions are open until then (ISO 8601).' }),
});
