// Fills in what a Postman user fills in by hand before each request of the "Merge policies" folder of Adobe's
// Real-Time Customer Profile collection (real-time-customer-profile-api.postman_collection.json): the {{body}} of each
// request, from help/profile/api/merge-policies.md, and the id of the policy created; and the query variables and
// body of the "Entities" folder (help/profile/api/entities.md: the docs' ECID, every other GET parameter left empty as
// a user who only fills in the identity sends it); and for the "Profile System Jobs" folder (profile-system-jobs.md) a
// dataset to delete from Profile, made first as a user would (a schema, then the dataset), and the job's id. Requests
// and their headers are not changed. Computed attributes and edge projections are Profile features not served yet.
'use strict';

const ecid = '89149270342662559642753730269986316602';
const unset = (names) => Object.fromEntries(names.map((n) => [n, '']));

const policy = (name, extra) => ({
  name,
  identityGraph: { type: 'none' },
  attributeMerge: { type: 'timestampOrdered' },
  schema: { name: '_xdm.context.profile' },
  ...extra,
});

const jobDataset = [
  '{',
  '  const h = { "Authorization": "Bearer " + pm.environment.get("ACCESS_TOKEN"), "x-api-key": pm.environment.get("API_KEY"),',
  '             "x-gw-ims-org-id": pm.environment.get("IMS_ORG"), "x-sandbox-name": pm.environment.get("SANDBOX_NAME"), "Content-Type": "application/json" };',
  '  const base = pm.environment.get("PLATFORM_GATEWAY");',
  '  const run = Date.now().toString(36);',
  '  const schema = { title: "System jobs " + run, type: "object", allOf: [{ $ref: "https://ns.adobe.com/xdm/context/profile" }] };',
  '  pm.sendRequest({ url: base + "/data/foundation/schemaregistry/tenant/schemas", method: "POST", header: h, body: { mode: "raw", raw: JSON.stringify(schema) } }, (e1, r1) => {',
  '    const dataset = { name: "System jobs " + run, schemaRef: { id: r1.json()["$id"], contentType: "application/vnd.adobe.xed+json;version=1" } };',
  '    pm.sendRequest({ url: base + "/data/foundation/catalog/dataSets", method: "POST", header: h, body: { mode: "raw", raw: JSON.stringify(dataset) } }, (e2, r2) => {',
  '      pm.environment.set("body", JSON.stringify({ dataSetId: r2.json()[0].split("/").pop() }));',
  '    });',
  '  });',
  '}',
];

module.exports = {
  'List all delete requests (Profile System Jobs)': { set: { start: '', limit: '10', page: '', sort: '' } },
  'Create delete request (Profile System Job)': { before: jobDataset, capture: { ID: 'id' } },
  'List merge policies': {
    set: { 'schema.name': '_xdm.context.profile', limit: '5' },
    after: ['try { pm.environment.set("DEFAULT_POLICY_ID", pm.response.json().children.find(p => p.default).id); } catch (e) { }'],
  },
  'Create a merge policy': {
    set: { body: policy('Loyalty members {{$timestamp}}', { default: false }), 'x-profile-instance-id': 'ups' },
    capture: { mergePolicyId: 'id' },
  },
  'Update a merge policy': {
    set: { body: policy('Loyalty members renamed {{$timestamp}}', { identityGraph: { type: 'pdg' }, isActiveOnEdge: false, default: false }) },
  },
  // The docs send one operation object, not an array.
  'Update one or more attributes of a merge policy': {
    set: { body: { op: 'add', path: '/default', value: 'true' } },
  },
  'Retrieve multiple merge policies using multiple merge policy IDs': {
    set: { body: { ids: [{ id: '{{DEFAULT_POLICY_ID}}' }, { id: '{{mergePolicyId}}' }] } },
  },
  // Nothing is ingested in a fresh platform, so the lookup and the deletion answer 404 and the bulk lookup the
  // documented empty entities.
  'Retrieve an entity': {
    set: {
      ...unset(['relatedSchema.name', 'relatedEntityId', 'relatedEntityIdNS', 'fields', 'mergePolicyId', 'startTime', 'endTime', 'limit', 'orderby', 'property', 'withCA']),
      'schema.name': '_xdm.context.profile', entityId: ecid, entityIdNS: 'ECID',
    },
  },
  'Retrieve multiple entities': {
    set: {
      body: {
        schema: { name: '_xdm.context.profile' },
        fields: ['identities', 'person.name', 'workEmail'],
        identities: [{ entityId: ecid, entityIdNS: { code: 'ECID' } }, { entityId: '89149270342662559642753730269986316900', entityIdNS: { code: 'ECID' } }],
        timeFilter: { startTime: 1539838505, endTime: 1539838510 },
        limit: 10,
        orderby: '-timestamp',
        withCA: true,
      },
    },
  },
  'Delete an entity': {
    set: { 'schema.name': '_xdm.context.profile', entityId: ecid, entityIdNS: 'ECID', mergePolicyId: '' },
  },
};
