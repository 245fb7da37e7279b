using Microsite.Config;
using Microsite.Core;
using Microsite.History;
using Microsite.Publishing;

namespace Microsite.Cli;

/// <summary>
/// <c>publish [--out DIR]</c>: builds, checks the written site with the same rules as <c>check</c>, then
/// packs exactly that folder for the host: DIR/NAME.zip with a SHA256SUMS inside, and DIR/SHA256SUMS
/// beside it. Nothing is packed when the build or the check finds an error.
/// </summary>
internal static class PublishCommand
{
    public static int Run(Options options, string outDirectory, Func<int> build, Func<string, int> check, TextWriter stdout)
    {
        if (build() != ExitCodes.Built)
        {
            stdout.WriteLine("not published: fix the errors above first");
            return ExitCodes.ContentErrors;
        }

        if (check(options.Output) != ExitCodes.Built)
        {
            stdout.WriteLine($"not published: the written site in {Options.Display(options.Output)}/ does not pass its checks");
            return ExitCodes.ContentErrors;
        }

        var bag = new DiagnosticBag();
        var config = ConfigLoader.Load(FileSet.FromDirectory(options.Input, Options.Display(options.Input)), bag)!;
        var history = GitHistory.Read(options.Input);
        var result = PublishArchive.Write(outDirectory, ArchiveName.For(config, history.LastCommit), PublishArchive.ReadFolder(options.Output),
            ArchiveName.Timestamp(config, history.LastCommit));
        stdout.WriteLine($"published {result.Files} files ({result.Bytes:N0} bytes) into {Options.Display(result.Archive)}");
        stdout.WriteLine($"  check the upload with: sha256sum -c SHA256SUMS   (in {Options.Display(outDirectory)}/, beside {Path.GetFileName(result.Archive)})");
        stdout.WriteLine("  check the unpacked site with: sha256sum -c SHA256SUMS   (in the folder it is unpacked into)");
        return ExitCodes.Built;
    }
}
