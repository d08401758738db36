// FAL's API host and version root. Dependency-free: the MCP server's live cost
// estimate uses these without loading the fetch stack (live.ts pulls in http.ts and ky).

export const FAL_DEFAULT_BASE_URL = 'https://api.fal.ai';

/** `https://api.fal.ai` and `https://api.fal.ai/v1` both give `https://api.fal.ai/v1`. */
export function falApiRoot(baseUrl: string): string {
  const b = baseUrl.replace(/\/+$/, '');
  return b.endsWith('/v1') ? b : `${b}/v1`;
}
