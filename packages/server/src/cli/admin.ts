/** `npm run admin -- <command>`: operator commands. */
import { currentTotp } from '../security/totp.js';

const [command, ...args] = process.argv.slice(2);

const commands: Record<string, { help: string; run: (args: string[]) => Promise<number> }> = {
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
