using Catalog.Api.Import;

namespace Catalog.Tests.Import;

public sealed class AliasMatcherTests
{
    private static readonly AliasMatcher Matcher = new([
        new("Docker", "docker", false),
        new("Docker Swarm", "docker-swarm", false),
        new("Nvdia-Docker", "nvidia-docker", false),
        new("containerd", "containerd", false),
        new("k8s", "kubernetes", false),
        new("Kubernets", "kubernetes", false),
        new("kubernets-as-a-service", "kaas", false),
        new("overlay", "overlayfs", false),
        new("overlay2", "overlay2", false),
        new("ロケット", "rkt", false),
        new("サーバーレス", "serverless", false),
        new("Heat", "openstack-heat", true),
        new("CI", "continuous-integration", true),
        new("concurse ci", "concourse-ci", false),
        new("iopipe", "iopipe", false),
    ]);

    private static string[] Targets(string text) => Matcher.Find(text).Select(m => m.Form.Target).ToArray();

    [Fact]
    public void Ascii_terms_match_inside_japanese_text_without_spaces() =>
        Assert.Equal(["kubernetes"], Targets("k8s v1.7でProduction Readyになったとのこと"));

    [Fact]
    public void Ascii_terms_need_word_boundaries_against_ascii_letters_and_digits()
    {
        Assert.Empty(Targets("Dockerfileをください"));
        Assert.Empty(Targets("mk8s"));
        Assert.Equal(["overlay2"], Targets("overlay2"));
        Assert.Equal(["overlayfs", "overlay2"], Targets("devicemapper、overlay、overlay2"));
    }

    [Fact]
    public void Japanese_terms_match_anywhere() =>
        Assert.Equal(["rkt", "serverless"], Targets("rktはロケットと読む。すべてがサーバーレスになる"));

    [Fact]
    public void The_longest_of_overlapping_matches_wins()
    {
        Assert.Equal(["docker-swarm", "kubernetes"], Targets("Docker Swarm、Kubernetsを使えるように"));
        Assert.Equal(["nvidia-docker"], Targets("Nvdia-Docker 知らない"));
        Assert.Equal(["kaas"], Targets("Yahoo!JAPANのkubernets-as-a-serviceで開発する"));
        Assert.Equal(["concourse-ci"], Targets("concurse ci使っている"));
    }

    [Fact]
    public void Punctuation_separates_terms() =>
        Assert.Equal(["docker", "containerd"], Targets("Docker(containerd)は、コンテナの管理などを行い"));

    [Fact]
    public void Ascii_terms_ignore_case_unless_marked_case_sensitive()
    {
        Assert.Equal(["docker", "kubernetes"], Targets("DOCKER and K8S"));
        Assert.Equal(["openstack-heat"], Targets("Cinder、Heatみたいな"));
        Assert.Empty(Targets("the heat of the moment"));
        Assert.Equal(["continuous-integration"], Targets("CIが起動してデプロイする"));
        Assert.Empty(Targets("ci"));
    }

    [Fact]
    public void Nothing_inside_a_url_is_matched() =>
        Assert.Equal(["iopipe"], Targets("iopipe https://www.iopipe.com/"));

    [Fact]
    public void Matches_report_position_and_length()
    {
        var match = Assert.Single(Matcher.Find("  - Containerdの方がパフォーマンス"));
        Assert.Equal((4, 10), (match.Start, match.Length));
    }
}
