// The graph view's example tabs, after the IDE's own (../examples.ts): operations whose results are best looked at
// as a graph. tests/Catalog.Tests.Service/Graph/IdeEndpointTests.cs runs each of them, and the browser tests draw both.
import type { Example } from '../examples';

export const graphExamples: Example[] = [
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
