namespace Bloomy.Client.Auth;

// Environment lookups go through a delegate so tests can supply their own environment
// instead of mutating the process-wide one (tests run in parallel).
internal static class EnvironmentReader
{
    public static readonly Func<string, string?> Process = Environment.GetEnvironmentVariable;

    public const string ApiKeyVariable = "BG_API_KEY";
    public const string ConfigPathVariable = "BLOOMY_CONFIG_PATH";
}
