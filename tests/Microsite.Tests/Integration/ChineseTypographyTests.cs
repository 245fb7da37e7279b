using Microsite.Core;
namespace Microsite.Tests.Integration;

public class ChineseTypographyTests
{
    private static TestSite Build(string zhBody) => TestSite.Build($$"""
        -- site.yml --
        {{TestSite.Config}}
        {{TestSite.Homes}}
        -- zh/a.md --
        ---
        kind: page
        title: 甲
        slug: a
        description: 甲。
        ---

        {{zhBody}}
        -- en/a.md --
        ---
        kind: page
        title: A
        slug: a
        description: A.
        ---

        Text 2 , spaced ( fine ) in English.
        """);

    [Fact]
    public void Warns_about_a_paragraph_cut_by_a_page_break()
    {
        var site = Build("标定了相\n\n城建设“双中心”的发展坐标。");
        var d = site.Single("MS0301");
        Assert.Equal(Core.Severity.Warning, d.Severity);
        Assert.Equal(("input/zh/a.md", 8), (d.Path, d.Line));
        site.AssertBuilt();
    }

    [Theory]
    [InlineData("预计完成地区生产总值1100 亿元左右。", 8, 15)]
    [InlineData("获评 2019—2021年度全省金融生态优秀县。", 8, 3)]
    [InlineData("不断焕新 现代化的城市颜值。", 8, 5)]
    public void Rejects_whitespace_inside_chinese_text(string paragraph, int line, int column)
    {
        var site = Build(paragraph);
        var d = site.Single("MS0302");
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.False(site.Result.Succeeded);
    }

    [Theory]
    [InlineData("面对严峻复杂的外部发展环境,我们坚持。", 8, 14, "，")]
    [InlineData("中国计算机学会(CCF)业务总部。", 8, 8, "（")]
    [InlineData("什么是双中心?就是两个中心。", 8, 7, "？")]
    public void Rejects_half_width_punctuation_beside_han_characters(string paragraph, int line, int column, string fullWidth)
    {
        var site = Build(paragraph);
        var d = site.Diagnostics.First(x => x.Id == "MS0303");
        Assert.Equal((line, column), (d.Line, d.Column));
        Assert.Contains(fullWidth, d.Message);
    }

    [Fact]
    public void Accepts_the_reports_own_typography()
    {
        var site = Build("解决用工缺口2.3万人，增长1.5%左右；PM~2.5~平均浓度达标。持续优化苏州北站站城融合 TOD 综合开发设计，“争先者优先、有为者有位”。");
        Assert.DoesNotContain(site.Diagnostics, d => d.Id is "MS0301" or "MS0302" or "MS0303");
        site.AssertBuilt();
    }

    [Fact]
    public void English_pages_are_not_held_to_chinese_typography()
    {
        var site = Build("正文。");
        Assert.DoesNotContain(site.Diagnostics, d => d.Path.Contains("/en/") && d.Id.StartsWith("MS030", StringComparison.Ordinal));
    }
}
