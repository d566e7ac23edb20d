using System.Net;
using System.Text.Json.Nodes;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>
/// The emulator's issue schema over raw HTTP (bloom-graphql §10, §17.4, §17.5): the same records as REST, the
/// long-term rule, the four meeting lists, the F-response failure shape, and unknown input keys refused.
/// </summary>
public sealed class GraphQLIssuesTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    private async Task<long> Create(string title, bool longTerm = false)
    {
        var answer = await Post("mutation($input: IssueCreateModelInput!) { CreateIssue(input: $input) { id addToDepartmentPlan archived issueNumber numStarVotes priorityVoteRank meeting { id name } assignee { id } } }",
            new { input = new { title, recurrenceId = 2001, addToDepartmentPlan = longTerm } });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var issue = answer.Data!["CreateIssue"]!;
        Assert.Equal((longTerm, longTerm, 0, 999, 2001L, Emulator.DemoUserId),
            (issue["addToDepartmentPlan"]!.GetValue<bool>(), issue["archived"]!.GetValue<bool>(), issue["numStarVotes"]!.GetValue<int>(),
             issue["priorityVoteRank"]!.GetValue<int>(), issue["meeting"]!["id"]!.GetValue<long>(), issue["assignee"]!["id"]!.GetValue<long>()));
        return issue["id"]!.GetValue<long>();
    }

    private Task<Answer> Edit(object input) =>
        Post("mutation($input: IssueEditModelInput!) { EditIssue(input: $input) { success message errorDetails { message type } } }", new { input });

    private async Task<long[]> List(string connection)
    {
        var answer = await Post("query($id: Long!) { meeting(id: $id) { " + connection + "(first: 50) { nodes { id } } } }", new { id = 2001 });
        return answer.Data!["meeting"]![connection]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()).ToArray();
    }

    [Fact]
    public async Task An_issue_made_over_GraphQL_is_the_record_REST_serves_and_the_reverse()
    {
        var id = await Create("Made over GraphQL");

        Assert.Equal("Made over GraphQL", Emulator.Store.FindIssue(id)!.Title);
        var seeded = Emulator.Store.Issues.First(i => i.MeetingId == 2001 && !i.Complete);
        var read = await Post("query($id: Long!) { issue(id: $id) { title recurrenceId } }", new { id = seeded.Id });
        Assert.Equal((seeded.Title, 2001L), (read.Data!["issue"]!["title"]!.GetValue<string>(), read.Data!["issue"]!["recurrenceId"]!.GetValue<long>()));
        Assert.Null((await Post("query { issue(id: 999999) { id } }")).Data!["issue"]);
    }

    [Fact]
    public async Task The_four_lists_follow_the_long_term_and_archive_rules()
    {
        var open = await Create("Open one");
        var longTerm = await Create("Long-term one", longTerm: true);
        var archived = await Create("Archived one");
        var solved = await Create("Solved one");
        Assert.True((await Edit(new { id = archived, archived = true })).Data!["EditIssue"]!["success"]!.GetValue<bool>());
        await Edit(new { id = solved, completed = true });

        Assert.Contains(open, await List("issues"));
        Assert.DoesNotContain(longTerm, await List("issues"));
        Assert.Contains(longTerm, await List("longTermIssues"));
        Assert.Contains(archived, await List("archivedIssues"));
        Assert.DoesNotContain(longTerm, await List("archivedIssues"));
        Assert.Contains(solved, await List("recentlySolvedIssues"));
        Assert.DoesNotContain(solved, await List("issues"));

        await Edit(new { id = longTerm, archived = true });
        Assert.Equal((false, true), (Emulator.Store.FindIssue(longTerm)!.LongTerm, Emulator.Store.FindIssue(longTerm)!.Archived));
        Assert.Contains(longTerm, await List("archivedIssues"));
    }

    [Fact]
    public async Task EditIssue_on_an_unknown_issue_answers_success_false_with_the_servers_details()
    {
        var answer = await Edit(new { id = 999999, title = "x" });

        var result = answer.Data!["EditIssue"]!;
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Equal("Not able to perform the action.", result["message"]!.GetValue<string>());
        Assert.Equal("INTERNAL_ERROR", result["errorDetails"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_input_key_is_refused_with_400()
    {
        var answer = await Edit(new { id = 3001, ownerId = 1002 });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Errors!);
        Assert.Null(answer.Data);
    }
}
