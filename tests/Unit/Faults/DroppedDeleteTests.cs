using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own: these tests delete seeded headlines, goals and meetings.</summary>
public sealed class DroppedDeleteFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 10 };
}

/// <summary>
/// A DELETE whose connection drops after the server deleted: the retry gets 404, and that means done (the item is
/// gone, as asked), reported in -Verbose, not a Bloomy.NotFound error.
/// </summary>
public sealed class DroppedDeleteTests(DroppedDeleteFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<DroppedDeleteFixture>
{
    private const string DoneNote = "already deleted it; counted as deleted";

    [Theory]
    [InlineData("Remove-BloomyHeadline", "headline/{0}")]
    [InlineData("Remove-BloomyGoal", "rocks/{0}")]
    [InlineData("Remove-BloomyMeeting", "L10/{0}")]
    public void A_delete_whose_answer_was_lost_is_done_not_an_error(string cmdlet, string route)
    {
        var ids = cmdlet switch
        {
            "Remove-BloomyHeadline" => Emulator.Store.Headlines.Take(4).Select(h => h.Id).ToList(),
            "Remove-BloomyGoal" => Emulator.Store.Goals.Take(4).Select(g => g.Id).ToList(),
            _ => Emulator.Store.Meetings.TakeLast(3).Select(m => m.Id).ToList(),
        };
        Assert.NotEmpty(ids);
        Connect(maxRetries: 3);
        Emulator.Stats.Reset();
        foreach (var id in ids)
        {
            Emulator.Faults.DropNext(1, DropTiming.AfterAction, "DELETE", string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id));
        }

        var (result, elapsed) = Timed($"{cmdlet} -Id $ids -Confirm:$false -ThrottleLimit 4 -Verbose", new() { ["ids"] = ids.ToArray() });

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(ids.Count, (int)Emulator.Stats.DroppedAfterAction);
        var deletes = Emulator.Stats.Requests.Where(r => r.Method == "DELETE").ToList();
        Assert.Equal(ids.Count, deletes.Count(r => r.StatusCode == 404));
        Assert.Equal(ids.Count, result.Verbose.Count(v => v.Contains(DoneNote, StringComparison.Ordinal)));
        var remaining = cmdlet switch
        {
            "Remove-BloomyHeadline" => Emulator.Store.Headlines.Select(h => h.Id),
            "Remove-BloomyGoal" => Emulator.Store.Goals.Select(g => g.Id),
            _ => Emulator.Store.Meetings.Select(m => m.Id),
        };
        Assert.Empty(remaining.Intersect(ids));

        Report($"dropped DELETEs ({cmdlet})", ids.Count, result.Output.Count, result.Errors.Count, RetriesSeen(result), elapsed,
            $"dropped-after-delete={Emulator.Stats.DroppedAfterAction} 404s={deletes.Count(r => r.StatusCode == 404)}");
    }

    [Fact]
    public void A_delete_of_an_item_that_never_existed_is_still_not_found()
    {
        Connect(maxRetries: 3);

        var result = Session.Run("Remove-BloomyHeadline -Id 987654 -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal("Bloomy.NotFound", ErrorId(error));
    }
}
