// Fills in what a Postman user fills in by hand before each request of the "Merge policies" folder of Adobe's
// Real-Time Customer Profile collection (real-time-customer-profile-api.postman_collection.json): the {{body}} of each
// request, from help/profile/api/merge-policies.md, and the id of the policy created; and the query variables and
// body of the "Entities" folder (help/profile/api/entities.md: the docs' ECID, every other GET parameter left empty as
// a user who only fills in the identity sends it). Requests and their headers are not changed. Run with
// --folder "Merge policies" or --folder "Entities"; the collection's other folders are Profile features not served yet.
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

module.exports = {
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
