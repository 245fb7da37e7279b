using Microsite.Cli;

namespace Microsite;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var parse = Commands.Create(Console.Out, Console.Error).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"microsite: {error.Message}");
            }

            Console.Error.WriteLine($"Run \"{Invocation.Command} --help\" for the commands.");
            return ExitCodes.UsageOrInternal;
        }

        return parse.Invoke();
    }
}
