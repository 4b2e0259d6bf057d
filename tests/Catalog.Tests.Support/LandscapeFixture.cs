using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

namespace Catalog.Tests.Import.Landscape;

/// <summary>
/// A small curated catalog, a notes file and a landscape file of our own that exercise each rule of the landscape
/// merge: curated entries matched by name, alias, repository and homepage, a curated concept that is not the item of
/// its name, members and programmes, held-back names, second paths, repeated names, a qualified listing ("(Wasm)")
/// and categories the curated tree lacks.
/// </summary>
internal static class LandscapeFixture
{
    public const string LandscapePath = "landscape/landscape.yml";

    public const string Catalog = """
        categories:
          - { slug: runtime, name-en: Runtime, name-ja: ランタイム }
          - { slug: container-runtime, parent: runtime, name-en: Container Runtime, name-ja: コンテナランタイム }
          - { slug: orchestration-management, name-en: Orchestration & Management, name-ja: オーケストレーションと管理 }
          - { slug: mesh, parent: orchestration-management, name-en: Meshes, name-ja: サービスメッシュ, aliases: [Service Mesh] }
        organizations:
          - { slug: cncf, name: Cloud Native Computing Foundation, kind: foundation, homepage: https://www.cncf.io/, aliases: [CNCF] }
          - { slug: red-hat, name: Red Hat, kind: company }
        technologies:
          - slug: containerd
            name: containerd
            kind: project
            categories: [container-runtime]
            homepage: https://containerd.io/
            definition: { source: https://containerd.io/, en: A container runtime in our words., ja: 私たちの言葉で書いたコンテナランタイムの説明。 }
          - slug: istio
            name: Istio
            kind: project
            categories: [mesh]
            repository: https://github.com/istio/istio
            definition: { en: A service mesh in our words., ja: 私たちの言葉で書いたサービスメッシュの説明。 }
          - slug: conduit
            name: Conduit
            kind: project
            categories: [mesh]
            homepage: https://conduit.io/
            definition: { en: A mesh in our words., ja: 私たちの言葉。 }
          - slug: kubernetes
            name: Kubernetes
            kind: project
            categories: [orchestration-management]
            aliases:
              - { text: k8s, kind: abbreviation }
            definition: { en: An orchestrator in our words., ja: 私たちの言葉。 }
          - slug: serverless
            name: Serverless
            kind: concept
            categories: [orchestration-management]
            definition: { en: Code that runs without servers to manage., ja: 私たちの言葉。 }
        documents:
          - { slug: notes, file: notes/notes.md, title: Notes, language: en }
        """;

    public const string Notes = """
        We tried Kuasar and containerd on k8s.
        Nobody writes kuasar in lower case, and KUASAR shouts.
        The harbor at night; a compass and a flux of kraken.
        Okahu watched it all.
        """;

    public const string Landscape = """
        landscape:
          - category:
            name: Runtime
            subcategories:
              - subcategory:
                name: Container Runtime
                items:
                  - item:
                    name: containerd
                    homepage_url: https://containerd.io/docs/
                    repo_url: https://github.com/containerd/containerd
                    logo: ./containerd.svg
                    crunchbase: https://www.crunchbase.com/organization/cloud-native-computing-foundation
                    description: The landscape's own sentence about containerd.
                    project: graduated
                    extra:
                      accepted: '2017-03-29'
                      incubating: '2017-03-29'
                      graduated: '2019-02-28'
                  - item:
                    name: Kuasar
                    homepage_url: https://kuasar.io/
                    repo_url: https://github.com/kuasar-io/kuasar
                    logo: kuasar.svg
                    crunchbase: https://www.crunchbase.com/organization/cloud-native-computing-foundation
                    project: sandbox
                    second_path:
                      - Wasm / Runtimes
                    extra:
                      accepted: '2023-12-19'
                  - item:
                    name: Harbor
                    homepage_url: https://goharbor.io/
                    repo_url: https://github.com/goharbor/harbor
                    logo: harbor.svg
                  - item:
                    name: Compass
                    homepage_url: https://compass.example/
                    logo: compass.svg
                    crunchbase: https://www.crunchbase.com/organization/some-startup
                  - item:
                    name: K9
                    homepage_url: https://k9.example/
                    logo: k9.svg
                  - item:
                    name: Polaris
                    homepage_url: https://www.fairwinds.com/polaris
                    repo_url: https://github.com/FairwindsOps/polaris
                    logo: polaris.svg
                    crunchbase: https://www.crunchbase.com/organization/fairwinds
          - category:
            name: Orchestration & Management
            subcategories:
              - subcategory:
                name: Service Mesh
                items:
                  - item:
                    name: Istio Service Mesh
                    homepage_url: https://istio.io/
                    repo_url: https://GitHub.com/istio/istio/
                    logo: istio.svg
                    project: graduated
                  - item:
                    name: Conduit Mesh
                    homepage_url: http://www.conduit.io
                    logo: conduit.svg
                  - item:
                    name: Okahu
                    homepage_url: https://okahu.ai/
                    logo: okahu.svg
              - subcategory:
                name: Scheduling & Orchestration
                items:
                  - item:
                    name: K8s
                    homepage_url: https://kubernetes.io/
                    repo_url: https://github.com/kubernetes/kubernetes
                    logo: kubernetes.svg
                    project: graduated
                  - item:
                    name: Okahu
                    homepage_url: https://okahu.ai/
                    logo: okahu.svg
                  - item:
                    name: Serverless
                    homepage_url: https://www.serverless.com/
                    repo_url: https://github.com/serverless/serverless
                    logo: serverless.svg
              - subcategory:
                name: Empty For Now
                items:
          - category:
            name: Wasm
            subcategories:
              - subcategory:
                name: Runtimes
                items:
                  - item:
                    name: containerd (Wasm)
                    homepage_url: https://containerd.io/
                    repo_url: https://github.com/containerd/containerd
                    logo: containerd.svg
          - category:
            name: Special
            subcategories:
              - subcategory:
                name: Kubernetes Certified Service Provider
                items:
                  - item:
                    name: Fairwinds (KCSP)
                    homepage_url: https://www.fairwinds.com/
                    logo: fairwinds.svg
                    crunchbase: https://www.crunchbase.com/organization/fairwinds
          - category:
            name: CNCF Members
            subcategories:
              - subcategory:
                name: Platinum
                items:
                  - item:
                    name: Red Hat (member)
                    homepage_url: https://www.redhat.com/
                    logo: red-hat.svg
                    crunchbase: https://www.crunchbase.com/organization/red-hat
                    joined: '2016-03-10'
              - subcategory:
                name: Silver
                items:
                  - item:
                    name: Fairwinds (member)
                    homepage_url: https://www.fairwinds.com/
                    logo: fairwinds.svg
                    crunchbase: https://www.crunchbase.com/organization/fairwinds
                    joined: '2019-06-18'
                  - item:
                    name: Non-Public Organization Moose (member)
                    homepage_url: https://www.cncf.io/
                    logo: moose.svg
              - subcategory:
                name: Academic
                items:
                  - item:
                    name: Example University (member)
                    homepage_url: https://university.example/
                    logo: university.svg
                    crunchbase: https://www.crunchbase.com/organization/example-university
        """;

    public static List<SeedFile> Files(string? landscape = Landscape) =>
    [
        new("catalog/catalog.yaml", Catalog),
        new("notes/notes.md", Notes),
        .. landscape is null ? [] : new[] { new SeedFile(LandscapePath, landscape) },
    ];

    public static ImportPlan Plan(string? landscape = Landscape) => SeedLoader.Load(Files(landscape));
}
