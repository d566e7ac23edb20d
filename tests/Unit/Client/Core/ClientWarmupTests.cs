using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Core;

public class ClientWarmupTests
{
    // The warm-up swallows nothing itself: if the client's read path ever wants a field the canned answers lack,
    // this fails instead of the warm-up silently doing nothing for users.
    [Fact]
    public async Task Runs_the_read_paths_to_completion_without_the_network()
    {
        var run = ClientWarmup.RunAsync(CancellationToken.None);
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))));
        await run;
    }
}
