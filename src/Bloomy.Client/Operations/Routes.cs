using Bloomy.Client.Http;

namespace Bloomy.Client.Operations;

/// <summary>
/// One request the client sends: the method and the path relative to the API root (query included).
/// </summary>
internal readonly struct ApiRoute
{
    public ApiRoute(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
    }

    public HttpMethod Method { get; }

    public string Path { get; }

    public override string ToString() => Method.Method + " " + Path;
}

/// <summary>
/// Every request the client can send, one method per operation (Octokit's <c>ApiUrls</c> in spirit). Ids are
/// formatted with the invariant culture, booleans in queries as lower-case <c>true</c>/<c>false</c>. The paths'
/// casing and queries are exactly those of the reference SDK (docs/bloom-api.md), odd ones included (<c>L10</c>
/// and <c>l10</c>, <c>INCLUDE_CLOSED</c> and <c>include_resolved</c>). <c>RoutesTests</c> calls every method here
/// and checks that the emulator serves the request, so a route added here without an emulator endpoint fails.
/// </summary>
internal static class Routes
{
    // Users.

    public static ApiRoute CurrentUser() => Get("users/mine");

    public static ApiRoute User(long userId) => Get(P($"users/{userId}"));

    public static ApiRoute DirectReports(long userId) => Get(P($"users/{userId}/directreports"));

    public static ApiRoute Positions(long userId) => Get(P($"users/{userId}/seats"));

    public static ApiRoute SearchUsers(string term) => Get("search/user?term=" + BloomyQuery.Encode(term));

    /// <summary>Everything searchable (users, teams, positions...): the term <c>%</c> matches all.</summary>
    public static ApiRoute SearchAll() => Get("search/all?term=" + BloomyQuery.Encode("%"));

    public static ApiRoute VisibleUsers() => Get("users/mineviewable");

    // Meetings.

    public static ApiRoute UserMeetings(long userId) => Get(P($"L10/{userId}/list"));

    public static ApiRoute VisibleMeetings() => Get("L10/list");

    public static ApiRoute Meeting(long meetingId) => Get(P($"L10/{meetingId}"));

    public static ApiRoute CreateMeeting() => Post("L10/create");

    public static ApiRoute DeleteMeeting(long meetingId) => new(HttpMethod.Delete, P($"L10/{meetingId}"));

    public static ApiRoute Attendees(long meetingId) => Get(P($"L10/{meetingId}/attendees"));

    public static ApiRoute AddAttendee(long meetingId, long userId) => Post(P($"L10/{meetingId}/attendees/{userId}"));

    public static ApiRoute Measurables(long meetingId) => Get(P($"L10/{meetingId}/measurables"));

    /// <summary>A meeting's to-dos; a null <paramref name="includeClosed"/> sends no query (the server's default: open ones).</summary>
    public static ApiRoute MeetingTodos(long meetingId, bool? includeClosed) =>
        Get(P($"L10/{meetingId}/todos") + Query("INCLUDE_CLOSED", includeClosed));

    /// <summary>A meeting's issues as the meeting details read them (the query always sent).</summary>
    public static ApiRoute MeetingIssues(long meetingId, bool includeResolved) =>
        Get(P($"L10/{meetingId}/issues") + Query("include_resolved", includeResolved));

    /// <summary>A meeting's open issues as the issue list reads them (lower-case <c>l10</c>, no query).</summary>
    public static ApiRoute MeetingIssueList(long meetingId) => Get(P($"l10/{meetingId}/issues"));

    public static ApiRoute RemoveMeetingIssue(long meetingId, long issueId) =>
        new(HttpMethod.Delete, P($"L10/{meetingId}/issues/{issueId}"));

    // To-dos.

    /// <summary>A user's to-dos; a null <paramref name="includeClosed"/> sends no query (the server's default: open ones).</summary>
    public static ApiRoute UserTodos(long userId, bool? includeClosed) =>
        Get(P($"todo/user/{userId}") + Query("INCLUDE_CLOSED", includeClosed));

    public static ApiRoute Todo(long todoId) => Get(P($"todo/{todoId}"));

    public static ApiRoute CreateMeetingTodo(long meetingId) => Post(P($"L10/{meetingId}/todos"));

    public static ApiRoute CreatePersonalTodo() => Post("todo/create");

    /// <summary>Completes (or, with false, reopens) a to-do; the status is always sent.</summary>
    public static ApiRoute CompleteTodo(long todoId, bool complete) =>
        Post(P($"todo/{todoId}/complete") + Query("status", complete));

    public static ApiRoute UpdateTodo(long todoId) => new(HttpMethod.Put, P($"todo/{todoId}"));

    // Goals (rocks).

    public static ApiRoute UserGoals(long userId) => Get(P($"rocks/user/{userId}?include_origin=true"));

    public static ApiRoute UserArchivedGoals(long userId) => Get(P($"archivedrocks/user/{userId}"));

    public static ApiRoute Goal(long goalId) => Get(P($"rocks/{goalId}?include_origin=true"));

    public static ApiRoute CreateMeetingGoal(long meetingId) => Post(P($"L10/{meetingId}/rocks"));

    public static ApiRoute CreateGoal() => Post("rocks/create");

    public static ApiRoute UpdateGoal(long goalId) => new(HttpMethod.Put, P($"rocks/{goalId}"));

    public static ApiRoute DeleteGoal(long goalId) => new(HttpMethod.Delete, P($"rocks/{goalId}"));

    public static ApiRoute ArchiveGoal(long goalId) => new(HttpMethod.Put, P($"rocks/{goalId}/archive"));

    public static ApiRoute RestoreGoal(long goalId) => new(HttpMethod.Put, P($"rocks/{goalId}/restore"));

    /// <summary>Attaches an existing goal to a meeting (extras §7, [SRV]).</summary>
    public static ApiRoute AttachGoal(long meetingId, long goalId) => Post(P($"L10/{meetingId}/rocks/{goalId}"));

    // Scorecard.

    public static ApiRoute CurrentWeek() => Get("weeks/current");

    public static ApiRoute MeetingScorecard(long meetingId) => Get(P($"scorecard/meeting/{meetingId}"));

    public static ApiRoute UserScorecard(long userId) => Get(P($"scorecard/user/{userId}"));

    public static ApiRoute Measurable(long measurableId) => Get(P($"measurables/{measurableId}"));

    public static ApiRoute Score(long measurableId, long weekNumber) =>
        new(HttpMethod.Put, P($"measurables/{measurableId}/week/{weekNumber}"));

    // Issues.

    public static ApiRoute Issue(long issueId) => Get(P($"issues/{issueId}"));

    public static ApiRoute UserIssues(long userId) => Get(P($"issues/users/{userId}"));

    public static ApiRoute CreateIssue() => Post("issues/create");

    /// <summary>Solves or reopens an issue (the flag goes in the body).</summary>
    public static ApiRoute CompleteIssue(long issueId) => Post(P($"issues/{issueId}/complete"));

    public static ApiRoute UpdateIssue(long issueId) => new(HttpMethod.Put, P($"issues/{issueId}"));

    // Headlines.

    public static ApiRoute Headline(long headlineId) => Get(P($"headline/{headlineId}?Include_Origin=true"));

    public static ApiRoute MeetingHeadlines(long meetingId) => Get(P($"l10/{meetingId}/headlines"));

    public static ApiRoute UserHeadlines(long userId) => Get(P($"headline/users/{userId}"));

    public static ApiRoute CreateHeadline(long meetingId) => Post(P($"L10/{meetingId}/headlines"));

    public static ApiRoute UpdateHeadline(long headlineId) => new(HttpMethod.Put, P($"headline/{headlineId}"));

    public static ApiRoute DeleteHeadline(long headlineId) => new(HttpMethod.Delete, P($"headline/{headlineId}"));

    private static ApiRoute Get(string path) => new(HttpMethod.Get, path);

    private static ApiRoute Post(string path) => new(HttpMethod.Post, path);

    private static string P(FormattableString path) => FormattableString.Invariant(path);

    private static string Query(string name, bool? value) =>
        value is bool b ? "?" + name + "=" + (b ? "true" : "false") : "";
}
