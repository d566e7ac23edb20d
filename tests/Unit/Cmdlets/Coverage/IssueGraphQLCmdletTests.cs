using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>
/// The issue cmdlets' GraphQL parameters and Move-/Restore-BloomyIssue inside the real engine against the emulator:
/// pipeline, -WhatIf, one failing item among good ones, input refused before any request.
/// </summary>
public sealed class IssueGraphQLCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const long MissingId = 999999;

    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public IssueGraphQLCmdletTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        Emulator.Faults.Reset();
        Emulator.Latency = TimeSpan.Zero;
        Emulator.GraphQLSettings.Reset();
        _session.Connect(Emulator.BaseUri, Emulator.DemoApiKey);
        Emulator.Stats.Reset();
        Emulator.GraphQLStats.Reset();
    }

    private BloomEmulator Emulator => _fixture.Emulator;

    public void Dispose() => _session.Dispose();

    private long NewIssue(long meetingId, string title) =>
        _session.Run("(New-BloomyIssue -MeetingId $m -Title $t).Id", new() { ["m"] = meetingId, ["t"] = title }).ThrowIfFailed().OutputOf<long>().Single();

    [Fact]
    public void Set_LongTerm_moves_piped_issues_and_Get_LongTerm_lists_them_all_at_page_size_3()
    {
        var ids = Enumerable.Range(0, 5).Select(n => NewIssue(2002, $"Plan item {n}")).ToArray();
        Emulator.GraphQLSettings.DefaultPageSize = 3;
        Emulator.GraphQLStats.Reset();

        var moved = _session.Run("$ids | Set-BloomyIssue -LongTerm -PassThru", new() { ["ids"] = ids }).ThrowIfFailed().OutputOf<Issue>().ToList();
        var listed = _session.Run("Get-BloomyIssue -MeetingId 2002 -LongTerm").ThrowIfFailed().OutputOf<Issue>().ToList();

        Assert.Equal(ids, moved.Select(i => i.Id));
        Assert.All(moved, i => Assert.Equal((true, false), (i.LongTerm, i.Archived)));
        Assert.Equal(5, Emulator.GraphQLStats.CountFor("EditIssue"));
        var expected = Emulator.Store.Issues.Where(i => i.MeetingId == 2002 && i.LongTerm).Select(i => i.Id).ToList();
        Assert.True(expected.Count > 3);
        Assert.Equal(expected, listed.Select(i => i.Id));
        Assert.True(Emulator.GraphQLStats.CountFor("meeting") >= 2, "the list was read page by page");
        var rest = _session.Run("Get-BloomyIssue -MeetingId 2002").ThrowIfFailed().OutputOf<Issue>();
        Assert.DoesNotContain(rest, i => ids.Contains(i.Id));

        var back = _session.Run("Set-BloomyIssue -Id $id -LongTerm:$false -PassThru", new() { ["id"] = ids[0] }).ThrowIfFailed().OutputOf<Issue>().Single();
        Assert.Equal((false, false), (back.LongTerm, back.Archived));
    }

    [Fact]
    public void Set_Archived_then_Restore_with_one_missing_issue_among_good_ones()
    {
        var a = NewIssue(2001, "Archive A");
        var b = NewIssue(2001, "Archive B");

        _session.Run("Set-BloomyIssue -Id $a, $b -Archived", new() { ["a"] = a, ["b"] = b }).ThrowIfFailed();
        Assert.True(Emulator.Store.FindIssue(a)!.Archived);
        var archived = _session.Run("Get-BloomyIssue -MeetingId 2001 -IncludeArchived").ThrowIfFailed().OutputOf<Issue>().ToList();
        Assert.Contains(archived, i => i.Id == a && i.Archived);

        var result = _session.Run("$a, $missing, $b | Restore-BloomyIssue -PassThru",
            new() { ["a"] = a, ["b"] = b, ["missing"] = MissingId });

        Assert.Equal(new[] { a, b }, result.OutputOf<Issue>().Select(i => i.Id));
        Assert.All(result.OutputOf<Issue>(), i => Assert.False(i.Archived));
        var error = Assert.Single(result.Errors);
        Assert.Equal(MissingId, error.TargetObject);
        Assert.StartsWith("Bloomy.ApiError", error.FullyQualifiedErrorId);
        Assert.False(Emulator.Store.FindIssue(b)!.Archived);
    }

    [Fact]
    public void Move_takes_issue_objects_and_csv_rows_and_a_failing_row_does_not_stop_the_others()
    {
        var a = NewIssue(2001, "Move A");
        var b = NewIssue(2001, "Move B");
        var c = NewIssue(2001, "Move C");

        var byObject = _session.Run("Get-BloomyIssue -Id $a | Move-BloomyIssue -MeetingId 2002 -PassThru", new() { ["a"] = a }).ThrowIfFailed();
        Assert.Equal(2002L, byObject.OutputOf<Issue>().Single().MeetingId);

        var rows = _session.Run("""
            @([pscustomobject]@{ Id = "$b"; MeetingId = '2002' },
              [pscustomobject]@{ Id = "$missing"; MeetingId = '2002' },
              [pscustomobject]@{ Id = "$c"; MeetingId = '2002' }) | Move-BloomyIssue -PassThru
            """, new() { ["b"] = b, ["c"] = c, ["missing"] = MissingId });

        Assert.Equal(new[] { b, c }, rows.OutputOf<Issue>().Select(i => i.Id));
        Assert.Equal(MissingId, Assert.Single(rows.Errors).TargetObject);
        Assert.All(new[] { a, b, c }, id => Assert.Equal(2002, Emulator.Store.FindIssue(id)!.MeetingId));
    }

    [Fact]
    public void An_issue_object_piped_without_MeetingId_is_refused_not_moved_to_where_it_is()
    {
        var a = NewIssue(2001, "Stay put");
        Emulator.GraphQLStats.Reset();

        var result = _session.Run("Get-BloomyIssue -Id $a | Move-BloomyIssue", new() { ["a"] = a });

        var error = Assert.Single(result.Errors);
        Assert.Contains("Give -MeetingId", error.Exception.Message);
        Assert.Equal(0, Emulator.GraphQLStats.CountFor("EditIssue"));
    }

    [Fact]
    public void WhatIf_sends_nothing_over_GraphQL()
    {
        var a = NewIssue(2001, "What if");
        Emulator.Stats.Reset();
        Emulator.GraphQLStats.Reset();

        var result = _session.Run("""
            Set-BloomyIssue -Id $a -LongTerm -WhatIf
            Set-BloomyIssue -Id $a -OwnerId 1002 -Notes 'x' -WhatIf
            Move-BloomyIssue -Id $a -MeetingId 2002 -WhatIf
            Restore-BloomyIssue -Id $a -WhatIf
            [pscustomobject]@{ Id = "$a"; MeetingId = '2002' } | Move-BloomyIssue -WhatIf
            New-BloomyIssue -MeetingId 2001 -Title 'Not yet' -LongTerm -WhatIf
            """, new() { ["a"] = a });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Empty(Emulator.GraphQLStats.Requests);
    }

    [Fact]
    public void Owner_and_multi_line_notes_go_over_GraphQL_and_IncludeNotes_reads_them_back()
    {
        var a = NewIssue(2001, "Owner and notes");

        var changed = _session.Run("Set-BloomyIssue -Id $a -OwnerId 1003 -Notes \"first line`nsecond line\" -PassThru", new() { ["a"] = a })
            .ThrowIfFailed().OutputOf<Issue>().Single();
        Emulator.GraphQLStats.Reset();
        var read = _session.Run("Get-BloomyIssue -Id $a -IncludeNotes", new() { ["a"] = a }).ThrowIfFailed().OutputOf<Issue>().Single();

        Assert.Equal((1003L, "first line\nsecond line"), (changed.OwnerId!.Value, changed.Notes));
        Assert.Equal("first line\nsecond line", read.Notes);
        Assert.Equal(1, Emulator.GraphQLStats.CountFor("issue"));
        Assert.Equal(0, Emulator.Stats.CountFor("PUT", "issues/{id}"));
    }

    [Fact]
    public void Without_the_new_parameters_Set_and_Get_stay_on_REST()
    {
        var a = NewIssue(2001, "REST as before");
        Emulator.GraphQLStats.Reset();

        _session.Run("Set-BloomyIssue -Id $a -Title 'Renamed' -Notes 'n'; Get-BloomyIssue -MeetingId 2001 | Out-Null", new() { ["a"] = a }).ThrowIfFailed();

        Assert.Empty(Emulator.GraphQLStats.Requests);
        Assert.Equal("Renamed", Emulator.Store.FindIssue(a)!.Title);
        var listed = _session.Run("Get-BloomyIssue -MeetingId 2001").ThrowIfFailed().OutputOf<Issue>();
        Assert.All(listed, i => Assert.Null(i.Notes));
    }

    [Fact]
    public void Contradictory_or_missing_changes_are_refused_before_any_request()
    {
        Emulator.Stats.Reset();

        var both = _session.Run("Set-BloomyIssue -Id 3001 -LongTerm -Archived");
        var none = _session.Run("Set-BloomyIssue -Id 3001");
        var lists = _session.Run("Get-BloomyIssue -MeetingId 2001 -LongTerm -IncludeArchived");
        var user = _session.Run("Get-BloomyIssue -UserId 1002 -LongTerm");

        Assert.StartsWith("Bloomy.Validation", both.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.StartsWith("Bloomy.Validation", none.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.StartsWith("Bloomy.Validation", lists.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.NotNull(user.Terminating);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    [Fact]
    public void New_LongTerm_creates_over_GraphQL_with_its_notes()
    {
        var created = _session.Run("New-BloomyIssue -MeetingId 2001 -Title 'Second office' -LongTerm -Notes \"a`nb\"").ThrowIfFailed()
            .OutputOf<Issue>().Single();

        Assert.Equal((true, false, "a\nb"), (created.LongTerm, created.Archived, created.Notes));
        Assert.True(Emulator.Store.FindIssue(created.Id)!.LongTerm);
        Assert.Equal(0, Emulator.Stats.CountFor("POST", "issues/create"));
    }
}
