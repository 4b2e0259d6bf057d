// Example operations shown as the IDE's default tabs (first visit only; afterwards
// GraphiQL restores the user's own tabs from localStorage).
// The schema owner keeps these in step with the schema.

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
    mentions { line matchedText lineText section { heading } }
  }
}
`,
    variables: `{ "name": "concurse ci" }`,
  },
  {
    name: 'Glossary for a blog (ja)',
    query: `# Job 2: what the glossary widget downloads: terms to match, a short definition, categories, talks.
query Glossary($lang: Lang = JA) {
  glossary(lang: $lang) { slug name terms definition definitionLang categories talks }
}
`,
  },
  {
    name: 'Explore relationships',
    query: `# Job 3: walk technology -> relations -> categories -> other technologies, and find a path.
query Explore {
  technology(slug: "istio") {
    name
    related { kind direction technology { name slug } }
    categories { name technologies(first: 5) { nodes { name } } }
  }
  path(from: "calico", to: "envoy") { length steps { from { name } to { name } via } }
}
`,
  },
];
