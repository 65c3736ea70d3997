// A problem on the host's side that the user can fix (a damaged database file, a data directory in
// use, a port taken, a seed file that does not apply): the CLI prints its message alone, without a
// stack, and exits 1.
export class HostError extends Error {}
