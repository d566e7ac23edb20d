using System.Text.Json;
using Bloomy.Client.Json.Wire;
using Bloomy.Client.Models;

namespace Bloomy.Client.Operations;

/// <summary>Scorecard operations: the current week, scores, and entering a score.</summary>
public sealed class ScorecardClient : ResourceClient
{
    internal ScorecardClient(BloomyClient client)
        : base(client)
    {
    }

    /// <summary>Gets the current scorecard week (<c>GET weeks/current</c>).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The current week.</returns>
    public async Task<ScorecardWeek> GetCurrentWeekAsync(CancellationToken cancellationToken = default) =>
        Mapper.ToWeek(await CurrentWeekAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Lists scores: a meeting's (<c>GET scorecard/meeting/{meetingId}</c>) or a user's
    /// (<c>GET scorecard/user/{userId}</c>), filtered on the client: first by week (when
    /// <paramref name="weekOffset"/> is given, after <c>GET weeks/current</c>), then empty scores are dropped
    /// unless <paramref name="showEmpty"/>.
    /// </summary>
    /// <param name="userId">The user; null (and no meeting) means the current user.</param>
    /// <param name="meetingId">The meeting; cannot be combined with <paramref name="userId"/>.</param>
    /// <param name="showEmpty">Keep scores without a value.</param>
    /// <param name="weekOffset">Keep only the week this many weeks from the current one (0 = this week, -1 = last week).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The scores, in the server's order.</returns>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<ScorecardItem>> ListAsync(long? userId = null, long? meetingId = null, bool showEmpty = false,
        int? weekOffset = null, CancellationToken cancellationToken = default) =>
        ListAsync(new ScorecardQuery { UserId = userId, MeetingId = meetingId, ShowEmpty = showEmpty, WeekOffset = weekOffset },
            cancellationToken);

    /// <summary>Lists scores as <see cref="ListAsync(long?, long?, bool, int?, CancellationToken)"/> does, the filters given as one query.</summary>
    /// <param name="query">Whose scores, which week, and whether to keep empty ones.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The scores, in the server's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    /// <exception cref="ArgumentException">Both ids were given.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<IReadOnlyList<ScorecardItem>> ListAsync(ScorecardQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(query, nameof(query));
        Guard.UserOrMeeting(query.UserId, query.MeetingId);
        // Read now: the query is the caller's object and may change while the request runs.
        var (userId, meetingId, showEmpty, weekOffset) = (query.UserId, query.MeetingId, query.ShowEmpty, query.WeekOffset);
        return RunAsync();

        async Task<IReadOnlyList<ScorecardItem>> RunAsync()
        {
            var route = meetingId is long meeting
                ? Routes.MeetingScorecard(meeting)
                : Routes.UserScorecard(await UserIdAsync(userId, cancellationToken).ConfigureAwait(false));
            var scorecard = await GetAsync(route, Json.ScorecardDto, cancellationToken).ConfigureAwait(false);
            if (scorecard.Scores is null)
            {
                throw Mapper.Missing("GET", route.Path, "no Scores list (missing or null)");
            }

            IEnumerable<ScorecardItem> items = Mapper.List(scorecard.Scores, Mapper.ToScore);

            if (weekOffset is int offset)
            {
                var week = await CurrentWeekAsync(cancellationToken).ConfigureAwait(false);
                var wanted = week.ForWeekNumber + offset;
                items = items.Where(i => i.WeekNumber == wanted);
            }

            if (!showEmpty)
            {
                items = items.Where(i => i.Value is not null);
            }

            return items.ToList();
        }
    }

    /// <summary>
    /// Gets a measurable's score for one week of a user's scorecard; null when the scorecard has no such score.
    /// </summary>
    /// <param name="measurableId">The measurable.</param>
    /// <param name="userId">The user; null means the current user.</param>
    /// <param name="weekOffset">The week relative to the current one (0 = this week).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The score, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An id is not positive.</exception>
    public Task<ScorecardItem?> GetAsync(long measurableId, long? userId = null, int weekOffset = 0,
        CancellationToken cancellationToken = default)
    {
        Guard.Id(measurableId, nameof(measurableId));
        Guard.OptionalId(userId, nameof(userId));
        return RunAsync();

        async Task<ScorecardItem?> RunAsync()
        {
            var query = new ScorecardQuery { UserId = userId, ShowEmpty = true, WeekOffset = weekOffset };
            var items = await ListAsync(query, cancellationToken).ConfigureAwait(false);
            return items.FirstOrDefault(i => i.MeasurableId == measurableId);
        }
    }

    /// <summary>
    /// Gets one measurable of the organisation, whoever owns it (<c>GET measurables/{measurableId}</c>); null when
    /// there is no such measurable, which the server answers with 400 (or 404).
    /// </summary>
    /// <param name="measurableId">The measurable.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The measurable with its owner, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measurableId"/> is not positive.</exception>
    public Task<Measurable?> GetMeasurableAsync(long measurableId, CancellationToken cancellationToken = default)
    {
        Guard.Id(measurableId, nameof(measurableId));
        return RunAsync();

        async Task<Measurable?> RunAsync()
        {
            JsonElement body;
            try
            {
                body = await GetAsync(Routes.Measurable(measurableId), Json.JsonElement, cancellationToken).ConfigureAwait(false);
            }
            catch (BloomyApiException ex) when (ex.StatusCode is 400 or 404)
            {
                return null;
            }
            return body.ValueKind == JsonValueKind.Object ? Mapper.ToMeasurables(WrapInArray(body)).FirstOrDefault() : null;
        }
    }

    /// <summary>
    /// Enters a score (<c>GET weeks/current</c>, then <c>PUT measurables/{measurableId}/week/{week}</c>); a null
    /// score clears it.
    /// </summary>
    /// <param name="measurableId">The measurable.</param>
    /// <param name="score">The value; null clears the score.</param>
    /// <param name="weekOffset">The week relative to the current one (0 = this week).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the score was stored.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="measurableId"/> is not positive.</exception>
    public Task ScoreAsync(long measurableId, decimal? score, int weekOffset = 0, CancellationToken cancellationToken = default)
    {
        Guard.Id(measurableId, nameof(measurableId));
        return RunAsync();

        async Task RunAsync()
        {
            var week = await CurrentWeekAsync(cancellationToken).ConfigureAwait(false);
            var weekNumber = week.ForWeekNumber + weekOffset;
            await SendAsync(Routes.Score(measurableId, weekNumber),
                new ScoreBody { Value = score }, Json.ScoreBody, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<WeekDto> CurrentWeekAsync(CancellationToken cancellationToken) =>
        await GetAsync(Routes.CurrentWeek(), Json.WeekDto, cancellationToken).ConfigureAwait(false);

    // The measurable transform reads arrays (a meeting's measurables); one object goes through it as a list of one.
    private static JsonElement WrapInArray(JsonElement item)
    {
        using var document = JsonDocument.Parse("[" + item.GetRawText() + "]");
        return document.RootElement.Clone();
    }
}
