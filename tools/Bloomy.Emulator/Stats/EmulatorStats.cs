using System.Collections.Concurrent;

namespace Bloomy.Emulator;

/// <summary>One request seen by the emulator (/api/v1/* and /Token; control routes are not recorded).</summary>
public sealed record EmulatorRequest
{
    /// <summary>HTTP method, upper case as sent.</summary>
    public string Method { get; init; } = "";
    /// <summary>The path exactly as sent (raw target without the query), e.g. "/api/v1/L10/2001/todos".</summary>
    public string Path { get; init; } = "";
    /// <summary>The path relative to /api/v1/ (e.g. "L10/2001/todos"); "Token" for the token endpoint.</summary>
    public string RelativePath { get; init; } = "";
    /// <summary>The raw query string without the leading '?', "" when absent (e.g. "term=Ada+Park").</summary>
    public string Query { get; init; } = "";
    /// <summary>The request body as UTF-8 text ("" when none; null when body recording is off).</summary>
    public string? Body { get; init; }
    public string? ContentType { get; init; }
    public string? Authorization { get; init; }
    /// <summary>Response status; 0 when the connection was dropped.</summary>
    public int StatusCode { get; init; }
    /// <summary>"METHOD template" in lower case with "{id}" style parameters, e.g. "GET todo/user/{id}"; null when no route matched.</summary>
    public string? RouteTemplate { get; init; }
    /// <summary>Set when the connection was aborted by a DropConnections fault.</summary>
    public DropTiming? Dropped { get; init; }
    /// <summary>Short name of the injected fault that shaped the answer ("RateLimit", "FailFraction", "FailNext", "Malformed:Html"...), else null.</summary>
    public string? Fault { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public TimeSpan Elapsed { get; init; }
}

/// <summary>Snapshot of create counts per kind.</summary>
public sealed record EmulatorCreatedCounts(int Todo, int Issue, int Goal, int Meeting, int Headline)
{
    public int this[EmulatorEntityKind kind] => kind switch
    {
        EmulatorEntityKind.Todo => Todo, EmulatorEntityKind.Issue => Issue, EmulatorEntityKind.Goal => Goal,
        EmulatorEntityKind.Meeting => Meeting, _ => Headline,
    };
}

/// <summary>Introspection for tests. Cheap to record (lock-free queue and interlocked counters).</summary>
public sealed class EmulatorStats
{
    private ConcurrentQueue<EmulatorRequest> _requests = new();
    private int _inFlight, _peak;
    private long _total, _droppedAfter, _droppedBefore;
    private long _tokenExchanges, _refusedExchanges, _expiredRejections, _expiredAfterRejection;
    private readonly int[] _created = new int[5];

    /// <summary>Record request bodies (default true). Turn off for benchmarks.</summary>
    public bool RecordBodies { get; set; } = true;

    /// <summary>Record every request in <see cref="Requests"/> (default true). Counters are kept either way.</summary>
    public bool RecordRequests { get; set; } = true;

    /// <summary>Recorded requests in completion order (snapshot).</summary>
    public IReadOnlyList<EmulatorRequest> Requests => _requests.ToArray();

    public int InFlight => Volatile.Read(ref _inFlight);
    public int PeakInFlight => Volatile.Read(ref _peak);
    public long TotalRequests => Interlocked.Read(ref _total);
    /// <summary>Connections aborted after the state change (the server acted, the client got no answer).</summary>
    public long DroppedAfterAction => Interlocked.Read(ref _droppedAfter);
    public long DroppedBeforeAction => Interlocked.Read(ref _droppedBefore);

    /// <summary>Successful password grants at POST /Token (each issued one token).</summary>
    public long TokenExchanges => Interlocked.Read(ref _tokenExchanges);

    /// <summary>POST /Token requests refused (bad credentials or grant type: 400).</summary>
    public long RefusedTokenExchanges => Interlocked.Read(ref _refusedExchanges);

    /// <summary>API requests refused with 401 because their token had expired.</summary>
    public long ExpiredTokenRejections => Interlocked.Read(ref _expiredRejections);

    /// <summary>
    /// Of <see cref="ExpiredTokenRejections"/>, those that arrived after the emulator had already answered 401 to an
    /// earlier request with the same token: a client that learns from the first 401 sends none of these.
    /// </summary>
    public long ExpiredTokenRequestsAfterRejection => Interlocked.Read(ref _expiredAfterRejection);

    public EmulatorCreatedCounts Created => new(
        Volatile.Read(ref _created[0]), Volatile.Read(ref _created[1]), Volatile.Read(ref _created[2]),
        Volatile.Read(ref _created[3]), Volatile.Read(ref _created[4]));

    public int CreatedCount(EmulatorEntityKind kind) => Volatile.Read(ref _created[(int)kind]);

    /// <summary>
    /// Requests that matched a route template. <paramref name="routeTemplate"/> may be "todo/user/{id}",
    /// "/api/v1/todo/user/{userId}" or "GET todo/user/{id}"; comparison ignores case and parameter names.
    /// </summary>
    public int CountFor(string method, string routeTemplate)
    {
        var key = RouteKey.Normalize(method, routeTemplate);
        int n = 0;
        foreach (var r in _requests)
            if (r.RouteTemplate is not null && RouteKey.Same(RouteKey.Normalize(null, r.RouteTemplate), key)) n++;
        return n;
    }

    /// <summary>Same as <see cref="CountFor(string,string)"/> with "METHOD template" in one string.</summary>
    public int CountFor(string methodAndTemplate) => CountFor("", methodAndTemplate);

    /// <summary>Requests whose raw relative path equals <paramref name="relativePath"/> (ignoring case), any method when null.</summary>
    public int CountPath(string? method, string relativePath)
    {
        var p = RouteKey.StripPrefix(relativePath);
        int n = 0;
        foreach (var r in _requests)
            if ((method is null || string.Equals(method, r.Method, StringComparison.OrdinalIgnoreCase))
                && string.Equals(r.RelativePath, p, StringComparison.OrdinalIgnoreCase)) n++;
        return n;
    }

    /// <summary>Clears requests and counters (PeakInFlight is reset to the current InFlight).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _requests, new ConcurrentQueue<EmulatorRequest>());
        Interlocked.Exchange(ref _total, 0);
        Interlocked.Exchange(ref _droppedAfter, 0);
        Interlocked.Exchange(ref _droppedBefore, 0);
        Interlocked.Exchange(ref _tokenExchanges, 0);
        Interlocked.Exchange(ref _refusedExchanges, 0);
        Interlocked.Exchange(ref _expiredRejections, 0);
        Interlocked.Exchange(ref _expiredAfterRejection, 0);
        Interlocked.Exchange(ref _peak, Volatile.Read(ref _inFlight));
        for (int i = 0; i < _created.Length; i++) Interlocked.Exchange(ref _created[i], 0);
    }

    internal void Enter()
    {
        Interlocked.Increment(ref _total);
        int now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)))
            if (Interlocked.CompareExchange(ref _peak, now, peak) == peak) break;
    }

    internal void Exit() => Interlocked.Decrement(ref _inFlight);
    internal void Record(EmulatorRequest r) { if (RecordRequests) _requests.Enqueue(r); }
    internal void CountCreated(EmulatorEntityKind kind) => Interlocked.Increment(ref _created[(int)kind]);
    internal void CountTokenExchange(bool granted) => Interlocked.Increment(ref granted ? ref _tokenExchanges : ref _refusedExchanges);

    internal void CountExpiredToken(bool afterRejection)
    {
        Interlocked.Increment(ref _expiredRejections);
        if (afterRejection) Interlocked.Increment(ref _expiredAfterRejection);
    }

    internal void CountDrop(DropTiming t)
    {
        if (t == DropTiming.AfterAction) Interlocked.Increment(ref _droppedAfter);
        else Interlocked.Increment(ref _droppedBefore);
    }
}

/// <summary>Normalisation of "METHOD template" keys: lower case, no /api/v1 prefix, parameters as "{}".</summary>
internal static class RouteKey
{
    internal readonly record struct Key(string? Method, string Template);

    internal static string StripPrefix(string path)
    {
        var p = path.Trim().TrimStart('/');
        if (p.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase)) p = p[7..];
        return p.TrimEnd('/');
    }

    internal static Key Normalize(string? method, string template)
    {
        var t = template.Trim();
        int sp = t.IndexOf(' ');
        if (sp > 0)
        {
            method = t[..sp];
            t = t[(sp + 1)..];
        }
        t = StripPrefix(t);
        var sb = new System.Text.StringBuilder(t.Length);
        bool inParam = false;
        foreach (var c in t)
        {
            if (c == '{') { inParam = true; sb.Append('{'); }
            else if (c == '}') { inParam = false; sb.Append('}'); }
            else if (!inParam) sb.Append(char.ToLowerInvariant(c));
        }
        return new Key(string.IsNullOrEmpty(method) ? null : method.ToUpperInvariant(), sb.ToString());
    }

    /// <summary>True when <paramref name="actual"/> (a recorded route) matches <paramref name="wanted"/> (method null = any).</summary>
    internal static bool Same(Key actual, Key wanted) =>
        (wanted.Method is null || wanted.Method == actual.Method) && wanted.Template == actual.Template;
}
