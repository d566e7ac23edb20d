using System.Management.Automation;
using System.Reflection;
using Bloomy.Client.Models;
using Bloomy.Cmdlets.Completion;
using Bloomy.Cmdlets.Connections;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Ux;

/// <summary>Tab completion of meeting ids, user ids and goal status values, in the engine against the emulator.</summary>
public sealed class CompletionTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public CompletionTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _fixture.Emulator.Faults.Reset();
        _session.Connect(fixture.Emulator.BaseUri, fixture.Emulator.DemoApiKey);
        _fixture.Emulator.Stats.Reset();
    }

    private BloomEmulator Emulator => _fixture.Emulator;

    public void Dispose() => _session.Dispose();

    private IReadOnlyList<CompletionResult> Complete(PowerShellSession session, string input)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = session.Runspace;
        return CommandCompletion.CompleteInput(input, input.Length, null, shell).CompletionMatches.ToList();
    }

    [Fact]
    public void Meeting_ids_complete_with_the_users_meetings_named_in_the_list()
    {
        var meetings = _session.Run("Get-BloomyMeeting").ThrowIfFailed().OutputOf<Meeting>().ToList();
        Assert.NotEmpty(meetings);

        var matches = Complete(_session, "Get-BloomyTodo -MeetingId ");

        Assert.Equal(meetings.Select(m => m.Id.ToString()).OrderBy(x => x), matches.Select(m => m.CompletionText).OrderBy(x => x));
        Assert.All(matches, m =>
        {
            var meeting = meetings.Single(x => x.Id.ToString() == m.CompletionText);
            Assert.Equal($"{meeting.Name} ({meeting.Id})", m.ListItemText);
            Assert.Contains(meeting.Name, m.ToolTip);
            Assert.Equal(CompletionResultType.ParameterValue, m.ResultType);
        });
    }

    [Fact]
    public void Typing_part_of_a_name_or_id_narrows_the_meetings()
    {
        var meeting = _session.Run("Get-BloomyMeeting").ThrowIfFailed().OutputOf<Meeting>().First();
        var word = meeting.Name.Split(' ')[0];

        var byName = Complete(_session, $"New-BloomyTodo -Title x -MeetingId {word}");
        var byId = Complete(_session, $"New-BloomyTodo -Title x -MeetingId {meeting.Id}");

        Assert.Contains(byName, m => m.CompletionText == meeting.Id.ToString());
        Assert.All(byName, m => Assert.Contains(word, m.ListItemText, StringComparison.CurrentCultureIgnoreCase));
        Assert.Equal(meeting.Id.ToString(), Assert.Single(byId).CompletionText);
    }

    [Fact]
    public void The_lists_are_fetched_once_per_connection_and_then_cached()
    {
        Complete(_session, "Get-BloomyTodo -MeetingId ");
        Complete(_session, "Get-BloomyTodo -UserId ");
        var afterFirst = Emulator.Stats.TotalRequests;
        Assert.Equal(2, afterFirst);

        Complete(_session, "Get-BloomyTodo -MeetingId 2");
        Complete(_session, "Get-BloomyMeeting -UserId ");
        Complete(_session, "New-BloomyTodo -UserId ");

        Assert.Equal(afterFirst, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void User_ids_complete_with_the_organisations_users_matched_by_name_or_email()
    {
        var users = _session.Run("Get-BloomyUser -All").ThrowIfFailed().OutputOf<User>().ToList();
        var someone = users.First(u => u.Id != Emulator.DemoUserId && !string.IsNullOrEmpty(u.Email));

        var all = Complete(_session, "Get-BloomyMeeting -UserId ");
        var byEmail = Complete(_session, $"Get-BloomyTodo -UserId {someone.Email}");

        Assert.Equal(users.Select(u => u.Id.ToString()).OrderBy(x => x), all.Select(m => m.CompletionText).OrderBy(x => x));
        Assert.Equal(someone.Id.ToString(), Assert.Single(byEmail).CompletionText);
        Assert.Equal($"{someone.Name} ({someone.Id})", byEmail[0].ListItemText);
    }

    [Fact]
    public async Task Completion_uses_the_connection_given_with_Connection()
    {
        await using var other = await BloomEmulator.StartAsync(new EmulatorOptions { Users = 3, Seed = 2 });
        _session.Run("$other = Connect-Bloomy -BaseUri $u -ApiKey $k -PassThru; Connect-Bloomy -BaseUri $d -ApiKey $dk",
            new() { ["u"] = other.BaseUri, ["k"] = other.DemoApiKey, ["d"] = Emulator.BaseUri, ["dk"] = Emulator.DemoApiKey }).ThrowIfFailed();

        Emulator.Stats.Reset();
        other.Stats.Reset();

        var matches = Complete(_session, "Get-BloomyTodo -Connection $other -UserId ");

        Assert.Equal(new[] { "1001", "1002", "1003" }, matches.Select(m => m.CompletionText).OrderBy(x => x));
        Assert.Equal(1, other.Stats.TotalRequests);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void Without_a_connection_completion_offers_nothing_and_does_not_fail()
    {
        using var fresh = new PowerShellSession();

        var matches = Complete(fresh, "Get-BloomyTodo -MeetingId ");

        Assert.DoesNotContain(matches, m => m.ResultType == CompletionResultType.ParameterValue && long.TryParse(m.CompletionText, out _));
    }

    [Fact]
    public void Goal_status_values_complete_on_a_parameter_carrying_the_attribute()
    {
        _session.Run("function Set-TestGoal { param([Bloomy.Cmdlets.Completion.GoalStatusCompletion()][string] $Status) $Status }").ThrowIfFailed();

        var all = Complete(_session, "Set-TestGoal -Status ");
        var some = Complete(_session, "Set-TestGoal -Status o");

        Assert.Equal(Enum.GetNames<GoalStatus>().OrderBy(x => x), all.Select(m => m.CompletionText).OrderBy(x => x));
        Assert.Equal(new[] { "OffTrack", "OnTrack" }, some.Select(m => m.CompletionText).OrderBy(x => x));
    }

    [Fact]
    public void Every_id_and_status_parameter_of_every_cmdlet_completes()
    {
        var byName = new Dictionary<string, Type>
        {
            ["MeetingId"] = typeof(MeetingIdCompletionAttribute),
            ["UserId"] = typeof(UserIdCompletionAttribute),
            ["OwnerId"] = typeof(UserIdCompletionAttribute),
            ["AttendeeId"] = typeof(UserIdCompletionAttribute),
            ["GoalId"] = typeof(GoalIdCompletionAttribute),
            ["MeasurableId"] = typeof(MeasurableIdCompletionAttribute),
            ["Status"] = typeof(GoalStatusCompletionAttribute),
        };
        // -Id completes with the cmdlet's own noun.
        var idByNoun = new Dictionary<string, Type>
        {
            ["BloomyTodo"] = typeof(TodoIdCompletionAttribute),
            ["BloomyIssue"] = typeof(IssueIdCompletionAttribute),
            ["BloomyHeadline"] = typeof(HeadlineIdCompletionAttribute),
            ["BloomyGoal"] = typeof(GoalIdCompletionAttribute),
            ["BloomyMeeting"] = typeof(MeetingIdCompletionAttribute),
            ["BloomyMeasurable"] = typeof(MeasurableIdCompletionAttribute),
            ["BloomyMilestone"] = typeof(MilestoneIdCompletionAttribute),
            ["BloomyUser"] = typeof(UserIdCompletionAttribute),
        };
        var parameters = typeof(Bloomy.Cmdlets.Commands.BloomyCmdlet).Assembly.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null)
            .SelectMany(t => t.GetProperties().Select(p => (Cmdlet: t, Property: p)))
            .Where(x => x.Property.GetCustomAttributes<ParameterAttribute>().Any())
            .Select(x => (x.Cmdlet, x.Property, Expected: x.Property.Name == "Id"
                ? idByNoun.GetValueOrDefault(x.Cmdlet.GetCustomAttribute<CmdletAttribute>()!.NounName)
                : byName.GetValueOrDefault(x.Property.Name)))
            .Where(x => x.Expected is not null)
            .ToList();
        Assert.True(parameters.Count > 40, $"only {parameters.Count} id parameters found");

        var missing = parameters.Where(x => x.Property.GetCustomAttribute(x.Expected!) is null)
            .Select(x => $"{x.Cmdlet.Name}.{x.Property.Name} lacks [{x.Expected!.Name[..^"Attribute".Length]}]").ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public async Task The_cache_refetches_after_it_expires_and_after_a_failure()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var fetches = 0;
        var fail = false;
        var cache = new ExpiringCache<int>(_ =>
        {
            fetches++;
            return fail ? Task.FromException<IReadOnlyList<int>>(new TimeoutException()) : Task.FromResult<IReadOnlyList<int>>(new[] { fetches });
        }, TimeSpan.FromMinutes(1), () => now);

        Assert.Equal(new[] { 1 }, await cache.GetAsync(default));
        now = now.AddSeconds(59);
        Assert.Equal(new[] { 1 }, await cache.GetAsync(default));
        now = now.AddSeconds(2);
        fail = true;
        await Assert.ThrowsAsync<TimeoutException>(() => cache.GetAsync(default));
        fail = false;
        Assert.Equal(new[] { 3 }, await cache.GetAsync(default));
    }
}
