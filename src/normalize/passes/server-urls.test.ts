import { describe, it, expect } from 'vitest';
import { serverUrls } from './server-urls.js';
import { runPass } from './test-helpers.js';

describe('server-urls', () => {
  it('drops trailing slashes and moves server-variable descriptions where swagger-parser accepts them', () => {
    const { doc, findings } = runPass(
      serverUrls,
      `
servers: [{ url: 'https://api.example.com/v1/' }, { url: 'https://' }]
paths:
  /a:
    get:
      servers:
        - url: 'https://{host}'
          description: production
          variables: { host: { default: h.example.com, description: Your host. } }
`,
    );
    expect(doc.servers).toEqual([{ url: 'https://api.example.com/v1' }, { url: 'https://' }]);
    expect(doc).toMatchObject({
      paths: {
        '/a': {
          get: {
            servers: [{ description: 'production\n\n`{host}`: Your host.', variables: { host: { default: 'h.example.com', 'x-description': 'Your host.' } } }],
          },
        },
      },
    });
    expect(findings).toHaveLength(2);
  });
});
