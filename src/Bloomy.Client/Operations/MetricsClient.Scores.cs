using System.Text.Json;
using System.Text.Json.Nodes;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

// Score history and score writes of the metrics client (bloom-graphql.md §15.6–15.9).
public sealed partial class MetricsClient
{
    /// <summary>
    /// Lists a metric's scores, newest first (GraphQL <c>metric(id){ scoresNonPaginated }</c>). The bounds compare with
    /// each score's period start (a weekly score's Sunday), so widen a window to catch the period you mean.
    /// </summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="start">Only scores whose period starts at or after this instant.</param>
    /// <param name="end">Only scores whose period starts at or before this instant.</param>
    /// <param name="includeEmpty">Keep scores without a value.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metricId"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="start"/> is after <paramref name="end"/>.</exception>
    /// <exception cref="BloomyNotFoundException">There is no such metric.</exception>
    public Task<IReadOnlyList<MetricScore>> GetScoresAsync(long metricId, DateTimeOffset? start = null, DateTimeOffset? end = null,
        bool includeEmpty = false, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        if (start > end)
        {
            throw new ArgumentException("The start of the period is after its end.", nameof(start));
        }
        var bounds = new JsonArray();
        if (start is { } from) bounds.Add(new JsonObject { ["timestamp"] = new JsonObject { ["gte"] = UnixTime.ToUnixSeconds(from) } });
        if (end is { } to) bounds.Add(new JsonObject { ["timestamp"] = new JsonObject { ["lte"] = UnixTime.ToUnixSeconds(to) } });
        JsonNode? where = bounds.Count == 0 ? null : new JsonObject { ["and"] = bounds };
        return RunAsync();

        async Task<IReadOnlyList<MetricScore>> RunAsync()
        {
            var scores = await ReadScoresAsync(metricId, where, cancellationToken).ConfigureAwait(false);
            return includeEmpty ? scores : scores.Where(s => s.Value is not null).ToList();
        }
    }

    /// <summary>Gets one score of a metric (there is no by-id score read: the metric's scores filtered by id).</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="scoreId">The score.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    /// <exception cref="BloomyNotFoundException">The metric or the score does not exist.</exception>
    public Task<MetricScore> GetScoreAsync(long metricId, long scoreId, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        Guard.Id(scoreId, nameof(scoreId));
        return RunAsync();

        async Task<MetricScore> RunAsync()
        {
            var where = new JsonObject { ["id"] = new JsonObject { ["eq"] = scoreId } };
            var scores = await ReadScoresAsync(metricId, where, cancellationToken).ConfigureAwait(false);
            return scores.FirstOrDefault(s => s.Id == scoreId)
                ?? throw new BloomyNotFoundException($"score {scoreId} of measurable {metricId}", "POST",
                    GraphQLTransport.Label(GraphQLDocuments.MetricScores));
        }
    }

    /// <summary>
    /// Sets the score of the period holding <paramref name="at"/> (GraphQL <c>CreateMetricScore</c>, an upsert per
    /// week, month or quarter). A DAILY metric's day already has an empty score, which the server refuses to create
    /// again: that day's score is then found and edited instead.
    /// </summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="value">The value.</param>
    /// <param name="at">Any instant inside the period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score's id (read it back with <see cref="GetScoreAsync"/> for the period the server chose).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="metricId"/> is not positive.</exception>
    public Task<long> SetScoreAsync(long metricId, decimal value, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Guard.Id(metricId, nameof(metricId));
        var timestamp = UnixTime.ToUnixSeconds(at);
        var input = new JsonObject { ["metricId"] = metricId, ["value"] = GraphQLDecimal.Format(value), ["timestamp"] = timestamp };
        return RunAsync();

        async Task<long> RunAsync()
        {
            try
            {
                var result = await GraphQL.ExecuteAsync(GraphQLDocuments.CreateMetricScore, new JsonObject { ["input"] = input }, cancellationToken)
                    .ConfigureAwait(false);
                return result.GetProperty("id").GetInt64();
            }
            catch (BloomyGraphQLException ex) when (ex.Kind == BloomyFailureKind.InvalidResponse && ex.Errors.Count == 0
                && ex.Message.IndexOf("returned no result", StringComparison.Ordinal) >= 0)
            {
                throw new BloomyGraphQLException(BloomyFailureKind.InvalidResponse,
                    $"GraphQL CreateMetricScore returned no score: the server could not parse the value '{GraphQLDecimal.Format(value)}' as a number; nothing was stored.",
                    ex.OperationName, ex.StatusCode, null, null, ex.RetryCount);
            }
            catch (BloomyGraphQLException ex) when (AlreadyExists(ex))
            {
                // DAILY: the day has a placeholder; find it (±2 days, empty ones too) and edit it (§15.7).
                var day = at.UtcDateTime.Date;
                var near = await GetScoresAsync(metricId, at.AddDays(-2), at.AddDays(2), includeEmpty: true, cancellationToken).ConfigureAwait(false);
                var same = near.FirstOrDefault(s => s.PeriodDate?.UtcDateTime.Date == day);
                if (same is null)
                {
                    throw;
                }
                return await EditScoreAsync(same.Id, new JsonObject { ["id"] = same.Id, ["value"] = GraphQLDecimal.Format(value) }, cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <summary>Changes a score's value and/or note (GraphQL <c>EditMetricScore</c>); at least one is required.</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="value">The new value; null leaves it.</param>
    /// <param name="note">The new note; null leaves it, "" removes it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score's id.</returns>
    /// <exception cref="ArgumentException">Neither a value nor a note was given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreId"/> is not positive.</exception>
    public Task<long> UpdateScoreAsync(long scoreId, decimal? value = null, string? note = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(scoreId, nameof(scoreId));
        if (value is null && note is null)
        {
            throw new ArgumentException("Give a value or a note to change.", nameof(value));
        }
        var input = new JsonObject { ["id"] = scoreId };
        if (value is { } v) input["value"] = GraphQLDecimal.Format(v);
        if (note is not null) input["notesText"] = note;
        return EditScoreAsync(scoreId, input, cancellationToken);
    }

    /// <summary>Clears a score's value (GraphQL <c>EditMetricScore value: null</c>); the empty score stays.</summary>
    /// <param name="scoreId">The score.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score's id.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreId"/> is not positive.</exception>
    public Task<long> ClearScoreAsync(long scoreId, CancellationToken cancellationToken = default)
    {
        Guard.Id(scoreId, nameof(scoreId));
        return EditScoreAsync(scoreId, new JsonObject { ["id"] = scoreId, ["value"] = null }, cancellationToken);
    }

    private async Task<long> EditScoreAsync(long scoreId, JsonObject input, CancellationToken cancellationToken)
    {
        var result = await GraphQL.ExecuteAsync(GraphQLDocuments.EditMetricScore, new JsonObject { ["input"] = input }, cancellationToken)
            .ConfigureAwait(false);
        return result.GetProperty("id").GetInt64();
    }

    private async Task<IReadOnlyList<MetricScore>> ReadScoresAsync(long metricId, JsonNode? where, CancellationToken cancellationToken)
    {
        var metric = await GraphQL.ReadRequiredAsync(GraphQLDocuments.MetricScores,
            new JsonObject { ["metricId"] = metricId, ["where"] = where?.DeepClone() }, $"measurable {metricId}", cancellationToken).ConfigureAwait(false);
        if (!metric.TryGetProperty("scoresNonPaginated", out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return Array.Empty<MetricScore>();
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new BloomyGraphQLException(BloomyFailureKind.InvalidResponse, "GraphQL metric.scoresNonPaginated is not a list.",
                GraphQLDocuments.MetricScores.Name, 200);
        }
        return list.EnumerateArray().Select(MetricReader.ToScore).ToList();
    }

    private static bool AlreadyExists(BloomyGraphQLException ex) =>
        ex.Errors.Any(e => (e.ExtensionsMessage ?? e.Message).IndexOf("already exists", StringComparison.OrdinalIgnoreCase) >= 0);
}
