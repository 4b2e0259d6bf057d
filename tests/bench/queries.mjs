// The benchmark's queries: the same question asked of each system in its own schema, with variables, and a
// normaliser per query that turns each system's answer into the same comparable value (sets sorted, the
// client-side steps a PostGraphile user would take applied).

const sortBy = (xs, key = (x) => JSON.stringify(x)) => [...xs].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const uniq = (xs) => [...new Set(xs)];
// PostGraphile runs with --simple-collections only: lists, not Relay connections (see postgraphile.sql).
const nodes = (c) => c || [];

const catalogTalk = (t) => ({
  slug: t.slug, title: t.title,
  speakers: sortBy(t.speakers.map((p) => p.slug)),
  organizations: sortBy(t.organizations.map((o) => o.slug)),
});
const graphileTalk = (t) => ({
  slug: t.slug, title: t.title,
  speakers: sortBy(nodes(t.talkSpeakersByTalkIdList).map((s) => s.personByPersonId.slug)),
  organizations: sortBy(nodes(t.talkOrganizationsByTalkIdList).map((o) => o.organizationByOrganizationId.slug)),
});

export const queries = [
  {
    name: 'Q1',
    title: 'technology by alias, its talks, speakers, organisations',
    catalog: {
      query: `query Q1($alias: String!) {
  technology(slug: $alias) { slug name talks { slug title speakers { slug name } organizations { slug name } } }
}`,
      variables: { alias: 'k8s' },
      normalize: (d) => d.technology && {
        slug: d.technology.slug, name: d.technology.name,
        talks: sortBy(d.technology.talks.map(catalogTalk)),
      },
    },
    postgraphile: {
      query: `query Q1($alias: String!) {
  allTechnologyAliasesList(condition: { normalized: $alias }) { technologyByTechnologyId {
    slug name
    talksList { slug title
      talkSpeakersByTalkIdList(orderBy: POSITION_ASC) { personByPersonId { slug name } }
      talkOrganizationsByTalkIdList(orderBy: POSITION_ASC) { organizationByOrganizationId { slug name } } }
  } }
}`,
      // The client lower-cases the alias, as the catalog does for it.
      variables: { alias: 'k8s' },
      normalize: (d) => {
        const t = nodes(d.allTechnologyAliasesList)[0]?.technologyByTechnologyId;
        return t && { slug: t.slug, name: t.name, talks: sortBy(nodes(t.talksList).map(graphileTalk)) };
      },
    },
    scaleVariables: { alias: 'k8s' },
  },
  {
    name: 'Q2',
    title: 'glossary for one language',
    catalog: {
      query: `query Q2($lang: Lang!) {
  glossary(lang: $lang) { slug name terms caseSensitiveTerms contextTerms definition definitionLang categories talks url }
}`,
      variables: { lang: 'JA' },
      normalize: (d) => sortBy(d.glossary.map((e) => ({
        slug: e.slug, name: e.name,
        terms: sortBy(e.terms.map((x) => x.toLowerCase())), caseSensitiveTerms: sortBy(e.caseSensitiveTerms),
        contextTerms: sortBy(e.contextTerms.map((x) => x.toLowerCase())),
        definition: e.definition, definitionLang: e.definitionLang?.toLowerCase() ?? null,
        categories: sortBy(e.categories), talks: sortBy(e.talks), url: e.url,
      })), (e) => e.slug),
    },
    postgraphile: {
      query: `query Q2($ja: Boolean!, $lang: String!) {
  allTechnologiesList(orderBy: NAME_ASC) {
    slug name homepage repository
    technologyAliasesByTechnologyIdList(condition: { match: true }, orderBy: ID_ASC) { text caseSensitive ambiguity }
    technologyDefinitionsByTechnologyIdList { lang short }
    factsDefinitionList(lang: $lang)
    technologyCategoriesByTechnologyIdList(orderBy: POSITION_ASC) { categoryByCategoryId { nameEn @skip(if: $ja) nameJa @include(if: $ja) } }
    talksList { title }
  }
}`,
      variables: { ja: true, lang: 'ja' },
      // What a glossary client would do with the raw rows: pick the page's language, else the other one, else the
      // sentences composed from the catalog's facts (postgraphile.sql's technologies_facts_definition), in the page's.
      normalize: (d) => sortBy(nodes(d.allTechnologiesList).flatMap((t) => {
        const defs = nodes(t.technologyDefinitionsByTechnologyIdList);
        const def = defs.find((x) => x.lang === 'ja') || defs.find((x) => x.lang === 'en')
          || nodes(t.factsDefinitionList).map((short) => ({ lang: 'ja', short }))[0];
        // Forms that are ordinary words (an ambiguity) link only on evidence: the glossary lists them apart.
        const all = nodes(t.technologyAliasesByTechnologyIdList);
        const aliases = all.filter((a) => a.ambiguity == null);
        return [{
          slug: t.slug, name: t.name,
          terms: sortBy(uniq(aliases.filter((a) => !a.caseSensitive).map((a) => a.text.toLowerCase()))),
          caseSensitiveTerms: sortBy(uniq(aliases.filter((a) => a.caseSensitive).map((a) => a.text))),
          contextTerms: sortBy(uniq(all.filter((a) => a.ambiguity != null).map((a) => a.text.toLowerCase()))),
          definition: def?.short ?? null, definitionLang: def?.lang ?? null,
          categories: sortBy(nodes(t.technologyCategoriesByTechnologyIdList).map((c) => c.categoryByCategoryId.nameJa)),
          talks: sortBy(uniq(nodes(t.talksList).map((k) => k.title))), url: t.homepage ?? t.repository ?? null,
        }];
      }), (e) => e.slug),
    },
  },
  {
    name: 'Q3',
    title: 'categories > technologies > talks > speakers > organisations',
    catalog: {
      query: `query Q3($first: Int!) {
  categories { slug technologies(first: $first, includeSubcategories: false) { nodes { ...T } }
    children { slug technologies(first: $first, includeSubcategories: false) { nodes { ...T } } } }
}
fragment T on Technology { slug talks { slug speakers { slug } organizations { slug } } }`,
      variables: { first: 100 },
      normalize: (d) => {
        const tech = (t) => ({ slug: t.slug, talks: sortBy(t.talks.map((k) => ({ slug: k.slug, speakers: sortBy(k.speakers.map((p) => p.slug)), organizations: sortBy(k.organizations.map((o) => o.slug)) }))) });
        const cat = (c) => ({ slug: c.slug, technologies: sortBy(c.technologies.nodes.map(tech)) });
        return sortBy(d.categories.map((c) => ({ ...cat(c), children: sortBy(c.children.map(cat)) })));
      },
    },
    postgraphile: {
      query: `query Q3($first: Int!) {
  allCategoriesList(condition: { parentId: null }, orderBy: POSITION_ASC) {
    slug technologiesByNameList(first: $first) { ...T }
    categoriesByParentIdList(orderBy: POSITION_ASC) {
      slug technologiesByNameList(first: $first) { ...T } }
  }
}
fragment T on Technology { slug talksList { slug
  talkSpeakersByTalkIdList { personByPersonId { slug } }
  talkOrganizationsByTalkIdList { organizationByOrganizationId { slug } } } }`,
      variables: { first: 100 },
      normalize: (d) => {
        const tech = (t) => ({ slug: t.slug, talks: sortBy(nodes(t.talksList).map((k) => ({ slug: k.slug, speakers: sortBy(nodes(k.talkSpeakersByTalkIdList).map((s) => s.personByPersonId.slug)), organizations: sortBy(nodes(k.talkOrganizationsByTalkIdList).map((o) => o.organizationByOrganizationId.slug)) }))) });
        const cat = (c) => ({ slug: c.slug, technologies: sortBy(nodes(c.technologiesByNameList).map(tech)) });
        return sortBy(nodes(d.allCategoriesList).map((c) => ({ ...cat(c), children: sortBy(nodes(c.categoriesByParentIdList).map(cat)) })));
      },
    },
  },
  {
    name: 'Q4',
    title: 'search for a term',
    catalog: {
      query: `query Q4($q: String!, $first: Int!) {
  search(query: $q, first: $first) { score matched item { __typename
    ... on Technology { slug } ... on Talk { slug } ... on Organization { slug } ... on Category { slug } } }
}`,
      variables: { q: 'container', first: 10 },
      normalize: (d) => d.search.map((r) => ({ kind: r.item.__typename, slug: r.item.slug, matched: r.matched, score: r.score })),
    },
    postgraphile: {
      query: `query Q4($q: String!, $first: Int!) {
  searchCatalogList(q: $q, maxResults: $first) { kind slug matched score }
}`,
      variables: { q: 'container', first: 10 },
      normalize: (d) => nodes(d.searchCatalogList).map((r) => ({ kind: ['Technology', 'Category', 'Organization', 'Talk'][r.kind], slug: r.slug, matched: r.matched, score: r.score })),
    },
  },
];
