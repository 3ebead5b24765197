/** Branded identifiers: a case id cannot be passed where a user id belongs. */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type OrganizationId = Brand<string, 'OrganizationId'>;
export type UserId = Brand<string, 'UserId'>;
export type ParticipantId = Brand<string, 'ParticipantId'>;
export type SessionId = Brand<string, 'SessionId'>;
