/**
 * Closed by default: every route needs a fully signed-in staff member (password and second
 * factor) unless its config says otherwise. `public` routes are listed by a test;
 * `signed_in` routes accept a session that has not finished the second factor yet (the
 * second-factor and sign-out steps themselves). Every write made with a session cookie must
 * also carry the session's CSRF token (resources/auth/csrf.ts); public routes have no session.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { TenantDb } from '../db/tenant.js';
import { CSRF_HEADER, csrfTokenMatches } from '../resources/auth/csrf.js';
import { resolveSession, type Viewer } from '../resources/auth/sessions.js';
import { AppError } from './errors.js';

export type RouteAccess = 'public' | 'signed_in' | 'staff';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-cope_session' : 'cope_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    path: '/',
    secure: config.secureCookies,
    sameSite: 'strict',
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The viewer of a route that requires one; throws if the route forgot to require it. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
  return request.viewer;
}

export function registerAccessControl(app: FastifyInstance, db: TenantDb, config: Config): void {
  app.decorateRequest('viewer', null);

  app.addHook('onRequest', async (request, reply) => {
    const isApi = request.url.startsWith('/api/');
    if (isApi) reply.header('cache-control', 'no-store');

    // Cookie-authenticated writes must come from our own pages.
    if (!SAFE_METHODS.has(request.method)) {
      const site = request.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        throw new AppError('CROSS_SITE_REQUEST', 'Requests from other sites are not accepted.');
      }
    }

    const access: RouteAccess = request.routeOptions.config?.access ?? 'staff';
    // Routes that are not ours (static files, the web app) are public by nature.
    if (!request.routeOptions.url || access === 'public') return;

    const token = request.cookies[sessionCookieName(config)];
    request.viewer = token ? await resolveSession(db, token) : null;
    if (!request.viewer) {
      if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
      clearSessionCookie(reply, config);
      throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in to continue.');
    }
    if (!SAFE_METHODS.has(request.method) && !csrfTokenMatches(token, request.headers[CSRF_HEADER])) {
      throw new AppError('CSRF_TOKEN_INVALID', 'This page is out of date. Reload it and try again.');
    }
    if (access === 'staff' && request.viewer.state !== 'active') {
      throw new AppError('MFA_REQUIRED', 'Confirm your sign-in with your second factor first.');
    }
  });
}
