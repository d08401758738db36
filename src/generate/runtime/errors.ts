export type Provider = 'fal' | 'comet';

export interface HubApiErrorInit<Body> {
  provider: Provider;
  response: Response;
  body: Body;
  message?: string;
}

/** A provider answered with an error status (or reported an error inside a stream or a task). */
export class HubApiError<Body = unknown> extends Error {
  override readonly name: 'HubApiError' = 'HubApiError';
  readonly provider: Provider;
  /** The HTTP status (200 for an error reported inside a stream). */
  readonly status: number;
  /** The parsed JSON body, or its text when it is not JSON. */
  readonly body: Body;
  readonly response: Response;

  constructor(init: HubApiErrorInit<Body>) {
    const { provider, response, body } = init;
    super(init.message ?? `${provider}: ${where(response)}answered ${response.status}${summary(body)}`);
    this.provider = provider;
    this.status = response.status;
    this.body = body;
    this.response = response;
  }
}

function where(response: Response): string {
  try {
    return `${new URL(response.url).pathname} `;
  } catch {
    return '';
  }
}

/** `: <the body>`, cut at 300 characters; nothing for an empty body. */
export function summary(body: unknown): string {
  if (body === undefined || body === '') return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `: ${text.length > 300 ? `${text.slice(0, 300)}...` : text}`;
}

/** What an openapi-fetch call (or a FAL helper) resolves to. */
export interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The data of a result, or a HubApiError. */
export function unwrap(provider: Provider, result: CallResult): unknown {
  if (result.response.ok) return result.data;
  throw new HubApiError({ provider, response: result.response, body: result.error });
}
