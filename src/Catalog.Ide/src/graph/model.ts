// The graph the panel draws, read from a GraphQL result (see extract.ts).

export type GraphNode = {
  /** `Type:slug` when the object has a slug, else `id:<global id>`: the same object met twice is one node. */
  key: string;
  /** The GraphQL type: Technology, Talk, Person, Organization, Category, Event, ... */
  type: string;
  label: string;
  slug?: string;
  id?: string;
  /** Position on a `path` result, from 0; undefined off the path. */
  pathIndex?: number;
};

export type EdgeKind =
  /** An object nested in another one's field (Technology.talks, Talk.speakers ...). */
  | 'nesting'
  /** A relation object (`kind`, `direction`): Istio USES Envoy. */
  | 'relation'
  /** A step of a `path` result (`from`, `to`, `via`). */
  | 'path';

export type GraphEdge = {
  source: string;
  target: string;
  label: string;
  kind: EdgeKind;
  /** The step's number on a path, from 1. */
  step?: number;
};

export type Graph = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Every node the result holds, drawn or not. */
  total: number;
};
