using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets;

/// <summary>The Foundation snippet, typed as a user would, inside the real engine against the emulator.</summary>
public sealed class FoundationPipelineTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public FoundationPipelineTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _fixture.Emulator.Faults.Reset();
        _session.Connect(fixture.Emulator.BaseUri, fixture.Emulator.DemoApiKey);
        _fixture.Emulator.Stats.Reset();
    }

    private Bloomy.Emulator.BloomEmulator Emulator => _fixture.Emulator;

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Every_users_todos_come_out_grouped_by_user_in_user_order()
    {
        var users = _session.Run("Get-BloomyUser -All").ThrowIfFailed().OutputOf<User>().ToList();
        Assert.True(users.Count >= 10);

        var result = _session.Run("Get-BloomyUser -All | Get-BloomyTodo -ThrottleLimit 10").ThrowIfFailed();
        var todos = result.OutputOf<Todo>().ToList();

        var expected = users.SelectMany(u => Emulator.Store.Todos.Where(t => t.OwnerId == u.Id && !t.Complete)).Count();
        Assert.Equal(expected, todos.Count);
        var ownerOrder = todos.Select(t => t.OwnerId!.Value).Distinct().ToList();
        Assert.Equal(users.Select(u => u.Id).Where(id => ownerOrder.Contains(id)), ownerOrder);
        Assert.True(IsGrouped(todos.Select(t => t.OwnerId!.Value)), "each user's to-dos stay together");
    }

    [Fact]
    public void Each_meetings_todos_come_out_for_meetings_piped_in()
    {
        var meetings = _session.Run("Get-BloomyMeeting").ThrowIfFailed().OutputOf<Meeting>().ToList();
        Assert.NotEmpty(meetings);

        var todos = _session.Run("Get-BloomyMeeting | Get-BloomyTodo").ThrowIfFailed().OutputOf<Todo>().ToList();

        Assert.NotEmpty(todos);
        Assert.All(todos, t => Assert.Contains(meetings, m => m.Id == t.MeetingId));
        Assert.Equal(meetings.Count, Emulator.Stats.CountFor("GET", "L10/{id}/todos"));
    }

    [Fact]
    public void A_csv_like_object_creates_a_meeting_todo()
    {
        var meetingId = Emulator.Store.Meetings.First().Id;
        var result = _session.Run(
            "[pscustomobject]@{ Title = 'Call Ada'; MeetingId = $m; DueDate = '2026-12-01' } | New-BloomyTodo",
            new() { ["m"] = meetingId }).ThrowIfFailed();

        var todo = Assert.IsType<Todo>(Assert.Single(result.Output));
        Assert.Equal("Call Ada", todo.Title);
        Assert.Equal(meetingId, todo.MeetingId);
        Assert.Equal(new DateTime(2026, 12, 1), todo.DueDate?.Date);
        var stored = Assert.Single(Emulator.Store.Todos, t => t.Id == todo.Id);
        Assert.Equal("Call Ada", stored.Title);
        var post = Assert.Single(Emulator.Stats.Requests, r => r.Method == "POST");
        Assert.Equal($"/api/v1/L10/{meetingId}/todos", post.Path);
        Assert.Equal($"{{\"Title\":\"Call Ada\",\"ForId\":{Emulator.DemoUserId},\"dueDate\":\"2026-12-01\"}}", post.Body);
    }

    [Fact]
    public void Blank_csv_cells_mean_not_given()
    {
        var result = _session.Run(
            "[pscustomobject]@{ Title = 'Blank cells'; MeetingId = ''; DueDate = ' '; UserId = '' } | New-BloomyTodo").ThrowIfFailed();

        var todo = Assert.IsType<Todo>(Assert.Single(result.Output));
        Assert.Null(todo.MeetingId);
        var post = Assert.Single(Emulator.Stats.Requests, r => r.Method == "POST");
        Assert.Equal("/api/v1/todo/create", post.Path);
        Assert.Equal($"{{\"title\":\"Blank cells\",\"accountableUserId\":{Emulator.DemoUserId}}}", post.Body);
    }

    [Theory]
    [InlineData("[pscustomobject]@{ Title = 'Bad owner'; MeetingId = $m; UserId = 'abc' } | New-BloomyGoal", "UserId 'abc'")]
    [InlineData("[pscustomobject]@{ Title = 'Bad owner'; MeetingId = $m; OwnerId = 'abc' } | New-BloomyIssue", "OwnerId 'abc'")]
    [InlineData("[pscustomobject]@{ Title = 'Bad owner'; MeetingId = $m; OwnerId = 'abc' } | New-BloomyHeadline", "OwnerId 'abc'")]
    [InlineData("[pscustomobject]@{ Title = 'Bad date'; DueDate = 'tomorrowish' } | New-BloomyTodo", "DueDate 'tomorrowish'")]
    public void A_cell_that_cannot_be_used_is_an_error_for_its_row_not_silently_dropped(string script, string named)
    {
        var result = _session.Run(script, new() { ["m"] = Emulator.Store.Meetings.First().Id });

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.Validation", error.FullyQualifiedErrorId);
        Assert.Contains(named, error.ToString());
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var todos = _session.Run("Get-BloomyTodo").ThrowIfFailed().OutputOf<Todo>().ToList();
        Assert.NotEmpty(todos);
        Emulator.Stats.Reset();

        var result = _session.Run("$todos | Complete-BloomyTodo -WhatIf; New-BloomyTodo -Title 'Nope' -WhatIf",
            new() { ["todos"] = todos });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.All(Emulator.Store.Todos.Where(t => todos.Any(x => x.Id == t.Id)), t => Assert.False(t.Complete));
    }

    [Fact]
    public void A_missing_item_is_one_error_record_naming_it_while_the_others_come_out()
    {
        var ids = Emulator.Store.Todos.Take(2).Select(t => t.Id).ToList();
        var result = _session.Run("$a, 999999, $b | Get-BloomyTodo", new() { ["a"] = ids[0], ["b"] = ids[1] });

        Assert.Null(result.Terminating);
        Assert.Equal(ids, result.OutputOf<Todo>().Select(t => t.Id));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Bloomy.NotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(999999L, error.TargetObject);
        Assert.Contains("to-do 999999", error.ToString());
        Assert.Contains("Check the id", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void The_default_connection_shows_who_and_where_but_never_the_key()
    {
        var connection = Assert.IsType<Bloomy.Cmdlets.Connections.BloomyConnection>(
            Assert.Single(_session.Run("Get-BloomyConnection").ThrowIfFailed().Output));

        Assert.Equal("Ada Park", connection.UserName);
        Assert.Equal(Emulator.DemoUserId, connection.UserId);
        Assert.Equal(Emulator.BaseUri, connection.BaseUri);
        Assert.Equal(new Uri(new Uri(Emulator.BaseUri.GetLeftPart(UriPartial.Authority)), "/graphql/"), connection.GraphQLUri);
        Assert.Equal(5, connection.DefaultThrottleLimit);
        Assert.DoesNotContain(Emulator.DemoApiKey, connection.ToString());

        var afterDisconnect = _session.Run("Disconnect-Bloomy; Get-BloomyConnection").ThrowIfFailed();
        Assert.Empty(afterDisconnect.Output);
        Assert.True(connection.IsDisconnected);
    }

    [Fact]
    public void A_user_object_binds_as_a_user_and_a_meeting_object_as_a_meeting()
    {
        Emulator.Stats.Reset();
        _session.Run("Get-BloomyUser | Get-BloomyTodo; (Get-BloomyMeeting)[0] | Get-BloomyTodo").ThrowIfFailed();

        Assert.Equal(1, Emulator.Stats.CountFor("GET", "todo/user/{id}"));
        Assert.Equal(1, Emulator.Stats.CountFor("GET", "L10/{id}/todos"));
        Assert.Equal(0, Emulator.Stats.CountFor("GET", "todo/{id}"));
    }

    [Fact]
    public void A_user_object_cannot_complete_a_todo()
    {
        Emulator.Stats.Reset();
        var result = _session.Run("Get-BloomyUser | Complete-BloomyTodo");

        Assert.NotEmpty(result.Errors.Concat(result.TerminatingRecord is null ? [] : [result.TerminatingRecord]));
        Assert.DoesNotContain(Emulator.Stats.Requests, r => r.Method == "POST");
    }

    [Fact]
    public void A_rejected_key_mid_pipeline_terminates_with_an_authentication_error()
    {
        Emulator.Faults.FailNext(1, 401, "GET", "todo/user/{id}");
        var users = Emulator.Store.Users.Take(5).Select(u => u.Id).ToArray();

        var result = _session.Run("$ids | ForEach-Object { [pscustomobject]@{ UserId = $_ } } | Get-BloomyTodo -ThrottleLimit 1",
            new() { ["ids"] = users });

        Assert.NotNull(result.TerminatingRecord);
        Assert.StartsWith("Bloomy.Authentication", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, result.TerminatingRecord.CategoryInfo.Category);
    }

    [Fact]
    public void Connecting_with_a_bad_key_terminates_with_an_authentication_error()
    {
        var result = _session.Run("Connect-Bloomy -BaseUri $b -ApiKey 'definitely-not-a-key'", new() { ["b"] = Emulator.BaseUri });

        Assert.NotNull(result.TerminatingRecord);
        Assert.StartsWith("Bloomy.Authentication", result.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.DoesNotContain("definitely-not-a-key", result.Terminating!.ToString());
    }

    private static bool IsGrouped(IEnumerable<long> keys)
    {
        var seen = new HashSet<long>();
        long? previous = null;
        foreach (var key in keys)
        {
            if (key != previous && !seen.Add(key)) return false;
            previous = key;
        }
        return true;
    }
}
