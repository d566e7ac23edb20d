using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;

namespace Bloomy.Tests.Client.Emulator;

public sealed class BulkEmulatorTests(EmulatorFixture fixture) : EmulatorClientTests(fixture)
{
    private const long Unknown = 999999;

    [Fact]
    public async Task Todos_valid_ones_are_created_once_and_failures_keep_index_and_input()
    {
        var items = new[]
        {
            new TodoCreateItem { Title = "Bulk todo A", MeetingId = 2001 },
            new TodoCreateItem { MeetingId = 2001 },
            new TodoCreateItem { Title = "Bulk todo C", MeetingId = Unknown },
            new TodoCreateItem { Title = "Bulk todo D", MeetingId = 2002, UserId = 1002, Notes = "d" },
            new TodoCreateItem { Title = "Bulk todo E" },
        };

        var result = await Client.Todos.CreateManyAsync(items);

        Assert.Equal(new[] { "Bulk todo A", "Bulk todo D" }, result.Successful.Select(t => t.Title));
        AssertFailures(result, items, (1, "Title"), (2, "404"), (4, "MeetingId"));
        Assert.Equal(2, Emulator.Stats.Created.Todo);
        Assert.Equal(1, Store.Todos.Count(t => t.Title == "Bulk todo A" && t.MeetingId == 2001 && t.OwnerId == Me));
        Assert.Equal(1, Store.Todos.Count(t => t.Title == "Bulk todo D" && t.MeetingId == 2002 && t.OwnerId == 1002 && t.Notes == "d"));
        Assert.DoesNotContain(Store.Todos, t => t.Title is "Bulk todo C" or "Bulk todo E");
        Assert.Equal(result.Successful.Select(t => t.Id).OrderBy(id => id), Store.Todos.Where(t => t.Title.StartsWith("Bulk todo", StringComparison.Ordinal)).Select(t => t.Id));
        // Only the three items that passed validation reached the server, each once.
        Assert.Equal(3, Emulator.Stats.CountFor("POST", "L10/{id}/todos"));
        Assert.Equal(1, Emulator.Stats.CountPath("GET", "users/mine"));
    }

    [Fact]
    public async Task Goals_valid_ones_are_created_once_and_failures_keep_index_and_input()
    {
        var items = new[]
        {
            new GoalCreateItem { Title = "Bulk goal A", MeetingId = 2001 },
            new GoalCreateItem { Title = "Bulk goal B" },
            new GoalCreateItem { Title = "Bulk goal C", MeetingId = Unknown },
            new GoalCreateItem { Title = "Bulk goal D", MeetingId = 2002, UserId = 1002 },
            new GoalCreateItem { MeetingId = 2001 },
        };

        var result = await Client.Goals.CreateManyAsync(items);

        Assert.Equal(new[] { ("Bulk goal A", (long?)Me), ("Bulk goal D", (long?)1002) }, result.Successful.Select(g => (g.Title, g.OwnerId)));
        AssertFailures(result, items, (1, "MeetingId"), (2, "404"), (4, "Title"));
        Assert.Equal(2, Emulator.Stats.Created.Goal);
        Assert.Equal(1, Store.Goals.Count(g => g.Title == "Bulk goal A" && g.MeetingId == 2001));
        Assert.Equal(1, Store.Goals.Count(g => g.Title == "Bulk goal D" && g.MeetingId == 2002 && g.OwnerId == 1002));
        Assert.Equal(3, Emulator.Stats.CountFor("POST", "L10/{id}/rocks"));
    }

    [Fact]
    public async Task Issues_check_the_meeting_first_and_create_valid_ones_once()
    {
        var items = new[]
        {
            new IssueCreateItem(),
            new IssueCreateItem { MeetingId = 2001, Title = "Bulk issue B", Notes = "b" },
            new IssueCreateItem { MeetingId = Unknown, Title = "Bulk issue C" },
            new IssueCreateItem { MeetingId = 2001 },
            new IssueCreateItem { MeetingId = 2002, Title = "Bulk issue E", UserId = 1003 },
        };

        var result = await Client.Issues.CreateManyAsync(items);

        Assert.Equal(new[] { ("Bulk issue B", (long?)2001), ("Bulk issue E", (long?)2002) }, result.Successful.Select(i => (i.Title, i.MeetingId)));
        AssertFailures(result, items, (0, "MeetingId"), (2, "404"), (3, "Title"));
        Assert.Equal(2, Emulator.Stats.Created.Issue);
        Assert.Equal(1, Store.Issues.Count(i => i.Title == "Bulk issue B" && i.Notes == "b" && i.OwnerId == Me));
        Assert.Equal(1, Store.Issues.Count(i => i.Title == "Bulk issue E" && i.OwnerId == 1003));
        Assert.Equal(3, Emulator.Stats.CountFor("POST", "issues/create"));
    }

    [Fact]
    public async Task Meetings_valid_ones_are_created_once_with_their_attendees()
    {
        var items = new[]
        {
            new MeetingCreateItem { Title = "Bulk meeting A", AttendeeIds = new long[] { 1002 } },
            new MeetingCreateItem { AddSelf = false },
            new MeetingCreateItem { Title = "Bulk meeting C", AddSelf = false },
            new MeetingCreateItem { Title = "Bulk meeting D", AttendeeIds = new long[] { Unknown } },
        };

        var result = await Client.Meetings.CreateManyAsync(items);

        Assert.Equal(new[] { "Bulk meeting A", "Bulk meeting C" }, result.Successful.Select(m => m.Name));
        AssertFailures(result, items, (1, "Title"), (3, "404"));
        // D's meeting exists (the attendee failed after the create); every create reached the server once.
        Assert.Equal(3, Emulator.Stats.Created.Meeting);
        Assert.Equal(new long[] { Me, 1002 }, Store.Meetings.Single(m => m.Name == "Bulk meeting A").AttendeeIds.OrderBy(id => id));
        Assert.Empty(Store.Meetings.Single(m => m.Name == "Bulk meeting C").AttendeeIds);
        Assert.Equal(new long[] { Me }, Store.Meetings.Single(m => m.Name == "Bulk meeting D").AttendeeIds);
        Assert.Equal(3, Emulator.Stats.CountFor("POST", "L10/create"));
    }

    [Fact]
    public async Task Get_many_reads_every_meeting_and_reports_the_unknown_one()
    {
        var ids = new long[] { 2001, Unknown, 2002, 2001 };

        var result = await Client.Meetings.GetManyAsync(ids);

        Assert.Equal(new long[] { 2001, 2002, 2001 }, result.Successful.Select(m => m.Id));
        Assert.Equal(Store.FindMeeting(2002)!.AttendeeIds, result.Successful[1].Attendees.Select(a => a.Id));
        var failure = Assert.Single(result.Failed);
        Assert.Equal((1, (object)Unknown), (failure.Index, failure.Input));
        var error = Assert.IsType<BloomyApiException>(failure.Error);
        Assert.Equal((404, "GET", $"L10/{Unknown}"), (error.StatusCode!.Value, error.Method, error.Path));
        Assert.Equal(3, Emulator.Stats.CountFor("GET", "L10/{id}/attendees"));
        Assert.Equal(2, Emulator.Stats.CountPath("GET", "L10/2001/measurables"));
        Assert.Equal(0, Emulator.Stats.CountPath("GET", $"L10/{Unknown}/todos"));
    }

    [Fact]
    public async Task Empty_input_sends_nothing()
    {
        var todos = await Client.Todos.CreateManyAsync(Array.Empty<TodoCreateItem>());
        var meetings = await Client.Meetings.GetManyAsync(Array.Empty<long>());

        Assert.Empty(todos.Successful);
        Assert.Empty(meetings.Failed);
        Assert.Equal(0, Emulator.Stats.TotalRequests);
    }

    private static void AssertFailures<T, TInput>(BulkResult<T> result, TInput[] items, params (int Index, string MessagePart)[] expected)
        where TInput : class
    {
        Assert.Equal(expected.Select(e => e.Index), result.Failed.Select(f => f.Index));
        foreach (var (failure, (index, part)) in result.Failed.Zip(expected))
        {
            Assert.Same(items[index], failure.Input);
            Assert.Contains(part, failure.Message);
            Assert.Equal(failure.Error.Message, failure.Message);
        }
    }
}
