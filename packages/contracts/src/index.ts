export * from './auth.js';
export * from './errors.js';
export * from './health.js';
export * from './participants.js';
export * from './sections.js';
export * from './setup.js';
export * from './notifications.js';
