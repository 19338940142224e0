// An offline API reference drawn from /openapi.json (in place of Swagger UI, which loads from a CDN).

import { el, fill, getJSON, showError } from "./common.js";

function schemaText(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(schemaText).filter((text) => text !== "null").join(" | ");
  const parts = [schema.type || (schema.$ref ? schema.$ref.split("/").pop() : "any")];
  if (schema.enum) parts.push(`one of ${schema.enum.join(", ")}`);
  if (schema.format) parts.push(schema.format);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join(", ");
}

function resolve(schema, openapi) {
  if (!schema || !schema.$ref) return schema || {};
  return schema.$ref.replace(/^#\//, "").split("/").reduce((node, key) => (node ? node[key] : undefined), openapi) || {};
}

function bodyFields(spec, openapi) {
  const content = spec.requestBody.content || {};
  const schema = resolve((content["application/json"] || {}).schema, openapi);
  const required = new Set(schema.required || []);
  return Object.entries(schema.properties || {}).map(([name, field]) => `${name}${required.has(name) ? " *" : ""} (${schemaText(field)})`);
}

function operation(path, method, spec, openapi) {
  const parameters = spec.parameters || [];
  const tryIt = method === "get" && !path.includes("{") ? el("a", { href: path }, "open") : null;
  return el(
    "section",
    { class: "operation", id: spec.operationId || `${method}-${path}` },
    el("h2", {}, el("span", { class: "method" }, method.toUpperCase()), el("span", { class: "path" }, path), " ", tryIt),
    el("p", {}, spec.summary || ""),
    spec.description ? el("p", { class: "muted" }, spec.description) : null,
    parameters.length
      ? el(
          "table",
          {},
          el("thead", {}, el("tr", {}, el("th", {}, "parameter"), el("th", {}, "in"), el("th", {}, "type"), el("th", {}, "description"))),
          el(
            "tbody",
            {},
            parameters.map((parameter) =>
              el(
                "tr",
                {},
                el("td", {}, el("code", {}, parameter.name), parameter.required ? " *" : ""),
                el("td", {}, parameter.in),
                el("td", {}, schemaText(parameter.schema)),
                el("td", {}, parameter.description || (parameter.schema && parameter.schema.description) || ""),
              ),
            ),
          ),
        )
      : null,
    spec.requestBody ? el("p", { class: "muted" }, "JSON body: ", bodyFields(spec, openapi).join("; ")) : null,
  );
}

async function main() {
  const container = document.getElementById("operations");
  let openapi;
  try {
    openapi = await getJSON("/openapi.json");
  } catch (error) {
    showError(container, error);
    return;
  }
  document.getElementById("api-title").textContent = `${openapi.info.title} API ${openapi.info.version}`;
  document.getElementById("api-summary").textContent = openapi.info.summary || "";
  const sections = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, spec] of Object.entries(methods)) sections.push(operation(path, method, spec, openapi));
  }
  fill(container, sections);
  document.body.dataset.ready = "true";
}

main();
