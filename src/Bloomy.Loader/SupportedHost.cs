namespace Bloomy.Loader;

/// <summary>
/// Which PowerShell hosts the module runs on: Windows PowerShell 5.1 (.NET Framework), and PowerShell 7.4 or
/// later, whose runtime (.NET 8) is the oldest that can load Bloomy.LoadContext. The manifest can only say
/// "5.1 or later" for both editions, so PowerShell 7.0–7.3 (.NET Core 3.1, 5, 6, 7) are refused here, at
/// import, with one message instead of a loader exception.
/// </summary>
internal static class SupportedHost
{
    /// <summary>The oldest supported PowerShell 7.</summary>
    public static readonly Version MinimumPowerShell = new(7, 4);

    /// <summary>The runtime of <see cref="MinimumPowerShell"/>, the target of Bloomy.LoadContext.</summary>
    public static readonly Version MinimumRuntime = new(8, 0);

    /// <summary>Why the module cannot run on this host, or null when it can.</summary>
    /// <param name="isNetFramework">True on Windows PowerShell (the Desktop edition, .NET Framework).</param>
    /// <param name="powerShellVersion">The host's PowerShell version (for the message).</param>
    /// <param name="runtimeVersion">The version of the .NET runtime the host runs on.</param>
    public static string? Refusal(bool isNetFramework, Version powerShellVersion, Version runtimeVersion)
    {
        if (isNetFramework) return null;
        if (runtimeVersion >= MinimumRuntime && powerShellVersion >= MinimumPowerShell) return null;
        return $"Bloomy needs PowerShell {MinimumPowerShell} or later (or Windows PowerShell 5.1); this is PowerShell "
            + $"{powerShellVersion.ToString(2)} on .NET {runtimeVersion.ToString(2)}. Install a newer PowerShell: https://aka.ms/powershell";
    }
}
