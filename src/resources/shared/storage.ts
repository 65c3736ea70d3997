// Tables of the engine itself: ClientToken answers (state, exported with it) and saved snapshots
// (the emulator's own, never exported).
import type { TableDef } from '../../store/port.js';

export interface TokenRow {
  id: string;
  result: string;
  createdAt: number;
  /** A digest of the first request's parameters ('' for rows older than it). */
  request: string;
}

export const CLIENT_TOKENS: TableDef<TokenRow> = { table: 'client_tokens', key: 'id', columns: ['id', 'result', 'createdAt', 'request'] };

export interface SavedSnapshot {
  name: string;
  createdAt: number;
  document: string;
}

export const SNAPSHOTS: TableDef<SavedSnapshot> = {
  table: 'snapshots',
  key: 'name',
  columns: ['name', 'createdAt', 'document'],
  system: true,
};
