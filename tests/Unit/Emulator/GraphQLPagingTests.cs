using System.Net;
using System.Text.Json.Nodes;
using Bloomy.Emulator.GraphQL;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.GraphQLEmulator;

/// <summary>bloom-graphql §17.3: connections page after filtering and sorting; default, maximum and unbounded settings.</summary>
public sealed class GraphQLPagingTests(EmulatorFixture fixture) : GraphQLTestBase(fixture)
{
    private const string UsersPage =
        "query($after: String) { users(after: $after, order: [{ fullName: ASC }]) { nodes { id fullName } pageInfo { hasNextPage endCursor } totalCount } }";

    [Fact]
    public async Task Following_endCursor_with_page_size_3_lists_every_user_once_in_order()
    {
        await Control("_emulator/graphql", new { defaultPageSize = 3 });
        var ids = new List<long>();
        var names = new List<string>();
        string? after = null;
        int pages = 0, total = 0;
        do
        {
            var a = await Post(UsersPage, new { after });
            var users = a.Data!["users"]!;
            var nodes = users["nodes"]!.AsArray();
            Assert.InRange(nodes.Count, 1, 3);
            ids.AddRange(nodes.Select(n => n!["id"]!.GetValue<long>()));
            names.AddRange(nodes.Select(n => n!["fullName"]!.GetValue<string>()));
            total = users["totalCount"]!.GetValue<int>();
            after = users["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? users["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            pages++;
        } while (after is not null && pages < 100);

        Assert.Equal(Emulator.Store.Users.Count, total);
        Assert.Equal(Emulator.Store.Users.Select(u => u.Id).Order(), ids.Order());
        Assert.Equal((total + 2) / 3, pages);
        Assert.Equal(names.OrderBy(n => n, StringComparer.OrdinalIgnoreCase), names);
        Assert.Equal(pages, Emulator.GraphQLStats.CountFor("users"));
    }

    [Fact]
    public async Task The_default_page_is_10_and_first_above_the_maximum_is_an_execution_error()
    {
        var page = await Post("{ users { nodes { id } pageInfo { hasNextPage } } }");
        var tooMany = await Post("{ users(first: 51) { nodes { id } } }");
        var max = await Post("{ users(first: 50) { nodes { id } } }");

        Assert.Equal(10, page.Data!["users"]!["nodes"]!.AsArray().Count);
        Assert.True(page.Data!["users"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, tooMany.Status);
        Assert.Contains("maximum allowed items per page", tooMany.FirstError);
        Assert.Null(tooMany.Data!["users"]);
        Assert.Equal(50, max.Data!["users"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Unbounded_answers_everything_in_one_page_and_a_lower_maximum_applies()
    {
        await Control("_emulator/graphql", new { unbounded = true });
        var all = await Post("{ users { nodes { id } pageInfo { hasNextPage } } }");
        await Control("_emulator/graphql", new { unbounded = false, maxPageSize = 5 });
        var tooMany = await Post("{ users(last: 6) { nodes { id } } }");

        Assert.Equal(Emulator.Store.Users.Count, all.Data!["users"]!["nodes"]!.AsArray().Count);
        Assert.False(all.Data!["users"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Contains(Connections.MaxPageSizeMessage, tooMany.FirstError);
    }

    [Fact]
    public async Task First_after_last_before_edges_and_pageInfo_follow_the_relay_rules()
    {
        var first = await Post("{ users(first: 2, order: [{ id: ASC }]) { edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }");
        var edges = first.Data!["users"]!["edges"]!.AsArray();
        var info = first.Data!["users"]!["pageInfo"]!;
        var end = info["endCursor"]!.GetValue<string>();
        var next = await Post("query($a: String) { users(first: 2, after: $a, order: [{ id: ASC }]) { nodes { id } pageInfo { hasPreviousPage startCursor } } }", new { a = end });
        var nextStart = next.Data!["users"]!["pageInfo"]!["startCursor"]!.GetValue<string>();
        var back = await Post("query($b: String) { users(last: 2, before: $b, order: [{ id: ASC }]) { nodes { id } pageInfo { hasPreviousPage } } }", new { b = nextStart });
        var last = await Post("{ users(last: 1, order: [{ id: DESC }]) { nodes { id } pageInfo { hasNextPage hasPreviousPage } } }");

        Assert.Equal(new long[] { 1001, 1002 }, edges.Select(e => e!["node"]!["id"]!.GetValue<long>()));
        Assert.Equal(edges[1]!["cursor"]!.GetValue<string>(), end);
        Assert.True(info["hasNextPage"]!.GetValue<bool>());
        Assert.False(info["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(new long[] { 1003, 1004 }, next.Data!["users"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()));
        Assert.True(next.Data!["users"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(new long[] { 1001, 1002 }, back.Data!["users"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()));
        Assert.Equal(Emulator.Store.Users.Min(u => u.Id), last.Data!["users"]!["nodes"]![0]!["id"]!.GetValue<long>());
        Assert.Contains("not valid", (await Post("{ users(after: \"@@\") { totalCount } }")).FirstError);
    }

    [Fact]
    public async Task Filters_run_before_paging_with_and_eq_gte_lte_and_null()
    {
        var where = new JsonObject
        {
            ["and"] = new JsonArray(
                new JsonObject { ["id"] = new JsonObject { ["gte"] = 1005 } },
                new JsonObject { ["id"] = new JsonObject { ["lte"] = 1020 } }),
        };
        var a = await Post("query($w: UserQueryModelFilterInput) { users(where: $w, first: 3, order: [{ id: DESC }]) { nodes { id } totalCount } }", new { w = where });
        var none = await Post("{ users(where: { fullName: { eq: null } }) { totalCount } }");
        var one = await Post("{ users(where: { fullName: { eq: \"Ada Park\" } }) { nodes { id } } }");
        var nullWhere = await Post("query($w: UserQueryModelFilterInput) { users(where: $w) { totalCount } }", new Dictionary<string, object?> { ["w"] = null });

        Assert.Equal(16, a.Data!["users"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(new long[] { 1020, 1019, 1018 }, a.Data!["users"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()));
        Assert.Equal(0, none.Data!["users"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(1001, one.Data!["users"]!["nodes"]![0]!["id"]!.GetValue<long>());
        Assert.Equal(Emulator.Store.Users.Count, nullWhere.Data!["users"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Meeting_attendees_page_at_2000_and_the_meeting_list_lookup_filters_attendance()
    {
        var meeting = Emulator.Store.Meetings.First(m => m.AttendeeIds.Count > 3 && m.AttendeeIds.Contains(1001));
        await Control("_emulator/graphql", new { defaultPageSize = 3 });
        var details = await Post("query($id: Long!) { meeting(id: $id) { id name orgId meetingType createdTimestamp archived attendees(order: [{ fullName: ASC }]) { nodes { id fullName user { email } } pageInfo { hasNextPage } } } }",
            new { id = meeting.Id });
        var lookup = await Post("query($id: Long!) { user(id: $id) { meetingsListLookup(where: { and: [{ userIsAttendee: { eq: true } }] }, order: [{ name: ASC }], first: 50) { nodes { id userIsAttendee } } } }",
            new { id = 1001L });
        var unknown = await Post("{ meeting(id: 999999) { id } }");

        Assert.Equal(meeting.AttendeeIds.Count, details.Data!["meeting"]!["attendees"]!["nodes"]!.AsArray().Count);
        Assert.Equal("L10", details.Data!["meeting"]!["meetingType"]!.GetValue<string>());
        var attended = Emulator.Store.Meetings.Where(m => m.AttendeeIds.Contains(1001)).Select(m => m.Id).Order();
        Assert.Equal(attended, lookup.Data!["user"]!["meetingsListLookup"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<long>()).Order());
        Assert.Null(unknown.Data!["meeting"]);
        Assert.Null(unknown.Errors);
    }
}
