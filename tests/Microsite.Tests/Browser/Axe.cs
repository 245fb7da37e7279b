using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Microsite.Tests.Browser;

/// <summary>axe-core (through Deque.AxeCore.Playwright) on a page, with the WCAG 2.2 AA rules every browser test checks.</summary>
internal static class Axe
{
    public static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>
    /// Runs axe on the page as it is now. <c>RunAxe</c> runs axe in each frame, then opens a new blank page,
    /// injects axe into it and finishes the run there: 1.5–2 s of every call here, whatever the page, and
    /// the sweeps make over a hundred. Our pages have one frame, and for one frame a single <c>axe.run</c> in
    /// the page (the package's legacy mode) finds the same: 0.4–1.7 s, with the same passes, incomplete,
    /// inapplicable and violations on each page type tried. A page that ever has an iframe gets the full run.
    /// </summary>
    public static Task<AxeResult> CheckAsync(IPage page)
    {
        if (page.Frames.Count > 1)
        {
            return page.RunAxe(WcagAA);
        }

        // "Legacy mode is being removed in the future": when it is, the RunAxe above is the whole replacement.
#pragma warning disable CS0618
        return page.RunAxeLegacy(null, WcagAA);
#pragma warning restore CS0618
    }
}
