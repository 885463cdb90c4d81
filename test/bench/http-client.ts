import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface HttpResult {
  status: number;
  body: unknown;
  /** Milliseconds from sending the request to having read the whole response. */
  ms: number;
}

/**
 * A minimal JSON client over one keep-alive agent, so every request reuses a warm connection and
 * the measured time is the server's answer, not TCP set-up.
 */
export class HttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly baseUrl: URL,
    maxSockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  request(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: { token?: string; body?: object } = {},
  ): Promise<HttpResult> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    if (options.token) headers.authorization = `Bearer ${options.token}`;

    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        new URL(path, this.baseUrl),
        { method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            if (text !== '' && (res.headers['content-type'] ?? '').includes('json')) {
              try {
                body = JSON.parse(text);
              } catch {
                body = text;
              }
            }
            resolve({ status: res.statusCode ?? 0, body, ms });
          });
        },
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  post(path: string, body: object, token?: string): Promise<HttpResult> {
    return this.request('POST', path, { body, token });
  }

  close(): void {
    this.agent.destroy();
  }
}

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
