import type { NodeType } from '../oas-types.js';
import type { NodeVisitor } from '../walk.js';
import type { Rule } from './rule.js';
import { at } from './util.js';

/** The objects that have a CommonMark `description`. */
const WITH_DESCRIPTION: readonly NodeType[] = [
  'Info',
  'Server',
  'ServerVariable',
  'PathItem',
  'Operation',
  'Parameter',
  'RequestBody',
  'Response',
  'Example',
  'Header',
  'Link',
  'Tag',
  'ExternalDocs',
  'SecurityScheme',
  'OAuthFlow',
  'Schema',
  'Items',
  'MediaType',
];
const SCRIPT = /<script\b/i;
const HANDLER = /<[a-z][^>]*\bon[a-z]+\s*=/i;

/**
 * A `description` with a `<script>` tag or an HTML event handler (`onclick=`): documentation
 * renderers that pass HTML through would run it. Redocly's rule of the same name.
 */
export const noUnsafeMarkdown: Rule = {
  id: 'no-unsafe-markdown',
  severity: 'warn',
  description: 'Descriptions hold no `<script>` tags or HTML event handlers.',
  create: ({ report }) => {
    const check: NodeVisitor = (node, ctx) => {
      const d = node.description;
      if (typeof d !== 'string' || !d.includes('<')) return;
      if (SCRIPT.test(d)) report({ file: ctx.file, pointer: at(ctx, 'description'), message: 'the description contains a `<script>` tag' });
      if (HANDLER.test(d))
        report({ file: ctx.file, pointer: at(ctx, 'description'), message: 'the description contains an HTML event handler attribute (`on...=`)' });
    };
    return Object.fromEntries(WITH_DESCRIPTION.map((t) => [t, check]));
  },
};
