#!/usr/bin/env node
// Adds a driver's pre-request and test scripts to a (rebased) Postman collection, so newman can run a collection whose
// requests expect the user to fill in variables by hand. The requests themselves are left as they are.
//
//   node scripts/apply-collection-driver.js IN.json OUT.json scripts/aep-collections/NAME.driver.js
'use strict';

const fs = require('fs');
const path = require('path');

const [, , input, output, driverPath] = process.argv;
const collection = JSON.parse(fs.readFileSync(input, 'utf8'));
const driver = require(path.resolve(driverPath));
const seen = {};

function script(listen, lines) {
  return { listen, script: { type: 'text/javascript', exec: lines } };
}

function prerequest(step) {
  const lines = [];
  for (const [key, value] of Object.entries(step.set || {})) {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    lines.push(`pm.environment.set(${JSON.stringify(key)}, pm.variables.replaceIn(${JSON.stringify(text)}));`);
  }
  lines.push(...(step.before || []));
  if (step.create) {
    const { path: p, body, into } = step.create;
    lines.push(
      'pm.sendRequest({',
      `  url: pm.environment.get("PLATFORM_GATEWAY") + "/data/foundation/schemaregistry" + ${JSON.stringify(p)},`,
      '  method: "POST",',
      '  header: { "Authorization": "Bearer " + pm.environment.get("ACCESS_TOKEN"), "x-api-key": pm.environment.get("API_KEY"),',
      '            "x-gw-ims-org-id": pm.environment.get("IMS_ORG"), "x-sandbox-name": pm.environment.get("SANDBOX_NAME"), "Content-Type": "application/json" },',
      `  body: { mode: "raw", raw: pm.variables.replaceIn(${JSON.stringify(JSON.stringify(body))}) },`,
      `}, (err, res) => { if (!err) { pm.environment.set(${JSON.stringify(into)}, encodeURIComponent(res.json()["$id"])); } });`);
  }
  return lines;
}

function tests(step) {
  const lines = [];
  if (step.capture || step.keep) {
    lines.push('let driverBody = null; try { driverBody = pm.response.json(); } catch (e) { }');
  }
  for (const [key, spec] of Object.entries(step.capture || {})) {
    const field = spec.replace(/^enc:/, '');
    const value = spec.startsWith('enc:') ? `encodeURIComponent(driverBody[${JSON.stringify(field)}])` : `driverBody[${JSON.stringify(field)}]`;
    lines.push(`if (driverBody && driverBody[${JSON.stringify(field)}]) { pm.environment.set(${JSON.stringify(key)}, ${value}); }`);
  }
  for (const key of Object.keys(step.keep || {})) {
    lines.push(`pm.environment.set(${JSON.stringify(key)}, pm.response.text());`);
  }
  lines.push(...(step.after || []));
  return lines;
}

function walk(items) {
  for (const item of items) {
    if (item.item) {
      walk(item.item);
      continue;
    }
    const entry = driver[item.name];
    if (!entry) {
      continue;
    }
    const index = seen[item.name] = (seen[item.name] ?? -1) + 1;
    const step = Array.isArray(entry) ? entry[Math.min(index, entry.length - 1)] : entry;
    item.event = item.event || [];
    // The driver runs first, so the collection's own pre-request script sees the variables it sets.
    const pre = prerequest(step);
    if (pre.length) item.event.unshift(script('prerequest', pre));
    const post = tests(step);
    if (post.length) item.event.push(script('test', post));
  }
}

walk(collection.item);
fs.writeFileSync(output, JSON.stringify(collection, null, 2));
