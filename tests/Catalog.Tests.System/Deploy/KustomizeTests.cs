using System.Globalization;
using System.Text.Json.Nodes;
using Catalog.Api.Commands;
using Catalog.Api.Graph.Http;
using Catalog.Api.Health;
using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Catalog.Tests.Deploy;

/// <summary>
/// Every kustomization under deploy/k8s rendered by <c>kubectl kustomize</c>, each object validated against the
/// Kubernetes schemas, and the manifests checked against what the service really serves and reads.
/// </summary>
public sealed class KustomizeTests(Manifests manifests) : IClassFixture<Manifests>
{
    public static TheoryData<string> Kustomizations => new() { "base", "overlays/development", "overlays/production" };

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Every_object_is_valid_against_the_Kubernetes_schemas(string kustomization)
    {
        var rendering = await manifests.RenderAsync(kustomization);

        Assert.Empty(rendering.Problems);
        var kinds = rendering.Objects.Select(o => (string)o["kind"]!).ToHashSet();
        foreach (var kind in (string[])["ConfigMap", "Deployment", "Service", "Ingress", "PodDisruptionBudget", "NetworkPolicy", "Job"])
            Assert.Contains(kind, kinds);
    }

    [Fact]
    public async Task The_validator_reports_schema_violations_unknown_fields_and_unknown_kinds()
    {
        var rendering = await Manifests.ValidateAsync("broken", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: broken }
            spec:
              selector: { matchLabels: { app: x } }
              template:
                metadata: { labels: { app: x } }
                spec:
                  containers:
                    - name: x
                      image: x
                      readinesProbe: { httpGet: { path: /health/ready, port: 8080 } }
                      ports: [{ containerPort: "8080" }]
            ---
            apiVersion: example.com/v1
            kind: Gadget
            metadata: { name: other }
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata: { name: db }
            spec: { instances: 0 }
            """);

        Assert.Contains(rendering.Problems, p => p.StartsWith("Deployment/broken", StringComparison.Ordinal) && p.Contains("containerPort must be integer", StringComparison.Ordinal));
        Assert.Contains(rendering.Problems, p => p.Contains("/containers/0/readinesProbe is not a field", StringComparison.Ordinal));
        Assert.Contains(rendering.Problems, p => p.StartsWith("Gadget/other: no schema", StringComparison.Ordinal));
        Assert.Contains(rendering.Problems, p => p.StartsWith("Cluster/db", StringComparison.Ordinal) && p.Contains("spec.instances", StringComparison.Ordinal));
        Assert.Contains(rendering.Problems, p => p.StartsWith("Cluster/db", StringComparison.Ordinal) && p.Contains("spec.storage.size", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Probes_and_ports_are_the_ones_the_service_serves(string kustomization)
    {
        var rendering = await manifests.RenderAsync(kustomization);
        var container = ApiContainer(rendering);
        var image = DockerfileModel.Load(DeployFiles.Dockerfile).Runtime;

        // The container port is the one the image's Kestrel listens on.
        var port = Assert.Single(container["ports"]!.AsArray())!;
        var number = (int)port["containerPort"]!;
        var name = (string)port["name"]!;
        Assert.Equal(int.Parse(image.Environment["ASPNETCORE_HTTP_PORTS"], CultureInfo.InvariantCulture), number);
        bool IsServicePort(JsonNode? reference) => reference?.ToString() is { } text && (text == name || text == number.ToString(CultureInfo.InvariantCulture));

        // The probes ask the paths the service maps.
        Assert.Equal(HealthExtensions.LivePath, (string?)container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal(HealthExtensions.ReadyPath, (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.True(IsServicePort(container["livenessProbe"]!["httpGet"]!["port"]));
        Assert.True(IsServicePort(container["readinessProbe"]!["httpGet"]!["port"]));

        // The Service selects these pods and sends to that port; the Ingress and the NetworkPolicy use it too.
        var service = rendering.Single("Service", "catalog");
        var podLabels = PodLabels(rendering.Single("Deployment", "catalog"));
        Assert.All(service["spec"]!["selector"]!.AsObject(), l => Assert.Equal((string?)l.Value, podLabels.GetValueOrDefault(l.Key)));
        var servicePort = Assert.Single(service["spec"]!["ports"]!.AsArray())!;
        Assert.True(IsServicePort(servicePort["targetPort"]));
        foreach (var backend in IngressPaths(rendering).Select(p => p["backend"]!["service"]!))
        {
            Assert.Equal("catalog", (string?)backend["name"]);
            Assert.Equal((string?)servicePort["name"], (string?)backend["port"]!["name"]);
        }
        var policyPorts = rendering.Single("NetworkPolicy", "catalog")["spec"]!["ingress"]!.AsArray().SelectMany(r => r!["ports"]!.AsArray());
        Assert.All(policyPorts, p => Assert.True(IsServicePort(p!["port"])));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Environment_variables_are_ones_the_service_reads(string kustomization)
    {
        var rendering = await manifests.RenderAsync(kustomization);

        foreach (var container in (JsonObject[])[ApiContainer(rendering), ImportContainer(rendering)])
        {
            foreach (var variable in container["env"]!.AsArray())
                Assert.True(variable!["value"] is null != variable["valueFrom"] is null, $"{variable["name"]}: exactly one of value and valueFrom");

            var environment = rendering.ServiceEnvironment(container);
            Assert.Empty(environment.UnknownNames());
            Assert.False(string.IsNullOrWhiteSpace(environment.ConnectionString), "the connection string is always given");
            Assert.DoesNotContain("$(", environment.ConnectionString, StringComparison.Ordinal);
            environment.CatalogOptions(); // throws on a Catalog__ key the service has no option for
        }

        // Replicas never migrate or import: the Job does, with the service's own `import` command.
        Assert.False(rendering.ServiceEnvironment(ApiContainer(rendering)).CatalogOptions().ImportOnStart);
        var args = ImportContainer(rendering)["args"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.True(ImportCommand.IsImportCommand(args) && !ImportCommand.IsCheckCommand(args), string.Join(' ', args));
        Assert.Null(ImportContainer(rendering)["command"]); // the image's entrypoint: dotnet Catalog.Api.dll
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task Catalog_pods_run_unprivileged_on_a_read_only_root_with_a_writable_tmp(string kustomization)
    {
        var rendering = await manifests.RenderAsync(kustomization);

        foreach (var workload in (JsonObject[])[rendering.Single("Deployment", "catalog"), rendering.Single("Job", "catalog-import")])
        {
            var pod = PodSpec(workload);
            Assert.True((bool?)pod["securityContext"]!["runAsNonRoot"]);
            Assert.True((int?)pod["securityContext"]!["runAsUser"] > 0);
            Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
            Assert.False((bool?)pod["automountServiceAccountToken"]);
            var emptyDirs = pod["volumes"]!.AsArray().Where(v => v!["emptyDir"] is not null).Select(v => (string)v!["name"]!).ToHashSet();

            foreach (var container in pod["containers"]!.AsArray().Select(c => c!.AsObject()))
            {
                var security = container["securityContext"]!;
                Assert.True((bool?)security["readOnlyRootFilesystem"]);
                Assert.False((bool?)security["allowPrivilegeEscalation"]);
                Assert.NotEqual(true, (bool?)security["privileged"]);
                Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => (string?)c));
                var tmp = Assert.Single(container["volumeMounts"]!.AsArray(), m => (string?)m!["mountPath"] == "/tmp")!;
                Assert.Contains((string)tmp["name"]!, emptyDirs);
                foreach (var bound in (string[])["requests", "limits"])
                {
                    Assert.NotNull(container["resources"]![bound]!["cpu"]);
                    Assert.NotNull(container["resources"]![bound]!["memory"]);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task A_stopping_pod_drains_and_finishes_its_requests_within_the_grace_period(string kustomization)
    {
        var rendering = await manifests.RenderAsync(kustomization);
        var deployment = rendering.Single("Deployment", "catalog");
        var container = ApiContainer(rendering);

        var grace = (int)PodSpec(deployment)["terminationGracePeriodSeconds"]!;
        var drain = (int)container["lifecycle"]!["preStop"]!["sleep"]!["seconds"]!;
        var shutdown = rendering.ServiceEnvironment(container).HostOptions().ShutdownTimeout;

        Assert.NotEqual(new HostOptions().ShutdownTimeout, shutdown); // the setting reaches the host
        Assert.InRange(drain, 5, 30);
        Assert.True(drain + shutdown.TotalSeconds < grace, $"preStop {drain} s + shutdown {shutdown.TotalSeconds} s must fit in {grace} s");
        Assert.Equal(0, (int?)deployment["spec"]!["strategy"]!["rollingUpdate"]!["maxUnavailable"]);
        Assert.NotNull(rendering.Single("PodDisruptionBudget", "catalog")["spec"]!["maxUnavailable"]);
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task The_network_policy_admits_only_the_ingress_controller_and_lets_out_only_DNS_and_PostgreSQL(string kustomization)
    {
        var rendering = await manifests.RenderAsync(kustomization);
        var spec = rendering.Single("NetworkPolicy", "catalog")["spec"]!;

        foreach (var workload in (JsonObject[])[rendering.Single("Deployment", "catalog"), rendering.Single("Job", "catalog-import")])
            Assert.True(Selects(spec["podSelector"]!, PodLabels(workload)), $"the policy covers {workload["metadata"]!["name"]}");
        Assert.Equal(["Ingress", "Egress"], spec["policyTypes"]!.AsArray().Select(t => (string?)t));

        var from = Assert.Single(Assert.Single(spec["ingress"]!.AsArray())!["from"]!.AsArray())!.AsObject();
        Assert.Equal(["namespaceSelector"], from.Select(p => p.Key));
        Assert.Equal("ingress-nginx", (string?)from["namespaceSelector"]!["matchLabels"]!["kubernetes.io/metadata.name"]);

        var egress = spec["egress"]!.AsArray();
        Assert.Equal(2, egress.Count);
        Assert.Equal(["53/UDP", "53/TCP"], egress[0]!["ports"]!.AsArray().Select(p => $"{p!["port"]}/{p["protocol"]}"));
        Assert.Equal("kube-dns", (string?)egress[0]!["to"]![0]!["podSelector"]!["matchLabels"]!["k8s-app"]);
        Assert.Equal(["5432/TCP"], egress[1]!["ports"]!.AsArray().Select(p => $"{p!["port"]}/{p["protocol"]}"));

        // The overlays know their database: only its pods are reachable.
        var database = rendering.OfKind("StatefulSet").Select(PodLabels)
            .Concat(rendering.OfKind("Cluster").Select(c => new Dictionary<string, string> { ["cnpg.io/cluster"] = (string)c["metadata"]!["name"]! }))
            .ToList();
        if (kustomization == "base")
        {
            Assert.Empty(database);
            return;
        }
        var to = Assert.Single(egress[1]!["to"]!.AsArray())!;
        Assert.True(Selects(to["podSelector"]!, Assert.Single(database)), "the PostgreSQL rule selects the database's pods");
        Assert.False(Selects(to["podSelector"]!, PodLabels(rendering.Single("Deployment", "catalog"))));
    }

    [Theory]
    [MemberData(nameof(Kustomizations))]
    public async Task The_ingress_exposes_the_GraphQL_endpoint_the_IDE_and_the_widget_but_not_the_health_endpoints(string kustomization)
    {
        var rendering = await manifests.RenderAsync(kustomization);
        var paths = IngressPaths(rendering).ToDictionary(p => (string)p["path"]!, p => (string)p["pathType"]!);

        Assert.Equal("Prefix", paths["/graphql"]);
        Assert.Equal("Prefix", paths[IdeAssets.Prefix]);
        Assert.Equal("Prefix", paths["/widget"]);
        Assert.Equal("Exact", paths["/"]);
        Assert.DoesNotContain(paths.Keys, p => p.StartsWith("/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Development_runs_one_replica_on_a_PostgreSQL_15_of_its_own()
    {
        var rendering = await manifests.RenderAsync("overlays/development");

        Assert.Equal(1, (int?)rendering.Single("Deployment", "catalog")["spec"]!["replicas"]);
        Assert.Empty(rendering.OfKind("HorizontalPodAutoscaler"));

        var postgres = Assert.Single(rendering.OfKind("StatefulSet"));
        var container = PodSpec(postgres)["containers"]![0]!.AsObject();
        Assert.Equal("postgres:15", (string?)container["image"]);
        var server = rendering.Environment(container);
        var service = rendering.OfKind("Service").Single(s => (string?)s["metadata"]!["name"] == (string?)postgres["spec"]!["serviceName"]);
        Assert.True(Selects(service["spec"]!["selector"]!, PodLabels(postgres)));

        foreach (var client in (JsonObject[])[ApiContainer(rendering), ImportContainer(rendering)])
        {
            var connection = new NpgsqlConnectionStringBuilder(rendering.ServiceEnvironment(client).ConnectionString);
            Assert.Equal((string?)service["metadata"]!["name"], connection.Host);
            Assert.Equal((int?)service["spec"]!["ports"]![0]!["port"], connection.Port);
            Assert.Equal(server["POSTGRES_DB"], connection.Database);
            Assert.Equal(server["POSTGRES_USER"], connection.Username);
            Assert.Equal(server["POSTGRES_PASSWORD"], connection.Password);
        }
    }

    [Fact]
    public async Task Production_scales_from_three_replicas_on_a_CloudNativePG_cluster_with_replicas()
    {
        var rendering = await manifests.RenderAsync("overlays/production");

        var hpa = rendering.Single("HorizontalPodAutoscaler", "catalog")["spec"]!;
        Assert.Equal("Deployment/catalog", $"{hpa["scaleTargetRef"]!["kind"]}/{hpa["scaleTargetRef"]!["name"]}");
        Assert.True((int)hpa["minReplicas"]! >= 3);
        Assert.Null(rendering.Single("Deployment", "catalog")["spec"]!["replicas"]); // the autoscaler's to set

        var cluster = Assert.Single(rendering.OfKind("Cluster"));
        var name = (string)cluster["metadata"]!["name"]!;
        Assert.True((int)cluster["spec"]!["instances"]! >= 2, "a primary and at least one read replica");
        Assert.EndsWith(":15", (string)cluster["spec"]!["imageName"]!, StringComparison.Ordinal);

        foreach (var client in (JsonObject[])[ApiContainer(rendering), ImportContainer(rendering)])
        {
            // The operator's Services and Secret: <cluster>-rw is the primary, <cluster>-app the application's role.
            var connection = new NpgsqlConnectionStringBuilder(rendering.ServiceEnvironment(client).ConnectionString);
            Assert.Equal($"{name}-rw", connection.Host);
            Assert.Equal((string?)cluster["spec"]!["bootstrap"]!["initdb"]!["database"], connection.Database);
            Assert.Equal($"secret:{name}-app/username", connection.Username);
            Assert.Equal($"secret:{name}-app/password", connection.Password);
        }

        // Every replica's pool at its fullest still fits in the server's connections (with room for the Job and the operator).
        var pool = new NpgsqlConnectionStringBuilder(rendering.ServiceEnvironment(ApiContainer(rendering)).ConnectionString).MaxPoolSize;
        var maxConnections = int.Parse((string)cluster["spec"]!["postgresql"]!["parameters"]!["max_connections"]!, CultureInfo.InvariantCulture);
        Assert.True((int)hpa["maxReplicas"]! * pool + 20 <= maxConnections, $"{hpa["maxReplicas"]} x {pool} connections vs max_connections {maxConnections}");

        // The ingress cache keeps only what the service marks cacheable.
        var ingress = rendering.Single("Ingress", "catalog");
        var snippet = (string)ingress["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/configuration-snippet"]!;
        Assert.Contains("proxy_cache catalog;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("proxy_cache_valid", snippet, StringComparison.Ordinal);
        Assert.Equal("catalog.example", (string?)ingress["spec"]!["rules"]![0]!["host"]);
        Assert.Equal("catalog.example", (string?)ingress["spec"]!["tls"]![0]!["hosts"]![0]);
    }

    private static JsonObject PodSpec(JsonObject workload) => workload["spec"]!["template"]!["spec"]!.AsObject();

    private static Dictionary<string, string> PodLabels(JsonObject workload) =>
        workload["spec"]!["template"]!["metadata"]!["labels"]!.AsObject().ToDictionary(l => l.Key, l => (string)l.Value!);

    private static bool Selects(JsonNode selector, Dictionary<string, string> labels) =>
        (selector["matchLabels"] ?? selector).AsObject().All(l => labels.TryGetValue(l.Key, out var value) && value == (string?)l.Value);

    private static JsonObject ApiContainer(Rendering rendering) =>
        PodSpec(rendering.Single("Deployment", "catalog"))["containers"]!.AsArray().Single(c => (string?)c!["name"] == "catalog")!.AsObject();

    private static JsonObject ImportContainer(Rendering rendering) =>
        PodSpec(rendering.Single("Job", "catalog-import"))["containers"]!.AsArray().Single(c => (string?)c!["name"] == "import")!.AsObject();

    private static IEnumerable<JsonNode> IngressPaths(Rendering rendering) =>
        rendering.Single("Ingress", "catalog")["spec"]!["rules"]!.AsArray().SelectMany(r => r!["http"]!["paths"]!.AsArray()).Select(p => p!);
}
