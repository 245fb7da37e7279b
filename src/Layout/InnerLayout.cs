using System.Globalization;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace Microsite.Layout;

/// <summary>
/// A page's own layout as base.liquid's <c>content</c>: rendered straight into base.liquid's writer where
/// <c>{{ content | raw }}</c> stands, instead of first into a string. The full report of 10,000 pages is
/// 37 MB of HTML: as a string (74 MB, two bytes a character) and the builder that grew it, it set the
/// build's peak memory. Any other use of the value (another filter, a comparison) renders it to a string.
/// </summary>
internal sealed class InnerLayout(IFluidTemplate template, TemplateContext context, TextEncoder layoutEncoder) : FluidValue
{
    public override FluidValues Type => FluidValues.String;

    public override async ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        try
        {
            await template.RenderAsync(writer, context, layoutEncoder, isolateContext: true);
        }
        catch (Exception e) when (e is not InnerLayoutFailed)
        {
            throw new InnerLayoutFailed(e);
        }
    }

    /// <summary>
    /// Fluid's own <c>raw</c> turns its input into a string; this one passes a page's layout through as it is
    /// (written unencoded, as raw writes a string) and treats every other value as Fluid does.
    /// </summary>
    public static ValueTask<FluidValue> Raw(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input is InnerLayout ? input : new StringValue(input.ToStringValue(), encode: false);

    public override bool Equals(FluidValue other) => other is not null && Text() == other.ToStringValue();

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => Text().GetHashCode(StringComparison.Ordinal);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => Text();

    public override object ToObjectValue() => Text();

    private string Text()
    {
        try
        {
            return template.Render(context, layoutEncoder);
        }
        catch (Exception e) when (e is not InnerLayoutFailed)
        {
            throw new InnerLayoutFailed(e);
        }
    }
}

/// <summary>The page's own layout failed while base.liquid wrote it: reported at the page's layout, not at base.liquid.</summary>
internal sealed class InnerLayoutFailed(Exception inner) : Exception(inner.Message, inner);
