#!/usr/bin/env node
/** Entry point of the `lagebild` binary; the commands live in program.ts. */
import { EXIT_OK, main } from './program.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT_OK);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
