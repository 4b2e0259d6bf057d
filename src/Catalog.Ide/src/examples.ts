// Example operations shown as the IDE's default tabs (first visit only; afterwards
// GraphiQL restores the user's own tabs from localStorage).
// They must stay valid against the service's schema (src/Catalog.Api/schema.graphql):
// tests/Catalog.Tests/Graph/IdeEndpointTests.cs validates each of them, and the browser
// test runs the first one.

export const examples: { name: string; query: string; variables?: string }[] = [
  {
    name: 'Which talks covered it?',
    query: `# Job 1: a technology by name, slug or any alias (typos and Japanese readings included),
# the talks that covered it, and the exact lines of the notes.
query WhichTalksCoveredIt($name: String!) {
  technology(slug: $name) {
    name
    definition(lang: EN)
    talks { title speakers { name handle } organizations { name } }
    mentions { line matchedText lineText section { heading } talk { title } }
  }
}
`,
    variables: `{ "name": "concurse ci" }`,
  },
  {
    name: 'Glossary for a blog (ja)',
    query: `# Job 2: what the glossary widget downloads: the forms to match in the text, a short
# definition in the page's language, the categories and the talks that covered each term.
query Glossary($lang: Lang = JA) {
  glossary(lang: $lang) {
    slug
    name
    terms
    caseSensitiveTerms
    definition
    definitionLang
    categories
    talks
    url
  }
}
`,
  },
  {
    name: 'Explore relationships',
    query: `# Job 3: walk technology -> typed relations -> categories -> other technologies,
# and find the shortest path between two technologies.
query Explore {
  technology(slug: "istio") {
    name
    uses: related(kind: USES, direction: OUTGOING) { technology { name slug } }
    related { kind direction technology { name slug } }
    categories { name technologies(first: 5) { nodes { name } } }
  }
  path(from: "calico", to: "envoy") {
    length
    steps { from { name type } to { name type } via }
  }
}
`,
  },
  {
    name: 'Istio’s neighbourhood',
    query: `# Istio and what surrounds it: its typed relations, categories and makers, and the talks that covered it
# with their speakers and organisations. Run it, then open the graph view (the graph icon on the left) to see
# it drawn; click a node there to open that node's own neighbourhood in a new tab.
query IstioNeighbourhood {
  technology(slug: "istio") {
    id slug name
    related { kind direction technology { id slug name } }
    categories { id slug name }
    organizations { role organization { id slug name } }
    talks {
      id slug title
      speakers { id slug name }
      organizations { id slug name }
    }
  }
}
`,
  },
  {
    name: 'Path from Calico to Envoy',
    query: `# The shortest path from one technology to another, through typed relations, shared talks and
# shared organisations. The graph view draws it as a path, step by step.
query CalicoToEnvoy {
  path(from: "calico", to: "envoy") {
    length
    steps { from { name slug type } to { name slug type } via }
  }
}
`,
  },
];
