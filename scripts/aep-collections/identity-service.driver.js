// Fills in what a Postman user fills in by hand before each request of Adobe's Identity Service collection
// (identity-service.postman_collection.json): the {{body}} of the namespace requests, taken from
// help/identity-service/api/create-custom-namespace.md, and the id of the namespace created. Requests and their
// headers are not changed. The two POSTs of the cluster and graph endpoints get the request bodies of
// identity-service.yaml's examples (an ECID looked up by namespace code; Email by namespace id 6).
'use strict';

module.exports = {
  'List linked identities for a list of identities': {
    set: { body: { compositeXids: [{ nsid: 6, id: 'tim@example.com' }], 'graph-type': 'Private Graph' } },
  },
  'List linked identities': {
    set: { body: { composite_xids: [{ ns: 'ECID', id: '89149270342662559642753730269986316602' }], projection_type: 'set' } },
  },
  'Create a new identity namespace': {
    set: { body: { name: 'Loyalty Member {{$timestamp}}', code: 'Loyalty{{$timestamp}}', description: 'Loyalty Program Member ID', idType: 'Cross_device' } },
    capture: { ID: 'id', NAMESPACE_CODE: 'code' },
  },
  'Update specific identity namespace': {
    set: { body: { name: 'Loyalty Members {{$timestamp}}', code: '{{NAMESPACE_CODE}}', description: 'Members of the loyalty program', idType: 'Cross_device' } },
  },
};
