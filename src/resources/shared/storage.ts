// Tables of the engine itself: ClientToken answers (state, exported with it); saved snapshots,
// signature nonces and the emulator's own settings (never exported, imported or reset).
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

/** A signature nonce seen within the freshness window (by its 52-bit hash), kept across restarts. */
export interface NonceRow {
  hash: string;
  at: number;
}

export const NONCES: TableDef<NonceRow> = {
  table: 'nonces',
  key: 'hash',
  columns: ['hash', 'at'],
  indexes: [{ name: 'nonces_at', columns: ['at'] }],
  system: true,
};

/** The emulator's own facts about its store (the id generator's position, the seed file applied). */
export interface MetaRow {
  key: string;
  value: string;
}

export const META: TableDef<MetaRow> = { table: 'emulator_meta', key: 'key', columns: ['key', 'value'], system: true };
