using Catalog.Api;
using Catalog.Api.Auth;
using Catalog.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Catalog.Tests.Hardening;

public sealed class AuthenticatedWriteTests(CatalogApiFixture api) : IClassFixture<CatalogApiFixture>
{
    private const string AddAlias = """mutation { addTechnologyAlias(input: { technology: "istio", alias: "isutio", kind: NOTES_SPELLING }) { slug } }""";
    private const string SetDefinition = """mutation { setTechnologyDefinition(input: { technology: "calico", lang: EN, short: "A network policy engine." }) { definition(lang: EN) } }""";

    [Fact]
    public async Task Anonymous_and_wrong_keys_are_refused_and_change_nothing()
    {
        var anonymous = await Attack.PostAsync(api.Client, AddAlias);
        var wrong = await Attack.PostAsync(api.Client, SetDefinition, headers: [("Authorization", "Bearer cat_not-a-key")]);
        var wrongHeader = await Attack.PostAsync(api.Client, AddAlias, headers: [(ApiKeys.Header, "cat_not-a-key")]);

        foreach (var response in new[] { anonymous, wrong, wrongHeader }) Assert.Equal(ErrorCodes.Unauthenticated, response.Code);
        Assert.Null((await api.DataAsync("""{ technology(slug: "isutio") { slug } }"""))["technology"]);
        Assert.NotEqual("A network policy engine.", (string?)(await api.DataAsync("""{ technology(slug: "calico") { definition(lang: EN) } }"""))["technology"]!["definition"]);
    }

    [Fact]
    public async Task The_right_key_adds_an_alias_and_sets_a_definition()
    {
        var key = await api.Services.GetRequiredService<ApiKeys>().CreateAsync("tests");

        var alias = await Attack.PostAsync(api.Client, AddAlias.Replace("isutio", "isutio-2", StringComparison.Ordinal), headers: [("Authorization", "Bearer " + key)]);
        var definition = await Attack.PostAsync(api.Client, SetDefinition.Replace("calico", "envoy", StringComparison.Ordinal), headers: [(ApiKeys.Header, key)]);

        Assert.True(alias.Json!["errors"] is null, alias.Json.ToJsonString());
        Assert.Equal("istio", (string?)(await api.DataAsync("""{ technology(slug: "ISUTIO-2") { slug } }"""))["technology"]!["slug"]);
        Assert.Equal("A network policy engine.", (string?)definition.Json!["data"]!["setTechnologyDefinition"]!["definition"]);
    }

    [Fact]
    public async Task A_listed_key_once_revoked_is_refused_on_the_next_request()
    {
        var keys = api.Services.GetRequiredService<ApiKeys>();
        var name = "revoked-" + Guid.NewGuid().ToString("N");
        var key = await keys.CreateAsync(name);
        var before = await Attack.PostAsync(api.Client, AddAlias.Replace("isutio", name, StringComparison.Ordinal), headers: [(ApiKeys.Header, key)]);
        Assert.True(before.Json!["errors"] is null, before.Json.ToJsonString());
        Assert.Contains(await keys.ListAsync(), k => k.Name == name);

        Assert.Equal(1, await keys.RevokeAsync(name));

        var after = await Attack.PostAsync(api.Client, AddAlias.Replace("isutio", name + "-2", StringComparison.Ordinal), headers: [(ApiKeys.Header, key)]);
        Assert.Equal(ErrorCodes.Unauthenticated, after.Code);
        Assert.DoesNotContain(await keys.ListAsync(), k => k.Name == name);
        Assert.Equal(0, await keys.RevokeAsync(name));
    }

    [Fact]
    public void Keys_are_stored_as_their_sha256()
    {
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", ApiKeys.Hash("hello"));
    }
}
