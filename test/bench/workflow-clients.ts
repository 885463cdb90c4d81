import { performance } from 'node:perf_hooks';
import { type HttpClient, type HttpResult, isSuccess } from './http-client.js';
import { type BenchCouncil, templateMessage } from './seed.js';
import type { OperationKind, Recorder } from './stats.js';

export interface WorkflowError {
  kind: OperationKind;
  status: number;
  body: unknown;
}

export interface WorkflowRun {
  /** From the first request to the last response. */
  seconds: number;
  errors: WorkflowError[];
}

/**
 * `clients` loops, each drafting a message as the officer, submitting it, and approving it as the
 * comms approver, one request at a time. No new request starts after `seconds`; requests in flight
 * then are finished and counted.
 */
export async function runWorkflowClients(
  http: HttpClient,
  council: BenchCouncil,
  options: { clients: number; seconds: number; recorder?: Recorder },
): Promise<WorkflowRun> {
  const errors: WorkflowError[] = [];
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const message = templateMessage(council.corporateChannelId);

  const operation = async (
    kind: OperationKind,
    send: () => Promise<HttpResult>,
  ): Promise<HttpResult | null> => {
    let result: HttpResult;
    try {
      result = await send();
    } catch (error) {
      errors.push({ kind, status: 0, body: String(error) });
      return null;
    }
    options.recorder?.record(kind, result.ms);
    if (!isSuccess(result.status)) {
      errors.push({ kind, status: result.status, body: result.body });
      return null;
    }
    return result;
  };

  const client = async () => {
    while (performance.now() < deadline) {
      const created = await operation('create', () =>
        http.post('/api/v1/messages', message, council.officerToken),
      );
      if (!created || performance.now() >= deadline) continue;
      const { id } = created.body as { id: string };
      const submitted = await operation('submit', () =>
        http.post(`/api/v1/messages/${id}/submit`, {}, council.officerToken),
      );
      if (!submitted || performance.now() >= deadline) continue;
      await operation('approve', () =>
        http.post(`/api/v1/messages/${id}/approve`, { version: 1 }, council.approverToken),
      );
    }
  };

  await Promise.all(Array.from({ length: options.clients }, client));
  return { seconds: (performance.now() - started) / 1000, errors };
}
