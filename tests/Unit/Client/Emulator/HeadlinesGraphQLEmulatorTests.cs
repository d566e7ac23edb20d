using System.Text.Json.Nodes;
using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

// The headline operations over GraphQL (bloom-graphql.md §11) against the emulator: the document and variables as the
// emulator recorded them, the state they leave (shared with REST), the mapping and the error families.
public sealed class HeadlinesGraphQLEmulatorTests : EmulatorClientTests
{
    public HeadlinesGraphQLEmulatorTests(EmulatorFixture fixture) : base(fixture)
    {
        Emulator.GraphQLSettings.Reset();
        Emulator.GraphQLStats.Reset();
    }

    private async Task<Headline> NewHeadlineAsync(string title) => await Client.Headlines.CreateAsync(2001, title);

    private JsonNode? VariablesOf(string rootField, int index = 0) =>
        JsonNode.Parse(Emulator.GraphQLStats.Requests.Where(r => r.RootFields.Contains(rootField)).ElementAt(index).Variables);

    [Fact]
    public async Task Archive_and_restore_send_the_archived_flag_and_REST_sees_the_change()
    {
        var headline = await NewHeadlineAsync("Archive me");
        Emulator.GraphQLStats.Reset();

        await Client.Headlines.ArchiveAsync(headline.Id);
        var afterArchive = await Client.Headlines.GetAsync(headline.Id);
        await Client.Headlines.RestoreAsync(headline.Id);
        var afterRestore = await Client.Headlines.GetAsync(headline.Id);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["input"] = new JsonObject { ["headlineId"] = headline.Id, ["archived"] = true } },
            VariablesOf("EditHeadline")));
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["input"] = new JsonObject { ["headlineId"] = headline.Id, ["archived"] = false } },
            VariablesOf("EditHeadline", 1)));
        Assert.True(afterArchive.Archived);
        Assert.False(afterRestore.Archived);
    }

    [Fact]
    public async Task Owner_change_sends_the_assignee_key()
    {
        var headline = await NewHeadlineAsync("Hand me over");
        Emulator.GraphQLStats.Reset();

        await Client.Headlines.SetOwnerAsync(headline.Id, 1002);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["input"] = new JsonObject { ["headlineId"] = headline.Id, ["assignee"] = 1002 } },
            VariablesOf("EditHeadline")));
        Assert.Equal(1002, Store.FindHeadline(headline.Id)!.OwnerId);
    }

    [Fact]
    public async Task Create_with_notes_makes_the_pad_then_the_headline_then_reads_it_back()
    {
        Emulator.GraphQLStats.Reset();

        var headline = await Client.Headlines.CreateWithNotesAsync(2001, "With notes", "first\nsecond", ownerId: 1002);

        Assert.Equal(["CreateNote", "CreateHeadline", "headline"], Emulator.GraphQLStats.Requests.Select(r => r.RootFields.Single()));
        var input = VariablesOf("CreateHeadline")!["input"]!.AsObject();
        Assert.Equal(["title", "meetings", "assignee", "notesId", "collaborationEnabled"], input.Select(p => p.Key));
        Assert.Equal("[2001]", input["meetings"]!.ToJsonString());
        Assert.Equal(("With notes", 2001L, 1002L, "first\nsecond", false), (headline.Title, headline.MeetingId!.Value, headline.OwnerId!.Value, headline.Notes, headline.Archived));
        Assert.NotNull(headline.MeetingName);
        Assert.Equal("first\nsecond", (await Client.Headlines.GetWithNotesAsync(headline.Id)).Notes);
    }

    [Fact]
    public async Task An_unknown_headline_is_a_top_level_error_on_edit_and_not_found_on_read()
    {
        var edit = await Assert.ThrowsAsync<BloomyGraphQLException>(() => Client.Headlines.ArchiveAsync(999999));
        var read = await Assert.ThrowsAsync<BloomyNotFoundException>(() => Client.Headlines.GetWithNotesAsync(999999));

        Assert.Contains("Headline 999999 does not exist", edit.Message);
        Assert.Contains("headline 999999", read.Message);
    }

    [Fact]
    public void Bad_input_fails_before_any_request()
    {
        Assert.Throws<ArgumentException>(() => { _ = Client.Headlines.SendChangeAsync(8001, new HeadlineChange()); });
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = Client.Headlines.SetOwnerAsync(8001, -1); });
        Assert.Throws<ArgumentException>(() => { _ = Client.Headlines.ListOverGraphQLAsync(userId: 1001, meetingId: 2001); });
        Assert.Throws<ArgumentException>(() => { _ = Client.Headlines.CreateWithNotesAsync(2001, " ", "n"); });
        Assert.Empty(Emulator.GraphQLStats.Requests);
        Assert.Empty(Calls());
    }

    [Fact]
    public async Task Lists_with_archived_read_every_page_of_both_meeting_connections_and_of_the_users_headlines()
    {
        for (var i = 0; i < 4; i++)
        {
            var archived = await NewHeadlineAsync($"Archived {i}");
            await Client.Headlines.ArchiveAsync(archived.Id);
            await NewHeadlineAsync($"Open {i}");
        }
        Emulator.GraphQLSettings.DefaultPageSize = 3;
        Emulator.GraphQLStats.Reset();

        var meeting = await Client.Headlines.ListOverGraphQLAsync(meetingId: 2001);
        var mine = await Client.Headlines.ListOverGraphQLAsync();
        var mineOpen = await Client.Headlines.ListOverGraphQLAsync(includeArchived: false);

        var stored = Store.Headlines.Where(h => h.MeetingId == 2001).OrderBy(h => h.CreateTime).ThenBy(h => h.Id).Select(h => h.Id);
        Assert.Equal(stored, meeting.Select(h => h.Id));
        Assert.Equal(Store.Headlines.Where(h => h.OwnerId == Me).Select(h => h.Id).Order(), mine.Select(h => h.Id).Order());
        Assert.Equal(Store.Headlines.Where(h => h.OwnerId == Me && h.CloseTime is null).Select(h => h.Id).Order(), mineOpen.Select(h => h.Id).Order());
        Assert.Contains(meeting, h => h.Archived);
        Assert.True(Emulator.GraphQLStats.CountFor("meeting") >= 4, "both meeting connections need more than one page of 3");
        Assert.Equal("{\"archived\":{\"eq\":false}}", VariablesOf("headlines", Emulator.GraphQLStats.CountFor("headlines") - 1)!["where"]!.ToJsonString());
    }
}
