using Catalog.Ingest.Import;
using Catalog.Ingest.Matching;
using Catalog.Ingest.Notes;

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

    [Theory]
    [InlineData("<iframe src=\"//www.slideshare.net/slideshow/embed_code/key/kubernetes-docker\" width=\"595\"></iframe>")]
    [InlineData("<a href='https://example.org/docker/k8s'>slides</a>")]
    [InlineData("<img src=/images/containerd.png alt=\"\">")]
    [InlineData("資料: [スライド](https://speakerdeck.example.com/docker/k8s-and-containerd)")]
    [InlineData("<https://kubernetes.io/docs/containerd/>")]
    [InlineData("see www.example.com/docker/k8s for more")]
    [InlineData("github.com/containerd/containerd/blob/main/README.md")]
    [InlineData("[docs]: https://docs.example.org/k8s/docker")]
    [InlineData("ftp://mirror.example.org/pub/docker/")]
    public void Nothing_inside_an_address_of_any_form_is_matched(string line) => Assert.Empty(Targets(line));

    [Fact]
    public void A_links_text_is_matched_and_its_target_is_not() =>
        Assert.Equal(["kubernetes", "docker"], Targets("[k8sのドキュメント](https://k8s.example/docker) と <a href=\"/docker\">Docker</a>"));

    [Fact]
    public void Text_after_an_address_is_matched_again() =>
        Assert.Equal(["containerd"], Targets("https://example.org/a、containerdの話"));

    [Fact]
    public void Names_with_dots_and_upper_case_top_level_parts_are_not_addresses()
    {
        var matcher = new AliasMatcher([new("ASP.NET", "aspnet", false), new("Node.js", "nodejs", false)]);
        Assert.Equal(2, matcher.Find("ASP.NET/Node.jsの比較").Count);
    }

    [Fact]
    public void A_hyphen_compound_is_not_a_mention_of_its_parts_unless_a_form_spells_it()
    {
        Assert.Empty(Targets("docker-composeで動かす"));
        Assert.Empty(Targets("the k8s-native way and my-docker"));
        Assert.Equal(["nvidia-docker"], Targets("Nvdia-Docker を入れる"));
        Assert.Equal(["docker"], Targets("Docker - the engine")); // a dash between words joins nothing
        Assert.Equal(["docker"], Targets("Docker-ベースの構成"));  // nor a hyphen before Japanese text
        var withCompose = new AliasMatcher([new("Docker", "docker", false), new("docker-compose", "docker", false)]);
        Assert.Equal("docker-compose", Assert.Single(withCompose.Find("docker-composeで動かす")).Form.Text);
    }

    [Fact]
    public void A_long_line_full_of_addresses_and_names_has_every_name_and_no_address_matched()
    {
        var line = string.Concat(Enumerable.Repeat("k8s https://example.org/docker Docker、", 2000));
        var matches = Matcher.Find(line);
        Assert.Equal(4000, matches.Count);
        Assert.All(matches, m => Assert.True(m.Start == 0 || line[m.Start - 1] != '/'));
    }

    [Fact]
    public void Matches_report_position_and_length()
    {
        var match = Assert.Single(Matcher.Find("  - Containerdの方がパフォーマンス"));
        Assert.Equal((4, 10), (match.Start, match.Length));
    }
}
