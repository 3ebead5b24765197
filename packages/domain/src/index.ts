export * from './attempts.js';
export * from './case.js';
export * from './case-code.js';
export * from './ids.js';
export * from './password.js';
export * from './roles.js';
export * from './sections.js';
export * from './session.js';
