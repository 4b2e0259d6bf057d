// The operation a click on a node opens in a new tab: the node and what surrounds it, selected so that the graph
// view draws it (every object with its id and slug).
//
// `{Name}` becomes the node's name in PascalCase, `"{slug}"` and `"{id}"` its slug and global ID as GraphQL strings.
// tests/Catalog.Tests.Service/Graph/IdeEndpointTests.cs runs each template against the schema.
import type { GraphNode } from './model';

export const neighbourhoods: Record<string, string> = {
  Technology: `query {Name}Neighbourhood {
  technology(slug: "{slug}") {
    id slug name kind
    related { kind direction technology { id slug name } }
    categories { id slug name parent { id slug name } }
    organizations { role organization { id slug name } }
    talks {
      id slug title
      event { id slug name }
      speakers { id slug name }
      organizations { id slug name }
    }
  }
}
`,
  Category: `query {Name}Neighbourhood {
  category(slug: "{slug}") {
    id slug name
    parent { id slug name }
    children { id slug name }
    technologies(first: 30) { nodes { id slug name } }
  }
}
`,
  Organization: `query {Name}Neighbourhood {
  organization(slug: "{slug}") {
    id slug name kind
    parent { id slug name }
    technologies { role technology { id slug name } }
    talks { id slug title speakers { id slug name } }
  }
}
`,
  Person: `query {Name}Neighbourhood {
  person(slug: "{slug}") {
    id slug name handle
    talks {
      id slug title
      event { id slug name }
      organizations { id slug name }
      technologies { id slug name }
    }
  }
}
`,
  Talk: `query {Name}Neighbourhood {
  talk(slug: "{slug}") {
    id slug title
    event { id slug name }
    speakers { id slug name }
    organizations { id slug name }
    technologies { id slug name }
  }
}
`,
  Event: `query {Name}Neighbourhood {
  event(slug: "{slug}") {
    id slug name edition
    talks { id slug title speakers { id slug name } organizations { id slug name } }
  }
}
`,
  SourceDocument: `query {Name}Neighbourhood {
  document(slug: "{slug}") {
    id slug title
    event { id slug name }
    sections { id heading talk { id slug title } }
  }
}
`,
  Node: `query {Name}Neighbourhood {
  node(id: "{id}") {
    __typename
    id
    ... on Alias { text technology { id slug name } }
    ... on Mention { matchedText technology { id slug name } talk { id slug title } section { id heading } }
    ... on Section { heading talk { id slug title } document { id slug title } }
    ... on TechnologyRelation { kind from { id slug name } to { id slug name } }
  }
}
`,
};

/** Types whose slug another field shares: a glossary entry is its technology's. */
const SLUG_OF: Record<string, string> = { GlossaryEntry: 'Technology' };

/** The operation for a node's neighbourhood, or null when it has neither a slug of a known type nor an ID. */
export function neighbourhoodQuery(node: GraphNode): string | null {
  const type = SLUG_OF[node.type] ?? node.type;
  const bySlug = node.slug !== undefined ? neighbourhoods[type] : undefined;
  const template = bySlug ?? (node.id !== undefined ? neighbourhoods.Node : undefined);
  if (!template) return null;
  const heading = `# ${node.label}: its neighbourhood (${node.type}), opened from the graph view.\n`;
  return (
    heading +
    template
      .replace('{Name}', operationName(node))
      .replace('"{slug}"', JSON.stringify(node.slug ?? ''))
      .replace('"{id}"', JSON.stringify(node.id ?? ''))
  );
}

/** istio → Istio, container-runtime → ContainerRuntime; a name that starts with a digit gets its type first. */
export function operationName(node: GraphNode): string {
  const source = node.slug ?? node.label;
  const words = source.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  const name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  if (name === '') return node.type.replace(/[^A-Za-z0-9]/g, '') || 'Node';
  return /^[0-9]/.test(name) ? node.type.replace(/[^A-Za-z0-9]/g, '') + name : name;
}
