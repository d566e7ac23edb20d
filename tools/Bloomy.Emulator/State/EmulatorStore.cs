using System.Security.Cryptography;
using System.Text;

namespace Bloomy.Emulator;

/// <summary>
/// Thread-safe in-memory state of the emulator. Public members return snapshots (copies) for assertions;
/// the endpoints mutate the internal dictionaries under <see cref="Sync"/>.
/// </summary>
public sealed class EmulatorStore
{
    /// <summary>Weeks are counted from this Monday (1970-01-05, UTC).</summary>
    public static readonly DateTime WeekEpoch = new(1970, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The organisation id of every seeded user.</summary>
    public const long OrganizationId = 7001;

    internal readonly object Sync = new();
    internal readonly SortedDictionary<long, EmulatorUser> UserMap = new();
    // Read on every request to authorize it, so without the store lock: a lock per request made concurrent requests
    // queue (and spin) on Sync before any handler ran.
    internal readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> KeyToUser = new(StringComparer.Ordinal);
    internal readonly Dictionary<string, long> EmailToUser = new(StringComparer.OrdinalIgnoreCase);
    internal readonly List<EmulatorGroup> GroupList = new();
    internal readonly SortedDictionary<long, EmulatorMeeting> MeetingMap = new();
    internal readonly SortedDictionary<long, EmulatorTodo> TodoMap = new();
    internal readonly SortedDictionary<long, EmulatorIssue> IssueMap = new();
    internal readonly SortedDictionary<long, EmulatorGoal> GoalMap = new();
    internal readonly SortedDictionary<long, EmulatorMeasurable> MeasurableMap = new();
    internal readonly SortedDictionary<long, EmulatorScore> ScoreMap = new();
    internal readonly Dictionary<(long MeasurableId, int Week), long> ScoreIndex = new();
    internal readonly SortedDictionary<long, EmulatorHeadline> HeadlineMap = new();
    internal readonly List<EmulatorMetricDivider> MetricDividers = new();
    internal readonly SortedDictionary<long, EmulatorMilestone> MilestoneMap = new();
    internal long NextMilestoneId = 9001;

    internal long NextMeetingId = 2001, NextTodoId = 5001, NextIssueId = 3001, NextGoalId = 6001,
        NextMeasurableId = 4001, NextScoreId = 7001, NextHeadlineId = 8001;

    internal EmulatorStore(int users, int seed, DateTime utcNow)
    {
        Seed = seed;
        UserCount = users;
        CurrentWeekStart = WeekStartOf(utcNow);
        CurrentWeekNumber = WeekNumberOf(CurrentWeekStart);
        EmulatorSeed.Populate(this, users, seed, utcNow);
    }

    /// <summary>The seed used.</summary>
    public int Seed { get; }
    /// <summary>Number of real (non-placeholder) users seeded: ids 1001..1000+UserCount.</summary>
    public int UserCount { get; }
    /// <summary>Monday 00:00 UTC of the current week (fixed when the emulator starts).</summary>
    public DateTime CurrentWeekStart { get; }
    /// <summary>Weeks since <see cref="WeekEpoch"/> (weeks/current ForWeekNumber, Scores[].ForWeek).</summary>
    public int CurrentWeekNumber { get; }

    /// <summary>Monday 00:00 UTC of the week containing <paramref name="utc"/>.</summary>
    public static DateTime WeekStartOf(DateTime utc)
    {
        var d = utc.Date;
        int back = ((int)d.DayOfWeek + 6) % 7; // Monday → 0
        return DateTime.SpecifyKind(d.AddDays(-back), DateTimeKind.Utc);
    }

    /// <summary>Week number (weeks since 1970-01-05) of the week containing <paramref name="utc"/>.</summary>
    public static int WeekNumberOf(DateTime utc) => (int)((WeekStartOf(utc) - WeekEpoch).Days / 7);

    /// <summary>Monday of week number <paramref name="weekNumber"/>.</summary>
    public static DateTime WeekStart(int weekNumber) => WeekEpoch.AddDays(7.0 * weekNumber);

    /// <summary>The deterministic API key of a user: "bg-demo-{userId}-{16 hex chars derived from seed and id}".</summary>
    public static string ApiKeyFor(int seed, long userId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"bloomy-emulator:{seed}:{userId}"));
        return $"bg-demo-{userId}-{Convert.ToHexString(hash, 0, 8).ToLowerInvariant()}";
    }

    private IReadOnlyList<T> Snap<T>(SortedDictionary<long, T> map) { lock (Sync) return map.Values.ToArray(); }

    /// <summary>All users (real then placeholders), by id.</summary>
    public IReadOnlyList<EmulatorUser> Users => Snap(UserMap);
    /// <summary>Non-user search results (groups) of search/all.</summary>
    public IReadOnlyList<EmulatorGroup> Groups { get { lock (Sync) return GroupList.ToArray(); } }
    public IReadOnlyList<EmulatorMeeting> Meetings => Snap(MeetingMap);
    public IReadOnlyList<EmulatorTodo> Todos => Snap(TodoMap);
    public IReadOnlyList<EmulatorIssue> Issues => Snap(IssueMap);
    /// <summary>All rocks (active and archived; deleted ones are gone).</summary>
    public IReadOnlyList<EmulatorGoal> Goals => Snap(GoalMap);
    public IReadOnlyList<EmulatorHeadline> Headlines => Snap(HeadlineMap);
    public IReadOnlyList<EmulatorMeasurable> Measurables => Snap(MeasurableMap);
    public IReadOnlyList<EmulatorScore> Scores => Snap(ScoreMap);
    /// <summary>All milestones, soft-deleted ones included (DateDeleted set).</summary>
    public IReadOnlyList<EmulatorMilestone> Milestones => Snap(MilestoneMap);

    public EmulatorUser? FindUser(long id) { lock (Sync) return UserMap.GetValueOrDefault(id); }
    public EmulatorMeeting? FindMeeting(long id) { lock (Sync) return MeetingMap.GetValueOrDefault(id); }
    public EmulatorTodo? FindTodo(long id) { lock (Sync) return TodoMap.GetValueOrDefault(id); }
    public EmulatorIssue? FindIssue(long id) { lock (Sync) return IssueMap.GetValueOrDefault(id); }
    public EmulatorGoal? FindGoal(long id) { lock (Sync) return GoalMap.GetValueOrDefault(id); }
    public EmulatorHeadline? FindHeadline(long id) { lock (Sync) return HeadlineMap.GetValueOrDefault(id); }
    public EmulatorMeasurable? FindMeasurable(long id) { lock (Sync) return MeasurableMap.GetValueOrDefault(id); }
    /// <summary>A score by id.</summary>
    public EmulatorScore? FindScoreById(long id) { lock (Sync) return ScoreMap.GetValueOrDefault(id); }

    /// <summary>The score cell of a measurable for a week number, if any.</summary>
    public EmulatorScore? FindScore(long measurableId, int weekNumber)
    {
        lock (Sync)
            return ScoreIndex.TryGetValue((measurableId, weekNumber), out var id) ? ScoreMap[id] : null;
    }

    /// <summary>The user owning an API key, or null.</summary>
    public long? UserForApiKey(string key) => KeyToUser.TryGetValue(key, out var id) ? id : null;

    // ---- internal helpers (call under Sync) ----
    internal void AddScore(EmulatorScore s)
    {
        ScoreMap[s.Id] = s;
        ScoreIndex[(s.MeasurableId, s.WeekNumber)] = s.Id;
    }

    internal void AddUser(EmulatorUser u)
    {
        UserMap[u.Id] = u;
        if (u.ApiKey.Length > 0) KeyToUser[u.ApiKey] = u.Id;
        if (!u.IsPlaceholder && u.Email.Length > 0) EmailToUser[u.Email] = u.Id;
    }
}
