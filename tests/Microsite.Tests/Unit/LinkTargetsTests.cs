using Microsite.Core;
using Microsite.Validation;

namespace Microsite.Tests.Unit;

/// <summary>
/// The checks resolve each URL once per page folder (<see cref="LinkTargets"/>) and every page's facts share the
/// reading: it must be the reading <see cref="Urls.Resolve"/> gives, folder by folder.
/// </summary>
public class LinkTargetsTests
{
    public static TheoryData<string, string> Links => new()
    {
        { "", "chapter-00001.html#sec-2" },
        { "en/", "chapter-00001.html#sec-2" },
        { "en/", "../index.html" },
        { "", "../index.html" },
        { "en/", "#top" },
        { "", "assets/site.css?v=3" },
        { "a/b/", "./c/%E6%94%BF%E5%BA%9C.html#%E4%B8%80" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void A_url_resolves_as_Urls_Resolve_reads_it_once_per_folder(string directory, string url)
    {
        using var targets = new LinkTargets();
        var target = targets.Resolve(directory, url);

        var (path, fragment) = Urls.Resolve(directory, url);
        Assert.Equal(new LinkTarget(url, path, fragment), target);
        Assert.Same(target, targets.Resolve(directory, new string(url.AsSpan()))); // the same reading, not another

        var elsewhere = targets.Resolve(directory + "x/", url);
        Assert.Equal(Urls.Resolve(directory + "x/", url), (elsewhere.Path, elsewhere.Fragment));
    }
}
