/** `npm run admin -- <command>`: operator commands. */
import { describeVerification, verifyAuditTrail } from '../audit/verify.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { currentTotp } from '../security/totp.js';

const [command, ...args] = process.argv.slice(2);

const commands: Record<string, { help: string; run: (args: string[]) => Promise<number> }> = {
  'verify-audit': {
    help: 'verify-audit    walk the audit hash chains; exits 1 naming the first broken event',
    run: async () => {
      const config = loadConfig(process.env, []);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await verifyAuditTrail(database.system);
        console.log(describeVerification(result));
        return result.broken ? 1 : 0;
      } finally {
        await database.close();
      }
    },
  },
  totp: {
    help: 'totp <secret>   print the current code for a TOTP secret (demo accounts)',
    run: async ([secret]) => {
      if (!secret) {
        console.error('Give the TOTP secret printed at demo start.');
        return 2;
      }
      console.log(await currentTotp(secret));
      return 0;
    },
  },
};

const entry = command ? commands[command] : undefined;
if (!entry) {
  console.log(
    `Commands:\n${Object.values(commands)
      .map((c) => `  ${c.help}`)
      .join('\n')}`,
  );
  process.exit(command ? 2 : 0);
}
process.exit(await entry.run(args));
