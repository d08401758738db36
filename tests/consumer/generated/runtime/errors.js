/* api-hub generate: from src/generate/runtime/errors.ts; do not edit. */
export class HubApiError extends Error {
  name = 'HubApiError';
  provider;
  status;
  body;
  response;
  constructor(init) {
    const { provider, response, body } = init;
    super(init.message ?? `${provider}: ${where(response)}answered ${response.status}${summary(body)}`);
    this.provider = provider;
    this.status = response.status;
    this.body = body;
    this.response = response;
  }
}
function where(response) {
  try {
    return `${new URL(response.url).pathname} `;
  }
  catch {
    return '';
  }
}
export function summary(body) {
  if (body === undefined || body === '')
    return '';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `: ${text.length > 300 ? `${text.slice(0, 300)}...` : text}`;
}
export function unwrap(provider, result) {
  if (result.response.ok)
    return result.data;
  throw new HubApiError({ provider, response: result.response, body: result.error });
}
