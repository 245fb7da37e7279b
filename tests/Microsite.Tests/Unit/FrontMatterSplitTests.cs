using Microsite.Content;

namespace Microsite.Tests.Unit;

/// <summary>Where a file's front matter ends and its Markdown starts, fences of every shape included.</summary>
public class FrontMatterSplitTests
{
    public static TheoryData<string, string?, bool, string> Cases() => new()
    {
        { "---\na: 1\n---\nbody\n", "a: 1", true, "body\n" },
        { "---\n---\nbody", "", true, "body" },
        { "---\n\n---\n", "", true, "" },
        { "---\na: 1\nb: 2\n---", "a: 1\nb: 2", true, "" },
        { "---\na: 1\n...  \n\nbody", "a: 1", true, "\nbody" },
        { "---\na: ---\n --- \nbody", "a: ---\n --- \nbody", false, "---\na: ---\n --- \nbody" },
        { "---\na: 1\n", "a: 1\n", false, "---\na: 1\n" },
        { "---", "", false, "---" },
        { "body only\n---\n", null, false, "body only\n---\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_yaml_and_the_body_are_the_text_between_and_after_the_fences(string text, string? yaml, bool closed, string body)
    {
        Assert.Equal(yaml, FrontMatter.Extract(text, out var isClosed, out var bodyStart));
        Assert.Equal(closed, isClosed);
        Assert.Equal(body, text[bodyStart..]);
    }
}
