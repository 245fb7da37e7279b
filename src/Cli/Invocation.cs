namespace Microsite.Cli;

/// <summary>
/// How the editor runs Microsite, so that every command a hint suggests can be copied and run as it is:
/// the compiled program by its path (bin/microsite, as the README documents), or through the SDK when it
/// runs as "dotnet run".
/// </summary>
internal static class Invocation
{
    public static string Command { get; } = Find();

    private static string Find()
    {
        var process = Environment.ProcessPath;
        if (process is null || Path.GetFileNameWithoutExtension(process) is "dotnet")
        {
            return "dotnet run -c Release --";
        }

        var relative = Path.GetRelativePath(Environment.CurrentDirectory, process).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? process
            : relative.Contains('/') ? relative : "./" + relative;
    }
}
