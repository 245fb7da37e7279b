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
    public override string Id => DiagnosticIds.IdReferenceMissing;

    // The attributes whose value names an id, and whether it is a list of ids.
    private static readonly (string Name, bool IsList)[] Referring =
    [
        ("aria-describedby", true), ("aria-labelledby", true), ("aria-controls", true), ("aria-owns", true), ("aria-flowto", true),
        ("for", false), ("popovertarget", false), ("aria-activedescendant", false), ("aria-details", false), ("aria-errormessage", false),
        ("list", false), ("form", false),
    ];

    public override void CheckPage(PageUnderTest page, SiteExpectations expectations, Reporter report)
    {
        foreach (var (name, isList) in Referring)
        {
            foreach (var element in page.With(name))
            {
                var value = element.GetAttribute(name)!;
                var ids = isList ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [value];
                foreach (var id in ids.Where(i => !page.Ids.Contains(i)))
                {
                    report.Report(this, page, element, $"{name}=\"{value}\" refers to id \"{id}\", which is not on this page");
                }
            }
        }
    }
}
