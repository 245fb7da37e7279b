namespace Microsite.Validation.Rules;

/// <summary>MS0510: no id twice on a page.</summary>
internal sealed class DuplicateIdRule : HtmlRule
{
    public override string Id => "MS0510";

    public override void Check(PageUnderTest page, SiteUnderTest site, Reporter report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in page.Document.QuerySelectorAll("[id]"))
        {
            if (!seen.Add(element.Id!))
            {
                report.Report(this, page, element, $"id \"{element.Id}\" is used more than once on this page");
            }
        }
    }
}

/// <summary>MS0511: every id an attribute refers to exists on the page.</summary>
internal sealed class IdReferenceRule : HtmlRule
{
    private static readonly string[] ListAttributes = ["aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "aria-flowto"];
    private static readonly string[] SingleAttributes = ["for", "popovertarget", "aria-activedescendant", "aria-details", "aria-errormessage", "list", "form"];

    public override string Id => "MS0511";

    public override void Check(PageUnderTest page, SiteUnderTest site, Reporter report)
    {
        foreach (var attribute in ListAttributes.Concat(SingleAttributes))
        {
            foreach (var element in page.Document.QuerySelectorAll($"[{attribute}]"))
            {
                var value = element.GetAttribute(attribute)!;
                var ids = ListAttributes.Contains(attribute) ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [value];
                foreach (var id in ids.Where(i => !page.Ids.Contains(i)))
                {
                    report.Report(this, page, element, $"{attribute}=\"{value}\" refers to id \"{id}\", which is not on this page");
                }
            }
        }
    }
}
