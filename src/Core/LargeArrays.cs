using System.Runtime.InteropServices;

namespace Microsite.Core;

/// <summary>
/// Arrays of many megabytes that are filled as soon as they are made (a 37 MB page decoded for the checks),
/// asked of the kernel in its 2 MB pages where it offers them (Linux's transparent huge pages, "madvise" mode).
/// </summary>
/// <remarks>
/// The first write to each 4 KB page of new memory is a page fault. On the 2-core machine the README measures
/// on, filling a new 74 MB array took 200 ms, nearly all of it in those faults; in 2 MB pages it took 9 ms. The
/// advice changes where the memory comes from, never what is in it, and does nothing where it is not offered
/// (another system, or huge pages set to "never").
/// </remarks>
internal static class LargeArrays
{
    private const int HugePage = 2 << 20;

    /// <summary>An array of at least <paramref name="length"/> elements, not cleared: the caller writes it before reading it.</summary>
    public static T[] Uninitialized<T>(int length)
        where T : unmanaged
    {
        if ((long)length * Marshal.SizeOf<T>() < 2L * HugePage || !OperatingSystem.IsLinux())
        {
            return GC.AllocateUninitializedArray<T>(length);
        }

        // Pinned: the advice is for an address range, which must stay the array's (pinned arrays are never moved).
        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        var start = (long)Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        var end = start + ((long)length * Marshal.SizeOf<T>());
        var first = (start + HugePage - 1) & ~(long)(HugePage - 1); // the whole 2 MB pages inside the array
        var last = end & ~(long)(HugePage - 1);
        try
        {
            _ = Native.madvise((nint)first, (nuint)(last - first), MadviseHugePage);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // No such C library function: the array is used as it is.
        }

        return array;
    }

    private const int MadviseHugePage = 14; // MADV_HUGEPAGE

    private static class Native
    {
        [DllImport("libc")]
#pragma warning disable SA1300, IDE1006 // the C function's own name
        public static extern int madvise(nint addr, nuint length, int advice);
#pragma warning restore SA1300, IDE1006
    }
}
