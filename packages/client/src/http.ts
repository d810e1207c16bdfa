import {
  ApiError,
  ConveningReport,
  CreateConveningResult,
  InviteResult,
  JoinInfo,
  JoinResult,
  type AgreementSetInfo,
  type CreateConveningBody,
} from '@brave/protocol';
import type { z } from 'zod';

/** A refused API call, with the server's typed error. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiRequestError';
  }
}

async function call<T>(base: string, path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  const res = await fetch(new URL(path, base), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ApiError.safeParse((body as { error?: unknown } | null)?.error);
    throw new ApiRequestError(res.status, parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` });
  }
  return schema.parse(body);
}

/** The JSON API as typed functions (see docs/api.md). `base` is the server's URL. */
export const api = {
  createConvening: (base: string, body: CreateConveningBody) =>
    call(base, '/api/convenings', CreateConveningResult, { method: 'POST', body: JSON.stringify(body) }),
  join: (base: string, body: { joinCode: string; name: string; pronouns?: string; cohostCode?: string }) =>
    call(base, '/api/join', JoinResult, { method: 'POST', body: JSON.stringify(body) }),
  joinInfo: (base: string, joinCode: string) => call(base, `/api/join/${encodeURIComponent(joinCode)}`, JoinInfo),
  invite: (base: string, conveningId: string, token: string) =>
    call(base, `/api/convenings/${encodeURIComponent(conveningId)}/invite`, InviteResult, { headers: { authorization: `Bearer ${token}` } }),
  /** The convening report for a facilitator: as data (JSON), or as the Markdown page to hand on. */
  report: (base: string, conveningId: string, token: string) =>
    call(base, `/api/convenings/${encodeURIComponent(conveningId)}/report/json`, ConveningReport, { headers: { authorization: `Bearer ${token}` } }),
  reportMarkdown: async (base: string, conveningId: string, token: string): Promise<string> => {
    const res = await fetch(new URL(`/api/convenings/${encodeURIComponent(conveningId)}/report/md`, base), { headers: { authorization: `Bearer ${token}` } });
    if (res.ok) return res.text();
    const parsed = ApiError.safeParse(((await res.json().catch(() => null)) as { error?: unknown } | null)?.error);
    throw new ApiRequestError(res.status, parsed.success ? parsed.data : { code: 'internal', message: `HTTP ${res.status}` });
  },
  agreementSets: async (base: string): Promise<AgreementSetInfo[]> => {
    const res = await fetch(new URL('/api/agreement-sets', base));
    return ((await res.json()) as { sets: AgreementSetInfo[] }).sets;
  },
};
