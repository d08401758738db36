import { noAmbiguousPaths } from './no-ambiguous-paths.js';
import { noEmptyServers } from './no-empty-servers.js';
import { noEnumTypeMismatch } from './no-enum-type-mismatch.js';
import { noIdenticalPaths } from './no-identical-paths.js';
import { noInvalidDiscriminator } from './no-invalid-discriminator.js';
import { noInvalidMediaTypeExamples } from './no-invalid-media-type-examples.js';
import { noInvalidParameterExamples } from './no-invalid-parameter-examples.js';
import { noInvalidResponseCodes } from './no-invalid-response-codes.js';
import { noInvalidSchemaDefaults } from './no-invalid-schema-defaults.js';
import { noInvalidSchemaExamples } from './no-invalid-schema-examples.js';
import { noPathTrailingSlash } from './no-path-trailing-slash.js';
import { noRemoteRefs } from './no-remote-refs.js';
import { noSchemaTypeMismatch } from './no-schema-type-mismatch.js';
import { noServerTrailingSlash } from './no-server-trailing-slash.js';
import { noServerVariablesEmptyEnum } from './no-server-variables-empty-enum.js';
import { noUndefinedServerVariable } from './no-undefined-server-variable.js';
import { noUnresolvedRefs } from './no-unresolved-refs.js';
import { noUnusedComponents } from './no-unused-components.js';
import { nullableTypeSibling } from './nullable-type-sibling.js';
import { oasVersionKeywords } from './oas-version-keywords.js';
import { operation2xxResponse } from './operation-2xx-response.js';
import { operationOperationIdUnique } from './operation-operationId-unique.js';
import { operationOperationIdUrlSafe } from './operation-operationId-url-safe.js';
import { operationParametersUnique } from './operation-parameters-unique.js';
import { operationSecurityDefined } from './operation-security-defined.js';
import { operationSummary } from './operation-summary.js';
import { operationTagDefined } from './operation-tag-defined.js';
import { pathNotIncludeQuery } from './path-not-include-query.js';
import { pathParametersDefined } from './path-parameters-defined.js';
import { refNotAllowed } from './ref-not-allowed.js';
import { refOutsideRoot } from './ref-outside-root.js';
import type { Rule } from './rule.js';
import { securityDefined } from './security-defined.js';
import { specComponentsInvalidMapName } from './spec-components-invalid-map-name.js';
import { specQuerystringParameters } from './spec-querystring-parameters.js';

/**
 * The visitor rules, by id, in the order they run (the `struct` rule runs once
 * per document after the walk, see ../struct/struct-rule.ts). Names are
 * Redocly's where the rule is the same; severities can be changed in
 * redocly.yaml (see ../config/).
 */
export const rules: Readonly<Record<string, Rule>> = Object.fromEntries(
  [
    // $refs
    noUnresolvedRefs,
    noRemoteRefs,
    refOutsideRoot,
    refNotAllowed,
    // paths and operations
    noIdenticalPaths,
    noAmbiguousPaths,
    pathParametersDefined,
    pathNotIncludeQuery,
    noPathTrailingSlash,
    operationOperationIdUnique,
    operationOperationIdUrlSafe,
    operationParametersUnique,
    specQuerystringParameters,
    operation2xxResponse,
    noInvalidResponseCodes,
    operationSummary,
    operationTagDefined,
    securityDefined,
    operationSecurityDefined,
    // servers
    noServerVariablesEmptyEnum,
    noUndefinedServerVariable,
    noServerTrailingSlash,
    noEmptyServers,
    // schemas and components
    oasVersionKeywords,
    nullableTypeSibling,
    noEnumTypeMismatch,
    noSchemaTypeMismatch,
    noInvalidDiscriminator,
    // examples and defaults
    noInvalidMediaTypeExamples,
    noInvalidParameterExamples,
    noInvalidSchemaExamples,
    noInvalidSchemaDefaults,
    specComponentsInvalidMapName,
    noUnusedComponents,
  ].map((r) => [r.id, r]),
);
