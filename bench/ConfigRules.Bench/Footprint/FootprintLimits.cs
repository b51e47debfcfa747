using System.Globalization;

namespace ConfigRules.Bench.Footprint;

/// <summary>
/// How a run is held to a memory setting on a machine whose cgroup memory limit is not enforced (a cgroup-v1 limit
/// let every handler pass below its own peak RSS). The kernel enforces RLIMIT_DATA (<c>ulimit -d</c>, Linux 4.7+):
/// private writable mappings past it are refused (brk and mmap fail, .NET throws OutOfMemoryException, Python
/// MemoryError). It counts reserved private memory even where no page was touched (thread stacks: 8 MB each at the
/// default RLIMIT_STACK, as in Lambda), so it is stricter than a resident limit there; it does not count the mapped
/// executable and shared libraries, page cache or kernel memory, which Lambda's limit does; so a setting is only
/// claimed when the run worked under it AND the unlimited peak RSS fits too.
/// The Native AOT bootstrap is also told DOTNET_GCHeapHardLimit at 75% of the setting, the limit .NET derives itself
/// from a container's memory limit, so its GC collects as it would inside Lambda's.
/// </summary>
public static class FootprintLimits
{
    public const string Mechanism = "RLIMIT_DATA (ulimit -d) at the setting";

    /// <summary>The shell command that sets the limit on the shell before it execs the function.</summary>
    public static string ShellCommand(int settingMb) =>
        $"ulimit -d {(settingMb * 1024).ToString(CultureInfo.InvariantCulture)}";

    public static IReadOnlyDictionary<string, string> Environment(FootprintRuntime runtime, int settingMb) =>
        runtime == FootprintRuntime.NativeAot
            ? new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = GcHeapHardLimit(settingMb) }
            : new Dictionary<string, string>();

    /// <summary>75% of the setting, in hexadecimal bytes as the runtime reads it.</summary>
    public static string GcHeapHardLimit(int settingMb) => "0x" + (settingMb * 1_048_576L * 3 / 4).ToString("x", CultureInfo.InvariantCulture);
}
