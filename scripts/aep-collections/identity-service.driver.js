// Fills in what a Postman user fills in by hand before each request of Adobe's Identity Service collection
// (identity-service.postman_collection.json): the {{body}} of the namespace requests, taken from
// help/identity-service/api/create-custom-namespace.md, and the id of the namespace created. Requests and their
// headers are not changed. The cluster and graph requests need the identity graph, which is not served yet.
'use strict';

module.exports = {
  'Create a new identity namespace': {
    set: { body: { name: 'Loyalty Member {{$timestamp}}', code: 'Loyalty{{$timestamp}}', description: 'Loyalty Program Member ID', idType: 'Cross_device' } },
    capture: { ID: 'id', NAMESPACE_CODE: 'code' },
  },
  'Update specific identity namespace': {
    set: { body: { name: 'Loyalty Members {{$timestamp}}', code: '{{NAMESPACE_CODE}}', description: 'Members of the loyalty program', idType: 'Cross_device' } },
  },
};
