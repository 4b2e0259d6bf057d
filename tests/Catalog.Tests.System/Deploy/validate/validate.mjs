// Validates Kubernetes objects (a multi-document YAML file, e.g. `kubectl kustomize` output) and prints JSON:
//   { "objects": [ ...every object... ], "problems": [ "Kind/name: problem", ... ] }
// Built-in kinds: the kubernetes-models validators (the OpenAPI schemas of the Kubernetes API), plus a check for
// fields the schema does not know (the API server rejects those under strict field validation; the validators,
// like the OpenAPI schemas, let them through), read from the models' type declarations.
// Custom resources have no schema here: the ones Catalog uses are checked by hand below; any other is a problem.
//   node validate.mjs rendered.yaml
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";

const require = createRequire(import.meta.url);
const modelsRoot = dirname(require.resolve("kubernetes-models/package.json"));
const apimachineryRoot = dirname(require.resolve("@kubernetes-models/apimachinery/package.json"));

async function validate(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== "string" || typeof kind !== "string") return ["no apiVersion or kind"];
  const custom = customResources[`${apiVersion}/${kind}`];
  if (custom) return custom(object);

  const modelPath = join(modelsRoot, apiVersion, `${kind}.js`);
  if (!existsSync(modelPath)) return [`no schema for ${apiVersion} ${kind}`];
  const Model = require(modelPath)[kind];
  const found = [];
  try {
    new Model(normalised(object)).validate();
  } catch (e) {
    for (const error of e.errors ?? [{ instancePath: "", message: e.message }]) {
      found.push(`${error.instancePath || "/"} ${error.message}${error.params?.missingProperty ? ` (${error.params.missingProperty})` : ""}`);
    }
  }
  found.push(...unknownFields(object, declaration(modelPath.replace(/\.js$/, ".d.ts"), `I${kind}`), ""));
  return found;
}

/** What the API server reads: kustomize wraps long base64 values over lines, which Go's decoder skips. */
function normalised(object) {
  if (object.kind !== "Secret" || !object.data) return object;
  const data = Object.fromEntries(Object.entries(object.data).map(([k, v]) => [k, typeof v === "string" ? v.replace(/\s+/g, "") : v]));
  return { ...object, data };
}

// --- Fields the schema does not know, from the type declarations (.d.ts) of the models -------------------------

const declarations = new Map();

/** The properties of an interface: name -> type text, and where the names in those types come from. */
function declaration(file, name) {
  const key = `${file}#${name}`;
  if (declarations.has(key)) return declarations.get(key);
  const text = readFileSync(file, "utf8");
  // Imported interfaces: `import { IIoK8sApiCoreV1Probe } from "./Probe";`
  const imports = new Map();
  for (const [, imported, from] of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
    const target = from.startsWith(".")
      ? join(dirname(file), `${from}.d.ts`)
      : from.startsWith("@kubernetes-models/apimachinery/")
        ? join(apimachineryRoot, `${from.slice("@kubernetes-models/apimachinery/".length)}.d.ts`)
        : null;
    if (target && existsSync(target)) imports.set(imported, target);
  }
  // The interface itself, under its own name or exported under an alias: `export { IProbe as IIoK8sApiCoreV1Probe }`.
  const local = text.match(new RegExp(`export \\{ (\\w+) as ${name}[ ,]`))?.[1] ?? name;
  const body = text.match(new RegExp(`^export interface ${local}(?: extends [^{]+)? \\{\\n([\\s\\S]*?)^\\}`, "m"));
  const properties = new Map();
  if (body) {
    for (const [, property, type] of body[1].matchAll(/^ {4}"([^"]+)"\??: (.*?);?$/gm)) properties.set(property, type);
  }
  const result = { file, name, properties, imports, found: Boolean(body) };
  declarations.set(key, result);
  return result;
}

function unknownFields(value, type, path) {
  if (!type.found || value == null || typeof value !== "object" || Array.isArray(value)) return [];
  const found = [];
  for (const [field, child] of Object.entries(value)) {
    const fieldPath = `${path}/${field}`;
    if (!type.properties.has(field)) {
      found.push(`${fieldPath} is not a field of ${type.name.replace(/^IIoK8s(Api)?/, "")}`);
      continue;
    }
    // Recurse into declared object types (`IFoo` or `Array<IFoo>`); maps, unions and scalars are leaves.
    const text = type.properties.get(field);
    const element = text.match(/^Array<(\w+)>$/)?.[1] ?? text.match(/^(\w+)$/)?.[1];
    const file = element && type.imports.get(element);
    if (!file) continue;
    const childType = declaration(file, element);
    const items = Array.isArray(child) ? child.map((item, i) => [item, `${fieldPath}/${i}`]) : [[child, fieldPath]];
    for (const [item, itemPath] of items) found.push(...unknownFields(item, childType, itemPath));
  }
  return found;
}

// --- Custom resources: no schema ships with kubernetes-models, so the fields Catalog relies on are checked here --

const customResources = {
  // CloudNativePG (postgresql.cnpg.io/v1): the fields its CRD requires, and the ones this project sets.
  "postgresql.cnpg.io/v1/Cluster": (cluster) => {
    const found = [];
    const spec = cluster.spec ?? {};
    if (!cluster.metadata?.name) found.push("metadata.name is required");
    if (!Number.isInteger(spec.instances) || spec.instances < 1) found.push("spec.instances must be an integer >= 1");
    if (typeof spec.storage?.size !== "string") found.push("spec.storage.size is required");
    const known = ["instances", "imageName", "imageCatalogRef", "primaryUpdateStrategy", "primaryUpdateMethod", "bootstrap",
      "postgresql", "storage", "walStorage", "resources", "affinity", "monitoring", "backup", "managed", "enableSuperuserAccess",
      "description", "minSyncReplicas", "maxSyncReplicas", "topologySpreadConstraints", "priorityClassName"];
    for (const field of Object.keys(spec)) if (!known.includes(field)) found.push(`/spec/${field} is not a Cluster field this check knows`);
    const initdb = spec.bootstrap?.initdb;
    if (initdb && (typeof initdb.database !== "string") !== (typeof initdb.owner !== "string"))
      found.push("spec.bootstrap.initdb: database and owner go together");
    return found;
  },
};

// --- Main (last: the tables above are initialised by now) -------------------------------------------------------

const problems = [];
const objects = [];

for (const doc of parseAllDocuments(readFileSync(process.argv[2], "utf8"))) {
  if (doc.errors.length) {
    problems.push(`YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
    continue;
  }
  const object = doc.toJS();
  if (object == null) continue;
  objects.push(object);
  const id = `${object.kind}/${object.metadata?.name ?? "?"}`;
  for (const problem of await validate(object)) problems.push(`${id}: ${problem}`);
}

process.stdout.write(JSON.stringify({ objects, problems }, null, 1));
