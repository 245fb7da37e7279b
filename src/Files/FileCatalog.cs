using System.Security.Cryptography;
using Microsite.Core;

namespace Microsite.Files;

/// <summary>
/// Every file of input/files/, with what pages need to show it: its place in the site, size, type, pixel
/// size and planned variants. Built from the FileSet only (no disk), in parallel; the variants themselves
/// are made later by <see cref="ImageVariants.Make"/>, so pages can be rendered without waiting for them.
/// </summary>
internal sealed class FileCatalog
{
    /// <summary>The folder of input/ whose files are published, under the same name in the site.</summary>
    public const string Folder = "files/";

    private readonly Dictionary<string, FileEntry> _bySource;
    private readonly FileSet _input;

    private FileCatalog(IReadOnlyList<FileEntry> entries, FileSet input)
    {
        Entries = entries;
        _bySource = entries.ToDictionary(e => e.SourcePath, StringComparer.Ordinal);
        _input = input;
    }

    /// <summary>A site without files.</summary>
    public static FileCatalog Empty { get; } = new([], FileSet.FromMap([], ""));

    /// <summary>Sorted by path.</summary>
    public IReadOnlyList<FileEntry> Entries { get; }

    public static FileCatalog Build(FileSet input, FilesOptions options, DiagnosticBag diagnostics)
    {
        var paths = input.Paths.Where(p => p.StartsWith(Folder, StringComparison.Ordinal)).ToList();
        var entries = Parallelism.Map(paths, path => Read(input, path, options, diagnostics));

        var catalog = new FileCatalog(entries.OfType<FileEntry>().ToList(), input);
        catalog.ReportTakenNames(diagnostics);
        return catalog;
    }

    /// <summary>The entry for a path inside input/ ("files/chart.png"), or null.</summary>
    public FileEntry? Find(string sourcePath) => _bySource.GetValueOrDefault(sourcePath);

    /// <summary>
    /// The file a URL in Markdown names, written relative to the Markdown file (<c>../files/chart.png</c>
    /// from <c>zh/x.md</c>), or null: missing, outside input/files/, root-relative or external. A query or
    /// fragment (<c>report.pdf#page=3</c>) is allowed and ignored here.
    /// </summary>
    /// <param name="sourceFile">The Markdown file's path inside input/ ("zh/x.md").</param>
    public FileEntry? Resolve(string sourceFile, string url) =>
        Target(sourceFile, url) is { } target ? Find(target) : null;

    /// <summary>
    /// Why <paramref name="url"/> names no published file, with a hint that fixes it: for the MS0603 the
    /// Markdown renderer reports at the link's line and column.
    /// </summary>
    public string MissingMessage(string sourceFile, string url)
    {
        if (url.StartsWith('/'))
        {
            return $"\"{url}\" starts with \"/\", which points at the web host's root, not the site; write the path relative to this file{Suggestion(sourceFile, url)}";
        }

        var target = Target(sourceFile, url);
        if (target is null)
        {
            return $"\"{url}\" points outside input/; files to publish go in input/files/{Suggestion(sourceFile, url)}";
        }

        if (Entries.FirstOrDefault(e => string.Equals(e.SourcePath, target, StringComparison.OrdinalIgnoreCase)) is { } differentCase)
        {
            return $"no file \"{_input.Display(target)}\" (did you mean \"{Urls.Relative(sourceFile, differentCase.SourcePath)}\"? the web host tells capitals from small letters)";
        }

        if (!target.StartsWith(Folder, StringComparison.Ordinal) && _input.ReadBytes(target) is not null)
        {
            return $"\"{_input.Display(target)}\" is not published: only files in input/files/ are; move it there and write \"{Urls.Relative(sourceFile, Folder + FileName(target))}\"";
        }

        return $"no file \"{_input.Display(target)}\"; files to publish go in input/files/{Suggestion(sourceFile, url)}";
    }

    /// <summary>The files to copy into the site as they are (the originals; variants come from <see cref="ImageVariants"/>).</summary>
    public IReadOnlyList<PublishedFile> Originals() =>
        Entries.Select(e => new PublishedFile(e.SitePath, Bytes(e))).ToList();

    public byte[] Bytes(FileEntry entry) =>
        _input.ReadBytes(entry.SourcePath) ?? throw new ArgumentException($"{entry.SourcePath} is not in this catalog's input", nameof(entry));

    private static FileEntry? Read(FileSet input, string path, FilesOptions options, DiagnosticBag diagnostics)
    {
        var display = input.Display(path);
        var bytes = input.ReadBytes(path)!;
        var extension = MediaTypes.Extension(path);
        if (MediaTypes.IsRefused(extension))
        {
            diagnostics.Error(DiagnosticIds.FileTypeRefused, display, 0, 0,
                $"a .{extension} file is part of how a site works, and one from input/files/ would be published without the checks pages get; put the content in a Markdown page, or pack the file in a .zip to offer it for download");
            return null;
        }

        if (bytes.LongLength > options.MaxSize)
        {
            diagnostics.Warning(DiagnosticIds.FileTooLarge, display, 0, 0,
                $"{FileMarkup.Size(bytes.LongLength)} is over the {FileMarkup.Size(options.MaxSize)} budget for one file, and readers on phones pay for every byte; make it smaller (images: 2000 pixels wide is plenty; PDFs: save with \"reduce file size\"), or raise \"files: max_size\" in site.yml");
        }

        var kind = MediaTypes.Kind(extension);
        var mediaType = MediaTypes.MediaType(extension);
        var facts = kind switch
        {
            FileKind.RasterImage => ImageProbe.Raster(bytes, extension),
            FileKind.VectorImage => ImageProbe.Svg(bytes),
            _ => null,
        };

        if (facts?.Problem is { } problem)
        {
            diagnostics.Error(DiagnosticIds.FileUnreadable, display, 0, 0, $"this image {problem}");
        }
        else if (kind == FileKind.VectorImage && facts is { Width: null })
        {
            diagnostics.Warning(DiagnosticIds.ImageSizeUnknown, display, 0, 0,
                "this SVG has neither width and height nor a viewBox, so pages cannot reserve its space and the text jumps when it loads; add viewBox=\"0 0 W H\" to its <svg> element");
        }

        if (facts?.Format is { } actual)
        {
            mediaType = new ImageVariant("", 0, 0, actual).MediaType; // the bytes decide, whatever the name says
        }

        var variants = facts is { Problem: null, Animated: false, Format: { } format, Width: { } width, Height: { } height }
            ? ImageVariants.Plan(path, format, width, height, options.Widths)
            : [];

        return new FileEntry(path, display, path, bytes.LongLength, mediaType, kind, facts?.Width, facts?.Height,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), variants);
    }

    /// <summary>A variant must never overwrite a file an editor put there (nor another image's variant).</summary>
    private void ReportTakenNames(DiagnosticBag diagnostics)
    {
        // Case-insensitively: Windows hosts and checkouts treat Chart.960w.webp and chart.960w.webp as one file.
        var owners = new Dictionary<string, FileEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in Entries)
        {
            owners.TryAdd(entry.SitePath, entry);
        }

        foreach (var entry in Entries)
        {
            foreach (var variant in entry.Variants)
            {
                if (!owners.TryAdd(variant.SitePath, entry))
                {
                    var other = owners[variant.SitePath];
                    var what = other.SitePath.Equals(variant.SitePath, StringComparison.OrdinalIgnoreCase) ? $"the file {other.DisplayPath}" : $"a copy made from {other.DisplayPath}";
                    diagnostics.Error(DiagnosticIds.FileNameTaken, entry.DisplayPath, 0, 0,
                        $"the {variant.Width} px {variant.Format.ToString().ToUpperInvariant()} copy of this image would be published as \"{variant.SitePath}\", which is {what}; rename one of the two");
                }
            }
        }
    }

    /// <summary>The path inside input/ a relative URL written in <paramref name="sourceFile"/> points at, or null.</summary>
    private static string? Target(string sourceFile, string url)
    {
        if (url.Length == 0 || url.StartsWith('#') || url.StartsWith('/') || Urls.IsExternal(url))
        {
            return null;
        }

        var slash = sourceFile.LastIndexOf('/');
        var (path, _) = Urls.Resolve(slash < 0 ? "" : sourceFile[..slash], url);
        return path is null or "../" || path.EndsWith('/') ? null : path;
    }

    private string Suggestion(string sourceFile, string url)
    {
        var name = Uri.UnescapeDataString(FileName(url.Split('#', '?')[0]));
        var match = Entries.FirstOrDefault(e => string.Equals(FileName(e.SourcePath), name, StringComparison.OrdinalIgnoreCase));
        if (match is null && DidYouMean.Suggest(name, Entries.Select(e => FileName(e.SourcePath))) is { } near)
        {
            match = Entries.First(e => FileName(e.SourcePath) == near);
        }

        return match is null ? "" : $" (did you mean \"{Urls.Relative(sourceFile, match.SourcePath)}\"?)";
    }

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
