using Microsite.Core;

namespace Microsite.Validation.Rules;

/// <summary>MS0510: no id twice on a page.</summary>
internal sealed class DuplicateIdRule : HtmlRule
{
    public override string Id => DiagnosticIds.IdRepeated;

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in page.With("id"))
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
    private enum Refers
    {
        Nothing,
        OneId,
        IdList,
    }

    public override string Id => DiagnosticIds.IdReferenceMissing;

    // The attributes whose value is an id, or a list of ids.
    private static readonly string[] Referring =
    [
        "aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "aria-flowto",
        "for", "popovertarget", "aria-activedescendant", "aria-details", "aria-errormessage", "list", "form",
    ];

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        foreach (var element in page.InOrder(Referring.SelectMany(page.With)))
        {
            foreach (var attribute in element.Attributes)
            {
                var refers = attribute.Name switch
                {
                    "aria-describedby" or "aria-labelledby" or "aria-controls" or "aria-owns" or "aria-flowto" => Refers.IdList,
                    "for" or "popovertarget" or "aria-activedescendant" or "aria-details" or "aria-errormessage" or "list" or "form" => Refers.OneId,
                    _ => Refers.Nothing,
                };
                if (refers == Refers.Nothing)
                {
                    continue;
                }

                var ids = refers == Refers.IdList ? attribute.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [attribute.Value];
                foreach (var id in ids.Where(i => !page.Ids.Contains(i)))
                {
                    report.Report(this, page, element, $"{attribute.Name}=\"{attribute.Value}\" refers to id \"{id}\", which is not on this page");
                }
            }
        }
    }
}
