using System.Globalization;

namespace Bloomy.Emulator;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var o = new EmulatorOptions { Port = 5080, Quiet = true };
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Missing value after {a}.");
            int NextInt() => int.Parse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture);
            try
            {
                switch (a.ToLowerInvariant())
                {
                    case "--port": o.Port = NextInt(); break;
                    case "--users": o.Users = NextInt(); break;
                    case "--seed": o.Seed = NextInt(); break;
                    case "--latency-ms": o.LatencyMs = NextInt(); break;
                    case "--jitter-ms": o.LatencyJitterMs = NextInt(); break;
                    case "--token-lifetime-seconds": o.TokenLifetime = TimeSpan.FromSeconds(NextInt()); break;
                    case "--no-html-for-unknown-gets": o.HtmlForUnknownGets = false; break;
                    case "--graphql-page-size": o.GraphQLDefaultPageSize = NextInt(); break;
                    case "--graphql-max-page-size": o.GraphQLMaxPageSize = NextInt(); break;
                    case "--graphql-unbounded": o.GraphQLUnbounded = true; break;
                    case "--graphql-legacy-user-id": o.GraphQLLegacyUserIdScalar = true; break;
                    case "--verbose": o.Quiet = false; break;
                    case "-h" or "--help":
                        Console.WriteLine("Usage: Bloomy.Emulator [--port 5080] [--users 50] [--seed 1] [--latency-ms 0] [--jitter-ms 0] [--token-lifetime-seconds 1209599] [--no-html-for-unknown-gets] [--graphql-page-size 10] [--graphql-max-page-size 50] [--graphql-unbounded] [--graphql-legacy-user-id] [--verbose]");
                        return 0;
                    default:
                        Console.Error.WriteLine($"Unknown argument '{a}'. Use --help.");
                        return 2;
                }
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
            {
                Console.Error.WriteLine(ex.Message);
                return 2;
            }
        }

        await using var emulator = await BloomEmulator.StartAsync(o);
        Console.WriteLine($"Bloom Growth emulator listening on {emulator.BaseUri}");
        Console.WriteLine($"Demo API key: {emulator.DemoApiKey}");
        Console.WriteLine($"Demo user: {emulator.DemoEmail} / {BloomEmulator.DemoPassword}");
        Console.WriteLine($"Users: {o.Users} (ids 1001..{1000 + Math.Max(1, o.Users)}), seed {o.Seed}, latency {o.LatencyMs} ms ± {o.LatencyJitterMs} ms, tokens live {emulator.Tokens.Lifetime.TotalSeconds:0} s. Press Ctrl+C to stop.");

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; done.TrySetResult(); };
        using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; done.TrySetResult(); });
        await done.Task;
        return 0;
    }
}
