using System.Runtime.InteropServices;

namespace Microsite.Output;

/// <summary>
/// Exchanges two folders in one step, so that the output folder is at every moment either the old site
/// or the new one. Linux has it as renameat2(RENAME_EXCHANGE); where the system or the file system does
/// not (macOS, Windows, some network file systems), the caller falls back to two renames.
/// </summary>
internal static partial class AtomicSwap
{
    private const int AtFdCwd = -100;
    private const uint RenameExchange = 2;

    /// <summary>True when the two folders were exchanged; false (nothing changed) when the system cannot do it.</summary>
    public static bool TryExchange(string first, string second)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Native.renameat2(AtFdCwd, first, AtFdCwd, second, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // a C library older than glibc 2.28, or none of that name
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
#pragma warning disable SA1300, IDE1006 // the C function's own name
        public static extern int renameat2(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, uint flags);
#pragma warning restore SA1300, IDE1006
    }
}
