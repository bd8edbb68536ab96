// Fills in what a Postman user fills in by hand before each request of Adobe's Catalog Service collection
// (catalog-service-api.postman_collection.json): the {{batch}} and {{dataSet}} bodies (shapes from
// help/catalog/api/create-batch.md, create-dataset.md and catalog.yaml), the path variables (BATCH_ID, FIELD, DATASET_ID,
// id, tagNamespace) taken from the objects created, and — where AEP itself requires it — a step a user takes first:
// a schema for the dataset, and ABORT before the (deprecated) batch DELETE of a batch that is still loading. Requests,
// their headers and the collection's own scripts are not changed; the batched-request calls send no token in the
// collection (401 as AEP), the credentials and tags paths are deprecated and not served (404).
'use strict';

const headers = [
  '  const h = { "Authorization": "Bearer " + pm.environment.get("ACCESS_TOKEN"), "x-api-key": pm.environment.get("API_KEY"),',
  '             "x-gw-ims-org-id": pm.environment.get("IMS_ORG"), "x-sandbox-name": pm.environment.get("SANDBOX_NAME") };',
  '  const json = Object.assign({ "Content-Type": "application/json" }, h);',
  '  const base = pm.environment.get("PLATFORM_GATEWAY");',
];
const idFromReference = 'pm.response.json()[0].split("/").pop()';

module.exports = {
  'Create a new batch': [
    {
      before: [
        '{',
        ...headers,
        '  const run = Date.now().toString(36);',
        '  const schema = { title: "Catalog batches " + run, type: "object", allOf: [{ $ref: "https://ns.adobe.com/xdm/context/profile" }] };',
        '  pm.sendRequest({ url: base + "/data/foundation/schemaregistry/tenant/schemas", method: "POST", header: json, body: { mode: "raw", raw: JSON.stringify(schema) } }, (e1, r1) => {',
        '    const schemaRef = { id: r1.json()["$id"], contentType: "application/vnd.adobe.xed+json;version=1" };',
        '    pm.environment.set("SCHEMA_REF", JSON.stringify(schemaRef));',
        '    const dataset = { name: "Catalog batches " + run, schemaRef };',
        '    pm.sendRequest({ url: base + "/data/foundation/catalog/dataSets", method: "POST", header: json, body: { mode: "raw", raw: JSON.stringify(dataset) } }, (e2, r2) => {',
        '      const id = r2.json()[0].split("/").pop();',
        '      pm.environment.set("BATCH_DATASET_ID", id);',
        '      pm.environment.set("batch", JSON.stringify({ relatedObjects: [{ type: "dataSet", id }], inputFormat: { format: "parquet" }, tags: { source: ["crm"] } }));',
        '    });',
        '  });',
        '}',
      ],
      after: [`if (pm.response.code === 201) { pm.environment.set("BATCH_ID", ${idFromReference}); }`],
    },
    {
      // createBatchWithId: the producer's own id.
      before: [
        'pm.environment.set("BATCH_ID", "producer-" + Date.now().toString(36));',
        'pm.environment.set("batch", JSON.stringify({ relatedObjects: [{ type: "dataSet", id: pm.environment.get("BATCH_DATASET_ID") }], tags: { source: ["crm"] } }));',
      ],
    },
  ],
  'Look up the unique values stored in a field': { set: { FIELD: 'status' } },
  // PUT carries the required status, as read; tags change.
  'Update a batch': { before: ['pm.environment.set("batch", JSON.stringify({ status: "loading", tags: { source: ["crm"], team: ["loyalty"] } }));'] },
  'Update one or more batch attributes': { before: ['pm.environment.set("batch", JSON.stringify({ tags: { team: ["marketing"] } }));'] },
  'Delete a batch': {
    before: [
      '{',
      ...headers,
      '  pm.sendRequest({ url: base + "/data/foundation/import/batches/" + pm.environment.get("BATCH_ID") + "?action=ABORT", method: "POST", header: h }, () => {});',
      '}',
    ],
  },
  'Create a new dataset': {
    before: ['pm.environment.set("dataSet", JSON.stringify({ name: "Catalog datasets " + Date.now().toString(36), schemaRef: JSON.parse(pm.environment.get("SCHEMA_REF")) }));'],
    after: [`if (pm.response.code === 201) { pm.environment.set("DATASET_ID", ${idFromReference}); pm.environment.set("id", ${idFromReference}); }`],
  },
  'Update a dataset': {
    before: ['pm.environment.set("dataSet", JSON.stringify({ name: "Catalog datasets renamed " + Date.now().toString(36), description: "replaced by PUT", schemaRef: JSON.parse(pm.environment.get("SCHEMA_REF")) }));'],
  },
  "Update a dataset's attributes": { before: ['pm.environment.set("dataSet", JSON.stringify({ description: "patched" }));'] },
  'Retrieve a list of aggregated values': { set: { tagNamespace: 'source' } },
};
