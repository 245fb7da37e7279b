using Microsite.Config;
using Microsite.Core;

namespace Microsite.Tests.Files;

public sealed class FilesConfigTests
{
    private static (SiteConfig? Config, IReadOnlyList<Diagnostic> Diagnostics) Load(string extra)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(TestSite.Config + "\n" + extra, "input/site.yml", diagnostics);
        return (config, diagnostics.Snapshot());
    }

    [Fact]
    public void Files_and_publish_have_defaults()
    {
        var (config, diagnostics) = Load("");

        Assert.Empty(diagnostics);
        Assert.Equal(1024 * 1024, config!.Files.MaxSize);
        Assert.Equal(PublishConfig.Default, config.Publish);
    }

    [Fact]
    public void Reads_the_size_budget_and_the_archive_name()
    {
        var (config, diagnostics) = Load("files:\n  max_size: 2.5 MB\npublish:\n  name: gzbg2023\n  version: 2023.1\n");

        Assert.Empty(diagnostics);
        Assert.Equal((long)(2.5 * 1024 * 1024), config!.Files.MaxSize);
        Assert.Equal(new PublishConfig("gzbg2023", "2023.1"), config.Publish);
    }

    [Theory]
    [InlineData("1MB", 1048576L)]
    [InlineData("500 KB", 512000L)]
    [InlineData("300kb", 307200L)]
    [InlineData("2048", 2048L)]
    [InlineData("1 GiB", 1073741824L)]
    [InlineData("1.5 XB", null)]
    [InlineData("-1MB", null)]
    [InlineData("big", null)]
    public void Parses_sizes_in_units_of_1024(string text, long? bytes)
    {
        Assert.Equal(bytes, FilesConfigReader.ParseSize(text));
    }

    [Fact]
    public void Reports_a_wrong_size_and_unknown_keys_at_their_line()
    {
        var (_, diagnostics) = Load("files:\n  max_size: huge\n  max_sise: 1MB\n");

        Assert.Equal([DiagnosticIds.ConfigWrongValue, DiagnosticIds.ConfigUnknownKey], diagnostics.Select(d => d.Id));
        Assert.Contains("like 1MB", diagnostics[0].Message);
        Assert.Equal(diagnostics[0].Line + 1, diagnostics[1].Line);
    }

    [Fact]
    public void Refuses_an_archive_name_that_is_no_portable_file_name()
    {
        var (config, diagnostics) = Load("publish:\n  name: 政府工作报告\n  version: 2023/1\n");

        Assert.Equal(2, diagnostics.Count(d => d.Id == DiagnosticIds.ConfigWrongValue));
        Assert.Equal(PublishConfig.Default, config!.Publish);
    }
}
