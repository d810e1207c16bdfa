import { ApiRequestError } from '@brave/client';
import {
  ApiError,
  CSRF_HEADER,
  DocAccess,
  DocKind,
  DocName,
  DocsListResult,
  DocVersion,
  DocVersionsResult,
  Publication,
  RestoreResult,
  ShareBackResult,
  type ExportFormat,
  type Passage,
} from '@brave/protocol';
import { z } from 'zod';

/**
 * The document routes of the server (docs/toolkit.md), as typed calls. Every answer is
 * validated; a refusal becomes an ApiRequestError carrying the server's own words.
 */
export const DocDetail = z.object({
  doc: z.object({ name: DocName, title: z.string(), kind: DocKind, access: DocAccess }),
  abilities: z.object({ read: z.boolean(), write: z.boolean(), publish: z.boolean(), shareFrom: z.boolean(), export: z.boolean().optional() }),
  publication: Publication.nullable(),
});
export type DocDetail = z.infer<typeof DocDetail>;

export interface DocsApi {
  /** Whose documents these are: the convening's id, or the community's for its toolkit drafts. */
  conveningId: string;
  list(): Promise<DocsListResult>;
  detail(name: string): Promise<DocDetail>;
  versions(name: string): Promise<DocVersionsResult>;
  saveVersion(name: string, label: string): Promise<DocVersion>;
  restore(name: string, versionId: string): Promise<RestoreResult>;
  publish(name: string, versionId: string): Promise<Publication>;
  share(from: string, to: string, passages: Passage[]): Promise<ShareBackResult>;
  /** The rendered document (or one version of it) as a file to save or show. */
  exported(name: string, format: ExportFormat, versionId?: string): Promise<Blob>;
}

/**
 * How the calls prove who is asking: a Bearer credential (convening or member), or no
 * token and the account's session cookie, with its csrf token on changes. A member's
 * calls may leave the cookie out so the server never has two principals to choose from.
 */
export interface DocsAuth {
  token: string | null;
  csrf?: string | null;
  omitCookies?: boolean;
}

export function docsApi(conveningId: string, token: string, base = window.location.origin): DocsApi {
  return docsApiAt(`/api/convenings/${encodeURIComponent(conveningId)}/docs`, conveningId, { token }, base);
}

/** The same calls under another owner's document routes (a community's: /api/communities/:id/docs). */
export function docsApiAt(root: string, ownerId: string, auth: DocsAuth, base = window.location.origin): DocsApi {
  const doc = (name: string) => `${root}/${encodeURIComponent(name)}`;

  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const unsafe = init.method !== undefined && init.method !== 'GET';
    const res = await fetch(new URL(path, base), {
      ...init,
      headers: {
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(unsafe && auth.csrf ? { [CSRF_HEADER]: auth.csrf } : {}),
        ...(init.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(auth.omitCookies ? { credentials: 'omit' as const } : {}),
    });
    if (res.ok) return res;
    const body: unknown = await res.json().catch(() => null);
    const parsed = ApiError.safeParse((body as { error?: unknown } | null)?.error);
    throw new ApiRequestError(res.status, parsed.success ? parsed.data : { code: 'internal', message: `The server answered ${res.status}.` });
  }
  const json = async <T>(schema: z.ZodType<T>, path: string, init?: RequestInit): Promise<T> => schema.parse(await (await send(path, init)).json());
  const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

  return {
    conveningId: ownerId,
    list: () => json(DocsListResult, root),
    detail: (name) => json(DocDetail, doc(name)),
    versions: (name) => json(DocVersionsResult, `${doc(name)}/versions`),
    saveVersion: async (name, label) => (await json(z.object({ version: DocVersion }), `${doc(name)}/versions`, post({ label }))).version,
    restore: (name, versionId) => json(RestoreResult, `${doc(name)}/versions/${encodeURIComponent(versionId)}/restore`, post({})),
    publish: async (name, versionId) =>
      (await json(z.object({ publication: Publication }), `${doc(name)}/versions/${encodeURIComponent(versionId)}/publish`, post({}))).publication,
    share: (from, to, passages) => json(ShareBackResult, `${doc(from)}/share`, post({ to, passages })),
    exported: async (name, format, versionId) => {
      const query = new URLSearchParams({ format, ...(versionId ? { version: versionId } : {}) });
      return (await send(`${doc(name)}/export?${query.toString()}`)).blob();
    },
  };
}
