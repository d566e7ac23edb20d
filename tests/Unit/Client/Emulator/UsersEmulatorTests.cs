using Bloomy.Client;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class UsersEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task Get_defaults_to_the_current_user_and_maps_the_user()
    {
        var user = await Client.Users.GetAsync();

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"users/{Me}"));
        var ada = Store.FindUser(Me)!;
        Assert.Equal((ada.Id, ada.Name, ada.ImageUrl), (user.Id, user.Name, user.ImageUrl));
        Assert.False(user.IsPlaceholder);
        Assert.Null(user.DirectReports);
        Assert.Null(user.Positions);
    }

    [Fact]
    public async Task Get_with_reports_and_positions_fetches_both_after_the_user()
    {
        var user = await Client.Users.GetAsync(1002, includeDirectReports: true, includePositions: true);

        Assert.Equal(new Call("GET", "users/1002"), Calls()[0]);
        AssertCallsInAnyOrder(
            new Call("GET", "users/1002"), new Call("GET", "users/1002/directreports"), new Call("GET", "users/1002/seats"));
        var ben = Store.FindUser(1002)!;
        Assert.Equal(ben.Name, user.Name);
        var reports = Store.Users.Where(u => u.ManagerId == 1002 && !u.IsPlaceholder).Select(u => (u.Id, u.Name)).ToList();
        Assert.NotEmpty(reports);
        Assert.Equal(reports, user.DirectReports!.Select(u => (u.Id, u.Name)));
        Assert.Equal(ben.Seats.Select(s => (s.PositionId, s.PositionName)), user.Positions!.Select(p => (p.Id, p.Name)));
    }

    [Fact]
    public async Task Direct_reports_of_a_user_leave_placeholders_out()
    {
        var reports = await Client.Users.GetDirectReportsAsync(Me);

        AssertCalls(new Call("GET", $"users/{Me}/directreports"));
        var expected = Store.Users.Where(u => u.ManagerId == Me && !u.IsPlaceholder).ToList();
        Assert.Equal(expected.Select(u => (u.Id, u.Name, u.ImageUrl)), reports.Select(u => (u.Id, u.Name, u.ImageUrl)));
    }

    [Fact]
    public async Task Positions_default_to_the_current_user_and_keep_a_nameless_seat()
    {
        var positions = await Client.Users.GetPositionsAsync();

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"users/{Me}/seats"));
        var seats = Store.FindUser(Me)!.Seats;
        Assert.Equal(seats.Select(s => (s.PositionId, s.PositionName)), positions.Select(p => (p.Id, p.Name)));
        Assert.Contains(positions, p => p.Name is null);
    }

    [Fact]
    public async Task Search_sends_the_term_form_encoded_and_maps_the_results()
    {
        var byName = await Client.Users.SearchAsync("Ada Park");
        var byEmail = await Client.Users.SearchAsync("ada@example.com");
        var empty = await Client.Users.SearchAsync("");

        AssertCalls(
            new Call("GET", "search/user", "term=Ada+Park"),
            new Call("GET", "search/user", "term=ada%40example.com"),
            new Call("GET", "search/user", "term="));
        var ada = Store.FindUser(Me)!;
        var found = Assert.Single(byName);
        Assert.Equal((ada.Id, ada.Name, ada.Email, ada.Description, ada.ImageUrl, (long?)ada.OrganizationId),
            (found.Id, found.Name, found.Email, found.Position, found.ImageUrl, found.OrganizationId));
        Assert.Equal(Me, Assert.Single(byEmail).Id);
        Assert.Empty(empty);
    }

    [Fact]
    public async Task List_keeps_users_only_and_drops_placeholders_unless_asked()
    {
        var users = await Client.Users.ListAsync();
        var withPlaceholders = await Client.Users.ListAsync(includePlaceholders: true);

        AssertCalls(new Call("GET", "search/all", "term=%25"), new Call("GET", "search/all", "term=%25"));
        var real = Store.Users.Where(u => !u.IsPlaceholder).ToList();
        Assert.Equal(real.Select(u => (u.Id, u.Email)), users.Select(u => (u.Id, u.Email!)));
        Assert.All(users, u => Assert.False(u.IsPlaceholder));
        Assert.Equal(Store.Users.Select(u => u.Id).OrderBy(id => id), withPlaceholders.Select(u => u.Id).OrderBy(id => id));
        Assert.Equal(Store.Users.Where(u => u.IsPlaceholder).Select(u => u.Id),
            withPlaceholders.Where(u => u.IsPlaceholder).Select(u => u.Id));
        Assert.DoesNotContain(withPlaceholders, u => Store.Groups.Any(g => g.Id == u.Id));
    }

    [Fact]
    public async Task An_unknown_user_is_a_404_naming_the_request()
    {
        var error = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Users.GetAsync(999999));

        Assert.Equal((404, "GET", "users/999999"), (error.StatusCode!.Value, error.Method, error.Path));
        Assert.Equal(BloomyFailureKind.HttpStatus, error.Kind);
        Assert.Equal(new Call("GET", "users/999999"), Assert.Single(Calls()));
    }
}
