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

/**
 * Signature nonces seen within the freshness window (their 52-bit hashes), kept across restarts: a
 * batch per write unit, the hashes packed (base64 of float64s), `at` the time of its newest one.
 */
export interface NonceBatch {
  id: string;
  at: number;
  hashes: string;
}

export const NONCES: TableDef<NonceBatch> = {
  table: 'nonces',
  key: 'id',
  columns: ['id', 'at', 'hashes'],
  indexes: [{ name: 'nonces_at', columns: ['at'] }],
  system: true,
};

/** The emulator's own facts about its store (the id generator's position, the seed file applied). */
export interface MetaRow {
  key: string;
  value: string;
}

export const META: TableDef<MetaRow> = { table: 'emulator_meta', key: 'key', columns: ['key', 'value'], system: true };
