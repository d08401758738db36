import { noUnsafeMarkdown } from './no-unsafe-markdown.js';
import { noUnknownSchemaKeywords } from './no-unknown-schema-keywords.js';
import { infoLicense } from './info-license.js';
import { infoLicenseStrict } from './info-license-strict.js';
import { noDuplicatedEnumValues } from './no-duplicated-enum-values.js';
import { noDuplicatedTagNames } from './no-duplicated-tag-names.js';
import { noExampleValueAndExternalValue } from './no-example-value-and-externalValue.js';
import { noMixedNumberRangeConstraints } from './no-mixed-number-range-constraints.js';
import { noNullableIn31 } from './no-nullable-in-3.1.js';
import { noRequiredSchemaPropertiesUndefined } from './no-required-schema-properties-undefined.js';
import { noServerExampleCom } from './no-server-example.com.js';
import { operation4xxResponse } from './operation-4xx-response.js';
import { operationOperationId } from './operation-operationId.js';
import { pathDeclarationMustExist } from './path-declaration-must-exist.js';
import { securityScopesDefined } from './security-scopes-defined.js';
import { specNoInvalidTagParents } from './spec-no-invalid-tag-parents.js';
import { specRefSiblings } from './spec-ref-siblings.js';
import { tagDescription } from './tag-description.js';
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
import { specArrayItems } from './spec-array-items.js';
import { specRefTargetType } from './spec-ref-target-type.js';
import { specUriFields } from './spec-uri-fields.js';
import { specExampleValues } from './spec-example-values.js';
import { noIllogicalCompositionKeywords } from './no-illogical-composition-keywords.js';
import { specNoInvalidEncodingCombinations } from './spec-no-invalid-encoding-combinations.js';
import { specBodyParameters } from './spec-body-parameters.js';
import { specDiscriminatorDefaultMapping } from './spec-discriminator-defaultMapping.js';
import { specDiscriminatorImplicitMapping } from './spec-discriminator-implicit-mapping.js';

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
    specRefSiblings,
    specRefTargetType,
    specUriFields,
    // info and tags
    infoLicense,
    infoLicenseStrict,
    noDuplicatedTagNames,
    specNoInvalidTagParents,
    tagDescription,
    noUnsafeMarkdown,
    // paths and operations
    noIdenticalPaths,
    noAmbiguousPaths,
    pathParametersDefined,
    pathNotIncludeQuery,
    pathDeclarationMustExist,
    noPathTrailingSlash,
    operationOperationIdUnique,
    operationOperationIdUrlSafe,
    operationParametersUnique,
    specQuerystringParameters,
    specBodyParameters,
    operationOperationId,
    operation2xxResponse,
    operation4xxResponse,
    noInvalidResponseCodes,
    operationSummary,
    operationTagDefined,
    securityDefined,
    operationSecurityDefined,
    securityScopesDefined,
    // servers
    noServerVariablesEmptyEnum,
    noUndefinedServerVariable,
    noServerTrailingSlash,
    noEmptyServers,
    noServerExampleCom,
    // schemas and components
    oasVersionKeywords,
    nullableTypeSibling,
    noNullableIn31,
    noUnknownSchemaKeywords,
    noEnumTypeMismatch,
    noDuplicatedEnumValues,
    noMixedNumberRangeConstraints,
    noRequiredSchemaPropertiesUndefined,
    noIllogicalCompositionKeywords,
    noSchemaTypeMismatch,
    specArrayItems,
    noInvalidDiscriminator,
    specDiscriminatorDefaultMapping,
    specDiscriminatorImplicitMapping,
    // examples and defaults
    noInvalidMediaTypeExamples,
    noInvalidParameterExamples,
    noInvalidSchemaExamples,
    noInvalidSchemaDefaults,
    noExampleValueAndExternalValue,
    specExampleValues,
    specNoInvalidEncodingCombinations,
    specComponentsInvalidMapName,
    noUnusedComponents,
  ].map((r) => [r.id, r]),
);
