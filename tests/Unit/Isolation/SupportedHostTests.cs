using Bloomy.Loader;

namespace Bloomy.Tests.Isolation;

/// <summary>Which hosts the module imports in (Bloomy.Loader refuses the rest with one message).</summary>
public sealed class SupportedHostTests
{
    [Theory]
    [InlineData("7.4", "8.0")]
    [InlineData("7.5", "9.0")]
    [InlineData("7.6", "10.0")]
    public void PowerShell_7_4_and_later_are_supported(string powerShell, string runtime) =>
        Assert.Null(SupportedHost.Refusal(false, Version.Parse(powerShell), Version.Parse(runtime)));

    [Fact]
    public void Windows_PowerShell_is_supported() =>
        Assert.Null(SupportedHost.Refusal(true, new Version(5, 1), new Version(4, 0, 30319)));

    [Theory]
    [InlineData("7.0", "3.1")]
    [InlineData("7.2", "6.0")]
    [InlineData("7.3", "7.0")]
    public void Older_PowerShell_7_is_refused_with_one_message_naming_both_versions(string powerShell, string runtime)
    {
        var message = SupportedHost.Refusal(false, Version.Parse(powerShell), Version.Parse(runtime));

        Assert.NotNull(message);
        Assert.Contains("PowerShell 7.4 or later", message);
        Assert.Contains("Windows PowerShell 5.1", message);
        Assert.Contains($"this is PowerShell {powerShell} on .NET {runtime}", message);
    }
}
