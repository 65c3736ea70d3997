// PageNumber / PageSize as Alibaba's list actions use them (defaults 1 and 10; the spec sets the maximum).
import type { Repo, Where } from '../store/port.js';

export interface Page {
  pageNumber: number;
  pageSize: number;
  offset: number;
}

/** The paging fields every Describe answer carries (numbers, as the SDKs insist). */
export function pageFields(total: number, p: Page): { TotalCount: number; PageNumber: number; PageSize: number } {
  return { TotalCount: total, PageNumber: p.pageNumber, PageSize: p.pageSize };
}

export function page(pageNumber: number | undefined, pageSize: number | undefined, defaultSize = 10): Page {
  const n = pageNumber ?? 1;
  const size = pageSize ?? defaultSize;
  return { pageNumber: n, pageSize: size, offset: (n - 1) * size };
}

/**
 * One page of a repository's rows in a stable order (creation time, then id), with the total.
 * With `keep`, rows are filtered in memory first (tags), and the page is cut after filtering.
 */
export async function listPage<T extends { createdAt: number; id: string }>(
  repo: Repo<T>,
  where: Where<T>,
  p: Page,
  keep?: (row: T) => boolean,
): Promise<{ total: number; rows: T[] }> {
  const orderBy: (keyof T & string)[] = ['createdAt', 'id'];
  if (keep) {
    const all = (await repo.find(where, { orderBy })).filter(keep);
    return { total: all.length, rows: all.slice(p.offset, p.offset + p.pageSize) };
  }
  const rows = await repo.find(where, { orderBy, limit: p.pageSize, offset: p.offset });
  // A first page that is not full holds everything: no COUNT query needed.
  const total = p.offset === 0 && rows.length < p.pageSize ? rows.length : await repo.count(where);
  return { total, rows };
}
