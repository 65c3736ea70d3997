// PageNumber / PageSize as Alibaba's list actions use them (defaults 1 and 10; the spec sets the maximum).

export interface Page {
  pageNumber: number;
  pageSize: number;
  offset: number;
}

export function page(pageNumber: number | undefined, pageSize: number | undefined, defaultSize = 10): Page {
  const n = pageNumber ?? 1;
  const size = pageSize ?? defaultSize;
  return { pageNumber: n, pageSize: size, offset: (n - 1) * size };
}
