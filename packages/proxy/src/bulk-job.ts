import { SAFE_MOUNT } from './deliver.js';
import { rewriteLocation } from './headers.js';

/** What became of the links in a bulk job body. */
export interface JobLinks {
  /** The body to send (the original when nothing changed). */
  body: Buffer;
  /** Links removed because they pointed anywhere but this job's download on the data API. */
  dropped: number;
}

/**
 * Rewrites the download links of a bulk job (`GET /v1/bulk/jobs/{id}`, a `{data, meta}`
 * envelope) so the browser fetches them through the proxy: `downloadUrl` and each `output[].url`
 * (the FHIR bulk-data form) that names this job's download on the data API, relative or absolute,
 * becomes `<mount>/v1/bulk/jobs/{id}/download`. Anything else (another host, a presigned storage
 * URL, another job, a query, a path that is not the download) is removed: `downloadUrl` is
 * deleted, an `output` entry dropped. Bodies that are not such an envelope are left as they are.
 */
export function rewriteJobLinks(body: Buffer, jobId: string, target: URL, mount: string): JobLinks {
  let envelope: { data?: unknown };
  try {
    envelope = JSON.parse(body.toString('utf8')) as { data?: unknown };
  } catch {
    return { body, dropped: 0 };
  }
  const job = envelope?.data;
  if (job === null || typeof job !== 'object' || Array.isArray(job)) return { body, dropped: 0 };
  const fields = job as Record<string, unknown>;
  const local = `${mount}/v1/bulk/jobs/${jobId}/download`;
  const rewrite = (url: unknown): string | undefined => {
    if (typeof url !== 'string' || !SAFE_MOUNT.test(mount)) return undefined;
    // A path is relative to the API's root, also when the target has a base path.
    if (url === `/v1/bulk/jobs/${jobId}/download`) return local;
    return rewriteLocation(url, target, mount) === local ? local : undefined;
  };

  let dropped = 0;
  let changed = false;
  if ('downloadUrl' in fields) {
    const link = rewrite(fields.downloadUrl);
    if (link === undefined) {
      delete fields.downloadUrl;
      dropped++;
    } else fields.downloadUrl = link;
    changed = true;
  }
  if (Array.isArray(fields.output)) {
    const kept: unknown[] = [];
    for (const entry of fields.output) {
      const url = (entry as { url?: unknown } | null)?.url;
      const link = rewrite(url);
      if (link === undefined) dropped++;
      else kept.push({ ...(entry as object), url: link });
    }
    fields.output = kept;
    changed = true;
  }
  return changed ? { body: Buffer.from(JSON.stringify(envelope)), dropped } : { body, dropped };
}
