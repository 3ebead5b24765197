/** Payloads of this resource (filled in by this change). */
export {};
