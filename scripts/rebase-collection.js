#!/usr/bin/env node
// Points a Postman collection (v2.1) at a ProfilePlatform: every request URL's scheme and host, whether literal
// (https://platform.adobe.io, https://ims-na1.adobelogin.com) or a variable ({{PLATFORM_GATEWAY}}, https://{{IMS}}),
// is replaced by BASE_URL; path, query, headers, bodies and scripts stay as they are.
//
//   node scripts/rebase-collection.js IN.postman_collection.json OUT.postman_collection.json http://localhost:5000
'use strict';

const fs = require('fs');

const [, , input, output, baseArg] = process.argv;
if (!input || !output || !baseArg) {
  console.error('usage: node scripts/rebase-collection.js IN.json OUT.json BASE_URL   (e.g. http://localhost:5000)');
  process.exit(2);
}

const base = new URL(baseArg);
const baseText = baseArg.replace(/\/+$/, '');
const basePath = base.pathname.replace(/^\/+|\/+$/g, '');
// Scheme + host (+ port), or a leading {{VARIABLE}} standing for one, optionally behind a scheme.
const ORIGIN = /^(?:(?:https?:)?\/\/)?(?:\{\{[^}]+\}\}|[^/?#{}]+\.[^/?#{}]+|localhost)(?::\d+)?/;

function rebaseRaw(raw) {
  return ORIGIN.test(raw) ? raw.replace(ORIGIN, baseText) : raw;
}

function rebaseUrl(url) {
  if (typeof url === 'string') {
    return rebaseRaw(url);
  }
  const rebased = { ...url, raw: rebaseRaw(url.raw || '') };
  rebased.protocol = base.protocol.replace(':', '');
  rebased.host = base.hostname.split('.');
  if (base.port) {
    rebased.port = base.port;
  } else {
    delete rebased.port;
  }
  if (basePath && Array.isArray(url.path)) {
    rebased.path = basePath.split('/').concat(url.path);
  }
  return rebased;
}

let count = 0;
function walk(items) {
  for (const item of items || []) {
    if (Array.isArray(item.item)) {
      walk(item.item);
    } else if (item.request && typeof item.request === 'object' && item.request.url) {
      item.request.url = rebaseUrl(item.request.url);
      count += 1;
    }
  }
}

const collection = JSON.parse(fs.readFileSync(input, 'utf8'));
walk(collection.item);
fs.writeFileSync(output, JSON.stringify(collection, null, 2) + '\n');
console.log(`${count} request(s) now go to ${baseText}: ${output}`);
