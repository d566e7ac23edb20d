using Bloomy.Client;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class HeadlinesEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    [Fact]
    public async Task Create_shares_the_headline_in_the_meeting()
    {
        var headline = await Client.Headlines.CreateAsync(2001, "Closed our biggest deal");

        AssertCalls(new Call("GET", "users/mine"),
            new Call("POST", "L10/2001/headlines", Body: $$"""{"title":"Closed our biggest deal","ownerId":{{Me}}}"""));
        var stored = Store.FindHeadline(headline.Id)!;
        Assert.Equal(("Closed our biggest deal", Me, 2001L, (string?)null), (stored.Title, stored.OwnerId, stored.MeetingId, stored.Notes));
        Assert.Equal(("Closed our biggest deal", $"https://app.bloomgrowth.com/headlines/pad/{headline.Id}", (long?)Me, (long?)2001),
            (headline.Title, headline.DetailsUrl, headline.OwnerId, headline.MeetingId));
        Assert.Contains(await Client.Headlines.ListAsync(meetingId: 2001), h => h.Id == headline.Id);
        Assert.Contains(await Client.Headlines.ListAsync(), h => h.Id == headline.Id);
    }

    [Fact]
    public async Task Create_for_another_owner_with_notes()
    {
        var headline = await Client.Headlines.CreateAsync(2001, "New hire starts Monday", ownerId: 1004, notes: "say hi");

        AssertCalls(new Call("POST", "L10/2001/headlines", Body: """{"title":"New hire starts Monday","ownerId":1004,"notes":"say hi"}"""));
        var stored = Store.FindHeadline(headline.Id)!;
        Assert.Equal((1004L, "say hi"), (stored.OwnerId, stored.Notes));
        Assert.Equal((long?)1004, headline.OwnerId);
    }

    [Fact]
    public async Task Get_reads_the_headline_with_its_meeting_name()
    {
        var stored = Store.Headlines.First(h => h.MeetingId == 2002);

        var headline = await Client.Headlines.GetAsync(stored.Id);

        AssertCalls(new Call("GET", $"headline/{stored.Id}", "Include_Origin=true"));
        var owner = Store.FindUser(stored.OwnerId)!;
        Assert.Equal((stored.Id, stored.Title, (long?)2002, "Sales Weekly"), (headline.Id, headline.Title, headline.MeetingId, headline.MeetingName));
        Assert.Equal(((long?)owner.Id, owner.Name, false, Seconds(stored.CreateTime), (DateTime?)null),
            (headline.OwnerId, headline.OwnerName, headline.Archived, headline.CreateTime!.Value, headline.CloseTime));
        Assert.Equal($"https://app.bloomgrowth.com/headlines/pad/{stored.Id}", headline.DetailsUrl);
    }

    [Fact]
    public async Task Lists_for_a_user_and_a_meeting_carry_no_meeting_name()
    {
        var mine = await Client.Headlines.ListAsync();
        var meeting = await Client.Headlines.ListAsync(meetingId: 2002);
        var others = await Client.Headlines.ListAsync(userId: 1002);

        AssertCalls(new Call("GET", "users/mine"), new Call("GET", $"headline/users/{Me}"), new Call("GET", "l10/2002/headlines"),
            new Call("GET", "headline/users/1002"));
        Assert.Equal(Store.Headlines.Where(h => h.OwnerId == Me).Select(h => h.Id), mine.Select(h => h.Id));
        Assert.Equal(Store.Headlines.Where(h => h.MeetingId == 2002).Select(h => h.Id), meeting.Select(h => h.Id));
        Assert.Equal(Store.Headlines.Where(h => h.OwnerId == 1002).Select(h => h.Id), others.Select(h => h.Id));
        Assert.All(meeting, h => Assert.Equal(((long?)2002, (string?)null), (h.MeetingId, h.MeetingName)));
    }

    [Fact]
    public async Task Update_renames_and_reads_back_with_the_origin()
    {
        var headline = await Client.Headlines.CreateAsync(2001, "Record week");
        ForgetCalls();

        var renamed = await Client.Headlines.UpdateAsync(headline.Id, "Record week for demos");

        AssertCalls(new Call("PUT", $"headline/{headline.Id}", Body: """{"title":"Record week for demos"}"""),
            new Call("GET", $"headline/{headline.Id}", "Include_Origin=true"));
        Assert.Equal(("Record week for demos", "Leadership L10"), (renamed.Title, renamed.MeetingName));
        Assert.Equal("Record week for demos", Store.FindHeadline(headline.Id)!.Title);
    }

    [Fact]
    public async Task Delete_removes_the_headline_from_both_lists()
    {
        var headline = await Client.Headlines.CreateAsync(2001, "Gone soon");
        ForgetCalls();

        await Client.Headlines.DeleteAsync(headline.Id);

        AssertCalls(new Call("DELETE", $"headline/{headline.Id}"));
        Assert.Null(Store.FindHeadline(headline.Id));
        Assert.DoesNotContain(await Client.Headlines.ListAsync(), h => h.Id == headline.Id);
        Assert.DoesNotContain(await Client.Headlines.ListAsync(meetingId: 2001), h => h.Id == headline.Id);
        var error = await Assert.ThrowsAsync<BloomyApiException>(() => Client.Headlines.GetAsync(headline.Id));
        Assert.Equal((404, "GET", $"headline/{headline.Id}?Include_Origin=true"), (error.StatusCode!.Value, error.Method, error.Path));
    }
}
