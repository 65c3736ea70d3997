// Every admin command of the CLI, in the order `localvpc --help` lists them.
import { COMMANDS, type Command } from './commands.js';
import { RESOURCE_COMMANDS } from './resource-commands.js';
import { ENV_COMMANDS } from './env-command.js';

export const ALL_COMMANDS: Command[] = [...COMMANDS, ...RESOURCE_COMMANDS, ...ENV_COMMANDS];
