/**
 * Builds the Fastify application (no listening here: tests use `app.inject()`).
 * Request flow: security headers → access control (session, closed by default) → Zod
 * validation → route handler (authorize → service in a tenant transaction → presenter).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions, type RouteOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { TenantDb } from './db/tenant.js';
import { type RouteAccess, registerAccessControl } from './http/access.js';
import type { App, AppContext } from './http/context.js';
import { registerErrorHandler } from './http/error-handler.js';
import { authRoutes } from './resources/auth/routes.js';
import { caseFileRoutes } from './resources/case-file/routes.js';
import { caseHistoryRoutes } from './resources/case-history/routes.js';
import { caseTeamRoutes } from './resources/case-team/routes.js';
import { consentRoutes } from './resources/consents/routes.js';
import { healthRoutes } from './resources/health/routes.js';
import { incidentRoutes } from './resources/incidents/routes.js';
import { intakeRoutes } from './resources/intake/routes.js';
import { monitoringRoutes } from './resources/monitoring/routes.js';
import { needsRoutes } from './resources/needs/routes.js';
import { notificationRoutes } from './resources/notifications/routes.js';
import { organizationRoutes } from './resources/organization/routes.js';
import { participantRoutes } from './resources/participants/routes.js';
import { planRoutes } from './resources/plan/routes.js';
import { riskRoutes } from './resources/risk/routes.js';
import { riskAreaRoutes } from './resources/risk-areas/routes.js';
import { sectionRoutes } from './resources/sections/routes.js';
import { instanceInfo } from './resources/setup/instance.js';
import { setupRoutes } from './resources/setup/routes.js';
import { staffRoutes } from './resources/staff/routes.js';
import { taskRoutes } from './resources/tasks/routes.js';
import type { Keyring } from './security/keyring.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable(): { method: string; url: string; access: RouteAccess }[];
  }
}

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  keyring: Keyring;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Request logs carry method, path and status only: no query strings, headers or bodies. The
 * token of a set-up link page (/invite/<token>) is cut out: it opens an account.
 */
export const LOG_SERIALIZERS = {
  req: (req: { method: string; url: string }) => ({
    method: req.method,
    path: (req.url.split('?')[0] ?? '').replace(/^\/invite\/[^/]*/, '/invite/…'),
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

export async function buildApp({ config, database, keyring, logger = false }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    trustProxy: config.secureCookies,
  }).withTypeProvider<ZodTypeProvider>();
  // Every route, with its access level, for the test that lists the public ones.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    routes.push(route as RouteOptions);
  });
  app.decorate('routeTable', () =>
    routes.flatMap((route) =>
      [route.method].flat().map((method) => ({
        method: String(method),
        url: route.url,
        access: (route.config as { access?: RouteAccess } | undefined)?.access ?? 'staff',
      })),
    ),
  );
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects style elements at run time; scripts stay strictly external.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The map's tile server, when one is configured (COPE_MAP_TILE_URL).
        imgSrc: ["'self'", 'data:', ...(config.map.tileOrigin ? [config.map.tileOrigin] : [])],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Cope & Hope API',
        version: '0.1.0',
        description: 'Case management for the integration of women who survived human trafficking.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cope_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  const db = new TenantDb(database.system);
  registerAccessControl(app, db, config);
  const ctx: AppContext = { app, db, config, database, keyring, instance: instanceInfo(db) };

  await healthRoutes(ctx);
  await setupRoutes(ctx);
  await authRoutes(ctx);
  await participantRoutes(ctx);
  await sectionRoutes(ctx);
  await notificationRoutes(ctx);
  await organizationRoutes(ctx);
  await staffRoutes(ctx);
  await intakeRoutes(ctx);
  await consentRoutes(ctx);
  await caseTeamRoutes(ctx);
  await caseHistoryRoutes(ctx);
  await caseFileRoutes(ctx);
  await taskRoutes(ctx);
  await riskRoutes(ctx);
  await riskAreaRoutes(ctx);
  await incidentRoutes(ctx);
  await needsRoutes(ctx);
  await planRoutes(ctx);
  await monitoringRoutes(ctx);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  // Third-party route sets (reference page, static files) are public by nature; mark them so
  // the closed-by-default hook lets them through.
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config as object), access: 'public' };
    });
    await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    if (config.webDist && existsSync(config.webDist)) {
      await scope.register(fastifyStatic, {
        root: path.resolve(config.webDist),
        wildcard: false,
        index: false,
        maxAge: '1h',
      });
    }
  });

  // The web app's own routes (/participants, /setup…) all load index.html.
  const indexPath = config.webDist ? path.join(config.webDist, 'index.html') : undefined;
  const indexHtml = indexPath && existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : undefined;
  app.setNotFoundHandler((request, reply) => {
    const pathOnly = request.url.split('?')[0] ?? '/';
    // A missing script or stylesheet (e.g. an old page after the app was rebuilt) is a 404, never the
    // page itself: the browser would refuse HTML in place of a script and show nothing.
    const isAsset = pathOnly.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathOnly);
    const wantsPage =
      request.method === 'GET' && !isAsset && !pathOnly.startsWith('/api/') && pathOnly !== '/api';
    if (wantsPage && indexHtml) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
    }
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `Nothing at ${request.method} ${pathOnly}.` } });
  });

  return app;
}
