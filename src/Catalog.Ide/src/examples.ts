// Example operations shown as the IDE's default tabs (first visit only; afterwards
// GraphiQL restores the user's own tabs from localStorage), followed by the graph view's
// own examples (graph/examples.ts).
// They must stay valid against the service's schema (src/Catalog.Api/schema.graphql):
// tests/Catalog.Tests.Service/Graph/IdeEndpointTests.cs validates each of them, and the browser
// test runs the first one.

export type Example = { name: string; query: string; variables?: string };

export const examples: Example[] = [
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
    query: `# Job 2: the glossary: the forms to match in the text, a short definition in the page's
# language, the categories and the talks that covered each term (the blog widget itself fetches a
# compact term index, then the definitions of just the terms a page shows; page with first/after).
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
    name: 'CNCF graduated projects',
    query: `# CNCF graduated projects and the talks that covered them: maturity, dates and the place in
# the CNCF landscape come from its data file (see landscape.attribution); definitions are Catalog's own.
query GraduatedProjects($maturity: Maturity = GRADUATED) {
  technologies(maturity: $maturity, first: 100) {
    totalCount
    nodes {
      name
      maturity
      definition(lang: EN)
      landscape { category subcategory acceptedOn graduatedOn attribution }
      organizations { role organization { name membership } }
      talks { title event { name } }
    }
  }
}
`,
  },
  {
    name: 'Annotate a post (no scripts)',
    query: `# For blogs that run no scripts: the post with its technologies linked (the first occurrence of
# each, where the catalog's linker decides the name means the technology) and a glossary section in
# the post's language at its end. The same as the notes annotate command.
query Annotate($text: String!) {
  annotate(text: $text, glossaryUrl: "https://glossary.example/t/{slug}") {
    text
    lang
    links { technology { name } matchedText line column evidence }
    glossary { name definition definitionSource url }
  }
}
`,
    variables: `{ "text": "# Istioを入れた\\n\\n私たちはKubernetesの上でIstioを動かしている。Envoyがサイドカーとして各Podに入る。\\n" }`,
  },
];
