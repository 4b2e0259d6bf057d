// Reads a GraphQL result as a graph.
//
// - A node is an object with an `id`, or with a `slug` and a known type. Its type is its `__typename` or, without
//   one, the type the schema gives the field it was found in (the operation maps aliases back to field names).
//   A path's nodes (`PathNode`) name their type in `type`.
// - An object nested in a node's field is linked to it, labelled with the field's name; objects without an identity
//   in between (connections, `organizations { role organization }`) are looked through.
// - A relation object (`kind` with `direction`, or `from` and `to`) is an edge, not a node: labelled with its kind,
//   pointing from the relation's subject to its object.
// - A step of a path (`from`, `to`, `via`) is an edge labelled with `via` and numbered in the path's order.
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

import type { EdgeKind, Graph, GraphEdge, GraphNode } from './model';

export type ExtractContext = {
  schema?: GraphQLSchema | null;
  document?: DocumentNode | null;
  operationName?: string | null;
};

type Json = Record<string, unknown>;

/** What is known about the value being read: its type in the schema and the selections that asked for it. */
type Scope = { type?: GraphQLNamedType; selections: readonly SelectionSetNode[] };

const LABEL_FIELDS = ['name', 'title', 'nameEn', 'heading', 'text', 'matchedText', 'handle', 'slug'] as const;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** USES → uses, ALTERNATIVE_TO → alternative to. */
export function humanize(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}

export function extractGraph(result: unknown, context: ExtractContext, limit: number): Graph {
  return new Extractor(context, limit).read(result);
}

class Extractor {
  private readonly nodes = new Map<string, GraphNode & { fallbackLabel: boolean }>();
  private readonly edges = new Map<string, GraphEdge>();
  /** Every node key met, drawn or not. */
  private readonly seen = new Set<string>();
  /** Global IDs of objects also known by type and slug: both name one node. */
  private readonly aliases = new Map<string, string>();
  private readonly fragments = new Map<string, FragmentDefinitionNode>();

  constructor(
    private readonly context: ExtractContext,
    private readonly limit: number,
  ) {
    for (const definition of context.document?.definitions ?? [])
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
  }

  read(result: unknown): Graph {
    const data = isJson(result) ? result.data : undefined;
    if (isJson(data)) this.walk(data, this.rootScope(), undefined, undefined, 0);
    return this.finish();
  }

  private rootScope(): Scope {
    const { schema, document, operationName } = this.context;
    const operations = (document?.definitions ?? []).filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const operation = operations.find((o) => o.name?.value === operationName) ?? (operations.length === 1 ? operations[0] : undefined);
    if (!operation) return { type: schema?.getQueryType() ?? undefined, selections: [] };
    return { type: schema?.getRootType(operation.operation) ?? undefined, selections: [operation.selectionSet] };
  }

  /** Reads a value; returns the node key when the value is a node. */
  private walk(value: unknown, scope: Scope, parent: string | undefined, label: string | undefined, index: number): string | undefined {
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.walk(item, scope, parent, label, i));
      return undefined;
    }
    if (!isJson(value)) return undefined;

    const runtimeType = this.runtimeType(value, scope);
    const typeName = runtimeType?.name;
    if (this.isEdgeObject(value, typeName)) {
      this.readEdgeObject(value, { ...scope, type: runtimeType }, parent, index);
      return undefined;
    }

    const key = this.identify(value, typeName);
    if (!key) {
      // Looked through: its children hang from the same parent, under the same label (plus a role, when it has one).
      const role = text(value.role);
      const childLabel = label && role ? `${label} (${humanize(role)})` : label;
      this.walkChildren(value, { ...scope, type: runtimeType }, parent, childLabel, []);
      return undefined;
    }
    if (parent && label) this.addEdge(parent, key, label, 'nesting');
    // A path's node carries its object in `node`: the same thing, so its ID names this node too.
    if (typeName === 'PathNode' && isJson(value.node) && text(value.node.id)) this.aliases.set(value.node.id as string, key);
    this.walkChildren(value, { ...scope, type: runtimeType }, key, undefined, []);
    return key;
  }

  private walkChildren(value: Json, scope: Scope, parent: string | undefined, label: string | undefined, skip: readonly string[]) {
    for (const [field, child] of Object.entries(value)) {
      if (skip.includes(field) || child === null || typeof child !== 'object') continue;
      this.walk(child, this.childScope(value, scope, field), parent, label ?? field, 0);
    }
  }

  /** A relation or a path step: an edge between the nodes it holds. */
  private readEdgeObject(value: Json, scope: Scope, parent: string | undefined, index: number) {
    const end = (field: string) =>
      isJson(value[field]) ? this.walk(value[field], this.childScope(value, scope, field), undefined, undefined, 0) : undefined;
    const from = end('from');
    const to = end('to');
    const other = from && to ? undefined : end('technology');
    const via = text(value.via);
    const kind = text(value.kind);
    const label = via ?? (kind ? humanize(kind) : 'related');
    const edgeKind: EdgeKind = via ? 'path' : 'relation';
    if (from && to) this.addEdge(from, to, label, edgeKind, via ? index + 1 : undefined);
    else if (other && parent) {
      if (value.direction === 'INCOMING') this.addEdge(other, parent, label, edgeKind);
      else this.addEdge(parent, other, label, edgeKind);
    }
    this.walkChildren(value, scope, undefined, undefined, ['from', 'to', 'technology']);
  }

  private isEdgeObject(value: Json, typeName: string | undefined): boolean {
    if (typeName === 'TechnologyRelation' || typeName === 'PathStep') return true;
    const ends = isJson(value.from) && isJson(value.to);
    if (typeof value.via === 'string' && ends) return true;
    return typeof value.kind === 'string' && (typeof value.direction === 'string' || ends) && text(value.slug) === undefined;
  }

  /** The node key of an object, registering the node; undefined when the object is not a node. */
  private identify(value: Json, typeName: string | undefined): string | undefined {
    const id = text(value.id) ?? (typeof value.id === 'number' ? String(value.id) : undefined);
    const slug = text(value.slug);
    // A path's node names the type of its object.
    const type = (typeName === 'PathNode' || typeName === undefined) && text(value.type) && slug ? (value.type as string) : typeName;
    let key: string;
    if (slug && type) {
      key = `${type}:${slug}`;
      if (id) this.aliases.set(id, key);
    } else if (id) key = `id:${id}`;
    else return undefined;

    const found = LABEL_FIELDS.map((field) => text(value[field])).find((l) => l !== undefined);
    const label = found ?? `${type ?? 'Object'} ${id ?? ''}`.trim();
    const fallbackLabel = found === undefined || found === slug;
    this.seen.add(key);
    const existing = this.nodes.get(key);
    if (existing) {
      if (existing.fallbackLabel && !fallbackLabel) Object.assign(existing, { label, fallbackLabel });
      existing.slug ??= slug;
      existing.id ??= id;
    } else if (this.nodes.size < this.limit) {
      this.nodes.set(key, { key, type: type ?? 'Object', label, slug, id, fallbackLabel });
    }
    return key;
  }

  private addEdge(source: string, target: string, label: string, kind: EdgeKind, step?: number) {
    const id = `${source}\u0000${target}\u0000${label}`;
    if (!this.edges.has(id)) this.edges.set(id, { source, target, label, kind, step });
  }

  /** The object's type: its `__typename`, else the type its field has in the schema. */
  private runtimeType(value: Json, scope: Scope): GraphQLNamedType | undefined {
    const named = text(value.__typename);
    if (named) return this.context.schema?.getType(named) ?? ({ name: named } as GraphQLNamedType);
    return scope.type;
  }

  /** The scope of `field` of an object: the field's type and the selections that asked for it. */
  private childScope(value: Json, scope: Scope, responseKey: string): Scope {
    const matches: { name: string; selectionSet?: SelectionSetNode; condition?: string }[] = [];
    const visit = (set: SelectionSetNode, condition: string | undefined, depth: number) => {
      if (depth > 20) return;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if ((selection.alias?.value ?? selection.name.value) === responseKey)
            matches.push({ name: selection.name.value, selectionSet: selection.selectionSet, condition });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          visit(selection.selectionSet, selection.typeCondition?.name.value ?? condition, depth + 1);
        } else {
          const fragment = this.fragments.get(selection.name.value);
          if (fragment) visit(fragment.selectionSet, fragment.typeCondition.name.value, depth + 1);
        }
      }
    };
    for (const set of scope.selections) visit(set, undefined, 0);

    const fieldName = matches[0]?.name ?? responseKey;
    const schema = this.context.schema;
    const candidates = [scope.type, ...matches.map((m) => (m.condition ? schema?.getType(m.condition) : undefined))];
    let field: GraphQLField<unknown, unknown> | undefined;
    for (const candidate of candidates) {
      if (candidate && (isObjectType(candidate) || isInterfaceType(candidate))) field = candidate.getFields()[fieldName];
      if (field) break;
    }
    return {
      type: field ? getNamedType(field.type) : undefined,
      selections: matches.flatMap((m) => (m.selectionSet ? [m.selectionSet] : [])),
    };
  }

  private finish(): Graph {
    // Objects first met by ID and later by type and slug are one node: keep the slug's.
    const resolve = (key: string) => (key.startsWith('id:') ? (this.aliases.get(key.slice(3)) ?? key) : key);
    const nodes = new Map<string, GraphNode>();
    for (const node of this.nodes.values()) {
      const key = resolve(node.key);
      const { fallbackLabel: _, ...plain } = node;
      const existing = nodes.get(key);
      if (!existing) nodes.set(key, { ...plain, key, type: key === node.key ? node.type : (this.nodes.get(key)?.type ?? node.type) });
      else {
        existing.id ??= node.id;
        existing.slug ??= node.slug;
      }
    }
    const total = new Set([...this.seen].map(resolve)).size;

    const edges = new Map<string, GraphEdge>();
    for (const edge of this.edges.values()) {
      const source = resolve(edge.source);
      const target = resolve(edge.target);
      if (source === target || !nodes.has(source) || !nodes.has(target)) continue;
      const id = `${source}\u0000${target}\u0000${edge.label}`;
      if (!edges.has(id)) edges.set(id, { ...edge, source, target });
    }

    // A path's nodes, numbered in the order its steps walk them.
    const steps = [...edges.values()].filter((e) => e.kind === 'path').sort((a, b) => (a.step ?? 0) - (b.step ?? 0));
    let position = 0;
    for (const step of steps) {
      for (const key of [step.source, step.target]) {
        const node = nodes.get(key)!;
        if (node.pathIndex === undefined) node.pathIndex = position++;
      }
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], total };
  }
}
