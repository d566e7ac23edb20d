using System.Collections.Concurrent;

namespace Bloomy.Emulator;

/// <summary>One GraphQL document received (and executed or refused) by /graphql/.</summary>
public sealed record GraphQLRequestRecord
{
    /// <summary>The document text as sent.</summary>
    public string Query { get; init; } = "";
    /// <summary>The <c>variables</c> member as raw JSON ("null" when absent).</summary>
    public string Variables { get; init; } = "null";
    /// <summary>"query" or "mutation" ("" when the document did not parse).</summary>
    public string Operation { get; init; } = "";
    /// <summary>Names (not aliases) of the root fields selected.</summary>
    public IReadOnlyList<string> RootFields { get; init; } = [];
    /// <summary>HTTP status answered (before any fault spoiled it).</summary>
    public int StatusCode { get; init; }
}

/// <summary>Per root field counts and the last documents received by /graphql/ (bloom-graphql §17.6).</summary>
public sealed class GraphQLStats
{
    /// <summary>How many documents are kept.</summary>
    public const int Keep = 500;

    private ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private ConcurrentQueue<GraphQLRequestRecord> _requests = new();

    /// <summary>Documents received, oldest first (the last <see cref="Keep"/>).</summary>
    public IReadOnlyList<GraphQLRequestRecord> Requests => _requests.ToArray();

    /// <summary>Root field name → number of documents that selected it.</summary>
    public IReadOnlyDictionary<string, int> RootFieldCounts => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>Documents that selected <paramref name="rootField"/> (exact name, e.g. "EditTodo").</summary>
    public int CountFor(string rootField) => _counts.GetValueOrDefault(rootField);

    public void Reset()
    {
        Interlocked.Exchange(ref _counts, new ConcurrentDictionary<string, int>(StringComparer.Ordinal));
        Interlocked.Exchange(ref _requests, new ConcurrentQueue<GraphQLRequestRecord>());
    }

    internal void Record(GraphQLRequestRecord r)
    {
        foreach (var f in r.RootFields) _counts.AddOrUpdate(f, 1, (_, n) => n + 1);
        var q = _requests;
        q.Enqueue(r);
        while (q.Count > Keep && q.TryDequeue(out _)) { }
    }
}
