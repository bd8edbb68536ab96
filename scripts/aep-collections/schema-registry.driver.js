// Fills in what a Postman user fills in by hand before each request of Adobe's Schema Registry collection
// (schema-registry-api.postman_collection.json): the container, the ids of what earlier requests created, and the
// {{payload}} bodies, taken from the AEP docs' examples. Requests and their headers are not changed.
'use strict';

const T = '{{TENANT_ID}}';
const fieldGroup = (title) => ({
  title, type: 'object', description: 'Loyalty fields',
  'meta:intendedToExtend': ['https://ns.adobe.com/xdm/context/profile'],
  definitions: { loyalty: { properties: { [`_${T}`]: { type: 'object', properties: {
    loyaltyId: { type: 'string', title: 'Loyalty ID' }, points: { type: 'integer', title: 'Points' } } } } } },
  allOf: [{ $ref: '#/definitions/loyalty' }],
});
const schema = (title, ...parts) => ({ title, type: 'object', allOf: parts.map((p) => ({ $ref: p })) });
const dataType = (title) => ({
  title, type: 'object', description: 'A property of the company',
  definitions: { property: { properties: { propertyId: { type: 'string', title: 'Property ID' } } } },
  allOf: [{ $ref: '#/definitions/property' }],
});
const cls = (title) => ({
  title, type: 'object', description: 'A class of properties',
  definitions: { property: { properties: { [`_${T}`]: { type: 'object', properties: { propertyId: { type: 'string' } } } } } },
  allOf: [{ $ref: 'https://ns.adobe.com/xdm/data/record' }, { $ref: '#/definitions/property' }],
});
const PROFILE = 'https://ns.adobe.com/xdm/context/profile';
const enc = encodeURIComponent;

// Per request name: variables to set before it (values may use {{VARS}} and are JSON-encoded when objects) and the
// variables to set from the response afterwards ('enc:' URL-encodes the value for use in a path).
module.exports = {
  'List field groups': { set: { CONTAINER_ID: 'tenant' } },
  'Retrieve a field group': { set: { CONTAINER_ID: 'global', FIELD_GROUP_ID: enc('https://ns.adobe.com/xdm/context/identitymap') } },
  'Create a custom field group': { set: { payload: fieldGroup('Loyalty details {{$timestamp}}') }, capture: { FIELD_GROUP_ID: 'enc:$id' } },
  'Update a custom field group': [
    { set: { payload: fieldGroup('Loyalty details renamed {{$timestamp}}') } },
    { set: { payload: [{ op: 'add', path: `/definitions/loyalty/properties/_${T}/properties/tier`, value: { type: 'string', title: 'Tier' } }] } },
  ],
  'List schemas': { set: { CONTAINER_ID: 'tenant' } },
  'Retrieve a schema': { set: { CONTAINER_ID: 'global', SCHEMA_ID: enc(PROFILE) } },
  'Create a custom schema': {
    set: { payload: schema('Loyalty members {{$timestamp}}', PROFILE, 'https://ns.adobe.com/xdm/context/identitymap', 'https://ns.adobe.com/xdm/context/profile-personal-details') },
    capture: { SCHEMA_ID: 'enc:$id', KEPT_SCHEMA_ID: '$id', KEPT_SCHEMA_ID_ENCODED: 'enc:$id' },
  },
  'Update a custom schema': { set: { payload: schema('Loyalty members renamed {{$timestamp}}', PROFILE, 'https://ns.adobe.com/xdm/context/identitymap', 'https://ns.adobe.com/xdm/context/profile-personal-details') } },
  'Update custom schema': { set: { payload: [{ op: 'add', path: '/meta:immutableTags', value: ['union'] }] } },
  // Deletes a schema made for the purpose, so the one above stays for the descriptor, union, export and audit calls.
  'Delete a custom schema': { create: { path: '/tenant/schemas', body: schema('Throwaway {{$timestamp}}', PROFILE), into: 'SCHEMA_ID' } },
  'Retrieve a behavior': { set: { BEHAVIOR_ID: enc('https://ns.adobe.com/xdm/data/record') } },
  'List all mixins': { set: { CONTAINER_ID: 'tenant' } },
  'Retrieve a mixin': { set: { CONTAINER_ID: 'global', MIXIN_ID: '_xdm.context.identitymap' } },
  'Create a new custom mixin': { set: { payload: fieldGroup('Loyalty mixin {{$timestamp}}') }, capture: { MIXIN_ID: 'enc:$id' } },
  'Update a custom mixin': { set: { payload: fieldGroup('Loyalty mixin renamed {{$timestamp}}') } },
  'Update custom mixin': { set: { payload: [{ op: 'replace', path: '/description', value: 'Patched' }] } },
  'List classes': { set: { CONTAINER_ID: 'tenant' } },
  'Retrieve a class': { set: { CONTAINER_ID: 'global', CLASS_ID: enc(PROFILE) } },
  'Create a custom class': { set: { payload: cls('Property {{$timestamp}}') }, capture: { CLASS_ID: 'enc:$id' } },
  'Update a custom class': { set: { payload: cls('Property renamed {{$timestamp}}') } },
  "Update a custom class' attributes": { set: { payload: [{ op: 'replace', path: '/description', value: 'Patched' }] } },
  'List data types': { set: { CONTAINER_ID: 'tenant' } },
  'Retrieve a data type': { set: { CONTAINER_ID: 'global', DATA_TYPE_ID: enc('https://ns.adobe.com/xdm/context/person-name') } },
  'Create a custom data type': { set: { payload: dataType('Company property {{$timestamp}}') }, capture: { DATA_TYPE_ID: 'enc:$id' } },
  'Update a custom data type': { set: { payload: dataType('Company property renamed {{$timestamp}}') } },
  "Update a custom data type's attributes": { set: { payload: [{ op: 'replace', path: '/description', value: 'Patched' }] } },
  'List descriptors': { set: { CONTAINER_ID: 'tenant' } },
  'Retrieve a descriptor': { set: { CONTAINER_ID: 'tenant', DESCRIPTOR_ID: 'not-created-yet' } },
  'Create a descriptor': {
    set: { descriptorPayload: { '@type': 'xdm:descriptorIdentity', 'xdm:sourceSchema': '{{KEPT_SCHEMA_ID}}', 'xdm:sourceVersion': 1,
      'xdm:sourceProperty': '/personalEmail/address', 'xdm:namespace': 'Email', 'xdm:property': 'xdm:code', 'xdm:isPrimary': true } },
    capture: { DESCRIPTOR_ID: '@id' },
  },
  'Update a descriptor': {
    set: { descriptorPayload: { '@type': 'xdm:descriptorIdentity', 'xdm:sourceSchema': '{{KEPT_SCHEMA_ID}}', 'xdm:sourceVersion': 1,
      'xdm:sourceProperty': '/personalEmail/address', 'xdm:namespace': 'Email', 'xdm:property': 'xdm:code', 'xdm:isPrimary': false } },
  },
  'Retrieve a union schema': { set: { UNION_ID: enc(`${PROFILE}__union`) } },
  'Retrieve an export payload': { set: { RESOURCE_ID: '{{KEPT_SCHEMA_ID_ENCODED}}' }, keep: { EXPORT_PAYLOAD: 'body' } },
  // Imports into a new development sandbox, as the docs' cross-sandbox example does, then returns to the first one.
  'Import a resource': {
    set: { body: '{{EXPORT_PAYLOAD}}', FIRST_SANDBOX: '{{SANDBOX_NAME}}' },
    before: [
      'const target = "import" + Date.now();',
      'pm.sendRequest({',
      '  url: pm.environment.get("PLATFORM_GATEWAY") + "/data/foundation/sandbox-management/sandboxes", method: "POST",',
      '  header: { "Authorization": "Bearer " + pm.environment.get("ACCESS_TOKEN"), "x-api-key": pm.environment.get("API_KEY"),',
      '            "x-gw-ims-org-id": pm.environment.get("IMS_ORG"), "Content-Type": "application/json" },',
      '  body: { mode: "raw", raw: JSON.stringify({ name: target, title: target, type: "development" }) },',
      '}, (err) => { if (!err) { pm.environment.set("SANDBOX_NAME", target); } });',
    ],
    after: ['pm.environment.set("SANDBOX_NAME", pm.environment.get("FIRST_SANDBOX"));'],
  },
  'Retrieve sample data': { set: { SCHEMA_ID: '{{KEPT_SCHEMA_ID_ENCODED}}' } },
  "Retrieve a resource's audit log": { set: { RESOURCE_ID: '{{KEPT_SCHEMA_ID_ENCODED}}' } },
};
