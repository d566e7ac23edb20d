using Bloomy.Client;
using Bloomy.Client.Models;
using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class UsersClientTests
{
    private const string Reports = """[{"Id": 1002, "Name": "Ben Ortiz", "ImageUrl": "https://s3.example/u/ben.png"}]""";
    private const string Seats = """[{"Group": {"Position": {"Id": 77, "Name": "Integrator"}}}, {"Group": {"Position": {"Id": 78, "Name": null}}}]""";
    private const string SearchAll = """
        [
          {"Id": 1001, "Name": "Ada Park", "Description": "Integrator", "Email": "ada@example.com",
           "OrganizationId": 7001, "ImageUrl": "https://s3.example/u/ada.png", "ResultType": "User"},
          {"Id": 1099, "Name": "Open Seat", "Description": "", "Email": "",
           "OrganizationId": 7001, "ImageUrl": "/i/userplaceholder", "ResultType": "User"},
          {"Id": 31, "Name": "Leadership Team", "ResultType": "Group"}
        ]
        """;

    [Fact]
    public async Task Get_defaults_to_current_user_and_maps()
    {
        var (client, h) = Create();
        h.On("GET", "users/1001", """{"Id": 1001, "Name": "  Ada Park  ", "ImageUrl": "https://s3.example/u/ada.png", "Type": "AngularUser"}""");

        var user = await client.Users.GetAsync();

        AssertRequests(h, "GET users/mine", "GET users/1001");
        Assert.Equal(1001, user.Id);
        Assert.Equal("Ada Park", user.Name);
        Assert.Equal("https://s3.example/u/ada.png", user.ImageUrl);
        Assert.Null(user.DirectReports);
        Assert.Null(user.Positions);
        Assert.Equal("User 1001 'Ada Park'", user.ToString());
        Assert.All(h.Requests, r => Assert.Null(r.Body));
    }

    [Fact]
    public async Task Get_from_a_query_fetches_what_it_asks_for()
    {
        var (client, h) = Create();
        h.On("GET", "users/1005", """{"Id": 1005, "Name": "Eve", "ImageUrl": null}""").On("GET", "users/1005/seats", Seats);

        var user = await client.Users.GetAsync(new UserQuery { UserId = 1005, IncludePositions = true });

        Assert.Equal(new[] { "GET users/1005", "GET users/1005/seats" }, h.Lines());
        Assert.Null(user.DirectReports);
        Assert.Equal(new long[] { 77, 78 }, user.Positions!.Select(p => p.Id));
        Assert.Throws<ArgumentNullException>(() => { _ = client.Users.GetAsync((UserQuery)null!); });
        Assert.Equal("userId", Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Users.GetAsync(new UserQuery { UserId = 0 }); }).ParamName);
    }

    [Fact]
    public async Task Get_with_reports_and_positions_fetches_both_after_the_user()
    {
        var (client, h) = Create();
        h.On("GET", "users/1005", """{"Id": 1005, "Name": "Eve", "ImageUrl": null}""")
         .On("GET", "users/1005/directreports", Reports)
         .On("GET", "users/1005/seats", Seats);

        var user = await client.Users.GetAsync(1005, includeDirectReports: true, includePositions: true);

        var lines = h.Lines();
        Assert.Equal("GET users/1005", lines[0]);
        Assert.Equal(new[] { "GET users/1005/directreports", "GET users/1005/seats" }, lines.Skip(1).OrderBy(x => x));
        Assert.Equal(1002, Assert.Single(user.DirectReports!).Id);
        Assert.Equal(new long[] { 77, 78 }, user.Positions!.Select(p => p.Id));
        Assert.Equal("Integrator", user.Positions![0].Name);
        Assert.Null(user.Positions![1].Name);
    }

    [Theory]
    [InlineData("""[{"Group": {"Position": {"Id": 77}}}, {"Group": null}]""", "seat 2 of 2 has no Group object")]
    [InlineData("""[{}]""", "seat 1 of 1 has no Group object")]
    [InlineData("""[{"Group": {}}]""", "seat 1 of 1 has no Group.Position object")]
    [InlineData("""[{"Group": {"Position": null}}]""", "seat 1 of 1 has no Group.Position object")]
    [InlineData("""[null]""", "seat 1 of 1 is null")]
    public async Task Get_with_positions_refuses_a_seat_without_its_position(string seats, string what)
    {
        var (client, h) = Create();
        h.On("GET", "users/1005", """{"Id": 1005, "Name": "Eve"}""").On("GET", "users/1005/seats", seats);

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => client.Users.GetAsync(1005, includePositions: true));

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal($"GET users/1005/seats returned an answer without required structure: {what}.", ex.Message);
    }

    [Theory]
    [InlineData("""{"Id": 1001, "Name": "Ada Park", "Email": "ada@example.com"}""")]
    [InlineData("""{"Id": 1001, "Name": "Ada Park", "Email": "ada@example.com", "ResultType": null}""")]
    public async Task List_refuses_an_entry_without_result_type(string entry)
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "search/all?term=%25", "[" + entry + "]");

        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => client.Users.ListAsync());

        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal("GET search/all?term=%25 returned an answer without required structure: entry 1 of 1 (Id 1001) has no ResultType.", ex.Message);
    }

    [Fact]
    public async Task Get_with_empty_reports_gives_empty_list_not_null()
    {
        var (client, h) = Create();
        h.On("GET", "users/1005", """{"Id": 1005, "Name": "Eve", "ImageUrl": ""}""")
         .On("GET", "users/1005/directreports", "[]");

        var user = await client.Users.GetAsync(1005, includeDirectReports: true);

        Assert.NotNull(user.DirectReports);
        Assert.Empty(user.DirectReports!);
        Assert.Null(user.Positions);
        AssertRequests(h, "GET users/1005", "GET users/1005/directreports");
    }

    [Fact]
    public async Task DirectReports_and_positions()
    {
        var (client, h) = Create();
        h.On("GET", "users/1001/directreports", Reports).On("GET", "users/1001/seats", Seats);

        var reports = await client.Users.GetDirectReportsAsync();
        var positions = await client.Users.GetPositionsAsync(1001);

        AssertRequests(h, "GET users/mine", "GET users/1001/directreports", "GET users/1001/seats");
        var ben = Assert.Single(reports);
        Assert.Equal(("Ben Ortiz", "https://s3.example/u/ben.png"), (ben.Name, ben.ImageUrl));
        Assert.Equal(2, positions.Count);
    }

    [Fact]
    public async Task Search_form_encodes_the_term_and_maps()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "search/user?term=Ada+Park%40x", SearchAll);

        var users = await client.Users.SearchAsync("Ada Park@x");

        AssertRequests(h, "GET search/user?term=Ada+Park%40x");
        Assert.Equal(3, users.Count);
        var ada = users[0];
        Assert.Equal(("ada@example.com", "Integrator", 7001L, false), (ada.Email, ada.Position, ada.OrganizationId!.Value, ada.IsPlaceholder));
        Assert.True(users[1].IsPlaceholder);
    }

    [Fact]
    public async Task Search_with_empty_term_sends_term_equals()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "search/user?term=", "[]");
        Assert.Empty(await client.Users.SearchAsync(""));
        AssertRequests(h, "GET search/user?term=");
    }

    [Fact]
    public async Task List_filters_users_and_placeholders()
    {
        var (client, h) = Create(withMe: false);
        h.On("GET", "search/all?term=%25", SearchAll);

        var users = await client.Users.ListAsync();
        var all = await client.Users.ListAsync(includePlaceholders: true);

        AssertRequests(h, "GET search/all?term=%25", "GET search/all?term=%25");
        Assert.Equal(new long[] { 1001 }, users.Select(u => u.Id));
        Assert.Equal(new long[] { 1001, 1099 }, all.Select(u => u.Id));
        Assert.True(all[1].IsPlaceholder);
    }

    [Fact]
    public async Task Bad_user_id_is_rejected_before_any_request()
    {
        var (client, h) = Create();
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Users.GetAsync(0); });
        Assert.Equal("userId", ex.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Users.GetDirectReportsAsync(-1); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Users.GetPositionsAsync(-1); });
        Assert.Throws<ArgumentNullException>(() => { _ = client.Users.SearchAsync(null!); });
        await Task.Yield();
        Assert.Empty(h.Requests);
    }

    [Fact]
    public async Task Missing_required_id_is_an_invalid_response()
    {
        var (client, h) = Create();
        h.On("GET", "users/1001", """{"Name": "Ada"}""");
        var ex = await Assert.ThrowsAsync<BloomyApiException>(() => client.Users.GetAsync(1001));
        Assert.Equal(BloomyFailureKind.InvalidResponse, ex.Kind);
    }
}
