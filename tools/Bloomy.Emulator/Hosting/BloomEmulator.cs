using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Bloomy.Emulator;

/// <summary>An in-process Bloom Growth API emulator bound to 127.0.0.1.</summary>
public sealed class BloomEmulator : IAsyncDisposable
{
    /// <summary>Password of every seeded (real) user for POST /Token (userName = email).</summary>
    public const string DemoPassword = "bloomy-demo";

    private readonly object _jitterLock = new();
    private readonly Random _jitter;
    private long _latencyTicks, _jitterTicks;
    private WebApplication? _app;
    private int _disposed;

    internal readonly Dictionary<long, string> DeletedMeetingNames = new();

    private BloomEmulator(EmulatorOptions o)
    {
        Options = o;
        Store = new EmulatorStore(Math.Max(1, o.Users), o.Seed, DateTime.UtcNow);
        Stats = new EmulatorStats();
        Faults = new EmulatorFaults(o.Seed);
        Tokens = new EmulatorTokens { Lifetime = o.TokenLifetime };
        GraphQLSettings = new GraphQLSettings(o);
        HtmlForUnknownGets = o.HtmlForUnknownGets;
        _jitter = new Random(unchecked(o.Seed * 31 + 7));
        Latency = TimeSpan.FromMilliseconds(Math.Max(0, o.LatencyMs));
        LatencyJitter = TimeSpan.FromMilliseconds(Math.Max(0, o.LatencyJitterMs));
    }

    /// <summary>Starts an emulator (Kestrel on 127.0.0.1, the given port or a free one).</summary>
    public static async Task<BloomEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new EmulatorOptions();
        var emulator = new BloomEmulator(o);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        if (!o.Quiet) builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.WebHost.UseSetting(WebHostDefaults.PreventHostingStartupKey, "true");
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(IPAddress.Loopback, o.Port);
        });

        var app = builder.Build();
        var pipeline = new EmulatorPipeline(emulator);
        app.UseRouting();
        app.Use(pipeline.InvokeAsync);
        EndpointRegistry.MapAll(app, emulator);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        // Build the GraphQL schema (once per process) off the request path, so the first /graphql/ answer does not
        // stall the store lock for its construction.
        _ = Task.Run(() => Bloomy.Emulator.GraphQL.BloomSchema.For(emulator.GraphQLSettings), CancellationToken.None);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.Port = new Uri(address).Port;
        emulator.RootUri = new Uri($"http://127.0.0.1:{emulator.Port}/");
        emulator.BaseUri = new Uri(emulator.RootUri, "api/v1/");
        emulator._app = app;
        return emulator;
    }

    public EmulatorOptions Options { get; }
    public int Port { get; private set; }
    /// <summary>http://127.0.0.1:{port}/api/v1/</summary>
    public Uri BaseUri { get; private set; } = null!;
    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri RootUri { get; private set; } = null!;
    /// <summary>http://127.0.0.1:{port}/Token</summary>
    public Uri TokenUri => new(RootUri, "Token");

    /// <summary>The first seeded user, 1001 (Ada Park, ada@example.com).</summary>
    public long DemoUserId => 1001;
    public string DemoApiKey => ApiKeyFor(DemoUserId);
    public string DemoEmail => "ada@example.com";

    /// <summary>The API key of a seeded user: "bg-demo-{userId}-{16 lower-case hex chars from seed and id}".</summary>
    public string ApiKeyFor(long userId) => EmulatorStore.ApiKeyFor(Options.Seed, userId);

    public EmulatorStore Store { get; }
    public EmulatorStats Stats { get; }
    public EmulatorFaults Faults { get; }
    /// <summary>Settings of /graphql/ (page sizes, legacy scalar, CreateNote failure, media type).</summary>
    public GraphQLSettings GraphQLSettings { get; }
    /// <summary>Root field counts and documents received by /graphql/.</summary>
    public GraphQLStats GraphQLStats { get; } = new();
    /// <summary>Notes pads written by GraphQL CreateNote.</summary>
    public PadStore Pads { get; } = new();
    /// <summary>http://127.0.0.1:{port}/graphql/</summary>
    public Uri GraphQLUri => new(RootUri, "graphql/");
    /// <summary>The tokens issued by POST /Token, and the lifetime of new ones.</summary>
    public EmulatorTokens Tokens { get; }

    /// <summary>Whether an unknown GET under /api/v1/ answers 200 HTML (the plural-path trap) rather than 404.</summary>
    public bool HtmlForUnknownGets { get; set; }

    /// <summary>Added to every /api/v1 and /Token request (measured from the request's arrival).</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, Math.Max(0, value.Ticks));
    }

    /// <summary>Uniform jitter in [-LatencyJitter, +LatencyJitter] around <see cref="Latency"/> (never below zero).</summary>
    public TimeSpan LatencyJitter
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _jitterTicks));
        set => Interlocked.Exchange(ref _jitterTicks, Math.Max(0, value.Ticks));
    }

    internal TimeSpan NextLatency()
    {
        long lat = Interlocked.Read(ref _latencyTicks), jit = Interlocked.Read(ref _jitterTicks);
        if (jit == 0) return TimeSpan.FromTicks(lat);
        double r;
        lock (_jitterLock) r = _jitter.NextDouble();
        return TimeSpan.FromTicks(Math.Max(0, lat + (long)((r * 2 - 1) * jit)));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (_app is { } app)
        {
            try { await app.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false); }
            finally { await app.DisposeAsync().ConfigureAwait(false); }
        }
    }

    public override string ToString() => $"Bloom Growth emulator at {BaseUri}";
}

/// <summary>Registers every endpoint family.</summary>
internal static class EndpointRegistry
{
    private static readonly RequestDelegate Unused = _ => Task.CompletedTask;

    internal static void MapAll(WebApplication app, BloomEmulator emulator)
    {
        var r = new RouteRegistrar(app);
        TokenEndpoint.Map(r);
        UserEndpoints.Map(r);
        MeetingEndpoints.Map(r);
        TodoEndpoints.Map(r);
        GoalEndpoints.Map(r);
        ScorecardEndpoints.Map(r);
        IssueEndpoints.Map(r);
        HeadlineEndpoints.Map(r);
        Bloomy.Emulator.GraphQL.GraphQLEndpoint.Map(r);
        ControlEndpoints.Map(app, emulator);
    }

    internal sealed class RouteRegistrar(WebApplication app)
    {
        /// <summary>Maps "METHOD template" (relative to /api/v1/).</summary>
        internal void Api(string method, string template, ApiHandler handler) =>
            app.MapMethods("/api/v1/" + template, [method], Unused).WithMetadata(new ApiRoute(method, template, handler, anonymous: false));

        internal void Root(string method, string template, ApiHandler handler) =>
            app.MapMethods("/" + template, [method], Unused).WithMetadata(new ApiRoute(method, template, handler, anonymous: true));

        /// <summary>Maps "METHOD /template" (which also matches "/template/") with the bearer-token check; the handler reads the raw body itself.</summary>
        internal void GraphQL(string method, string template, ApiHandler handler) =>
            app.MapMethods("/" + template, [method], Unused).WithMetadata(new ApiRoute(method, template, handler, anonymous: false) { RawBody = true, LocksStoreItself = true });
    }
}
