/** HTTP helpers of the import tests (not a test file): a multipart upload body and waiting for a background job. */
import { as, type Session, type TestApp } from '../helpers/server.ts';

export interface Part {
  name: string;
  value?: string;
  file?: { name: string; content: Buffer | string };
}

export function multipart(parts: readonly Part[]): { body: Buffer; contentType: string } {
  const boundary = `----giamngheo${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.file ? `form-data; name="${p.name}"; filename="${p.file.name}"` : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.file ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n`));
    chunks.push(p.file ? Buffer.from(p.file.content) : Buffer.from(p.value ?? ''));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function postUpload(t: TestApp, s: Session, parts: readonly Part[]) {
  const { body, contentType } = multipart(parts);
  return t.app.inject({ method: 'POST', url: '/api/imports', headers: { ...as(s).headers, 'content-type': contentType }, payload: body });
}

/** Polls the job until it leaves the background states. */
export async function waitForJob(t: TestApp, s: Session, id: number): Promise<Record<string, unknown> & { state: string }> {
  for (let i = 0; i < 600; i++) {
    const r = await t.app.inject({ method: 'GET', url: `/api/imports/${id}`, ...as(s) });
    const j = r.json() as Record<string, unknown> & { state: string };
    if (!['staging', 'validating', 'committing'].includes(j.state)) return j;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`import job ${id} did not finish`);
}
