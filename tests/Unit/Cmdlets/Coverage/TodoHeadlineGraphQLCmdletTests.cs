using System.Management.Automation;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Cmdlets.Coverage;

/// <summary>
/// The GraphQL parameters of the to-do and headline cmdlets inside the real engine against the emulator: archive and
/// restore, owners, notes, lists with archived items; the pipeline, -WhatIf, a failing item, a mixed REST + GraphQL change.
/// </summary>
public sealed class TodoHeadlineGraphQLCmdletTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private const long MissingId = 999999;

    private readonly EmulatorFixture _fixture;
    private readonly PowerShellSession _session = new();

    public TodoHeadlineGraphQLCmdletTests(EmulatorFixture fixture)
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

    private long[] NewTodos(int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => _session.Run($"New-BloomyTodo -MeetingId 2001 -Title '{prefix} {i}'")
            .ThrowIfFailed().OutputOf<Todo>().Single().Id).ToArray();

    private long[] NewHeadlines(int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => _session.Run($"New-BloomyHeadline -MeetingId 2001 -Title '{prefix} {i}'")
            .ThrowIfFailed().OutputOf<Headline>().Single().Id).ToArray();

    [Fact]
    public void Set_todo_Archived_archives_piped_ids_and_a_missing_one_is_one_error_naming_it_then_Restore_brings_them_back()
    {
        var ids = NewTodos(2, "Archive");

        var archive = _session.Run("$ids[0], $missing, $ids[1] | Set-BloomyTodo -Archived", new() { ["ids"] = ids, ["missing"] = MissingId });

        Assert.Null(archive.Terminating);
        var error = Assert.Single(archive.Errors);
        Assert.StartsWith("Bloomy.ApiError", error.FullyQualifiedErrorId);
        Assert.Contains($"to-do {MissingId}", error.ToString());
        Assert.Equal(MissingId, error.TargetObject);
        Assert.All(ids, id => Assert.NotNull(Emulator.Store.FindTodo(id)!.ArchiveTime));
        var listed = _session.Run("Get-BloomyTodo -MeetingId 2001 -IncludeArchived").ThrowIfFailed().OutputOf<Todo>().ToList();
        Assert.All(ids, id => Assert.True(listed.Single(t => t.Id == id).Archived));
        Assert.DoesNotContain(_session.Run("Get-BloomyTodo -MeetingId 2001").ThrowIfFailed().OutputOf<Todo>(), t => ids.Contains(t.Id));

        var restored = _session.Run("Get-BloomyTodo -MeetingId 2001 -IncludeArchived | Where-Object { $_.Id -in $ids } | Restore-BloomyTodo -PassThru",
            new() { ["ids"] = ids }).ThrowIfFailed().OutputOf<Todo>().ToList();

        Assert.Equal(ids, restored.Select(t => t.Id));
        Assert.All(restored, t => Assert.False(t.Archived));
        Assert.All(ids, id => Assert.Null(Emulator.Store.FindTodo(id)!.ArchiveTime));
    }

    [Fact]
    public void WhatIf_sends_nothing_and_no_change_at_all_is_a_validation_error()
    {
        var todo = NewTodos(1, "WhatIf")[0];
        var headline = NewHeadlines(1, "WhatIf")[0];
        Emulator.Stats.Reset();

        var whatIf = _session.Run("""
            Set-BloomyTodo -Id $t -Archived -OwnerId 1002 -Notes 'n' -WhatIf
            Restore-BloomyTodo -Id $t -WhatIf
            Set-BloomyHeadline -Id $h -Archived -Notes 'n' -WhatIf
            Restore-BloomyHeadline -Id $h -WhatIf
            """, new() { ["t"] = todo, ["h"] = headline });
        var none = _session.Run("Set-BloomyHeadline -Id $h", new() { ["h"] = headline });

        Assert.Null(whatIf.Terminating);
        Assert.Empty(whatIf.Errors);
        Assert.Empty(whatIf.Output);
        Assert.StartsWith("Bloomy.Validation", none.TerminatingRecord!.FullyQualifiedErrorId);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
        Assert.Null(Emulator.Store.FindTodo(todo)!.ArchiveTime);
    }

    [Fact]
    public void A_mixed_change_does_REST_then_GraphQL_and_PassThru_returns_the_to_do_with_its_notes()
    {
        var id = NewTodos(1, "Mixed")[0];

        var changed = _session.Run("Set-BloomyTodo -Id $id -Title 'Renamed' -OwnerId 1002 -Notes \"one`ntwo\" -PassThru", new() { ["id"] = id })
            .ThrowIfFailed().OutputOf<Todo>().Single();

        Assert.Equal(("Renamed", 1002L, "one\ntwo"), (changed.Title, changed.OwnerId!.Value, changed.Notes));
        Assert.Equal(1, Emulator.Stats.CountFor("PUT", "todo/{id}"));
        Assert.Equal(["CreateNote", "EditTodo", "todo"], Emulator.GraphQLStats.Requests.Select(r => r.RootFields.Single()));
    }

    [Fact]
    public void A_change_the_server_forbids_is_one_Bloomy_Forbidden_error_per_item_and_the_rest_go_on()
    {
        var todos = NewTodos(2, "Forbidden");
        var headline = NewHeadlines(1, "Allowed").Single();
        Emulator.GraphQLSettings.Forbidden = new HashSet<string>(["EditTodo"]);

        var result = _session.Run("$todos | Set-BloomyTodo -Archived; Set-BloomyHeadline -Id $headline -Archived",
            new() { ["todos"] = todos, ["headline"] = headline });

        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors.Zip(todos), e =>
        {
            Assert.StartsWith("Bloomy.Forbidden", e.First.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.PermissionDenied, e.First.CategoryInfo.Category);
            Assert.Equal(e.Second, e.First.TargetObject);
            Assert.Contains($"to-do {e.Second}", e.First.ToString());
            Assert.Contains("User not allowed to perform this action", e.First.ToString());
        });
        Assert.All(todos, id => Assert.Null(Emulator.Store.FindTodo(id)!.ArchiveTime));
        Assert.NotNull(Emulator.Store.FindHeadline(headline)!.CloseTime);
    }

    [Fact]
    public void When_the_GraphQL_part_of_a_mixed_change_fails_the_error_says_the_REST_part_was_applied()
    {
        var ids = NewTodos(2, "Half");
        Emulator.GraphQLSettings.CreateNoteFails = true;

        var result = _session.Run("$ids | Set-BloomyTodo -Title 'Half done' -Notes 'never'", new() { ["ids"] = ids });

        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors.Zip(ids), e =>
        {
            Assert.StartsWith("Bloomy.ApiError", e.First.FullyQualifiedErrorId);
            Assert.Contains($"to-do {e.Second}: the title was changed, but the notes failed", e.First.ToString());
        });
        Assert.All(ids, id => Assert.Equal("Half done", Emulator.Store.FindTodo(id)!.Title));
        Assert.Equal(0, Emulator.GraphQLStats.CountFor("EditTodo"));
    }

    [Fact]
    public void Csv_rows_with_notes_create_to_dos_whose_notes_read_back_with_IncludeNotes()
    {
        var result = _session.Run("""
            $rows = [pscustomobject]@{ Title = 'From CSV'; MeetingId = '2001'; Notes = "first`nsecond" },
                    [pscustomobject]@{ Title = 'No meeting'; MeetingId = "$missing"; Notes = 'x' },
                    [pscustomobject]@{ Title = 'Plain'; MeetingId = '2001'; Notes = '' }
            $created = $rows | New-BloomyTodo
            $created | ForEach-Object Id | Get-BloomyTodo -IncludeNotes
            """, new() { ["missing"] = MissingId });

        var read = result.OutputOf<Todo>().ToList();
        Assert.Equal(["From CSV", "Plain"], read.Select(t => t.Title));
        Assert.Equal(["first\nsecond", null], read.Select(t => t.Notes));
        var error = Assert.Single(result.Errors);
        Assert.Contains("to-do 'No meeting'", error.ToString());
        Assert.Equal(MissingId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.IsType<PSObject>(error.TargetObject).Properties["MeetingId"].Value?.ToString());
    }

    [Fact]
    public void Headlines_archive_restore_owner_and_notes_through_the_pipeline()
    {
        var ids = NewHeadlines(2, "Headline");

        var archive = _session.Run("$ids[0], $missing, $ids[1] | Set-BloomyHeadline -Archived -OwnerId 1002",
            new() { ["ids"] = ids, ["missing"] = MissingId });
        var listed = _session.Run("Get-BloomyHeadline -MeetingId 2001 -IncludeArchived").ThrowIfFailed().OutputOf<Headline>().ToList();
        var restored = _session.Run("$ids | Restore-BloomyHeadline -PassThru", new() { ["ids"] = ids }).ThrowIfFailed().OutputOf<Headline>().ToList();
        var noted = _session.Run("Set-BloomyHeadline -Id $id -Title 'Renamed' -Notes \"a`nb\"; Get-BloomyHeadline -Id $id -IncludeNotes",
            new() { ["id"] = ids[0] }).ThrowIfFailed().OutputOf<Headline>().Single();

        var error = Assert.Single(archive.Errors);
        Assert.StartsWith("Bloomy.ApiError", error.FullyQualifiedErrorId);
        Assert.Contains($"headline {MissingId}", error.ToString());
        Assert.All(ids, id => Assert.True(listed.Single(h => h.Id == id).Archived));
        Assert.All(ids, id => Assert.Equal(1002, Emulator.Store.FindHeadline(id)!.OwnerId));
        Assert.Equal(ids, restored.Select(h => h.Id));
        Assert.All(restored, h => Assert.False(h.Archived));
        Assert.Equal(("Renamed", "a\nb"), (noted.Title, noted.Notes));
    }

    [Fact]
    public void IncludeNotes_on_a_list_reads_each_items_notes_concurrently_and_keeps_the_list_order()
    {
        var id = NewTodos(1, "Noted")[0];
        _session.Run("Set-BloomyTodo -Id $id -Notes 'remember'", new() { ["id"] = id }).ThrowIfFailed();
        var plain = _session.Run("Get-BloomyTodo -MeetingId 2001").ThrowIfFailed().OutputOf<Todo>().ToList();
        Emulator.GraphQLStats.Reset();

        var noted = _session.Run("Get-BloomyTodo -MeetingId 2001 -IncludeNotes").ThrowIfFailed().OutputOf<Todo>().ToList();

        Assert.Equal(plain.Select(t => t.Id), noted.Select(t => t.Id));
        Assert.Equal("remember", noted.Single(t => t.Id == id).Notes);
        Assert.All(plain, t => Assert.Null(t.Notes));
        Assert.Equal(plain.Count, Emulator.GraphQLStats.CountFor("todo"));
    }

    [Theory]
    [InlineData("th-TH")]
    [InlineData("de-DE")]
    public void A_due_date_given_with_notes_goes_over_GraphQL_as_that_date_at_midnight_UTC_in_every_culture(string culture)
    {
        var script = $$"""
            [System.Threading.Thread]::CurrentThread.CurrentCulture = [System.Globalization.CultureInfo]::GetCultureInfo('{{culture}}')
            New-BloomyTodo -MeetingId 2001 -Title 'dated' -DueDate '2026-12-01' -Notes 'n'
            """;

        var todo = _session.Run(script).ThrowIfFailed().OutputOf<Todo>().Single();

        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), todo.DueDate);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0), Emulator.Store.FindTodo(todo.Id)!.DueDate);
        Assert.Equal(1796083200.0, System.Text.Json.Nodes.JsonNode.Parse(Emulator.GraphQLStats.Requests.Last().Variables)!["input"]!["dueDate"]!.GetValue<double>());
    }
}
