import { ZHealth, ZReadiness } from '@cope/contracts';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../../db/client.js';
import type { AppContext } from '../../http/context.js';

const tags = ['health'];

export async function healthRoutes({ app, database }: AppContext): Promise<void> {
  const expected = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;

  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { tags, response: { 200: ZHealth } } },
    async () => ({
      status: 'ok' as const,
    }),
  );

  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { tags, response: { 200: ZReadiness, 503: ZReadiness } } },
    async (_request, reply) => {
      let applied = -1;
      try {
        applied = await database.appliedMigrations();
      } catch {
        reply.status(503);
        return {
          status: 'not_ready' as const,
          database: 'unreachable' as const,
          migrations: 'pending' as const,
        };
      }
      const migrations = applied >= expected ? ('applied' as const) : ('pending' as const);
      if (migrations === 'pending') reply.status(503);
      return {
        status: migrations === 'applied' ? ('ready' as const) : ('not_ready' as const),
        database: 'ok' as const,
        migrations,
      };
    },
  );
}
