import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../src/cli/web/server';

/** A raw GET: fetch would undo the compression and hide the headers that matter here. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the static server used by the e2e tests and the benchmark', () => {
  let dir: string;
  let server: StaticServer;
  const script = 'export const words = "' + 'convoy '.repeat(2000) + '";\n';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lifeline-server-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'app.js'), script);
    writeFileSync(join(dir, 'sound.wav'), Buffer.alloc(4000, 7));
    server = await serveStatic(dir);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends text gzipped to a browser that accepts it, with its real length', async () => {
    const res = await get(`${server.url}app.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(res.body).toString()).toBe(script);
  });

  it('sends text as it is to a client that does not ask for gzip, and sounds as they are to anyone', async () => {
    const plain = await get(`${server.url}app.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const sound = await get(`${server.url}sound.wav`, { 'accept-encoding': 'gzip' });
    expect(sound.headers['content-encoding']).toBeUndefined();
    expect(sound.body.length).toBe(4000);
  });

  it('serves index.html for the root, 404 for a missing file, and nothing outside its folder', async () => {
    expect((await get(server.url)).body.toString()).toContain('<title>t</title>');
    expect((await get(`${server.url}missing.js`)).status).toBe(404);
    expect((await get(`${server.url}..%2F..%2Fetc%2Fpasswd`)).status).toBe(403);
  });
});
