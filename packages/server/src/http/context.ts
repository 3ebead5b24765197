import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import type { TenantDb } from '../db/tenant.js';
import type { InstanceInfo } from '../resources/setup/instance.js';
import type { Keyring } from '../security/keyring.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What a resource's routes receive: the app to register on and the services they may use. */
export interface AppContext {
  app: App;
  db: TenantDb;
  config: Config;
  instance: InstanceInfo;
  keyring: Keyring;
  /** Owner connection, for readiness checks only. */
  database: DatabaseHandle;
}
