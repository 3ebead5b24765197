import { isValidCaseCodePrefix } from '@cope/domain';
import { z } from 'zod';
import { ZEmail, ZNewPassword } from './auth.js';

export const ZSetupStatus = z.object({ setupRequired: z.boolean(), demo: z.boolean() });
export type TSetupStatus = z.infer<typeof ZSetupStatus>;

export const ZSetupRequest = z.strictObject({
  organizationName: z.string().trim().min(2, { message: 'Enter the organization name.' }).max(200),
  caseCodePrefix: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isValidCaseCodePrefix, { message: 'Use 2 to 8 capital letters or digits, for example BCN.' }),
  adminName: z.string().trim().min(2, { message: 'Enter your name.' }).max(200),
  adminEmail: ZEmail,
  adminPassword: ZNewPassword,
  locale: z.enum(['en', 'es', 'it', 'ca']).default('en'),
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;
