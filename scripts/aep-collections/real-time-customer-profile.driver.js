// Fills in what a Postman user fills in by hand before each request of the "Merge policies" folder of Adobe's
// Real-Time Customer Profile collection (real-time-customer-profile-api.postman_collection.json): the {{body}} of each
// request, from help/profile/api/merge-policies.md, and the id of the policy created. Requests and their headers are
// not changed. Run with --folder "Merge policies"; the collection's other folders are Profile features not served yet.
'use strict';

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
};
