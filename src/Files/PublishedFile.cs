namespace Microsite.Files;

/// <summary>A file the site publishes as it is: a path inside the site and its bytes.</summary>
internal sealed record PublishedFile(string Path, byte[] Bytes);
