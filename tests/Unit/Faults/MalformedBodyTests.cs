using Bloomy.Client;
using Bloomy.Client.Models;
using Bloomy.Emulator;
using Bloomy.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Bloomy.Tests.Faults;

/// <summary>An emulator of its own for the malformed-body suite.</summary>
public sealed class MalformedBodyFixture : EmulatorFixture
{
    protected override EmulatorOptions CreateOptions() => new() { Users = 5 };
}

/// <summary>Suite 4: each kind of malformed answer spoils one item only.</summary>
public sealed class MalformedBodyTests(MalformedBodyFixture fixture, ITestOutputHelper output)
    : FaultSuite(fixture, output), IClassFixture<MalformedBodyFixture>
{
    [Theory]
    [InlineData(MalformedKind.InvalidJson)]
    [InlineData(MalformedKind.Html)]
    [InlineData(MalformedKind.Empty)]
    [InlineData(MalformedKind.Truncated)]
    [InlineData(MalformedKind.MissingField)]
    public void A_malformed_answer_is_one_clear_error_record_and_the_pipeline_goes_on(MalformedKind kind)
    {
        Connect();
        var ids = Emulator.Store.Todos.Take(3).Select(t => t.Id).ToArray();
        var spoiled = ids[1];
        Emulator.Stats.Reset();
        Emulator.Faults.Malformed(kind, "GET", $"todo/{spoiled}");

        var (result, elapsed) = Timed("$ids | Get-BloomyTodo -Verbose", new() { ["ids"] = ids });

        AssertAccounted(ids.Length, result);
        Assert.Equal(new[] { ids[0], ids[2] }, result.OutputOf<Todo>().Select(t => t.Id));
        var error = Assert.Single(result.Errors);
        Assert.Equal("Bloomy.InvalidResponse", ErrorId(error));
        Assert.Equal(spoiled, error.TargetObject);
        var exception = Assert.IsType<BloomyApiException>(error.Exception);
        Assert.Equal(BloomyFailureKind.InvalidResponse, exception.Kind);
        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("GET", exception.Method);
        Assert.Equal($"todo/{spoiled}", exception.Path);
        Assert.StartsWith($"to-do {spoiled}: GET todo/{spoiled} returned ", error.ToString());
        if (kind == MalformedKind.Empty)
        {
            Assert.Null(exception.ResponseExcerpt);
            Assert.Contains("empty body", exception.Message);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(exception.ResponseExcerpt));
            Assert.True(exception.ResponseExcerpt!.Length <= 200);
            Assert.Contains(exception.ResponseExcerpt, exception.Message);
        }
        // A 200 with a bad body is not retried: the server answered, and asking again would get the same.
        Assert.Equal(1, Emulator.Stats.CountPath("GET", $"todo/{spoiled}"));

        Report($"malformed {kind}", ids.Length, result.Output.Count, result.Errors.Count, RetriesSeen(result), elapsed,
            $"message=\"{exception.Message}\"");
    }
}
