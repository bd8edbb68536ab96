// Fills in what a Postman user fills in by hand before each Batch Ingestion request of Adobe's Data Ingestion collection
// (data-ingestion-api.postman_collection.json): a dataset to load (created first, on a schema with a loyalty field group,
// as the batch ingestion guide assumes one exists), the batch's {{body}}, the path variables, the large file's part and
// Content-Range, the preview format and the batch action. Requests and their headers and bodies are not changed; where
// a request's own body cannot carry data (the small-file PUT sends an empty form), the user's real upload is made with
// pm.sendRequest before COMPLETE, as a user would with curl. The Streaming Ingestion folder is left as shipped.
'use strict';

const headers = [
  '  const h = { "Authorization": "Bearer " + pm.environment.get("ACCESS_TOKEN"), "x-api-key": pm.environment.get("API_KEY"),',
  '             "x-gw-ims-org-id": pm.environment.get("IMS_ORG"), "x-sandbox-name": pm.environment.get("SANDBOX_NAME") };',
  '  const json = Object.assign({ "Content-Type": "application/json" }, h);',
  '  const base = pm.environment.get("PLATFORM_GATEWAY");',
];
const part = '{"_{{TENANT_ID}}":{"loyalty":{"id":"big-1","points":7}}}\n';

module.exports = {
  'Create a new batch': {
    before: [
      '{',
      ...headers,
      '  const run = Date.now().toString(36);',
      '  const tenant = "_" + pm.environment.get("TENANT_ID");',
      '  const group = { title: "Ingestion loyalty " + run, type: "object", "meta:intendedToExtend": ["https://ns.adobe.com/xdm/context/profile"],',
      '    definitions: { loyalty: { properties: { [tenant]: { type: "object", properties: { loyalty: { type: "object",',
      '      properties: { id: { type: "string" }, points: { type: "integer" } }, required: ["id"] } } } } } },',
      '    allOf: [{ $ref: "#/definitions/loyalty" }] };',
      '  pm.sendRequest({ url: base + "/data/foundation/schemaregistry/tenant/fieldgroups", method: "POST", header: json, body: { mode: "raw", raw: JSON.stringify(group) } }, (e1, r1) => {',
      '    const schema = { title: "Ingestion members " + run, type: "object", allOf: [{ $ref: "https://ns.adobe.com/xdm/context/profile" }, { $ref: r1.json()["$id"] }] };',
      '    pm.sendRequest({ url: base + "/data/foundation/schemaregistry/tenant/schemas", method: "POST", header: json, body: { mode: "raw", raw: JSON.stringify(schema) } }, (e2, r2) => {',
      '      const dataset = { name: "Ingestion members " + run, schemaRef: { id: r2.json()["$id"], contentType: "application/vnd.adobe.xed+json;version=1" } };',
      '      pm.sendRequest({ url: base + "/data/foundation/catalog/dataSets", method: "POST", header: json, body: { mode: "raw", raw: JSON.stringify(dataset) } }, (e3, r3) => {',
      '        const id = r3.json()[0].split("/").pop();',
      '        pm.environment.set("datasetId", id);',
      '        pm.environment.set("body", JSON.stringify({ datasetId: id, inputFormat: { format: "json" }, enableErrorDiagnostics: true }));',
      '      });',
      '    });',
      '  });',
      '}',
    ],
    capture: { batchId: 'id' },
  },
  'Upload a small file to a dataset': { set: { filePath: 'profiles.json' } },
  'Either initialize or finish uploading a large file': { set: { filePath: 'big.json', action: 'INITIALIZE' } },
  'Upload part of a large file to a batch': {
    set: { filePath: 'big.json', file: part },
    before: ['const size = pm.variables.replaceIn(pm.environment.get("file")).length;', 'pm.environment.set("Content-Range", "bytes 0-" + (size - 1) + "/" + size);'],
  },
  'Get the current status of the large file': { set: { filePath: 'big.json' } },
  'Retrieve a preview for a batch': { set: { format: 'json' } },
  'Finish uploading a file': {
    set: { action: 'COMPLETE' },
    before: [
      '{',
      ...headers,
      '  const files = base + "/data/foundation/import/batches/" + pm.environment.get("batchId") + "/datasets/" + pm.environment.get("datasetId") + "/files/";',
      '  const tenant = "_" + pm.environment.get("TENANT_ID");',
      '  const rows = [1, 2].map(i => JSON.stringify({ [tenant]: { loyalty: { id: "m" + i, points: i } } })).join("\\n") + "\\n";',
      '  pm.sendRequest({ url: files + "big.json?action=COMPLETE", method: "POST", header: h }, () => {',
      '    pm.sendRequest({ url: files + "profiles.json", method: "PUT", header: Object.assign({ "Content-Type": "application/octet-stream" }, h), body: { mode: "raw", raw: rows } }, () => {});',
      '  });',
      '}',
    ],
  },
};
