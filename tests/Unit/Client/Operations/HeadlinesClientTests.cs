using static Bloomy.Tests.Client.Operations.Ops;

namespace Bloomy.Tests.Client.Operations;

public sealed class HeadlinesClientTests
{
    private const string Headline = """
        {"Id": 8001, "Name": "Closed our biggest deal", "DetailsUrl": "https://app.bloomgrowth.com/headlines/pad/8001",
         "Owner": {"Id": 1001, "Name": "Ada Park"}, "Origin": "Leadership L10", "OriginId": 2001,
         "Archived": false, "CreateTime": "2024-06-01T10:00:00Z", "CloseTime": null}
        """;

    [Fact]
    public async Task Create_with_current_user_as_owner()
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/headlines", """{"Id": 8002, "Name": "Closed our biggest deal"}""");

        var headline = await client.Headlines.CreateAsync(2001, "Closed our biggest deal");

        AssertRequests(h, "GET users/mine", "POST L10/2001/headlines");
        Assert.Equal("""{"title":"Closed our biggest deal","ownerId":1001}""", BodyOf(h, "POST", "L10/2001/headlines"));
        Assert.Equal((8002L, "Closed our biggest deal", 1001L, ""), (headline.Id, headline.Title, headline.OwnerId!.Value, headline.DetailsUrl));
        Assert.Equal(2001, headline.MeetingId);
    }

    [Fact]
    public async Task Create_with_owner_and_notes()
    {
        var (client, h) = Create();
        h.On("POST", "L10/2001/headlines", Headline);

        var headline = await client.Headlines.CreateAsync(2001, "Closed", ownerId: 1002, notes: "big");

        AssertRequests(h, "POST L10/2001/headlines");
        Assert.Equal("""{"title":"Closed","ownerId":1002,"notes":"big"}""", BodyOf(h, "POST", "L10/2001/headlines"));
        Assert.Equal(1002, headline.OwnerId);
        Assert.Equal("https://app.bloomgrowth.com/headlines/pad/8001", headline.DetailsUrl);
    }

    [Fact]
    public async Task Get_and_update_use_Include_Origin()
    {
        var (client, h) = Create();
        h.On("GET", "headline/8001?Include_Origin=true", Headline).OnEmpty("PUT", "headline/8001");

        var got = await client.Headlines.GetAsync(8001);
        var updated = await client.Headlines.UpdateAsync(8001, "Renamed");

        AssertRequests(h, "GET headline/8001?Include_Origin=true", "PUT headline/8001", "GET headline/8001?Include_Origin=true");
        Assert.Equal("""{"title":"Renamed"}""", BodyOf(h, "PUT", "headline/8001"));
        Assert.Equal((8001L, "Closed our biggest deal", 1001L, "Ada Park"), (got.Id, got.Title, got.OwnerId!.Value, got.OwnerName));
        Assert.Equal((2001L, "Leadership L10"), (got.MeetingId!.Value, got.MeetingName));
        Assert.False(got.Archived);
        Assert.Equal(Utc(2024, 6, 1, 10), got.CreateTime);
        Assert.Null(got.CloseTime);
        Assert.Equal(8001, updated.Id);
    }

    [Fact]
    public async Task List_paths()
    {
        var (client, h) = Create();
        var noOrigin = Headline.Replace("\"Origin\": \"Leadership L10\"", "\"Origin\": null");
        h.On("GET", "headline/users/1001", $"[{noOrigin}]").On("GET", "l10/2001/headlines", $"[{noOrigin}]");

        var mine = await client.Headlines.ListAsync();
        var meeting = await client.Headlines.ListAsync(meetingId: 2001);

        AssertRequests(h, "GET users/mine", "GET headline/users/1001", "GET l10/2001/headlines");
        Assert.Null(mine[0].MeetingName);
        Assert.Equal(2001, meeting[0].MeetingId);
    }

    [Fact]
    public async Task Delete()
    {
        var (client, h) = Create();
        h.OnEmpty("DELETE", "headline/8001");
        await client.Headlines.DeleteAsync(8001);
        AssertRequests(h, "DELETE headline/8001");
    }

    [Fact]
    public void Validation_sends_nothing()
    {
        var (client, h) = Create();
        Assert.Equal("Please provide either user_id or meeting_id, not both.",
            Assert.Throws<ArgumentException>(() => { _ = client.Headlines.ListAsync(1, 2); }).Message);
        Assert.Throws<ArgumentException>(() => { _ = client.Headlines.UpdateAsync(8001, ""); });
        Assert.Throws<ArgumentException>(() => { _ = client.Headlines.CreateAsync(2001, " "); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Headlines.CreateAsync(0, "x"); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Headlines.CreateAsync(2001, "x", ownerId: 0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Headlines.DeleteAsync(0); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.Headlines.GetAsync(-1); });
        Assert.Empty(h.Requests);
    }
}
