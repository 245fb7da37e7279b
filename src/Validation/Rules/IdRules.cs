using Microsite.Core;

namespace Microsite.Validation.Rules;

/// <summary>MS0510: no id twice on a page.</summary>
internal sealed class DuplicateIdRule : HtmlRule
{
    public override string Id => DiagnosticIds.IdRepeated;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in page.Elements.Where(e => e.HasAttribute("id")))
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

    public override string Id => DiagnosticIds.IdReferenceMissing;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        foreach (var element in page.Elements)
        {
            foreach (var attribute in element.Attributes)
            {
                var isList = ListAttributes.Contains(attribute.Name);
                if (!isList && !SingleAttributes.Contains(attribute.Name))
                {
                    continue;
                }

                var ids = isList ? attribute.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [attribute.Value];
                foreach (var id in ids.Where(i => !page.Ids.Contains(i)))
                {
                    report.Report(this, page, element, $"{attribute.Name}=\"{attribute.Value}\" refers to id \"{id}\", which is not on this page");
                }
            }
        }
    }
}
