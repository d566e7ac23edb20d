namespace Bloomy.Emulator;

/// <summary>Options of <see cref="BloomEmulator.StartAsync"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; set; }
    /// <summary>Number of real users (ids 1001..1000+Users). Minimum 1.</summary>
    public int Users { get; set; } = 50;
    public int Seed { get; set; } = 1;
    public int LatencyMs { get; set; }
    public int LatencyJitterMs { get; set; }
    /// <summary>
    /// Lifetime of the tokens POST /Token issues (default 1209599 s, 14 days − 1 s, as in production); whole
    /// seconds, at least 1. Tests use a few seconds to see tokens expire. Changeable later through
    /// <see cref="EmulatorTokens.Lifetime"/> or PUT /_emulator/token-lifetime.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = EmulatorTokens.DefaultLifetime;
    /// <summary>
    /// A GET under /api/v1/ that matches no route answers 200 with an HTML page, as the web application does for a
    /// mistyped API path (the plural-path trap, bloom-api-extras §2). Default true; false answers 404.
    /// </summary>
    public bool HtmlForUnknownGets { get; set; } = true;
    /// <summary>GraphQL connections: page size when neither first nor last is given (default 10, HotChocolate's).</summary>
    public int GraphQLDefaultPageSize { get; set; } = 10;
    /// <summary>GraphQL connections: first/last above this → "maximum allowed items per page" error (default 50).</summary>
    public int GraphQLMaxPageSize { get; set; } = 50;
    /// <summary>GraphQL connections answer everything in one page (what the SDK assumes).</summary>
    public bool GraphQLUnbounded { get; set; }
    /// <summary>GraphQL getAuthenticatedUserId is the 2025 scalar Long instead of { id }.</summary>
    public bool GraphQLLegacyUserIdScalar { get; set; }
    /// <summary>No console logging when true (default).</summary>
    public bool Quiet { get; set; } = true;
}
