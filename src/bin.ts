#!/usr/bin/env node
/** Executable entry: runs the CLI and sets the exit status. */
import { execute } from './cli.js';

process.exitCode = await execute(process.argv.slice(2));
