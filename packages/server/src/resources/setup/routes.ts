import { ZLoginResponse, ZSetupRequest, ZSetupStatus } from '@cope/contracts';
import { setSessionCookie } from '../../http/access.js';
import type { AppContext } from '../../http/context.js';
import { csrfTokenFor } from '../auth/csrf.js';
import { runFirstSetup } from './service.js';

const tags = ['setup'];

export async function setupRoutes({ app, db, config, instance, keyring }: AppContext): Promise<void> {
  app.get(
    '/api/setup',
    { config: { access: 'public' }, schema: { tags, response: { 200: ZSetupStatus } } },
    async () => {
      const mode = await instance.mode();
      return { setupRequired: mode === null, demo: mode === 'demo' };
    },
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: { tags, body: ZSetupRequest, response: { 200: ZLoginResponse } },
    },
    async (request, reply) => {
      const { token } = await runFirstSetup(db, keyring, request.body, request.headers['user-agent']);
      setSessionCookie(reply, config, token);
      return { state: 'mfa_enrolment_required' as const, csrfToken: csrfTokenFor(token) };
    },
  );
}
