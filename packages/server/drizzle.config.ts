import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/db/schema.ts',
    './src/db/schema-case.ts',
    './src/db/schema-safety.ts',
    './src/db/schema-itinerary.ts',
  ],
  out: './src/db/migrations',
});
