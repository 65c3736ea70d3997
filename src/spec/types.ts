// Shapes of the facts generated from Alibaba's API metadata (see scripts/gen-facts.mjs).

/** 's' string, 'i' integer, 'u' an account id sent as an integer (kept as its digits), 'b' boolean, 'n' number, 'a' array, 'o' object. */
export type ParamType = 's' | 'i' | 'u' | 'b' | 'n' | 'a' | 'o';

export interface ParamFact {
  name?: string;
  type: ParamType;
  required?: boolean;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: string;
  style?: string;
  items?: ParamFact;
  properties?: ParamFact[];
}

export interface ErrorFact {
  status: number;
  message: string;
}

/** 's' string, 'i' integer, 'b' boolean, 'n' number; {a} array of; {o} object with fields. */
export type ResponseType = 's' | 'i' | 'b' | 'n' | 'a' | 'o' | { a: ResponseType } | { o: Record<string, ResponseType> };

export interface ActionFacts {
  methods: string[];
  async: boolean;
  deprecated: boolean;
  params: ParamFact[];
  errors: Record<string, ErrorFact>;
  response: ResponseType;
}

export interface ProductFacts<A extends string> {
  product: string;
  version: string;
  endpoints: { regionId: string; endpoint: string }[];
  actions: Record<A, ActionFacts>;
}

/** An actions table whose entries are parsed from their JSON text on first access, then kept. */
export function lazyActions<A extends string>(raw: Record<A, string>): Record<A, ActionFacts> {
  const out = {} as Record<A, ActionFacts>;
  for (const name of Object.keys(raw) as A[]) {
    Object.defineProperty(out, name, {
      enumerable: true,
      configurable: true,
      get() {
        const value = JSON.parse(raw[name]) as ActionFacts;
        Object.defineProperty(out, name, { value, enumerable: true });
        return value;
      },
    });
  }
  return out;
}
