using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Bloomy.Emulator;

/// <summary>When a dropped connection is aborted relative to the state change.</summary>
public enum DropTiming { BeforeAction, AfterAction }

/// <summary>Ways to spoil a successful (200) JSON answer.</summary>
public enum MalformedKind
{
    /// <summary>Body "{not json" (Content-Type application/json).</summary>
    InvalidJson,
    /// <summary>A text/html error page.</summary>
    Html,
    /// <summary>An empty body (Content-Type application/json).</summary>
    Empty,
    /// <summary>The first half of the JSON text.</summary>
    Truncated,
    /// <summary>"Id" removed from the object, or from each object of an array (an object without "Id" loses its first property).</summary>
    MissingField,
}

/// <summary>
/// Fault injection, global or per route template / method. Deterministic given the emulator seed (a seeded Random
/// under a lock; <see cref="Reset"/> re-seeds it). method null = any method; route null = any route. A route is a
/// template such as "todo/user/{id}" (parameter names and case ignored, "/api/v1/" prefix optional, "GET todo/user/{id}"
/// also sets the method), or a literal relative path such as "todo/user/1001"; "Token" targets POST /Token.
/// Rules add up; <see cref="Reset"/> removes them all.
/// </summary>
public sealed class EmulatorFaults
{
    private readonly object _lock = new();
    private readonly int _seed;
    private Random _random;
    private readonly List<Rule> _rules = new();
    private volatile bool _any;

    internal EmulatorFaults(int seed)
    {
        _seed = seed;
        _random = new Random(Mix(seed));
    }

    private static int Mix(int seed) => unchecked(seed * 16777619) ^ 0x5EED;

    /// <summary>True when any rule is active.</summary>
    public bool Any => _any;

    /// <summary>Token bucket of <paramref name="requestsPerSecond"/> (burst = that many); excess → 429 with Retry-After (seconds, or an HTTP date).</summary>
    public void RateLimit(int requestsPerSecond, string? method = null, string? route = null, bool retryAfterAsDate = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requestsPerSecond, 1);
        Add(new RateRule(method, route, requestsPerSecond, retryAfterAsDate));
    }

    /// <summary>A fraction (0..1) of matching requests fail with <paramref name="statusCode"/> before acting.</summary>
    public void FailFraction(double fraction, int statusCode = 503, string? method = null, string? route = null)
        => Add(new FailRule(method, route, fraction, statusCode));

    /// <summary>A fraction of matching requests get their connection aborted (no response), before or after the state change.</summary>
    public void DropConnections(double fraction, DropTiming timing, string? method = null, string? route = null)
        => Add(new DropRule(method, route, fraction, timing));

    /// <summary>The next <paramref name="count"/> matching requests get their connection aborted, before or after the state change.</summary>
    public void DropNext(int count, DropTiming timing, string? method = null, string? route = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Add(new DropRule(method, route, 1, timing) { Remaining = count });
    }

    /// <summary>Extra delay before answering matching requests.</summary>
    public void Slow(TimeSpan delay, string? method = null, string? route = null) => Add(new SlowRule(method, route, delay));

    /// <summary>Replace a fraction of successful JSON answers with a malformed body.</summary>
    public void Malformed(MalformedKind kind, string? method = null, string? route = null, double fraction = 1)
        => Add(new MalformedRule(method, route, fraction, kind));

    /// <summary>The next <paramref name="count"/> matching requests fail with <paramref name="statusCode"/> before acting.</summary>
    public void FailNext(int count, int statusCode, string? method = null, string? route = null)
        => Add(new FailNextRule(method, route, count, statusCode));

    /// <summary>Removes every rule and re-seeds the random source.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _rules.Clear();
            _random = new Random(Mix(_seed));
            _any = false;
        }
    }

    /// <summary>Short descriptions of the active rules.</summary>
    public IReadOnlyList<string> Describe()
    {
        lock (_lock) return _rules.Select(r => r.ToString()).ToArray();
    }

    private void Add(Rule r)
    {
        lock (_lock)
        {
            _rules.Add(r);
            _any = true;
        }
    }

    // ---------------- evaluation (called by the pipeline) ----------------

    internal readonly record struct Target(string Method, RouteKey.Key Route, string RelativePathLower);

    internal readonly record struct Decision(int StatusCode, string? RetryAfter, bool Drop, string Fault);

    internal TimeSpan SlowDelay(in Target t)
    {
        if (!_any) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        lock (_lock)
            foreach (var r in _rules)
                if (r is SlowRule s && r.Matches(t)) total += s.Delay;
        return total;
    }

    internal Decision? BeforeAction(in Target t)
    {
        if (!_any) return null;
        lock (_lock)
        {
            foreach (var r in _rules)
                if (r is RateRule rr && r.Matches(t) && !rr.TryTake(out var wait))
                {
                    int secs = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                    var header = rr.AsDate
                        ? DateTimeOffset.UtcNow.AddSeconds(secs).ToString("R", CultureInfo.InvariantCulture)
                        : secs.ToString(CultureInfo.InvariantCulture);
                    return new Decision(429, header, false, "RateLimit");
                }
            foreach (var r in _rules)
                if (r is FailNextRule fn && fn.Remaining > 0 && r.Matches(t))
                {
                    fn.Remaining--;
                    return new Decision(fn.StatusCode, null, false, "FailNext");
                }
            foreach (var r in _rules)
                if (r is FailRule f && r.Matches(t) && Roll(f.Fraction))
                    return new Decision(f.StatusCode, null, false, "FailFraction");
            foreach (var r in _rules)
                if (r is DropRule d && d.Timing == DropTiming.BeforeAction && r.Matches(t) && d.Take() && Roll(d.Fraction))
                    return new Decision(0, null, true, "Drop:BeforeAction");
        }
        return null;
    }

    internal bool DropAfterAction(in Target t)
    {
        if (!_any) return false;
        lock (_lock)
            foreach (var r in _rules)
                if (r is DropRule d && d.Timing == DropTiming.AfterAction && r.Matches(t) && d.Take() && Roll(d.Fraction))
                    return true;
        return false;
    }

    internal MalformedKind? MalformedFor(in Target t)
    {
        if (!_any) return null;
        lock (_lock)
            foreach (var r in _rules)
                if (r is MalformedRule m && r.Matches(t) && Roll(m.Fraction))
                    return m.Kind;
        return null;
    }

    /// <summary>
    /// For an empty ("void") success: the Html kind when a matching Malformed Html rule fires, as the web application's
    /// page would stand in for the empty answer of a mistyped route (bloom-api-extras §2); other kinds need a body.
    /// </summary>
    internal MalformedKind? HtmlForVoid(in Target t)
    {
        if (!_any) return null;
        lock (_lock)
            foreach (var r in _rules)
                if (r is MalformedRule { Kind: MalformedKind.Html } m && r.Matches(t) && Roll(m.Fraction))
                    return m.Kind;
        return null;
    }

    private bool Roll(double fraction) => fraction >= 1 || (fraction > 0 && _random.NextDouble() < fraction);

    // ---------------- JSON configuration (PUT /_emulator/faults) ----------------

    /// <summary>
    /// Applies a JSON description: {"reset":true, "rateLimit":{requestsPerSecond,method,route,retryAfterAsDate},
    /// "failFraction":{fraction,statusCode,method,route}, "dropConnections"|"drop":{fraction,timing,method,route},
    /// "slow":{delayMs,method,route}, "malformed":{kind,method,route,fraction}, "failNext":{count,statusCode,method,route},
    /// "dropNext":{count,timing,method,route}}.
    /// Each value may also be an array of such objects. Returns null or an error message.
    /// </summary>
    internal string? ApplyJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return "Expected a JSON object.";
        try
        {
            if (Json.Prop(root, "reset") is { } reset && reset.ValueKind == JsonValueKind.True) Reset();
            foreach (var o in Items(root, "rateLimit"))
                RateLimit((int)(Json.Long(o, "requestsPerSecond") ?? Json.Long(o, "rps") ?? 1), Json.Str(o, "method"), Json.Str(o, "route"), Json.Bool(o, "retryAfterAsDate") ?? false);
            foreach (var o in Items(root, "failFraction"))
                FailFraction(Json.Double(o, "fraction") ?? 1, (int)(Json.Long(o, "statusCode") ?? 503), Json.Str(o, "method"), Json.Str(o, "route"));
            foreach (var o in Items(root, "dropConnections").Concat(Items(root, "drop")))
                DropConnections(Json.Double(o, "fraction") ?? 1, ParseEnum<DropTiming>(Json.Str(o, "timing"), DropTiming.BeforeAction), Json.Str(o, "method"), Json.Str(o, "route"));
            foreach (var o in Items(root, "slow"))
                Slow(TimeSpan.FromMilliseconds(Json.Double(o, "delayMs") ?? 0), Json.Str(o, "method"), Json.Str(o, "route"));
            foreach (var o in Items(root, "malformed"))
                Malformed(ParseEnum<MalformedKind>(Json.Str(o, "kind"), MalformedKind.InvalidJson), Json.Str(o, "method"), Json.Str(o, "route"), Json.Double(o, "fraction") ?? 1);
            foreach (var o in Items(root, "dropNext"))
                DropNext((int)(Json.Long(o, "count") ?? 1), ParseEnum<DropTiming>(Json.Str(o, "timing"), DropTiming.BeforeAction), Json.Str(o, "method"), Json.Str(o, "route"));
            foreach (var o in Items(root, "failNext"))
                FailNext((int)(Json.Long(o, "count") ?? 1), (int)(Json.Long(o, "statusCode") ?? 503), Json.Str(o, "method"), Json.Str(o, "route"));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            return ex.Message;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name)
    {
        var p = Json.Prop(root, name);
        if (p is not { } v) yield break;
        if (v.ValueKind == JsonValueKind.Object) yield return v;
        else if (v.ValueKind == JsonValueKind.Array)
            foreach (var e in v.EnumerateArray())
                if (e.ValueKind == JsonValueKind.Object) yield return e;
    }

    private static T ParseEnum<T>(string? s, T fallback) where T : struct, Enum
    {
        if (s is null) return fallback;
        if (Enum.TryParse<T>(s, true, out var v)) return v;
        throw new ArgumentException($"Unknown {typeof(T).Name} '{s}'.");
    }

    // ---------------- rules ----------------

    private abstract class Rule
    {
        private readonly string? _method;
        private readonly RouteKey.Key? _route;
        private readonly string? _literal;

        protected Rule(string? method, string? route)
        {
            if (route is not null)
            {
                var k = RouteKey.Normalize(method, route);
                _route = k;
                _literal = RouteKey.StripPrefix(route.Contains(' ', StringComparison.Ordinal) ? route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..] : route).ToLowerInvariant();
                method = k.Method;
            }
            _method = string.IsNullOrEmpty(method) ? null : method.ToUpperInvariant();
        }

        internal bool Matches(in Target t)
        {
            if (_method is not null && _method != t.Method) return false;
            if (_route is null) return true;
            return _route.Value.Template == t.Route.Template || _literal == t.RelativePathLower;
        }

        public override string ToString() => $"{GetType().Name.Replace("Rule", "", StringComparison.Ordinal)} {_method ?? "*"} {_route?.Template ?? "*"}";
    }

    private sealed class RateRule(string? method, string? route, int rps, bool asDate) : Rule(method, route)
    {
        private double _tokens = rps;
        private long _last = Stopwatch.GetTimestamp();
        public bool AsDate { get; } = asDate;

        public bool TryTake(out TimeSpan wait)
        {
            long now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(rps, _tokens + Stopwatch.GetElapsedTime(_last, now).TotalSeconds * rps);
            _last = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                wait = TimeSpan.Zero;
                return true;
            }
            wait = TimeSpan.FromSeconds((1 - _tokens) / rps);
            return false;
        }
    }

    private sealed class FailRule(string? method, string? route, double fraction, int status) : Rule(method, route)
    {
        public double Fraction { get; } = fraction;
        public int StatusCode { get; } = status;
    }

    private sealed class FailNextRule(string? method, string? route, int count, int status) : Rule(method, route)
    {
        public int Remaining { get; set; } = count;
        public int StatusCode { get; } = status;
    }

    private sealed class DropRule(string? method, string? route, double fraction, DropTiming timing) : Rule(method, route)
    {
        public double Fraction { get; } = fraction;
        public DropTiming Timing { get; } = timing;

        /// <summary>How many more requests a DropNext rule drops; null for a fractional rule.</summary>
        public int? Remaining { get; set; }

        public bool Take()
        {
            if (Remaining is not { } left) return true;
            if (left <= 0) return false;
            Remaining = left - 1;
            return true;
        }
    }

    private sealed class SlowRule(string? method, string? route, TimeSpan delay) : Rule(method, route)
    {
        public TimeSpan Delay { get; } = delay;
    }

    private sealed class MalformedRule(string? method, string? route, double fraction, MalformedKind kind) : Rule(method, route)
    {
        public double Fraction { get; } = fraction;
        public MalformedKind Kind { get; } = kind;
    }
}
