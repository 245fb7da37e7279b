using System.Text;

namespace Microsite.Core;

/// <summary>
/// A StringBuilder each thread uses again for text it makes over and over: the plain text of every paragraph,
/// the HTML of every page and section. A new builder for each grew by a block at a time, and that was a tenth
/// of what the index and layout allocated (`perf`, 10,000 and 20,000 pages). A builder is taken while it is
/// in use, so a builder taken during another's use (a render within a render) is a new one.
/// </summary>
internal static class ThreadBuilder
{
    // A larger one (a full report's part) is left to the collector rather than kept to the end of the thread.
    private const int KeptCapacity = 1 << 20;

    [ThreadStatic] private static StringBuilder? t_kept;

    /// <summary>An empty builder: the thread's own if it is free, a new one otherwise.</summary>
    public static StringBuilder Take()
    {
        var builder = t_kept ?? new StringBuilder();
        t_kept = null;
        return builder.Clear();
    }

    /// <summary>The builder's text; the builder is kept for the thread's next <see cref="Take"/>.</summary>
    public static string Return(StringBuilder builder)
    {
        var text = builder.ToString();
        if (builder.Capacity <= KeptCapacity)
        {
            t_kept = builder;
        }

        return text;
    }
}
