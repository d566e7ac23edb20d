using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.GraphQL;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

/// <summary>
/// The issue operations over GraphQL (bloom-graphql.md §10) against the emulator: the documents and variables sent (as
/// the emulator recorded them), the mapping, the long-term and archive rules, paging, and each error family.
/// </summary>
public sealed class IssuesGraphQLEmulatorTests : EmulatorClientTests
{
    public IssuesGraphQLEmulatorTests(EmulatorFixture fixture)
        : base(fixture)
    {
        Emulator.GraphQLStats.Reset();
        Emulator.GraphQLSettings.Reset();
    }

    private IReadOnlyList<GraphQLRequestRecord> GraphQLRequests() => Emulator.GraphQLStats.Requests;

    private static void AssertSent(GraphQLRequestRecord request, GraphQLDocument document, JsonNode variables)
    {
        Assert.Equal(document.Text, request.Query);
        Assert.True(JsonNode.DeepEquals(variables, JsonNode.Parse(request.Variables)),
            $"expected variables {variables.ToJsonString()}, sent {request.Variables}");
    }

    private async Task<Issue> FreshIssue(long meetingId = 2001, string title = "Fresh issue") =>
        await Client.Issues.CreateAsync(meetingId, title);

    [Fact]
    public async Task GetDetails_sends_the_id_as_a_variable_and_maps_an_issue_made_over_REST()
    {
        var made = await FreshIssue(title: "Churn is rising");
        Emulator.GraphQLStats.Reset();

        var issue = await Client.Issues.GetDetailsAsync(made.Id);

        AssertSent(Assert.Single(GraphQLRequests()), GraphQLDocuments.Issue, new JsonObject { ["id"] = made.Id });
        var stored = Store.FindIssue(made.Id)!;
        var owner = Store.FindUser(stored.OwnerId)!;
        Assert.Equal((made.Id, "Churn is rising", false, false, false), (issue.Id, issue.Title, issue.Complete, issue.Archived, issue.LongTerm));
        Assert.Equal(((long?)2001, "Leadership L10", (long?)owner.Id, owner.Name), (issue.MeetingId, issue.MeetingName, issue.OwnerId, issue.OwnerName));
        Assert.Equal(Seconds(stored.CreateTime), issue.CreateTime);
        Assert.Null(issue.Notes);
    }

    [Fact]
    public async Task An_unknown_issue_is_not_found_naming_it()
    {
        var ex = await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Issues.GetDetailsAsync(999999));

        Assert.Contains("issue 999999", ex.Message);
    }

    [Fact]
    public async Task Moving_to_the_long_term_list_and_back_sends_addToDepartmentPlan_and_follows_the_long_term_rule()
    {
        var made = await FreshIssue(2002, "Long-term candidate");
        Emulator.GraphQLStats.Reset();

        var longTerm = await Client.Issues.SetLongTermAsync(made.Id, true);

        AssertSent(GraphQLRequests()[0], GraphQLDocuments.EditIssue,
            new JsonObject { ["input"] = new JsonObject { ["id"] = made.Id, ["addToDepartmentPlan"] = true } });
        Assert.Equal((true, false), (longTerm.LongTerm, longTerm.Archived));
        Assert.True(Store.FindIssue(made.Id)!.Archived, "the server stores a long-term issue as archived");
        Assert.DoesNotContain(await Client.Issues.ListAsync(meetingId: 2002), i => i.Id == made.Id);
        Assert.Contains(await Client.Issues.ListLongTermAsync(2002), i => i.Id == made.Id && i.LongTerm);

        var back = await Client.Issues.SetLongTermAsync(made.Id, false);

        Assert.Equal((false, false), (back.LongTerm, back.Archived));
        Assert.Contains(await Client.Issues.ListAsync(meetingId: 2002), i => i.Id == made.Id);
    }

    [Fact]
    public async Task The_long_term_list_is_complete_at_page_size_3()
    {
        var ids = new List<long>();
        for (var n = 0; n < 7; n++)
        {
            var made = await FreshIssue(2002, $"Long-term {n}");
            await Client.Issues.SetLongTermAsync(made.Id, true);
            ids.Add(made.Id);
        }
        Emulator.GraphQLSettings.DefaultPageSize = 3;
        Emulator.GraphQLStats.Reset();

        var list = await Client.Issues.ListLongTermAsync(2002);

        var expected = Store.Issues.Where(i => i.MeetingId == 2002 && i.LongTerm && !i.RemovedFromMeeting).Select(i => i.Id).ToList();
        Assert.Superset(ids.ToHashSet(), expected.ToHashSet());
        Assert.Equal(expected, list.Select(i => i.Id));
        var requests = GraphQLRequests();
        Assert.Equal((expected.Count + 2) / 3 + (expected.Count % 3 == 0 ? 1 : 0), requests.Count);
        var where = new JsonObject { ["and"] = new JsonArray(new JsonObject { ["addToDepartmentPlan"] = new JsonObject { ["eq"] = true } }) };
        AssertSent(requests[0], GraphQLDocuments.MeetingLongTermIssues, new JsonObject { ["meetingId"] = 2002, ["where"] = where });
        Assert.NotNull(JsonNode.Parse(requests[1].Variables)!["after"]);
        Assert.All(list, i => Assert.Equal(((long?)2002, true), (i.MeetingId, i.LongTerm)));
    }

    [Fact]
    public async Task Archiving_a_long_term_issue_takes_it_off_the_list_and_restoring_makes_it_short_term()
    {
        var made = await FreshIssue(2001, "Archive me");
        await Client.Issues.SetLongTermAsync(made.Id, true);
        Emulator.GraphQLStats.Reset();

        var archived = await Client.Issues.ArchiveAsync(made.Id);

        AssertSent(GraphQLRequests()[0], GraphQLDocuments.EditIssue,
            new JsonObject { ["input"] = new JsonObject { ["id"] = made.Id, ["archived"] = true } });
        Assert.Equal((true, false), (archived.Archived, archived.LongTerm));
        Assert.DoesNotContain(await Client.Issues.ListLongTermAsync(2001), i => i.Id == made.Id);
        Assert.Contains(await Client.Issues.ListArchivedAsync(2001), i => i.Id == made.Id && i.Archived);

        var restored = await Client.Issues.RestoreAsync(made.Id);

        Assert.Equal((false, false), (restored.Archived, restored.LongTerm));
        Assert.Contains(await Client.Issues.ListAsync(meetingId: 2001), i => i.Id == made.Id);
    }

    [Fact]
    public async Task Move_sends_meetingId_and_the_issue_shows_in_the_other_meeting_over_REST()
    {
        var made = await FreshIssue(2001, "Move me");
        Emulator.GraphQLStats.Reset();

        var moved = await Client.Issues.MoveAsync(made.Id, 2002);

        AssertSent(GraphQLRequests()[0], GraphQLDocuments.EditIssue,
            new JsonObject { ["input"] = new JsonObject { ["id"] = made.Id, ["meetingId"] = 2002 } });
        AssertSent(GraphQLRequests()[1], GraphQLDocuments.Issue, new JsonObject { ["id"] = made.Id });
        Assert.Equal(((long?)2002, "Sales Weekly"), (moved.MeetingId, moved.MeetingName));
        Assert.Contains(await Client.Issues.ListAsync(meetingId: 2002), i => i.Id == made.Id);
        Assert.DoesNotContain(await Client.Issues.ListAsync(meetingId: 2001), i => i.Id == made.Id);
    }

    [Fact]
    public async Task Owner_and_multi_line_notes_are_one_CreateNote_then_one_EditIssue_and_read_back_as_text()
    {
        var made = await FreshIssue(2001, "Notes and owner");
        Emulator.GraphQLStats.Reset();

        var changed = await Client.Issues.EditAsync(made.Id, new IssueChange { OwnerId = 1002, Notes = "line one\nline two & <b>" });

        var requests = GraphQLRequests();
        AssertSent(requests[0], GraphQLDocuments.CreateNote, new JsonObject { ["text"] = "line one<br>line two &amp; &lt;b&gt;" });
        var pad = Store.FindIssue(made.Id)!.NotesId;
        AssertSent(requests[1], GraphQLDocuments.EditIssue, new JsonObject
        {
            ["input"] = new JsonObject { ["id"] = made.Id, ["assigneeId"] = 1002, ["notesId"] = pad, ["collaborationEnabled"] = true },
        });
        Assert.Equal(((long?)1002, "line one\nline two & <b>"), (changed.OwnerId, changed.Notes));
        Assert.Equal("line one\nline two & <b>", await Client.Issues.GetNotesAsync(made.Id));
        Assert.Equal(1002, (await Client.Issues.GetAsync(made.Id)).OwnerId);
    }

    [Fact]
    public async Task IncludeNotes_reads_each_issue_once_and_keeps_the_order_and_REST_notes_read_as_text()
    {
        var a = await Client.Issues.CreateAsync(2001, "With REST notes", notes: "plain & simple");
        var b = await FreshIssue(2001, "No notes");
        Emulator.GraphQLStats.Reset();

        var filled = await Client.Issues.IncludeNotesAsync(new[] { a, b });

        Assert.Equal(2, Emulator.GraphQLStats.CountFor("issue"));
        Assert.Equal(new[] { a.Id, b.Id }, filled.Select(i => i.Id));
        Assert.Equal(("plain & simple", (string?)null), (filled[0].Notes, filled[1].Notes));
        Assert.Equal(a.Title, filled[0].Title);
    }

    [Fact]
    public async Task IncludeNotes_corrects_what_REST_reports_of_a_long_term_issue()
    {
        var made = await FreshIssue(2001, "Long-term over REST");
        await Client.Issues.SetLongTermAsync(made.Id, true);
        var overRest = await Client.Issues.GetAsync(made.Id);
        Assert.Equal((true, false), (overRest.Archived, overRest.LongTerm));

        var filled = Assert.Single(await Client.Issues.IncludeNotesAsync(new[] { overRest }));

        Assert.Equal((false, true), (filled.Archived, filled.LongTerm));
    }

    [Fact]
    public async Task A_failing_CreateNote_stops_before_the_EditIssue()
    {
        var made = await FreshIssue(2001, "Notes fail");
        Emulator.GraphQLSettings.CreateNoteFails = true;
        Emulator.GraphQLStats.Reset();

        await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Issues.EditAsync(made.Id, new IssueChange { Notes = "x", LongTerm = true }));

        Assert.Equal(0, Emulator.GraphQLStats.CountFor("EditIssue"));
        Assert.False(Store.FindIssue(made.Id)!.LongTerm);
    }

    [Fact]
    public async Task EditIssue_on_an_unknown_issue_or_meeting_fails_with_the_servers_message()
    {
        var made = await FreshIssue(2001, "Bad move");

        var unknownIssue = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Issues.ArchiveAsync(999999));
        var unknownMeeting = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Issues.MoveAsync(made.Id, 999999));

        Assert.Contains("Not able to perform the action", unknownIssue.Message);
        Assert.Equal("EditIssue", unknownMeeting.OperationName);
        Assert.Equal(2001, Store.FindIssue(made.Id)!.MeetingId);
    }

    [Fact]
    public async Task Bad_input_fails_before_any_request()
    {
        Emulator.GraphQLStats.Reset();

        await Assert.ThrowsAsync<ArgumentException>(() => Client.Issues.EditAsync(3001, new IssueChange()));
        await Assert.ThrowsAsync<ArgumentException>(() => Client.Issues.EditAsync(3001, new IssueChange { Title = "  " }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.Issues.MoveAsync(3001, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.Issues.ListLongTermAsync(-1));

        Assert.Empty(GraphQLRequests());
    }

    [Fact]
    public async Task The_long_term_list_of_an_unknown_meeting_is_not_found()
    {
        var ex = await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Issues.ListLongTermAsync(999999));

        Assert.Contains("meeting 999999", ex.Message);
    }

    [Fact]
    public async Task CreateOverGraphQL_puts_an_issue_straight_on_the_long_term_list_and_REST_sees_it()
    {
        Emulator.GraphQLStats.Reset();

        var issue = await Client.Issues.CreateOverGraphQLAsync(2002, "Department plan item", longTerm: true, userId: 1002);

        AssertSent(Assert.Single(GraphQLRequests()), GraphQLDocuments.CreateIssue, new JsonObject
        {
            ["input"] = new JsonObject { ["title"] = "Department plan item", ["recurrenceId"] = 2002, ["addToDepartmentPlan"] = true, ["ownerId"] = 1002 },
        });
        Assert.Equal(("Department plan item", true, false, (long?)2002, (long?)1002), (issue.Title, issue.LongTerm, issue.Archived, issue.MeetingId, issue.OwnerId));
        Assert.Equal("Department plan item", (await Client.Issues.GetAsync(issue.Id)).Title);
        Assert.Contains(await Client.Issues.ListLongTermAsync(2002), i => i.Id == issue.Id);
    }

    [Fact]
    public async Task CreateOverGraphQL_in_an_unknown_meeting_fails_with_the_reason()
    {
        var ex = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Issues.CreateOverGraphQLAsync(999999, "Nowhere", longTerm: false));

        Assert.Contains("Meeting 999999 does not exist", ex.Message);
    }

    [Fact]
    public async Task Solving_an_archived_issue_moves_its_timestamp_but_not_completed_as_the_server_does()
    {
        var made = await FreshIssue(2001, "Quirk");
        await Client.Issues.ArchiveAsync(made.Id);
        var http = Client.Http.GraphQL;

        await http.ExecuteAsync(GraphQLDocuments.EditIssue, new JsonObject
        {
            ["input"] = new JsonObject { ["id"] = made.Id, ["completed"] = true, ["completedTimestamp"] = 1790000000.0 },
        }, CancellationToken.None);

        var issue = await Client.Issues.GetDetailsAsync(made.Id);
        Assert.False(issue.Complete);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1790000000).UtcDateTime, issue.CloseTime);
    }
}
